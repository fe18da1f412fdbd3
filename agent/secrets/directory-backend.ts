import { randomBytes } from 'node:crypto';
import { lstat, mkdir, open, readdir, readFile, rename, rm } from 'node:fs/promises';
import { join, relative, resolve, sep } from 'node:path';
import { type FoundSecret, type SecretBackend, type SecretLocation, SecretNotFound } from './backend.js';

/** A namespace or ref segment: no separators, no `.`/`..`, nothing hidden. */
const SEGMENT = /^[A-Za-z0-9_][A-Za-z0-9_.-]{0,252}$/;

/**
 * Secrets as files, one per secret: `<dir>/<ref>` for the default namespace (''), and
 * `<dir>/<namespace>/<ref>` otherwise. Values are written to a temporary file (mode 0600) and
 * renamed over the old one, so a reader never sees half a value. Refs that would leave the
 * directory, and symbolic links, are refused.
 */
export class DirectoryBackend implements SecretBackend {
  readonly provider = 'file';
  private readonly root: string;

  constructor(directory: string) {
    this.root = resolve(directory);
  }

  async list(): Promise<FoundSecret[]> {
    const found: FoundSecret[] = [];
    for (const entry of await readdir(this.root, { withFileTypes: true })) {
      if (!SEGMENT.test(entry.name)) continue;
      if (entry.isFile()) found.push(await this.describe({ namespace: '', ref: entry.name }));
      if (entry.isDirectory()) {
        for (const inner of await readdir(join(this.root, entry.name), { withFileTypes: true })) {
          if (inner.isFile() && SEGMENT.test(inner.name)) found.push(await this.describe({ namespace: entry.name, ref: inner.name }));
        }
      }
    }
    return found;
  }

  async read(location: SecretLocation): Promise<Buffer> {
    const path = await this.existing(location);
    return readFile(path);
  }

  async write(location: SecretLocation, value: Buffer): Promise<string> {
    const path = this.pathOf(location);
    await mkdir(join(path, '..'), { recursive: true, mode: 0o700 });
    const temporary = `${path}.${randomBytes(6).toString('hex')}.tmp`;
    const file = await open(temporary, 'wx', 0o600);
    try {
      await file.writeFile(value);
      await file.sync();
    } finally {
      await file.close();
    }
    try {
      await rename(temporary, path);
    } catch (error) {
      await rm(temporary, { force: true });
      throw error;
    }
    return (await this.describe(location)).version;
  }

  private async describe(location: SecretLocation): Promise<FoundSecret> {
    const stat = await lstat(this.pathOf(location));
    return { ...location, version: stat.mtime.toISOString() };
  }

  private async existing(location: SecretLocation): Promise<string> {
    const path = this.pathOf(location);
    const stat = await lstat(path).catch(() => null);
    if (!stat || !stat.isFile()) throw new SecretNotFound(`no secret ${location.namespace ? `${location.namespace}/` : ''}${location.ref}`);
    return path;
  }

  private pathOf({ namespace, ref }: SecretLocation): string {
    if (!SEGMENT.test(ref) || (namespace !== '' && !SEGMENT.test(namespace)))
      throw new SecretNotFound(`not a secret of this directory: ${namespace}/${ref}`);
    const path = resolve(this.root, namespace, ref);
    if (relative(this.root, path).startsWith(`..${sep}`)) throw new SecretNotFound('outside the secrets directory');
    return path;
  }
}
