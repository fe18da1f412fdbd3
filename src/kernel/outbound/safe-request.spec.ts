import { jest } from '@jest/globals';
import dns from 'node:dns';
import http from 'node:http';
import https from 'node:https';
import type { AddressInfo } from 'node:net';
import { hostname } from 'node:os';
import { isPrivateHost } from './private-addresses.js';
import { isHostAllowed, OutboundFailed, OutboundRefused, safeRequest, type OutboundPolicy, type OutboundRequest } from './safe-request.js';

const PRIVATE_OK: OutboundPolicy = { allowPrivate: true, allowedHosts: [] };
const PUBLIC_ONLY: OutboundPolicy = { allowPrivate: false, allowedHosts: [] };
const CANARY = 'canary-7f3a9c';
// A throwaway self-signed certificate for pinned.invalid, for the TLS test only (openssl req -x509 -newkey ec
// -pkeyopt ec_paramgen_curve:prime256v1 -nodes -days 36500 -subj /CN=pinned.invalid).
const TEST_KEY = `-----BEGIN PRIVATE KEY-----
MIGHAgEAMBMGByqGSM49AgEGCCqGSM49AwEHBG0wawIBAQQg7vQhQFPjH5pMpLqo
vfFLH0pQ6oF3DcyIn8w/GM/JydyhRANCAAQw2MU6cjduXznqHRLELQR1BQIHAv+/
Klq2ZuTNUmvvkgdezlI0AX8edkhsOuwn5tPrSbw0pjbTt1s6slIE3dg7
-----END PRIVATE KEY-----`;
const TEST_CERT = `-----BEGIN CERTIFICATE-----
MIIBpTCCAUqgAwIBAgIUccVjQd2A+D2lXMc4PJZeR2XoHlowCgYIKoZIzj0EAwIw
GTEXMBUGA1UEAwwOcGlubmVkLmludmFsaWQwIBcNMjYxMTIyMjIxNDQxWhgPMjEy
NjEwMjkyMjE0NDFaMBkxFzAVBgNVBAMMDnBpbm5lZC5pbnZhbGlkMFkwEwYHKoZI
zj0CAQYIKoZIzj0DAQcDQgAEMNjFOnI3bl856h0SxC0EdQUCBwL/vypatmbkzVJr
75IHXs5SNAF/HnZIbDrsJ+bT60m8NKY207dbOrJSBN3YO6NuMGwwHQYDVR0OBBYE
FB9t8u2qTVQektngi61DMzkEFPxYMB8GA1UdIwQYMBaAFB9t8u2qTVQektngi61D
MzkEFPxYMA8GA1UdEwEB/wQFMAMBAf8wGQYDVR0RBBIwEIIOcGlubmVkLmludmFs
aWQwCgYIKoZIzj0EAwIDSQAwRgIhALjNniFpkEwojnSMuBGcoU66EpRQPTB3kuA5
DaEaFtAGAiEA8LYlXcCJ7Fz5+nW++Jczyxn0tiEjECnMS6jjq16CAvc=
-----END CERTIFICATE-----`;

// A local server on 127.0.0.1 only: every request these tests let through goes to it.
let server: http.Server;
let port: number;
let requests = 0;

beforeAll(async () => {
  server = http.createServer((req, res) => {
    requests++;
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      switch (req.url) {
        case '/hello':
          res.writeHead(200, { 'content-type': 'text/plain', 'x-test': 'yes', 'set-cookie': ['a=1', 'b=2'] });
          return res.end('hello');
        case '/echo':
          res.writeHead(201, { 'content-type': 'application/json' });
          return res.end(JSON.stringify({ method: req.method, headers: req.headers, body: Buffer.concat(chunks).toString() }));
        case '/big':
          res.writeHead(200);
          for (let i = 0; i < 100; i++) res.write(Buffer.alloc(1024, 'x'));
          return res.end();
        case '/redirect':
          res.writeHead(302, { location: '/hello' });
          return res.end();
        case '/hang':
          return; // never answers
        case '/stall':
          res.writeHead(200, { 'content-length': '100' });
          return res.write('partial'); // the rest never comes
        case '/cut':
          res.writeHead(200, { 'content-length': '100' });
          res.write('partial');
          return setTimeout(() => res.socket?.destroy(), 20);
        default:
          res.writeHead(404);
          res.end();
      }
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  port = (server.address() as AddressInfo).port;
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

const call = (path: string, extra: Partial<OutboundRequest> = {}, policy = PRIVATE_OK, host = '127.0.0.1') =>
  safeRequest({ url: `http://${host}:${port}${path}`, method: 'GET', timeoutMs: 5000, maxResponseBytes: 1 << 20, ...extra }, policy);

/** The error a promise rejects with (the test fails if it resolves). */
async function rejection(promise: Promise<unknown>): Promise<Error & { code?: string }> {
  try {
    await promise;
  } catch (error) {
    return error as Error & { code?: string };
  }
  throw new Error('expected a rejection');
}

describe('safeRequest to a local server (allowPrivate)', () => {
  it('returns the status, headers, body and the address it connected to', async () => {
    const res = await call('/hello');
    expect(res).toMatchObject({ status: 200, truncated: false, address: '127.0.0.1' });
    expect(res.headers).toMatchObject({ 'content-type': 'text/plain', 'x-test': 'yes', 'set-cookie': 'a=1, b=2' });
    expect(res.body.toString()).toBe('hello');
  });

  it('sends the method, headers and body; Host is the URL host', async () => {
    const res = await call('/echo', { method: 'POST', headers: { 'content-type': 'application/json', 'x-custom': 'v' }, body: '{"a":1}' });
    expect(res.status).toBe(201);
    const echoed = JSON.parse(res.body.toString());
    expect(echoed).toMatchObject({ method: 'POST', body: '{"a":1}' });
    expect(echoed.headers).toMatchObject({
      'x-custom': 'v',
      'content-type': 'application/json',
      host: `127.0.0.1:${port}`,
      'content-length': '7',
    });
  });

  it('sends a Buffer body', async () => {
    const res = await call('/echo', { method: 'PUT', body: Buffer.from('bytes') });
    expect(JSON.parse(res.body.toString())).toMatchObject({ method: 'PUT', body: 'bytes' });
  });

  it('caps the body at maxResponseBytes and says it was truncated', async () => {
    const res = await call('/big', { maxResponseBytes: 1000 });
    expect(res.truncated).toBe(true);
    expect(res.body.length).toBe(1000);
    expect(res.body.toString()).toBe('x'.repeat(1000));
  });

  it('a body of exactly maxResponseBytes is not truncated', async () => {
    const res = await call('/big', { maxResponseBytes: 100 * 1024 });
    expect(res).toMatchObject({ truncated: false });
    expect(res.body.length).toBe(100 * 1024);
  });

  it('does not follow redirects: a 3xx is returned as it is', async () => {
    const before = requests;
    const res = await call('/redirect');
    expect(res.status).toBe(302);
    expect(res.headers.location).toBe('/hello');
    expect(requests).toBe(before + 1);
  });

  it('times out when no answer comes, and when the body stalls', async () => {
    for (const path of ['/hang', '/stall']) {
      const error = await rejection(call(path, { timeoutMs: 200 }));
      expect(error).toBeInstanceOf(OutboundFailed);
      expect(error.code).toBe('TIMEOUT');
    }
  });

  it("stops when the caller's signal aborts", async () => {
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 50);
    const error = await rejection(call('/hang', { signal: controller.signal }));
    expect(error).toBeInstanceOf(OutboundFailed);
    expect(error.code).toBe('ABORTED');
    expect((await rejection(call('/hello', { signal: AbortSignal.abort() }))).code).toBe('ABORTED');
  });

  it('fails when the connection is refused or cut short, without headers or body in the message', async () => {
    const closed = http.createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const closedPort = (closed.address() as AddressInfo).port;
    await new Promise((resolve) => closed.close(resolve));

    const refused = await rejection(
      safeRequest(
        {
          url: `http://127.0.0.1:${closedPort}/`,
          method: 'POST',
          headers: { authorization: `Bearer ${CANARY}` },
          body: CANARY,
          timeoutMs: 5000,
          maxResponseBytes: 10,
        },
        PRIVATE_OK,
      ),
    );
    expect(refused).toBeInstanceOf(OutboundFailed);
    expect(refused.code).toBe('CONNECTION_FAILED');
    expect(refused.message).toContain('ECONNREFUSED');

    const cut = await rejection(call('/cut', { method: 'POST', headers: { authorization: `Bearer ${CANARY}` }, body: CANARY }));
    expect(cut.code).toBe('CONNECTION_FAILED');

    const timedOut = await rejection(call('/hang', { method: 'POST', headers: { 'x-secret': CANARY }, body: CANARY, timeoutMs: 100 }));
    for (const error of [refused, cut, timedOut]) expect(`${error.message} ${error.stack}`).not.toContain(CANARY);
  });

  it('connects to localhost by name, at the address it checked', async () => {
    const res = await call('/hello', {}, { allowPrivate: true, allowedHosts: ['localhost'] }, 'localhost');
    expect(res).toMatchObject({ status: 200, address: '127.0.0.1' });
  });
});

describe('safeRequest refuses', () => {
  it.each([
    'http://127.0.0.1:PORT/hello',
    'http://localhost:PORT/hello',
    'http://LOCALHOST.:PORT/hello',
    'http://[::1]:PORT/hello',
    'http://0x7f000001:PORT/hello',
    'http://2130706433:PORT/hello',
    'http://127.1:PORT/hello',
    'http://[::ffff:127.0.0.1]:PORT/hello',
    'http://0.0.0.0:PORT/hello',
    'http://169.254.169.254/latest/meta-data/',
    'http://10.0.0.1/',
    'https://192.168.0.1/',
  ])('%s as a private target, without connecting', async (url) => {
    const before = requests;
    const error = await rejection(
      safeRequest({ url: url.replace('PORT', String(port)), method: 'GET', timeoutMs: 1000, maxResponseBytes: 10 }, PUBLIC_ONLY),
    );
    expect(error).toBeInstanceOf(OutboundRefused);
    expect(error.code).toBe('PRIVATE_TARGET');
    expect(requests).toBe(before);
  });

  it("a name that resolves to a private address (this machine's own name)", async () => {
    // Nothing mocked: the machine's name resolves through /etc/hosts to a loopback or private address.
    const name = hostname();
    expect(isPrivateHost(name)).toBe(false);
    const error = await rejection(call('/hello', {}, PUBLIC_ONLY, name));
    expect(error).toBeInstanceOf(OutboundRefused);
    expect(error.code).toBe('PRIVATE_TARGET');
  });

  it.each([
    ['not a url', 'INVALID_URL'],
    ['', 'INVALID_URL'],
    ['http://user:pass@example.com/', 'INVALID_URL'],
    ['https://token@example.com/', 'INVALID_URL'],
    ['ftp://example.com/', 'SCHEME_NOT_ALLOWED'],
    ['file:///etc/passwd', 'SCHEME_NOT_ALLOWED'],
    ['gopher://example.com:70/', 'SCHEME_NOT_ALLOWED'],
    ['javascript:alert(1)', 'SCHEME_NOT_ALLOWED'],
  ])('%s: %s', async (url, code) => {
    const error = await rejection(safeRequest({ url, method: 'GET', timeoutMs: 1000, maxResponseBytes: 10 }, PUBLIC_ONLY));
    expect(error).toBeInstanceOf(OutboundRefused);
    expect(error.code).toBe(code);
  });

  it.each<[Record<string, string>, string]>([
    [{ 'x-a': 'v\r\nInjected: 1' }, 'a CR/LF in a value'],
    [{ 'x-a': 'v\nInjected: 1' }, 'an LF in a value'],
    [{ 'bad name': 'v' }, 'a space in a name'],
    [{ 'x-a\r\nInjected': 'v' }, 'a CR/LF in a name'],
    [{ Host: 'internal.example' }, 'a Host header'],
  ])('headers with %j (%s): INVALID_HEADER, the value not in the message', async (headers) => {
    const before = requests;
    const error = await rejection(call('/echo', { headers }));
    expect(error).toBeInstanceOf(OutboundRefused);
    expect(error.code).toBe('INVALID_HEADER');
    expect(error.message).not.toContain('Injected: 1');
    expect(requests).toBe(before);
  });

  it('a method that is not an HTTP token: INVALID_METHOD', async () => {
    expect((await rejection(call('/echo', { method: 'GET /admin HTTP/1.1\r\n' }))).code).toBe('INVALID_METHOD');
  });
});

describe('the allow-list', () => {
  it.each([
    ['example.com', [], true],
    ['example.com', ['example.com'], true],
    ['EXAMPLE.com', ['example.COM'], true],
    ['example.com.', ['example.com'], true],
    ['api.example.com', ['example.com'], false],
    ['api.example.com', ['*.example.com'], true],
    ['a.b.example.com', ['*.example.com'], true],
    ['example.com', ['*.example.com'], false],
    ['evilexample.com', ['*.example.com'], false],
    ['example.com.evil.net', ['*.example.com', 'example.com'], false],
    ['::1', ['[::1]'], true],
    ['other.org', ['example.com', '*.example.org'], false],
  ] as const)('%s with %j: %s', (host, allowed, expected) => expect(isHostAllowed(host, allowed)).toBe(expected));

  it('refuses a host that is not on it before resolving or connecting', async () => {
    const before = requests;
    for (const [url, allowedHosts] of [
      [`http://127.0.0.1:${port}/hello`, ['example.com']],
      ['https://example.com/', ['*.example.com']],
      ['https://api.example.org/', ['*.example.com']],
    ] as const) {
      const error = await rejection(
        safeRequest({ url, method: 'GET', timeoutMs: 1000, maxResponseBytes: 10 }, { allowPrivate: true, allowedHosts }),
      );
      expect(error).toBeInstanceOf(OutboundRefused);
      expect(error.code).toBe('HOST_NOT_ALLOWED');
    }
    expect(requests).toBe(before);
  });
});

describe('DNS answers', () => {
  afterEach(() => jest.restoreAllMocks());

  it('the socket connects to the address that was checked, never asking DNS again', async () => {
    // `.invalid` never resolves (RFC 6761): the call can only succeed through the checked answer.
    const lookup = jest.spyOn(dns.promises, 'lookup').mockResolvedValue([{ address: '127.0.0.1', family: 4 }] as never);
    const res = await call('/echo', {}, PRIVATE_OK, 'pinned.invalid');
    expect(res).toMatchObject({ status: 201, address: '127.0.0.1' });
    expect(JSON.parse(res.body.toString()).headers.host).toBe(`pinned.invalid:${port}`);
    expect(lookup).toHaveBeenCalledTimes(1);
  });

  it('a connection is never reused: the next call goes to what the next check found', async () => {
    const lookup = jest.spyOn(dns.promises, 'lookup').mockResolvedValue([{ address: '127.0.0.1', family: 4 }] as never);
    expect((await call('/hello', {}, PRIVATE_OK, 'moved.invalid')).address).toBe('127.0.0.1');
    // Nothing listens on 127.0.0.2: a kept-alive socket to 127.0.0.1 would answer instead.
    lookup.mockResolvedValue([{ address: '127.0.0.2', family: 4 }] as never);
    expect((await rejection(call('/hello', {}, PRIVATE_OK, 'moved.invalid'))).code).toBe('CONNECTION_FAILED');
  });

  it('over TLS, the server name is the URL host and the certificate is verified', async () => {
    const tls = https.createServer({
      key: TEST_KEY,
      cert: TEST_CERT,
      SNICallback: (servername, callback) => {
        serverNames.push(servername);
        callback(null);
      },
    });
    const serverNames: string[] = [];
    await new Promise<void>((resolve) => tls.listen(0, '127.0.0.1', resolve));
    try {
      jest.spyOn(dns.promises, 'lookup').mockResolvedValue([{ address: '127.0.0.1', family: 4 }] as never);
      const url = `https://pinned.invalid:${(tls.address() as AddressInfo).port}/`;
      const error = await rejection(safeRequest({ url, method: 'GET', timeoutMs: 5000, maxResponseBytes: 10 }, PRIVATE_OK));
      // Self-signed and not trusted: refused, so verification is on; the handshake named the URL host.
      expect(error).toMatchObject({ code: 'CONNECTION_FAILED', message: expect.stringContaining('SELF_SIGNED') });
      expect(serverNames).toEqual(['pinned.invalid']);
    } finally {
      await new Promise((resolve) => tls.close(resolve));
    }
  });

  it('refuses a name when any of its addresses is private', async () => {
    // The private address first: were the check missing, the call would reach the local server and succeed.
    jest.spyOn(dns.promises, 'lookup').mockResolvedValue([
      { address: '127.0.0.1', family: 4 },
      { address: '192.0.2.1', family: 4 },
    ] as never);
    const before = requests;
    const error = await rejection(call('/hello', {}, PUBLIC_ONLY, 'mixed.invalid'));
    expect(error.code).toBe('PRIVATE_TARGET');
    expect(requests).toBe(before);
  });

  it('a name that does not resolve fails to connect', async () => {
    jest.spyOn(dns.promises, 'lookup').mockRejectedValue(Object.assign(new Error('getaddrinfo ENOTFOUND'), { code: 'ENOTFOUND' }));
    const error = await rejection(call('/hello', {}, PUBLIC_ONLY, 'nowhere.invalid'));
    expect(error).toBeInstanceOf(OutboundFailed);
    expect(error).toMatchObject({ code: 'CONNECTION_FAILED', message: expect.stringContaining('ENOTFOUND') });
  });

  it('a resolver slower than the timeout times out', async () => {
    jest.spyOn(dns.promises, 'lookup').mockReturnValue(new Promise(() => {}) as never);
    expect((await rejection(call('/hello', { timeoutMs: 100 }, PUBLIC_ONLY, 'slow.invalid'))).code).toBe('TIMEOUT');
  });
});
