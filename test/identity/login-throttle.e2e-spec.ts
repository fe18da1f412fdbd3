import { raw } from '../support/contract.js';
import { ADMIN, startServer, type TestServer } from '../support/server.js';

/** Password guessing is throttled per account and per address, without disclosing which accounts exist. */
let t: TestServer;
beforeAll(async () => {
  t = await startServer({ LOGIN_MAX_FAILURES_PER_ACCOUNT: '3', LOGIN_MAX_FAILURES_PER_IP: '8', LOGIN_LOCKOUT_SECONDS: '120' });
});
afterAll(async () => {
  await t?.close();
});

const login = (email: string, password: string) => raw(t.baseUrl, '/api/v1/auth/login', { method: 'POST', json: { email, password } });

test('after the account limit, even the right password is 429 with Retry-After, for known and unknown accounts alike', async () => {
  for (const email of [ADMIN.email, 'ghost@marshal.test']) {
    for (let i = 0; i < 3; i++) expect((await login(email, 'wrong password')).status).toBe(401);
    const locked = await login(email, email === ADMIN.email ? ADMIN.password : 'wrong password');
    expect(locked.status).toBe(429);
    expect(locked.body.error.code).toBe('RATE_LIMITED');
    const retryAfter = Number(locked.headers.get('retry-after'));
    expect(retryAfter).toBeGreaterThan(100);
    expect(retryAfter).toBeLessThanOrEqual(120);
  }
  // The counters are keyed by a hash: the email itself is not stored.
  const keys = await t.sql<{ key: string }>('SELECT key FROM login_failures');
  expect(keys.map((k) => k.key).join(' ')).not.toContain('ghost');
});

test('the address limit stops guessing across many accounts', async () => {
  // 6 failures so far from this address; two more reach the limit of 8.
  expect((await login('a@marshal.test', 'x')).status).toBe(401);
  expect((await login('b@marshal.test', 'x')).status).toBe(401);
  const res = await login('c@marshal.test', 'x');
  expect(res.status).toBe(429);
});

test('concurrent failures are all counted', async () => {
  await t.sql('DELETE FROM login_failures');
  // Six accounts, so that no account lock can refuse one of them before it is counted.
  await Promise.all(Array.from({ length: 6 }, (_, i) => login(`d${i}@marshal.test`, 'x')));
  const [row] = await t.sql<{ failures: number }>("SELECT failures FROM login_failures WHERE key LIKE 'ip:%'");
  expect(row.failures).toBe(6);
});

test('a successful login clears its account counter', async () => {
  await t.sql('DELETE FROM login_failures');
  expect((await login(ADMIN.email, 'wrong')).status).toBe(401);
  expect((await login(ADMIN.email, 'wrong')).status).toBe(401);
  expect((await login(ADMIN.email, ADMIN.password)).status).toBe(200);
  expect((await login(ADMIN.email, 'wrong')).status).toBe(401);
  expect((await login(ADMIN.email, 'wrong')).status).toBe(401);
  expect((await login(ADMIN.email, ADMIN.password)).status).toBe(200);
});
