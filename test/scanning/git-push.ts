import { execFile } from 'node:child_process';
import { mkdir, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

/** What git said when it ran: its exit code and both streams (a refused push fails, with the reason on stderr). */
export interface GitRun {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs the real `git` client, with no configuration of this machine's and no prompt. */
export async function git(cwd: string, args: string[]): Promise<GitRun> {
  try {
    const { stdout, stderr } = await run('git', args, {
      cwd,
      timeout: 60_000,
      env: {
        PATH: process.env.PATH,
        HOME: cwd,
        GIT_CONFIG_NOSYSTEM: '1',
        GIT_CONFIG_GLOBAL: '/dev/null',
        GIT_TERMINAL_PROMPT: '0',
        GIT_AUTHOR_NAME: 'Test',
        GIT_AUTHOR_EMAIL: 'test@marshal.test',
        GIT_COMMITTER_NAME: 'Test',
        GIT_COMMITTER_EMAIL: 'test@marshal.test',
      },
    });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code?: number; stdout?: string; stderr?: string };
    return { code: typeof e.code === 'number' ? e.code : 1, stdout: e.stdout ?? '', stderr: e.stderr ?? '' };
  }
}

/** A working tree of its own, committed to with the files given, and pushed with the real client. */
export class WorkingCopy {
  private constructor(readonly dir: string) {}

  static async create(branch = 'main'): Promise<WorkingCopy> {
    const dir = await mkdtemp(join(tmpdir(), 'marshal-test-git-'));
    const copy = new WorkingCopy(dir);
    await copy.ok(['init', '--quiet', '--initial-branch', branch]);
    return copy;
  }

  /** Writes the files (a `{ symlink }` is a link) and commits them: files not named stay as they are, `null` removes one. */
  async commit(files: Record<string, string | null | { symlink: string }>, message = 'change'): Promise<string> {
    for (const [name, content] of Object.entries(files)) {
      const path = join(this.dir, name);
      await rm(path, { force: true });
      if (content === null) continue;
      await mkdir(dirname(path), { recursive: true });
      if (typeof content === 'string') await writeFile(path, content);
      else await symlink(content.symlink, path);
    }
    await this.ok(['add', '--all']);
    await this.ok(['commit', '--quiet', '--allow-empty', '-m', message]);
    return (await this.ok(['rev-parse', 'HEAD'])).stdout.trim();
  }

  /** `git push <url> <refspecs>` with the password given as Basic credentials (not in the URL, so not in git's output). */
  push(url: string, password: string | null, refspecs: string[] = ['HEAD:refs/heads/main']): Promise<GitRun> {
    const auth =
      password === null ? [] : ['-c', `http.extraHeader=Authorization: Basic ${Buffer.from(`marshal:${password}`).toString('base64')}`];
    return git(this.dir, [...auth, 'push', '--porcelain', url, ...refspecs]);
  }

  async ok(args: string[]): Promise<GitRun> {
    const result = await git(this.dir, args);
    if (result.code !== 0) throw new Error(`git ${args.join(' ')} failed: ${result.stderr}`);
    return result;
  }

  remove(): Promise<void> {
    return rm(this.dir, { recursive: true, force: true });
  }
}
