import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { createWriteStream, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { pipeline } from 'node:stream/promises';
import { createGzip } from 'node:zlib';
import * as tarStream from 'tar-stream';
import {
  cleanUp,
  cleanups,
  countStatements,
  integer,
  marshalEnv,
  processCpuMs,
  provisionDatabase,
  ROOT,
  round2,
  startMarshal,
  type Child,
} from './support.js';

/*
 * `npm run bench:ingest`: snapshot ingestion. An archive of many small source files (BENCH_FILES
 * files of BENCH_FILE_KB KiB, about 50 MB gzipped by default) is uploaded to
 * PUT /api/v1/repositories/{id}/source, and the time to its answer (the archive streamed in, every
 * entry checked, every file stored as a blob, the snapshot recorded) is set against `tar -xzf` of the
 * same archive into a temporary folder, in the same run, round after round (BENCH_ROUNDS, a new
 * archive each round, so that no file is already stored). A statement census follows: one upload of
 * BENCH_CENSUS_FILES files through a counting proxy, statements and commits per file.
 * Results also go to bench/results/ingest.json.
 */
const RESULTS_FILE = join(ROOT, 'bench', 'results', 'ingest.json');
const ADMIN = { email: 'bench@marshal.test', password: randomBytes(12).toString('hex') };
const settings = {
  files: integer('BENCH_FILES', 3000, 1),
  fileKb: integer('BENCH_FILE_KB', 20, 1),
  rounds: integer('BENCH_ROUNDS', 2, 1),
  censusFiles: integer('BENCH_CENSUS_FILES', 300, 0),
  logLevel: process.env.BENCH_LOG_LEVEL || 'warn',
};

/** A gzipped tarball of `files` files in nested folders: base64 text, which compresses about as source does not, so the archive is large. */
async function makeArchive(path: string, files: number, fileKb: number): Promise<void> {
  const pack = tarStream.pack();
  const written = pipeline(pack, createGzip({ level: 6 }), createWriteStream(path));
  for (let i = 0; i < files; i++) {
    const content = Buffer.from(`// file ${i}\n${randomBytes(Math.ceil((fileKb * 1024 * 3) / 4)).toString('base64')}\n`);
    await new Promise<void>((resolve, reject) =>
      pack.entry({ name: `src/module-${i % 50}/part-${Math.floor(i / 50)}/file-${i}.ts`, size: content.length }, content, (e) =>
        e ? reject(e) : resolve(),
      ),
    );
  }
  pack.finalize();
  await written;
}

interface Api {
  baseUrl: string;
  token: string;
}

async function json(api: Api, method: string, path: string, body?: unknown): Promise<any> {
  const res = await fetch(`${api.baseUrl}${path}`, {
    method,
    headers: { authorization: `Bearer ${api.token}`, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await res.text();
  if (res.status >= 300) throw new Error(`${method} ${path} answered ${res.status}: ${text}`);
  return (JSON.parse(text) as { data: unknown }).data;
}

async function login(baseUrl: string): Promise<Api> {
  const res = await fetch(`${baseUrl}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(ADMIN),
  });
  if (res.status !== 200) throw new Error(`login answered ${res.status}`);
  return { baseUrl, token: ((await res.json()) as { data: { accessToken: string } }).data.accessToken };
}

/** A new repository, ready for an upload. */
async function repository(api: Api): Promise<string> {
  const project = await json(api, 'POST', '/api/v1/projects', { name: `Bench ${randomBytes(3).toString('hex')}` });
  return (await json(api, 'POST', `/api/v1/projects/${project.id}/repositories`, { name: 'bench', sourceType: 'upload' })).id as string;
}

async function upload(api: Api, repositoryId: string, archive: string): Promise<{ ms: number; fileCount: number }> {
  // The client holds the archive in memory: the server streams it, and only the server is measured.
  const body = readFileSync(archive);
  const began = performance.now();
  const res = await fetch(`${api.baseUrl}/api/v1/repositories/${repositoryId}/source`, {
    method: 'PUT',
    headers: { authorization: `Bearer ${api.token}`, 'content-type': 'application/gzip' },
    body,
  });
  const text = await res.text();
  const ms = performance.now() - began;
  if (res.status !== 200) throw new Error(`upload answered ${res.status}: ${text}`);
  return { ms, fileCount: (JSON.parse(text) as { data: { snapshot: { fileCount: number } } }).data.snapshot.fileCount };
}

function untar(archive: string, workDir: string): number {
  const into = mkdtempSync(join(workDir, 'untar-'));
  const began = performance.now();
  const result = spawnSync('tar', ['-xzf', archive, '-C', into]);
  const ms = performance.now() - began;
  if (result.status !== 0) throw new Error(`tar -xzf failed: ${result.stderr.toString()}`);
  rmSync(into, { recursive: true, force: true });
  return ms;
}

async function main(): Promise<void> {
  const workDir = mkdtempSync(join(tmpdir(), 'marshal-bench-ingest-'));
  cleanups.push(() => rmSync(workDir, { recursive: true, force: true }));
  const logDir = join(workDir, 'logs');
  mkdirSync(logDir);
  const database = await provisionDatabase(workDir);
  const extra = {
    SNAPSHOT_MAX_FILES: String(Math.max(settings.files, settings.censusFiles) + 10),
    SCAN_UPLOAD_MAX_BYTES: String(1 << 30),
    SNAPSHOT_MAX_BYTES: String(2 ** 31),
  };
  const env = marshalEnv({ databaseUrl: database.url, admin: ADMIN, logLevel: settings.logLevel, extra });
  console.log(`\nSnapshot ingestion: ${settings.files} files of ${settings.fileKb} KiB per archive, ${settings.rounds} rounds`);
  console.log(
    `Node ${process.version}, ${cpus().length} CPUs (${cpus()[0]?.model}), load ${loadavg()
      .map((l) => l.toFixed(2))
      .join(' ')}, ${database.server}`,
  );

  const marshal: Child = await startMarshal('marshal', env, logDir);
  const api = await login(marshal.baseUrl);
  // Warm-up: a small archive, so that the first round does not pay for compiling the path.
  const warm = join(workDir, 'warm.tar.gz');
  await makeArchive(warm, 50, 4);
  await upload(api, await repository(api), warm);

  const rounds: { archiveMb: number; unpackedMb: number; marshalMs: number; tarMs: number; serverCpuMs: number; fileCount: number }[] = [];
  for (let round = 1; round <= settings.rounds; round++) {
    const archive = join(workDir, `round-${round}.tar.gz`);
    await makeArchive(archive, settings.files, settings.fileKb);
    const archiveMb = statSync(archive).size / 1e6;
    const tarMs = untar(archive, workDir);
    const repositoryId = await repository(api);
    const cpuBefore = processCpuMs(marshal.pid)!;
    const { ms, fileCount } = await upload(api, repositoryId, archive);
    const serverCpuMs = processCpuMs(marshal.pid)! - cpuBefore;
    const unpackedMb = (settings.files * (settings.fileKb * 1024 + 20)) / 1e6;
    rounds.push({
      archiveMb: round2(archiveMb),
      unpackedMb: round2(unpackedMb),
      marshalMs: round2(ms),
      tarMs: round2(tarMs),
      serverCpuMs: round2(serverCpuMs),
      fileCount,
    });
    console.log(
      `  round ${round}: ${archiveMb.toFixed(1)} MB archive, ${fileCount} files: Marshal ${ms.toFixed(0)} ms (${(archiveMb / (ms / 1000)).toFixed(1)} MB/s, server CPU ${serverCpuMs.toFixed(0)} ms), tar -xzf ${tarMs.toFixed(0)} ms (${(archiveMb / (tarMs / 1000)).toFixed(1)} MB/s)`,
    );
    rmSync(archive);
  }
  await marshal.stop();

  let census: { files: number; statementsPerFile: number; commitsPerFile: number } | null = null;
  if (settings.censusFiles > 0) {
    const counter = await countStatements(database.url);
    const counted = await startMarshal('marshal (census)', { ...env, DATABASE_URL: counter.url }, logDir);
    try {
      const censusApi = await login(counted.baseUrl);
      const archive = join(workDir, 'census.tar.gz');
      await makeArchive(archive, settings.censusFiles, 2);
      const repositoryId = await repository(censusApi);
      const [statements, commits] = [counter.statements(), counter.commits()];
      await upload(censusApi, repositoryId, archive);
      census = {
        files: settings.censusFiles,
        statementsPerFile: round2((counter.statements() - statements) / settings.censusFiles),
        commitsPerFile: round2((counter.commits() - commits) / settings.censusFiles),
      };
    } finally {
      await counted.stop();
    }
  }

  const mbps = (mb: number, ms: number) => mb / (ms / 1000);
  const marshalMbps = rounds.reduce((s, r) => s + mbps(r.archiveMb, r.marshalMs), 0) / rounds.length;
  const tarMbps = rounds.reduce((s, r) => s + mbps(r.archiveMb, r.tarMs), 0) / rounds.length;
  const ratio = round2(marshalMbps / tarMbps);
  console.log(`\nMB/s of archive (mean of rounds): Marshal ${marshalMbps.toFixed(1)}, tar -xzf ${tarMbps.toFixed(1)}: ratio ${ratio}`);
  if (census)
    console.log(
      `statement census (${census.files} files, one upload): ${census.statementsPerFile} statements and ${census.commitsPerFile} commits per file`,
    );
  mkdirSync(dirname(RESULTS_FILE), { recursive: true });
  writeFileSync(
    RESULTS_FILE,
    `${JSON.stringify({ date: new Date().toISOString(), load: loadavg(), settings, rounds, marshalMbps: round2(marshalMbps), tarMbps: round2(tarMbps), ratio, census }, null, 2)}\n`,
  );
  console.log(`Wrote ${RESULTS_FILE}`);
}

process.once('SIGINT', () => void cleanUp().finally(() => process.exit(130)));
main()
  .catch((error: unknown) => {
    console.error(error);
    process.exitCode = 1;
  })
  .finally(() => cleanUp());
