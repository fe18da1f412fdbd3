import { generateKeyPairSync, randomBytes } from 'node:crypto';
import { chmodSync, existsSync, linkSync, mkdirSync, readFileSync, unlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** Keys a non-production instance generates for itself when none are configured. */
export interface DevelopmentSecrets {
  jwtPrivateKey: string;
  encryptionKey: string;
  databasePassword: string;
}

function generate(): DevelopmentSecrets {
  const { privateKey } = generateKeyPairSync('ec', { namedCurve: 'prime256v1' });
  return {
    jwtPrivateKey: privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
    encryptionKey: randomBytes(32).toString('base64'),
    databasePassword: randomBytes(24).toString('base64url'),
  };
}

/**
 * Development keeps its generated keys in DATA_DIR/secrets.json (mode 0600), so tokens and
 * encrypted values survive restarts. Without a directory (tests) the keys live for this process only.
 */
export function loadOrCreateDevelopmentSecrets(dataDir?: string): DevelopmentSecrets {
  if (!dataDir) return generate();
  const file = join(dataDir, 'secrets.json');
  if (existsSync(file)) return JSON.parse(readFileSync(file, 'utf8')) as DevelopmentSecrets;
  mkdirSync(dataDir, { recursive: true });
  const secrets = generate();
  // Write aside, then link into place: the link is atomic and fails if another process won the
  // race, in which case its keys are the ones to use. No reader ever sees a half-written file.
  const partial = `${file}.${process.pid}.tmp`;
  writeFileSync(partial, JSON.stringify(secrets, null, 2), { mode: 0o600 });
  chmodSync(partial, 0o600);
  try {
    linkSync(partial, file);
    return secrets;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    return JSON.parse(readFileSync(file, 'utf8')) as DevelopmentSecrets;
  } finally {
    unlinkSync(partial);
  }
}
