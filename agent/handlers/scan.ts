import { mkdtemp, realpath, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import {
  assertNoTrace,
  cleanRun,
  sarifLog,
  SCANNERS,
  type SarifRun,
  type Scanner,
  type ScannerName,
  type SourceStream,
  unpackSource,
} from '../scanners/index.js';
import type { Job } from '../server-api.js';
import { invalidPayload, type JobHandler, type JobResult } from './handler.js';

export const SCAN_JOB_TYPE = 'scan';

export interface ScanProgress {
  filesTotal?: number;
  filesDone?: number;
  findings?: number;
  message?: string;
}

/** The scan job the agent holds, and the lease it holds it by. */
export interface HeldScan {
  job: Job;
  leaseId: string;
}

/** What the scan handler asks of the server. */
export interface ScanApi {
  /** The scan's snapshot as an uncompressed tar stream (application/x-tar): regular files and symlinks, relative paths. */
  fetchSource(held: HeldScan, signal: AbortSignal): Promise<SourceStream>;
  /** Progress of the scan (also renews the job's lease). */
  reportProgress(held: HeldScan, progress: ScanProgress, signal: AbortSignal): Promise<void>;
  /** Uploads one SARIF 2.1.0 log (its runs: one per scanner run); answers how many results the server ingested. */
  uploadSarif(held: HeldScan, log: object, signal: AbortSignal): Promise<{ results: number }>;
}

export interface ScanHandlerOptions {
  /** Where each scan's directory is made (os.tmpdir() by default). */
  tmpDir?: string;
}

interface ScanPayload {
  scanId: string;
  repositoryId: string;
  snapshotId: string;
  scanners: Scanner[];
  paths: string[];
  excludePaths: string[];
}

const isId = (value: unknown): value is string => typeof value === 'string' && value !== '';

function prefixes(value: unknown, name: string): string[] {
  if (value === undefined) return [];
  if (!Array.isArray(value) || !value.every((p) => typeof p === 'string'))
    throw invalidPayload(`payload.${name} must be an array of strings`);
  return value;
}

function scanPayload(payload: Record<string, unknown>): ScanPayload {
  const { scanId, repositoryId, snapshotId, scanners = [] } = payload;
  if (!isId(scanId) || !isId(repositoryId) || !isId(snapshotId))
    throw invalidPayload('payload must name scanId, repositoryId and snapshotId');
  if (!Array.isArray(scanners)) throw invalidPayload('payload.scanners must be an array');
  const unknown = scanners.filter((s) => typeof s !== 'string' || !SCANNERS.has(s as ScannerName));
  if (unknown.length)
    throw invalidPayload(`this agent runs the scanners ${[...SCANNERS.keys()].join(', ')}; not ${unknown.map(String).join(', ')}`);
  const names = scanners.length ? [...new Set(scanners as ScannerName[])] : [...SCANNERS.keys()];
  return {
    scanId,
    repositoryId,
    snapshotId,
    scanners: names.map((name) => SCANNERS.get(name)!),
    paths: prefixes(payload.paths, 'paths'),
    excludePaths: prefixes(payload.excludePaths, 'excludePaths'),
  };
}

/** Plain string prefixes, as the server reads them when it decides which findings a scan no longer saw. */
function inScope({ paths, excludePaths }: ScanPayload): (path: string) => boolean {
  return (path) => (!paths.length || paths.some((p) => path.startsWith(p))) && !excludePaths.some((p) => path.startsWith(p));
}

/**
 * Payload {scanId, repositoryId, snapshotId, scanners, paths, excludePaths}: fetches the snapshot as a tar,
 * unpacks the files in scope into a directory of its own (refusing, SOURCE_UNSAFE, an archive with an entry
 * or a link leaving its root), runs each scanner in-process on them, and uploads one SARIF log with a run per
 * scanner: URIs relative to the tree, no snippet, and no trace of the agent's directory. The directory is
 * removed however the job ends. The result counts files, findings per tool, and files that could not be parsed.
 */
export function scanHandler(api: ScanApi, options: ScanHandlerOptions = {}): JobHandler {
  return async ({ job, leaseId, signal, log }) => {
    const held: HeldScan = { job, leaseId };
    const payload = scanPayload(job.payload);
    const progress = async (update: ScanProgress) => {
      try {
        await api.reportProgress(held, update, signal);
      } catch (error) {
        // The scan goes on: progress is news, and the next call renews the lease.
        if (!signal.aborted) log.warn('scan progress not reported', { scanId: payload.scanId, error });
      }
    };

    signal.throwIfAborted();
    const root = await mkdtemp(join(options.tmpDir ?? tmpdir(), 'marshal-scan-'));
    try {
      const source = await api.fetchSource(held, signal);
      const tree = await unpackSource(source, root, inScope(payload), signal);
      const files = tree.files.filter((file) => payload.scanners.some((s) => s.accepts(file)));
      await progress({ filesTotal: files.length, filesDone: 0, message: 'unpacked' });
      log.info('scan source unpacked', { scanId: payload.scanId, files: tree.files.length, links: tree.links, scanned: files.length });

      const where = { roots: [...new Set([root, await realpath(root)])] };
      const runs: SarifRun[] = [];
      const tools: { name: ScannerName; results: number }[] = [];
      let findings = 0;
      let parseErrors = 0;
      for (const [i, scanner] of payload.scanners.entries()) {
        signal.throwIfAborted();
        const output = await scanner.scan(
          root,
          files.filter((file) => scanner.accepts(file)),
          signal,
        );
        const cleaned = output.runs.map((run) => cleanRun(run, { ...where, relativeUrisFrom: output.relativeUrisFrom }));
        const results = cleaned.reduce((sum, run) => sum + (run.results?.length ?? 0), 0);
        runs.push(...cleaned);
        tools.push({ name: scanner.name, results });
        findings += results;
        parseErrors += output.parseErrors;
        // Done: the files no scanner still to run reads.
        const later = payload.scanners.slice(i + 1);
        const filesDone = files.filter((file) => !later.some((s) => s.accepts(file))).length;
        await progress({ filesDone, findings, message: `${scanner.name} done` });
      }

      signal.throwIfAborted();
      const sarif = sarifLog(runs);
      assertNoTrace(sarif, basename(root));
      const uploaded = await api.uploadSarif(held, sarif, signal);
      log.info('scan results uploaded', { scanId: payload.scanId, findings, ingested: uploaded.results, parseErrors });
      const result: JobResult = { filesScanned: files.length, findings, tools, parseErrors };
      return result;
    } finally {
      // Also when aborted: the handler's promise settles only once the directory is gone.
      await rm(root, { recursive: true, force: true, maxRetries: 3 }).catch((error: unknown) =>
        log.error('scan directory not removed', { scanId: payload.scanId, root, error }),
      );
    }
  };
}
