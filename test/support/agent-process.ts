import { type ChildProcess, spawn } from 'node:child_process';
import { join } from 'node:path';
import { ROOT } from './server.js';

/** The reference agent, built to dist/agent/main.js. */
export const AGENT_ENTRY = join(ROOT, 'dist', 'agent', 'main.js');

export type LogLine = {
  time: string;
  level: string;
  msg: string;
  agentId?: string;
  jobId?: string;
  attempt?: number;
  status?: string;
  [key: string]: unknown;
};

const started: AgentProcess[] = [];

/** Every agent the suite started, in order. */
export const startedAgents = (): readonly AgentProcess[] => started;

/** Ends every agent a suite started (in its afterAll). */
export async function killAgents(): Promise<void> {
  await Promise.all(started.map((a) => a.kill('SIGKILL')));
}

export const pause = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Polls `probe` until it answers something other than undefined. */
export async function waitFor<T>(what: string, probe: () => T | undefined | Promise<T | undefined>, timeoutMs = 15_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await pause(100);
  }
}

/** A built agent as a child process; its stderr is JSON lines. */
export class AgentProcess {
  readonly child: ChildProcess;
  readonly exited: Promise<number | null>;
  private text = '';

  constructor(
    readonly label: string,
    args: string[],
    env: Record<string, string> = {},
  ) {
    this.child = spawn(process.execPath, [AGENT_ENTRY, ...args], {
      cwd: ROOT,
      env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '/tmp', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    this.child.stdout!.on('data', (chunk: Buffer) => (this.text += chunk.toString()));
    this.child.stderr!.on('data', (chunk: Buffer) => (this.text += chunk.toString()));
    this.exited = new Promise((resolve) => this.child.once('exit', (code) => resolve(code)));
    started.push(this);
  }

  get output(): string {
    return this.text;
  }

  /** Complete lines that parse; the strict check is a test of its own. */
  lines(): LogLine[] {
    return this.text
      .slice(0, this.text.lastIndexOf('\n') + 1)
      .split('\n')
      .flatMap((line) => {
        try {
          return [JSON.parse(line) as LogLine];
        } catch {
          return [];
        }
      });
  }

  waitForLine(what: string, predicate: (line: LogLine) => boolean, timeoutMs = 15_000): Promise<LogLine> {
    return waitFor(`${this.label} to log ${what}\n${this.text}`, () => this.lines().find(predicate), timeoutMs);
  }

  kill(signal: NodeJS.Signals): Promise<number | null> {
    if (this.child.exitCode === null && this.child.signalCode === null) this.child.kill(signal);
    return this.exited;
  }
}
