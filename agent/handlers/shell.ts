import { spawn } from 'node:child_process';
import { invalidPayload, JobFailure, type JobHandler } from './handler.js';

/** How much of each output stream the result keeps: the end, where errors usually are. */
const TAIL_BYTES = 4096;

/** Keeps the last `limit` bytes written to it. */
class Tail {
  private chunks: Buffer[] = [];
  private size = 0;
  truncated = false;

  constructor(private readonly limit: number) {}

  push(chunk: Buffer): void {
    this.chunks.push(chunk);
    this.size += chunk.length;
    if (this.size > this.limit * 2) this.trim();
  }

  private trim(): void {
    const all = Buffer.concat(this.chunks);
    if (all.length > this.limit) this.truncated = true;
    this.chunks = [all.subarray(Math.max(0, all.length - this.limit))];
    this.size = this.chunks[0].length;
  }

  toString(): string {
    this.trim();
    return this.chunks[0]?.toString('utf8') ?? '';
  }
}

/**
 * Payload {command, args?}: runs one program of the agent's allow-list (`--allow-command`), without
 * a shell, so arguments are never interpreted (no globbing, pipes or `;`). It is killed at the job's
 * timeout or when the job is cancelled. The result holds the exit code and the tails of stdout and
 * stderr; a non-zero exit fails the job with COMMAND_FAILED.
 */
export function shellHandler(allowedCommands: ReadonlySet<string>): JobHandler {
  return ({ job, signal }) => {
    const { command, args = [] } = job.payload;
    if (typeof command !== 'string' || command === '') throw invalidPayload('payload.command must be a program name');
    if (!Array.isArray(args) || !args.every((a) => typeof a === 'string')) throw invalidPayload('payload.args must be an array of strings');
    // Exact match only: "ls" allows neither "/tmp/ls" nor "./ls".
    if (!allowedCommands.has(command)) {
      throw new JobFailure('COMMAND_NOT_ALLOWED', `"${command}" is not in this agent's allow-list (--allow-command)`, false);
    }

    return new Promise((resolve, reject) => {
      const started = Date.now();
      const stdout = new Tail(TAIL_BYTES);
      const stderr = new Tail(TAIL_BYTES);
      const child = spawn(command, args, {
        shell: false,
        stdio: ['ignore', 'pipe', 'pipe'],
        signal,
        timeout: job.timeoutSeconds * 1000,
        killSignal: 'SIGKILL',
      });
      child.stdout.on('data', (chunk: Buffer) => stdout.push(chunk));
      child.stderr.on('data', (chunk: Buffer) => stderr.push(chunk));
      child.once('error', (error: NodeJS.ErrnoException) => {
        if (error.code === 'ENOENT') reject(new JobFailure('COMMAND_NOT_FOUND', `"${command}" was not found on this agent's PATH`, false));
        else reject(error);
      });
      child.once('close', (exitCode, killedBy) => {
        const result = {
          exitCode,
          signal: killedBy,
          durationMs: Date.now() - started,
          stdoutTail: stdout.toString(),
          stderrTail: stderr.toString(),
          truncated: stdout.truncated || stderr.truncated,
        };
        if (exitCode === 0) resolve(result);
        else if (killedBy)
          reject(new JobFailure('COMMAND_KILLED', `"${command}" was killed by ${killedBy} (timeout or cancellation)`, true, result));
        else reject(new JobFailure('COMMAND_FAILED', `"${command}" exited with code ${exitCode}`, true, result));
      });
    });
  };
}
