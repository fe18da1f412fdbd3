import { raw } from '../support/contract.js';
import { startServer, type TestServer } from '../support/server.js';

/** CORS is off unless CORS_ORIGINS names the origins allowed to call from a browser. */
let open: TestServer;
let closed: TestServer;
beforeAll(async () => {
  [open, closed] = await Promise.all([startServer({ CORS_ORIGINS: 'https://console.example' }), startServer()]);
});
afterAll(async () => {
  await Promise.all([open?.close(), closed?.close()]);
});

const preflight = (t: TestServer, origin: string) =>
  raw(t.baseUrl, '/api/v1/me', {
    method: 'OPTIONS',
    headers: { origin, 'access-control-request-method': 'GET', 'access-control-request-headers': 'authorization' },
  });

test('an allowed origin gets a preflight answer and can read the correlation headers', async () => {
  const res = await preflight(open, 'https://console.example');
  expect(res.status).toBe(204);
  expect(res.headers.get('access-control-allow-origin')).toBe('https://console.example');
  const get = await raw(open.baseUrl, '/healthz', { headers: { origin: 'https://console.example' } });
  expect(get.headers.get('access-control-expose-headers')).toContain('x-correlation-id');
});

test('another origin is not allowed', async () => {
  const res = await preflight(open, 'https://evil.example');
  expect(res.headers.get('access-control-allow-origin')).toBeNull();
});

test('without CORS_ORIGINS no origin is allowed', async () => {
  const res = await raw(closed.baseUrl, '/healthz', { headers: { origin: 'https://console.example' } });
  expect(res.headers.get('access-control-allow-origin')).toBeNull();
});
