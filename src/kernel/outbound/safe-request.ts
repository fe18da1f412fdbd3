import dns from 'node:dns';
import http from 'node:http';
import https from 'node:https';
import { isIP, type LookupFunction } from 'node:net';
import { isPrivateAddress, isPrivateHost } from './private-addresses.js';

/** Where outbound calls may go. */
export interface OutboundPolicy {
  /** Whether loopback, private, link-local and other internal addresses may be reached. */
  allowPrivate: boolean;
  /** Exact host names or `*.example.com` (its subdomains, not example.com itself), ASCII, any case; empty: any host. */
  allowedHosts: readonly string[];
}

export interface OutboundRequest {
  url: string;
  method: string;
  headers?: Record<string, string>;
  body?: string | Buffer;
  /** Covers resolving, connecting and the whole response. */
  timeoutMs: number;
  /** Bytes of the response body kept; the rest is not read. */
  maxResponseBytes: number;
  signal?: AbortSignal;
  /** false: accept any server certificate (an endpoint configured for a self-signed server). Verified by default. */
  verifyTls?: boolean;
}

export interface OutboundResponse {
  status: number;
  /** Lower-case names; a repeated header's values joined with ', '. */
  headers: Record<string, string>;
  body: Buffer;
  /** The body was longer than maxResponseBytes: `body` holds its first maxResponseBytes bytes. */
  truncated: boolean;
  /** The IP address the socket was connected to. */
  address: string;
}

/** The request was not sent: it breaks the policy or is malformed. Messages name the host, never a header or body. */
export class OutboundRefused extends Error {
  constructor(
    readonly code: 'INVALID_URL' | 'SCHEME_NOT_ALLOWED' | 'HOST_NOT_ALLOWED' | 'PRIVATE_TARGET' | 'INVALID_HEADER' | 'INVALID_METHOD',
    message: string,
  ) {
    super(message);
    this.name = 'OutboundRefused';
  }
}

/** The request was allowed but got no complete answer. Messages name the host and a system code, never a header or body. */
export class OutboundFailed extends Error {
  constructor(
    readonly code: 'TIMEOUT' | 'CONNECTION_FAILED' | 'ABORTED',
    message: string,
    /** For CONNECTION_FAILED: the system's code (ECONNREFUSED, ENOTFOUND, a TLS code…), when there is one. */
    readonly systemCode?: string,
  ) {
    super(message);
    this.name = 'OutboundFailed';
  }
}

/** RFC 9110 token: what Node accepts as a method. */
const TOKEN = /^[!#$%&'*+\-.^_`|~0-9A-Za-z]+$/;

/**
 * Makes one HTTP(S) call that cannot be pointed at the internal network (SSRF). The host must pass the
 * allow-list; unless the policy allows private targets, a literal private host is refused, and a name
 * is resolved here and refused when any of its addresses is private. The socket then connects to those
 * checked addresses only, so a second DNS answer (rebinding) cannot change the target; the Host header
 * and the TLS server name stay the URL's host, so certificates verify as usual. Redirects are not
 * followed: a 3xx is returned like any other status.
 */
export async function safeRequest(request: OutboundRequest, policy: OutboundPolicy): Promise<OutboundResponse> {
  checkMethodAndHeaders(request);
  const { signal, interrupted } = deadline(safeHost(request.url), request.timeoutMs, request.signal);
  const target = await checkTarget(request.url, policy, signal, interrupted);
  return send(target.url, target.host, target.addresses, request, signal, interrupted);
}

/** A URL that passed the policy, with the addresses its host resolved to: the only ones to connect to. */
export interface CheckedTarget {
  url: URL;
  /** Without brackets. */
  host: string;
  /** The URL's port, or its scheme's. */
  port: number;
  addresses: string[];
}

/**
 * The checks of safeRequest without the call, for a client that is not Node's (the `git` binary):
 * the URL is refused or answered with the addresses to pin, so that the client connects to those
 * and no others (for git, `http.curloptResolve`). Throws OutboundRefused or OutboundFailed.
 */
export async function resolveTarget(raw: string, policy: OutboundPolicy, timeoutMs: number): Promise<CheckedTarget> {
  const { signal, interrupted } = deadline(safeHost(raw), timeoutMs);
  return checkTarget(raw, policy, signal, interrupted);
}

function safeHost(raw: string): string {
  try {
    return new URL(raw).hostname.replace(/^\[(.*)\]$/, '$1');
  } catch {
    return 'the host';
  }
}

function deadline(host: string, timeoutMs: number, caller?: AbortSignal) {
  const timeout = AbortSignal.timeout(timeoutMs);
  const signal = caller ? AbortSignal.any([timeout, caller]) : timeout;
  const interrupted = () =>
    timeout.aborted
      ? new OutboundFailed('TIMEOUT', `No complete answer from ${host} within ${timeoutMs} ms`)
      : new OutboundFailed('ABORTED', `The call to ${host} was cancelled`);
  return { signal, interrupted };
}

async function checkTarget(
  raw: string,
  policy: OutboundPolicy,
  signal: AbortSignal,
  interrupted: () => OutboundFailed,
): Promise<CheckedTarget> {
  const url = parseTarget(raw);
  const host = url.hostname.replace(/^\[(.*)\]$/, '$1');
  if (!isHostAllowed(host, policy.allowedHosts)) throw new OutboundRefused('HOST_NOT_ALLOWED', `${host} is not an allowed host`);
  if (!policy.allowPrivate && isPrivateHost(host)) throw privateTarget(host);
  const addresses = isIP(host) ? [host] : await resolve(host, signal, interrupted);
  if (!policy.allowPrivate && addresses.some(isPrivateAddress)) throw privateTarget(host);
  const port = url.port ? Number(url.port) : url.protocol === 'https:' ? 443 : 80;
  return { url, host, port, addresses };
}

/** Whether a host (no brackets) is on the allow-list; an empty list allows any host. */
export function isHostAllowed(host: string, allowedHosts: readonly string[]): boolean {
  if (allowedHosts.length === 0) return true;
  const name = host.toLowerCase().replace(/\.$/, '');
  return allowedHosts.some((entry) => {
    const allowed = entry.toLowerCase().replace(/^\[(.*)\]$/, '$1');
    return allowed.startsWith('*.') ? name.endsWith(allowed.slice(1)) : name === allowed;
  });
}

function parseTarget(raw: string): URL {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new OutboundRefused('INVALID_URL', 'The URL is not valid');
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new OutboundRefused('SCHEME_NOT_ALLOWED', `${url.protocol} URLs are not allowed: only http and https`);
  }
  // Credentials belong in headers, where they are not logged with the URL.
  if (url.username || url.password) throw new OutboundRefused('INVALID_URL', 'The URL must not carry credentials');
  return url;
}

/** Node would throw these from http.request; refusing first gives a clear code and keeps values out of messages. */
function checkMethodAndHeaders(request: OutboundRequest): void {
  if (!TOKEN.test(request.method)) throw new OutboundRefused('INVALID_METHOD', 'The method is not a valid HTTP method');
  for (const [name, value] of Object.entries(request.headers ?? {})) {
    try {
      http.validateHeaderName(name);
      http.validateHeaderValue(name, value);
    } catch {
      throw new OutboundRefused(
        'INVALID_HEADER',
        `The header ${JSON.stringify(name)} has an invalid name or value (CR, LF or another control character)`,
      );
    }
    // Node takes the TLS server name from a Host header: the target's name must come from the URL alone.
    if (name.toLowerCase() === 'host') throw new OutboundRefused('INVALID_HEADER', 'The Host header comes from the URL');
  }
}

const privateTarget = (host: string) =>
  new OutboundRefused('PRIVATE_TARGET', `${host} is or resolves to a loopback, private or link-local address`);

async function resolve(host: string, signal: AbortSignal, interrupted: () => OutboundFailed): Promise<string[]> {
  if (signal.aborted) throw interrupted();
  // A lookup cannot be cancelled; racing it with the signal keeps a slow resolver within the timeout.
  let onAbort = () => {};
  const aborted = new Promise<never>((_, reject) => (onAbort = () => reject(interrupted())));
  signal.addEventListener('abort', onAbort, { once: true });
  try {
    const answers = await Promise.race([dns.promises.lookup(host, { all: true }), aborted]);
    return answers.map((answer) => answer.address);
  } catch (error) {
    if (error instanceof OutboundFailed) throw error;
    throw new OutboundFailed('CONNECTION_FAILED', `${host} could not be resolved (${systemCode(error)})`, systemCode(error));
  } finally {
    signal.removeEventListener('abort', onAbort);
  }
}

/** A lookup that answers with the checked addresses only, whatever DNS would say now. */
function pinnedLookup(addresses: string[]): LookupFunction {
  const answers = addresses.map((address) => ({ address, family: isIP(address) }));
  return (_hostname, options, callback) => {
    // With autoSelectFamily (Node's default) the socket asks for all and tries them in turn.
    if (options.all) callback(null, answers);
    else callback(null, answers[0].address, answers[0].family);
  };
}

function send(
  url: URL,
  host: string,
  addresses: string[],
  request: OutboundRequest,
  signal: AbortSignal,
  interrupted: () => OutboundFailed,
): Promise<OutboundResponse> {
  return new Promise((resolvePromise, reject) => {
    if (signal.aborted) return reject(interrupted());
    const req = (url.protocol === 'https:' ? https : http).request(url, {
      method: request.method,
      headers: request.headers,
      // Never a pooled socket: it may be connected to an address checked under another policy.
      agent: false,
      lookup: pinnedLookup(addresses),
      rejectUnauthorized: request.verifyTls !== false,
    });
    let settled = false;
    const settle = (outcome: () => void) => {
      if (settled) return;
      settled = true;
      signal.removeEventListener('abort', onAbort);
      outcome();
    };
    const fail = (error: OutboundFailed) =>
      settle(() => {
        req.destroy();
        reject(error);
      });
    const onAbort = () => fail(interrupted());
    signal.addEventListener('abort', onAbort, { once: true });
    const connectionFailed = (error?: unknown) =>
      fail(
        new OutboundFailed(
          'CONNECTION_FAILED',
          `The call to ${host} failed (${error === undefined ? 'connection closed' : systemCode(error)})`,
          error === undefined ? undefined : systemCode(error),
        ),
      );

    req.on('error', connectionFailed);
    req.on('response', (res) => {
      const address = res.socket.remoteAddress ?? '';
      const chunks: Buffer[] = [];
      let size = 0;
      const complete = (truncated: boolean) =>
        settle(() => {
          // Stop reading: the rest of a long body is not downloaded.
          if (truncated) req.destroy();
          const headers = Object.fromEntries(
            Object.entries(res.headers).map(([name, value]) => [name, Array.isArray(value) ? value.join(', ') : (value ?? '')]),
          );
          resolvePromise({ status: res.statusCode ?? 0, headers, body: Buffer.concat(chunks), truncated, address });
        });
      res.on('data', (chunk: Buffer) => {
        const room = request.maxResponseBytes - size;
        if (chunk.length > room) {
          chunks.push(chunk.subarray(0, room));
          return complete(true);
        }
        chunks.push(chunk);
        size += chunk.length;
      });
      res.on('end', () => complete(false));
      res.on('error', connectionFailed);
      // Closed before the end of the body (the peer reset or closed the connection).
      res.on('close', () => {
        if (!res.complete) connectionFailed();
      });
    });
    req.end(request.body);
  });
}

function systemCode(error: unknown): string {
  return (error as NodeJS.ErrnoException | undefined)?.code ?? 'error';
}
