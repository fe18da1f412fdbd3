// Runs `nest build` only when the build's inputs changed since the last successful build, so that a
// second `npm start` (or test run, or bench) starts at once instead of spending a minute compiling.
//
//   node scripts/build-if-stale.mjs             build when dist/ is missing or its stamp differs
//   node scripts/build-if-stale.mjs --always    build regardless (npm run build)
//   node scripts/build-if-stale.mjs --if-missing
//                                               build only when dist/ is missing: never replace a dist/
//                                               a running server may be using (npm run agent); warn when stale
//
// The stamp is a SHA-256 over the path and content of every input file: what tsconfig.build.json
// compiles (less the specs it excludes), the compiler's configuration, and the locked dependencies
// (the Swagger plugin's output depends on their versions). nest-cli.json deletes dist/ before it
// compiles, so an interrupted or failed build leaves no stamp and the next run builds again.
import { createHash } from 'node:crypto';
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const stampFile = join(root, 'dist', '.build-stamp');
const configFiles = ['tsconfig.json', 'tsconfig.build.json', 'nest-cli.json', 'package.json', 'package-lock.json'];

function inputFiles() {
  const { include } = JSON.parse(readFileSync(join(root, 'tsconfig.build.json'), 'utf8'));
  const files = [...configFiles];
  const walk = (path) => {
    if (!existsSync(path)) return;
    if (statSync(path).isDirectory()) {
      for (const entry of readdirSync(path)) walk(join(path, entry));
    } else if (!path.endsWith('.spec.ts')) {
      files.push(relative(root, path).split(sep).join('/'));
    }
  };
  for (const entry of include) walk(join(root, entry));
  return [...new Set(files)].sort();
}

function fingerprint() {
  const hash = createHash('sha256');
  for (const file of inputFiles()) {
    hash.update(`${file}\0`);
    hash.update(readFileSync(join(root, file)));
    hash.update('\0');
  }
  return hash.digest('hex');
}

function build(stamp) {
  const nest = join(root, 'node_modules', '@nestjs', 'cli', 'bin', 'nest.js');
  const started = Date.now();
  const result = spawnSync(process.execPath, [nest, 'build'], { cwd: root, stdio: 'inherit' });
  if (result.status !== 0) process.exit(result.status ?? 1);
  writeFileSync(stampFile, `${stamp}\n`);
  console.error(`build-if-stale: built in ${((Date.now() - started) / 1000).toFixed(1)} s`);
}

const mode = process.argv[2];
if (mode !== undefined && mode !== '--always' && mode !== '--if-missing') {
  console.error(`build-if-stale: unknown option ${mode}`);
  process.exit(2);
}
const current = fingerprint();
const recorded = existsSync(stampFile) ? readFileSync(stampFile, 'utf8').trim() : null;

if (mode === '--always') {
  build(current);
} else if (mode === '--if-missing') {
  if (!existsSync(join(root, 'dist'))) build(current);
  else if (recorded !== current) console.error('build-if-stale: dist/ is older than the sources; `npm run build` refreshes it');
} else if (recorded !== current) {
  build(current);
}
