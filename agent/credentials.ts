/**
 * Who the agent is: an id and secret given on the command line, or kept in a state file by an
 * earlier registration, or obtained now by registering with an enrollment token. The state file
 * makes a restart the same agent (same id, same jobs aimed at it) instead of a new one.
 */
import { chmod, mkdir, readFile, rename, stat, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { Backoff, sleep } from './backoff.js';
import type { Logger } from './log.js';
import { UsageError, type AgentOptions } from './options.js';
import { registerAgent, ServerUnavailable, type Timing } from './server-api.js';

export interface Credentials {
  agentId: string;
  agentSecret: string;
  /** Known right after registering; otherwise the first heartbeat tells. */
  timing?: Timing;
}

interface StateFile {
  agentId: string;
  agentSecret: string;
  server: string;
  name: string;
  registeredAt: string;
}

async function readState(path: string, log: Logger): Promise<StateFile | undefined> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
  let state: Partial<StateFile>;
  try {
    state = JSON.parse(text) as Partial<StateFile>;
  } catch {
    throw new UsageError(`The state file ${path} is not JSON: fix or remove it`);
  }
  if (typeof state.agentId !== 'string' || typeof state.agentSecret !== 'string') {
    throw new UsageError(`The state file ${path} has no agentId and agentSecret: fix or remove it`);
  }
  if ((await stat(path)).mode & 0o077) log.warn('the state file is readable by other users: chmod 600 it', { stateFile: path });
  return state as StateFile;
}

/** Written aside then renamed, so a crash never leaves half a file, and 0600 from the start. */
async function writeState(path: string, state: StateFile): Promise<void> {
  await mkdir(dirname(path), { recursive: true, mode: 0o700 });
  const temporary = `${path}.${process.pid}.tmp`;
  await writeFile(temporary, JSON.stringify(state, null, 2) + '\n', { mode: 0o600 });
  await chmod(temporary, 0o600);
  await rename(temporary, path);
}

/**
 * Answers the credentials to use, registering if it must (retried while the server is unreachable).
 * Undefined: `stop` aborted before there were any.
 */
export async function obtainCredentials(
  options: AgentOptions,
  capabilities: string[],
  version: string,
  hostname: string,
  log: Logger,
  stop: AbortSignal,
): Promise<Credentials | undefined> {
  if (options.agentId && options.agentSecret) return { agentId: options.agentId, agentSecret: options.agentSecret };

  if (options.stateFile) {
    const state = await readState(options.stateFile, log);
    if (state) {
      log.info('using the credentials of the state file', { stateFile: options.stateFile, agentId: state.agentId });
      return { agentId: state.agentId, agentSecret: state.agentSecret };
    }
  }
  if (!options.enrollmentToken)
    throw new UsageError(`No credentials: ${options.stateFile} does not exist yet, and there is no --enrollment-token to register with`);

  const backoff = new Backoff();
  while (!stop.aborted) {
    try {
      const registered = await registerAgent(options.server, {
        enrollmentToken: options.enrollmentToken,
        name: options.name,
        labels: options.labels,
        capabilities,
        version,
        hostname,
      });
      log.info('registered', { agentId: registered.agentId, name: options.name });
      if (options.stateFile) {
        await writeState(options.stateFile, {
          ...registered,
          server: options.server,
          name: options.name,
          registeredAt: new Date().toISOString(),
        });
        log.info('saved the credentials', { stateFile: options.stateFile });
      }
      return registered;
    } catch (error) {
      if (!(error instanceof ServerUnavailable)) throw error;
      const delay = backoff.next();
      log.warn('server unavailable; will register again', { error, retryInMs: delay });
      await sleep(delay, stop);
    }
  }
  return undefined;
}
