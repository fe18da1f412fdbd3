import { expectMatchesContract, raw, type RawResponse } from '../support/contract.js';
import { ADMIN, spawnServer, startServer, type RunningServer, type TestServer } from '../support/server.js';

/**
 * Password guessing is slowed, never locked: growing delays per (account, address) pair and per
 * address, answered at once with 429 and Retry-After; the owner at another address always gets in,
 * and at the attacker's address once the current delay has passed. Unknown accounts are counted
 * exactly like known ones. Each test starts from no counters and uses addresses of its own
 * (X-Forwarded-For, trusted from loopback).
 */
const THROTTLE = {
  LOGIN_FREE_FAILURES_PER_PAIR: '3',
  LOGIN_FREE_FAILURES_PER_ADDRESS: '8',
  LOGIN_FREE_FAILURES_PER_ACCOUNT: '8',
  LOGIN_DELAY_BASE_SECONDS: '2',
  LOGIN_DELAY_MAX_SECONDS: '8',
};
const GHOST = 'ghost@marshal.test';
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

function login(baseUrl: string, address: string, email: string, password: string): Promise<RawResponse> {
  return raw(baseUrl, '/api/v1/auth/login', { method: 'POST', headers: { 'x-forwarded-for': address }, json: { email, password } });
}

/** Asserts a 429 RATE_LIMITED in the envelope and returns its Retry-After (whole seconds, at least 1). */
function retryAfter(res: RawResponse): number {
  expect({ status: res.status, code: res.body?.error?.code }).toEqual({ status: 429, code: 'RATE_LIMITED' });
  expectMatchesContract('POST', '/api/v1/auth/login', 429, res.body);
  const seconds = Number(res.headers.get('retry-after'));
  expect(Number.isInteger(seconds) && seconds >= 1).toBe(true);
  expect(res.body.error.details).toEqual({ retryAfterSeconds: seconds });
  return seconds;
}

const waitOut = (seconds: number) => sleep(seconds * 1000 + 250);

describe('growing delays instead of lockouts', () => {
  let t: TestServer;
  const as = (address: string, email: string, password: string) => login(t.baseUrl, address, email, password);
  const wrong = (address: string, email = ADMIN.email) => as(address, email, 'wrong password');
  const owner = (address: string) => as(address, ADMIN.email, ADMIN.password);

  beforeAll(async () => {
    t = await startServer(THROTTLE);
  });
  beforeEach(async () => {
    await t.sql('DELETE FROM login_failures');
  });
  afterAll(async () => {
    await t?.close();
  });

  test('an attacker at one address is slowed with a growing Retry-After, while the owner gets in at once from another address', async () => {
    const attacker = '203.0.113.10';
    for (let i = 0; i < 3; i++) expect((await wrong(attacker)).status).toBe(401);
    const delays: number[] = [];
    for (let round = 0; round < 3; round++) {
      // Past the free failures each failure delays the next attempt: 2 s, then 4 s, then 8 s.
      expect((await wrong(attacker)).status).toBe(401);
      const delay = retryAfter(await wrong(attacker));
      delays.push(delay);
      // Meanwhile the owner, elsewhere, is not held back at all.
      expect((await owner('203.0.113.11')).status).toBe(200);
      await waitOut(delay);
    }
    expect(delays[0]).toBeLessThanOrEqual(2);
    expect(delays[1]).toBeGreaterThan(delays[0]);
    expect(delays[2]).toBeGreaterThan(delays[1]);
    expect(delays[2]).toBeLessThanOrEqual(8);
  }, 60_000);

  test("the attacker's address is slowed for other accounts too once past its own limit", async () => {
    const attacker = '203.0.113.20';
    // Eight accounts, one guess each: no pair reaches its limit, the address reaches its own.
    for (let i = 0; i < 8; i++) expect((await wrong(attacker, `victim${i}@marshal.test`)).status).toBe(401);
    expect((await wrong(attacker, 'victim8@marshal.test')).status).toBe(401);
    const delay = retryAfter(await wrong(attacker, 'victim9@marshal.test'));
    expect(delay).toBeLessThanOrEqual(2);
    // Even the right password of an account never guessed from there waits out the address's delay...
    retryAfter(await owner(attacker));
    // ...which concerns that address only.
    expect((await owner('203.0.113.21')).status).toBe(200);
    await waitOut(delay);
    expect((await owner(attacker)).status).toBe(200);
  });

  test("the owner at the attacker's address waits no longer than the current delay, then gets in, and that clears the pair", async () => {
    const shared = '203.0.113.30';
    for (let i = 0; i < 3; i++) expect((await wrong(shared)).status).toBe(401);
    expect((await wrong(shared)).status).toBe(401); // delay 2 s
    await waitOut(retryAfter(await wrong(shared)));
    expect((await wrong(shared)).status).toBe(401); // delay 4 s
    const delay = retryAfter(await owner(shared));
    expect(delay).toBeLessThanOrEqual(4);
    await waitOut(delay);
    expect((await owner(shared)).status).toBe(200);
    // The success cleared the pair: its free failures are back.
    for (let i = 0; i < 3; i++) expect((await wrong(shared)).status).toBe(401);
    expect((await owner(shared)).status).toBe(200);
  });

  test('unknown accounts are answered exactly like known ones, and no e-mail address is stored', async () => {
    const sequence = async (address: string, email: string) => {
      const out: { status: number; error: unknown; retryAfter: boolean }[] = [];
      for (let i = 0; i < 6; i++) {
        const res = await wrong(address, email);
        if (res.status === 429) expect(retryAfter(res)).toBeLessThanOrEqual(2);
        // The seconds left depend on when the request arrives; that there is a delay does not.
        out.push({ status: res.status, error: res.body.error, retryAfter: res.headers.has('retry-after') });
      }
      return out;
    };
    const known = await sequence('203.0.113.40', ADMIN.email);
    const unknown = await sequence('203.0.113.41', GHOST);
    expect(unknown).toEqual(known);
    expect(known.map((r) => r.status)).toEqual([401, 401, 401, 401, 429, 429]);
    const keys = (await t.sql<{ key: string }>('SELECT key FROM login_failures')).map((k) => k.key).join(' ');
    expect(keys).not.toContain('ghost');
    expect(keys).not.toContain('owner');
    expect(keys).not.toContain('marshal.test');
  });

  test('concurrent guesses get no more checks than sequential ones, and are all counted', async () => {
    const attacker = '203.0.113.50';
    const results = await Promise.all(Array.from({ length: 12 }, () => wrong(attacker, GHOST)));
    // Three free failures, then the fourth sets a delay that holds back every other guess.
    expect(results.filter((r) => r.status === 401)).toHaveLength(4);
    for (const res of results.filter((r) => r.status !== 401)) retryAfter(res);
    const [address] = await t.sql<{ failures: number }>('SELECT failures FROM login_failures WHERE key = $1', [`ip:${attacker}`]);
    expect(address.failures).toBe(4);
  });

  test('many addresses against one account: past its free failures every guessing address is slowed from its first failure, never a fresh one', async () => {
    const bots = Array.from({ length: 9 }, (_, i) => `198.18.0.${i + 1}`);
    // Eight addresses, one failure each: within every allowance.
    for (const bot of bots.slice(0, 8)) expect((await wrong(bot)).status).toBe(401);
    // The ninth failure on the account: the pair has no free failure left.
    expect((await wrong(bots[8])).status).toBe(401);
    expect(retryAfter(await wrong(bots[8]))).toBeLessThanOrEqual(2);
    // An address that already failed now pays from its next failure, with its own growing delay.
    expect((await wrong(bots[0])).status).toBe(401);
    expect(retryAfter(await wrong(bots[0]))).toBeLessThanOrEqual(4);
    // The owner, at an address that has not failed, is never held back by the account's count.
    expect((await owner('198.18.1.1')).status).toBe(200);
    // An unknown account under the same attack behaves the same.
    for (const bot of bots) expect((await wrong(bot, GHOST)).status).toBe(401);
    retryAfter(await wrong(bots[8], GHOST));
  });
});

describe('across a restart', () => {
  // Delays long enough to outlast a restart on a loaded machine.
  const env = { ...THROTTLE, LOGIN_DELAY_BASE_SECONDS: '30', LOGIN_DELAY_MAX_SECONDS: '60', LOGIN_FAILURE_MEMORY_SECONDS: '600' };
  let t: TestServer;
  let restarted: RunningServer | undefined;
  beforeAll(async () => {
    t = await startServer(env);
  });
  afterAll(async () => {
    await restarted?.stop();
    await t?.close();
  });

  test('counters survive it: the attacker is still slowed for what is left of the delay, the owner elsewhere gets in, and past the memory all is forgotten', async () => {
    const attacker = '203.0.113.60';
    for (let i = 0; i < 4; i++) expect((await login(t.baseUrl, attacker, ADMIN.email, 'wrong')).status).toBe(401);
    const before = retryAfter(await login(t.baseUrl, attacker, ADMIN.email, 'wrong'));
    expect(before).toBeLessThanOrEqual(30);

    await t.stop();
    restarted = await spawnServer({
      ...env,
      LOG_LEVEL: 'warn',
      DATABASE_URL: t.databaseUrl,
      DATABASE_POOL_SIZE: '5',
      ADMIN_EMAIL: ADMIN.email,
      ADMIN_PASSWORD: ADMIN.password,
      RATE_LIMIT_ENABLED: 'false',
    });
    const after = retryAfter(await login(restarted.baseUrl, attacker, ADMIN.email, ADMIN.password));
    // The same delay, only shorter by the time the restart took: not reset, not lengthened.
    expect(after).toBeLessThanOrEqual(before);
    expect((await login(restarted.baseUrl, '203.0.113.61', ADMIN.email, ADMIN.password)).status).toBe(200);

    // Past LOGIN_FAILURE_MEMORY_SECONDS since its last failure a counter counts for nothing (as if
    // the time had passed: the delay is over and the failures are old).
    await t.sql("UPDATE login_failures SET last_failed_at = now() - interval '601 seconds', delayed_until = now() - interval '1 second'");
    for (let i = 0; i < 3; i++) expect((await login(restarted.baseUrl, attacker, ADMIN.email, 'wrong')).status).toBe(401);
    expect((await login(restarted.baseUrl, attacker, ADMIN.email, ADMIN.password)).status).toBe(200);
  }, 120_000);
});
