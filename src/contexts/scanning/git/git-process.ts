import { execFile } from 'node:child_process';
import { promisify } from 'node:util';

const run = promisify(execFile);

/**
 * The environment every git process of Marshal runs in: nothing of Marshal's own (its database URL,
 * its keys), no system or user configuration, no prompt for credentials, and `home` as HOME, so a
 * push or a clone is shaped only by the options Marshal passes.
 */
export function gitEnvironment(home: string, extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  return {
    PATH: process.env.PATH ?? '/usr/bin:/bin',
    HOME: home,
    LANG: 'C',
    GIT_CONFIG_NOSYSTEM: '1',
    GIT_CONFIG_GLOBAL: '/dev/null',
    GIT_TERMINAL_PROMPT: '0',
    ...extra,
  };
}

/** Runs `git args…` in `cwd` and answers its standard output; a failure rejects with git's own message. */
export async function git(
  cwd: string,
  args: string[],
  options: { timeoutMs: number; home?: string; signal?: AbortSignal },
): Promise<string> {
  const { stdout } = await run('git', args, {
    cwd,
    env: gitEnvironment(options.home ?? cwd),
    timeout: options.timeoutMs,
    killSignal: 'SIGKILL',
    signal: options.signal,
    maxBuffer: 16 * 1024 * 1024,
    encoding: 'utf8',
  });
  return stdout;
}
