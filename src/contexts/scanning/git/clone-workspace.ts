import { mkdtemp, readdir, rm, stat } from 'node:fs/promises';
import { isIP } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { CheckedTarget } from '../../../kernel/outbound/safe-request.js';
import { git } from './git-process.js';

const CLONE_NAME = 'clone.git';
/** How often the clone's size on disk is looked at: a pack over the limit is stopped within this. */
const SIZE_POLL_MS = 200;

export type CloneFailureReason = 'TOO_LARGE' | 'TIMEOUT' | 'FAILED';

/** git could not clone: why, in words that name the URL (never a credential: URLs carry none) and git's own reason. */
export class CloneFailure extends Error {
  constructor(
    readonly reason: CloneFailureReason,
    message: string,
  ) {
    super(message);
    this.name = 'CloneFailure';
  }
}

/**
 * A shallow, bare clone of one branch on this replica's disk, for one request: `git clone` may speak
 * http(s) only (`protocol.allow`), connects only to the addresses the kernel's outbound rules checked
 * (`http.curloptResolve`, so a second DNS answer cannot aim it elsewhere), follows no redirect, runs
 * no hook, checks every object, fetches no submodule and no tag, and is stopped past `maxBytes` on
 * disk or `timeoutMs`. Bare: nothing is checked out, so no path of the clone is ever written as a file.
 */
export class CloneWorkspace {
  private constructor(readonly root: string) {}

  static async clone(
    target: CheckedTarget,
    branch: string | null,
    limits: { maxBytes: number; timeoutMs: number },
  ): Promise<CloneWorkspace> {
    const workspace = new CloneWorkspace(await mkdtemp(join(tmpdir(), 'marshal-clone-')));
    try {
      await workspace.fetch(target, branch, limits);
      return workspace;
    } catch (error) {
      await workspace.remove();
      throw error;
    }
  }

  private get gitDir(): string {
    return join(this.root, CLONE_NAME);
  }

  private async fetch(target: CheckedTarget, branch: string | null, limits: { maxBytes: number; timeoutMs: number }): Promise<void> {
    const url = target.url.href;
    const options = [
      'protocol.allow=never',
      'protocol.http.allow=always',
      'protocol.https.allow=always',
      'http.followRedirects=false',
      'transfer.fsckObjects=true',
      `core.hooksPath=${join(this.root, 'no-hooks')}`,
      ...(isIP(target.host) ? [] : [`http.curloptResolve=${target.host}:${target.port}:${target.addresses.map(bracketed).join(',')}`]),
    ].flatMap((option) => ['-c', option]);
    const args = [...options, 'clone', '--bare', '--depth', '1', '--single-branch', '--no-tags', '--template=', '--quiet'];
    if (branch !== null) args.push('--branch', branch);
    args.push('--', url, CLONE_NAME);

    const stop = new AbortController();
    let tooLarge = false;
    const watch = setInterval(() => {
      void sizeOf(this.root).then((size) => {
        if (size > limits.maxBytes && !stop.signal.aborted) {
          tooLarge = true;
          stop.abort();
        }
      });
    }, SIZE_POLL_MS);
    try {
      await git(this.root, args, { timeoutMs: limits.timeoutMs, signal: stop.signal });
    } catch (error) {
      if (tooLarge) throw new CloneFailure('TOO_LARGE', `${url} is larger than the ${limits.maxBytes} bytes a clone may take`);
      throw gitFailed(error, `clone ${url}`);
    } finally {
      clearInterval(watch);
    }
    // A fast clone ends between two looks.
    if ((await sizeOf(this.root)) > limits.maxBytes)
      throw new CloneFailure('TOO_LARGE', `${url} is larger than the ${limits.maxBytes} bytes a clone may take`);
  }

  /** The commit cloned. */
  async head(timeoutMs: number): Promise<string> {
    const out = await git(this.root, ['--git-dir', CLONE_NAME, 'rev-parse', 'HEAD^{commit}'], { timeoutMs }).catch((error: unknown) => {
      throw gitFailed(error, 'read the commit cloned');
    });
    return out.trim();
  }

  /** The commit's tree as a tar file in the workspace (the tree: a commit's archive starts with a pax header naming it). */
  async archive(commit: string, timeoutMs: number): Promise<{ file: string; size: number }> {
    const file = join(this.root, 'source.tar');
    await git(this.root, ['--git-dir', CLONE_NAME, 'archive', '--format=tar', '-o', file, `${commit}^{tree}`], { timeoutMs }).catch(
      (error: unknown) => {
        throw gitFailed(error, 'archive the commit cloned');
      },
    );
    return { file, size: (await stat(file)).size };
  }

  async remove(): Promise<void> {
    await rm(this.root, { recursive: true, force: true });
  }
}

/** A git process that failed: killed by its time limit (what is left of GIT_CLONE_TIMEOUT_SECONDS), or refused with a reason. */
function gitFailed(error: unknown, what: string): CloneFailure {
  if ((error as { killed?: boolean }).killed) return new CloneFailure('TIMEOUT', `git could not ${what} within GIT_CLONE_TIMEOUT_SECONDS`);
  return new CloneFailure('FAILED', `git could not ${what}: ${gitReason(error)}`);
}

const bracketed = (address: string) => (isIP(address) === 6 ? `[${address}]` : address);

/** git's last `fatal:` or `error:` line, short: what the user can act on (a missing repository, a refused TLS certificate). */
function gitReason(error: unknown): string {
  const raw = (error as { stderr?: unknown }).stderr;
  const stderr = typeof raw === 'string' ? raw : '';
  const lines = stderr
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => /^(fatal|error|remote):/.test(line));
  const line = lines.at(-1) ?? 'git failed';
  return line.length > 300 ? `${line.slice(0, 300)}…` : line;
}

/** Bytes of the files under a directory; a file that goes while it is read counts as nothing. */
async function sizeOf(directory: string): Promise<number> {
  let total = 0;
  const entries = await readdir(directory, { withFileTypes: true, recursive: true }).catch(() => []);
  for (const entry of entries) {
    if (!entry.isFile()) continue;
    total += await stat(join(entry.parentPath, entry.name)).then(
      (s) => s.size,
      () => 0,
    );
  }
  return total;
}
