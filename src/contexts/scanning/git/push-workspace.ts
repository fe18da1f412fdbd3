import { mkdtemp, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { git } from './git-process.js';

/** The bare repository's name under the workspace: http-backend's PATH_INFO starts with it. */
export const REMOTE_NAME = 'remote.git';

export interface PushedBranch {
  name: string;
  commit: string;
}

/**
 * An empty bare repository, on this replica's disk for one request of a push: it takes objects only
 * through receive-pack (within `maxInputBytes`, every object checked), serves no fetch, runs no hook,
 * and is removed when the request ends. A push always meets an empty remote, so it sends the whole
 * branch, and any replica can take it.
 */
export class PushWorkspace {
  private constructor(
    readonly root: string,
    private readonly timeoutMs: number,
  ) {}

  static async create(maxInputBytes: number, timeoutMs: number): Promise<PushWorkspace> {
    const root = await mkdtemp(join(tmpdir(), 'marshal-push-'));
    const workspace = new PushWorkspace(root, timeoutMs);
    try {
      // --template= : no hooks or files of the system's templates.
      await git(root, ['init', '--bare', '--quiet', '--template=', REMOTE_NAME], { timeoutMs });
      for (const [key, value] of [
        ['receive.maxInputSize', String(maxInputBytes)],
        ['receive.fsckObjects', 'true'],
        ['receive.denyDeletes', 'true'],
        ['http.receivepack', 'true'],
        ['http.uploadpack', 'false'],
        ['http.getanyfile', 'false'],
        ['core.hooksPath', join(root, 'no-hooks')],
      ])
        await git(root, ['--git-dir', REMOTE_NAME, 'config', key, value], { timeoutMs });
      return workspace;
    } catch (error) {
      await workspace.remove();
      throw error;
    }
  }

  private get gitDir(): string {
    return join(this.root, REMOTE_NAME);
  }

  /** The branches the push created, by name. */
  async branches(): Promise<PushedBranch[]> {
    const out = await git(
      this.root,
      ['--git-dir', REMOTE_NAME, 'for-each-ref', '--format=%(objectname) %(refname:lstrip=2)', 'refs/heads'],
      {
        timeoutMs: this.timeoutMs,
      },
    );
    return out
      .split('\n')
      .filter(Boolean)
      .map((line) => {
        const space = line.indexOf(' ');
        return { commit: line.slice(0, space), name: line.slice(space + 1) };
      });
  }

  /**
   * The commit's tree as a tar file in the workspace, answered with its path and size. The tree, not
   * the commit: a commit's archive starts with a pax header naming it, which is not a file of the source.
   */
  async archive(commit: string): Promise<{ file: string; size: number }> {
    const file = join(this.root, 'source.tar');
    await git(this.root, ['--git-dir', REMOTE_NAME, 'archive', '--format=tar', '-o', file, `${commit}^{tree}`], {
      timeoutMs: this.timeoutMs,
    });
    return { file, size: (await stat(file)).size };
  }

  async remove(): Promise<void> {
    await rm(this.root, { recursive: true, force: true });
  }
}

/** Which pushed branch becomes the snapshot: the one named, else the only one, else `main` or `master`. */
export function chooseBranch(branches: PushedBranch[], wanted: string | null): PushedBranch | { missing: string } {
  if (wanted !== null) return branches.find((b) => b.name === wanted) ?? { missing: `the push has no branch "${wanted}"` };
  if (branches.length === 1) return branches[0];
  const preferred = branches.find((b) => b.name === 'main') ?? branches.find((b) => b.name === 'master');
  if (preferred) return preferred;
  return {
    missing: branches.length
      ? `the push has several branches (${branches.map((b) => b.name).join(', ')}) and none is main: name one when the remote is created`
      : 'the push has no branch',
  };
}
