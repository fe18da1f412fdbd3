import { spawn } from 'node:child_process';
import type { IncomingHttpHeaders } from 'node:http';
import type { Readable } from 'node:stream';
import { gitEnvironment } from './git-process.js';

/** One request of git's smart HTTP protocol, as `git http-backend` (a CGI program) is given it. */
export interface SmartHttpRequest {
  method: string;
  /** The repository and service under the project root: `/remote.git/info/refs`, `/remote.git/git-receive-pack`. */
  pathInfo: string;
  query: string;
  headers: IncomingHttpHeaders;
  body: Readable;
  remoteUser: string;
  remoteAddress: string;
}

/** What http-backend answered: its CGI status and headers, and its whole output (a push's report is small). */
export interface SmartHttpAnswer {
  status: number;
  headers: Record<string, string>;
  body: Buffer;
  /** Its exit code; null when it was killed. */
  exitCode: number | null;
  /** What git said on its standard error: why a push failed, for the remote's status (never sent as is). */
  stderr: string;
}

export class SmartHttpTimeout extends Error {}

/** Output past this is not a push's report: the process is stopped. */
const MAX_OUTPUT_BYTES = 4 * 1024 * 1024;
const MAX_STDERR_BYTES = 64 * 1024;

/**
 * Runs `git http-backend` over one request: the request's body is its standard input, and its CGI
 * answer (headers, a blank line, the body) is read whole, so that the caller decides what to send
 * once the push is read. Only the protocol's own headers reach git.
 */
export function runHttpBackend(projectRoot: string, request: SmartHttpRequest, timeoutMs: number): Promise<SmartHttpAnswer> {
  const header = (name: string) => {
    const value = request.headers[name];
    return Array.isArray(value) ? value[0] : value;
  };
  const cgi: Record<string, string> = {
    GIT_PROJECT_ROOT: projectRoot,
    GIT_HTTP_EXPORT_ALL: '1',
    PATH_INFO: request.pathInfo,
    REQUEST_METHOD: request.method,
    QUERY_STRING: request.query,
    REMOTE_USER: request.remoteUser,
    REMOTE_ADDR: request.remoteAddress,
    CONTENT_TYPE: header('content-type') ?? '',
  };
  // Without CONTENT_LENGTH, http-backend reads to the end of input: what a chunked push needs.
  const length = header('content-length');
  if (length !== undefined) cgi.CONTENT_LENGTH = length;
  const encoding = header('content-encoding');
  if (encoding !== undefined) cgi.HTTP_CONTENT_ENCODING = encoding;
  const protocol = header('git-protocol');
  if (protocol !== undefined) cgi.GIT_PROTOCOL = protocol;

  return new Promise((resolve, reject) => {
    const child = spawn('git', ['http-backend'], { env: gitEnvironment(projectRoot, cgi), stdio: ['pipe', 'pipe', 'pipe'] });
    const out: Buffer[] = [];
    let outBytes = 0;
    let stderr = '';
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      child.kill('SIGKILL');
    }, timeoutMs);
    child.stdout.on('data', (chunk: Buffer) => {
      outBytes += chunk.length;
      if (outBytes > MAX_OUTPUT_BYTES) child.kill('SIGKILL');
      else out.push(chunk);
    });
    child.stderr.on('data', (chunk: Buffer) => {
      if (stderr.length < MAX_STDERR_BYTES) stderr += chunk.toString('utf8');
    });
    // git stops reading when it refuses a pack (too large): the rest of the request is not its concern.
    child.stdin.on('error', () => undefined);
    request.body.on('error', () => child.stdin.destroy());
    request.body.pipe(child.stdin);
    child.on('error', (error) => {
      clearTimeout(timer);
      reject(error);
    });
    child.on('close', (code) => {
      clearTimeout(timer);
      request.body.unpipe(child.stdin);
      if (timedOut) return reject(new SmartHttpTimeout(`git http-backend took longer than ${timeoutMs} ms`));
      resolve({ ...parseCgi(Buffer.concat(out)), exitCode: code, stderr });
    });
  });
}

/** A CGI answer: `Name: value` lines up to a blank one (CRLF or LF), `Status: 403 Forbidden` its status, then the body. */
function parseCgi(output: Buffer): { status: number; headers: Record<string, string>; body: Buffer } {
  let end = output.indexOf('\r\n\r\n');
  let gap = 4;
  const lf = output.indexOf('\n\n');
  if (lf !== -1 && (end === -1 || lf < end)) [end, gap] = [lf, 2];
  if (end === -1) return { status: 502, headers: {}, body: Buffer.alloc(0) };
  const headers: Record<string, string> = {};
  let status = 200;
  for (const line of output.subarray(0, end).toString('latin1').split(/\r?\n/)) {
    const colon = line.indexOf(':');
    if (colon <= 0) continue;
    const name = line.slice(0, colon).trim().toLowerCase();
    const value = line.slice(colon + 1).trim();
    if (name === 'status') status = Number.parseInt(value, 10) || 502;
    else headers[name] = value;
  }
  return { status, headers, body: output.subarray(end + gap) };
}
