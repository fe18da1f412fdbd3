import { generateKeyPairSync, randomBytes } from 'node:crypto';
import { connect } from 'node:net';
import { Redis } from 'ioredis';
import { expectMatchesContract, spec } from '../support/contract.js';
import { httpClient } from '../support/http.js';
import { ADMIN, spawnServer, startServer, type RunningServer, type TestServer } from '../support/server.js';
import { useServer } from '../support/use-server.js';

/**
 * Rate limits under /api: per organization by tier, per client address for anonymous callers, in
 * process or shared through Redis. Other suites run with limits off; here they are on.
 */

const REDIS_URL = 'redis://127.0.0.1:6379';
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const hex = (n = 4) => randomBytes(n).toString('hex');

/** Whether a Redis answers PING at REDIS_URL within a second. */
function redisAnswers(): Promise<boolean> {
  return new Promise((resolve) => {
    const { hostname, port } = new URL(REDIS_URL);
    const socket = connect(Number(port || 6379), hostname);
    const done = (ok: boolean) => {
      socket.destroy();
      resolve(ok);
    };
    socket.setTimeout(1000, () => done(false));
    socket.once('error', () => done(false));
    socket.once('connect', () => socket.write('PING\r\n'));
    socket.once('data', (chunk: Buffer) => done(chunk.toString().startsWith('+PONG')));
  });
}

const redisRequired = process.env.MARSHAL_REQUIRE_REDIS === '1';
const redisAvailable = await redisAnswers();
if (!redisAvailable && !redisRequired) {
  console.warn(
    `rate-limit.e2e-spec: no Redis answers at ${REDIS_URL}; the shared-counter tests are skipped (set MARSHAL_REQUIRE_REDIS=1 to make this a failure)`,
  );
}
const describeRedis = redisAvailable || redisRequired ? describe : describe.skip;

const RATE_HEADERS = ['x-ratelimit-limit', 'x-ratelimit-remaining', 'x-ratelimit-reset', 'ratelimit-policy', 'ratelimit'];
const rateHeaders = (res: { headers: Headers }) => Object.fromEntries(RATE_HEADERS.map((h) => [h, res.headers.get(h)]));
const NO_RATE_HEADERS = Object.fromEntries(RATE_HEADERS.map((h) => [h, null]));

/** X-RateLimit-Reset is a Unix timestamp in seconds (seed 002): between now and `withinSeconds` from now. */
function expectResetTimestamp(res: { headers: Headers }, withinSeconds: number) {
  const reset = Number(res.headers.get('x-ratelimit-reset'));
  const now = Date.now() / 1000;
  expect(Number.isInteger(reset)).toBe(true);
  expect(reset).toBeGreaterThanOrEqual(Math.floor(now) - 1);
  expect(reset).toBeLessThanOrEqual(Math.ceil(now) + withinSeconds + 1);
}

/**
 * The IETF fields, exactly as draft-ietf-httpapi-ratelimit-headers-12 writes them (Structured Field
 * lists of strings with integer parameters): RateLimit-Policy lists the burst and minute policies of
 * the partition (`org` or `address`), RateLimit reports the one closest to its limit.
 */
function ietfHeaders(res: { headers: Headers }, partition: 'org' | 'address', burst: number, minute: number) {
  expect(res.headers.get('ratelimit-policy')).toBe(`"${partition}-burst";q=${burst};w=1, "${partition}-minute";q=${minute};w=60`);
  const match = /^"(org|address)-(burst|minute)";a=(\d+);w=(\d+)$/.exec(res.headers.get('ratelimit') ?? '');
  expect(match).not.toBeNull();
  return { partition: match![1], policy: match![2], available: Number(match![3]), window: Number(match![4]) };
}

function me(baseUrl: string, token: string, workspace?: string) {
  return httpClient(baseUrl).get('/api/v1/me', { token, workspace });
}

/** Organizations created one by one, slowly enough not to trip the creator's own burst limit. */
async function createOrganizations(baseUrl: string, token: string, n: number): Promise<string[]> {
  const ids: string[] = [];
  for (let i = 0; i < n; i++) {
    const created = await httpClient(baseUrl)
      .post('/api/v1/organizations', { token, body: { name: `Limited ${hex()}` } })
      .expect(201);
    ids.push(created.data.id);
    await sleep(300);
  }
  return ids;
}

function expectRateLimited(res: { status: number; headers: Headers; body: any }, method: string, path: string) {
  expect(res.status).toBe(429);
  expectMatchesContract(method, path, 429, res.body);
  expect(res.body.error.code).toBe('RATE_LIMITED');
  const retryAfter = Number(res.headers.get('retry-after'));
  expect(Number.isInteger(retryAfter)).toBe(true);
  expect(retryAfter).toBeGreaterThanOrEqual(1);
  expect(res.body.error.details).toEqual({ retryAfterSeconds: retryAfter });
}

describe('per organization (standard 60/min, bursts of 5/s; premium 600/min, 50/s)', () => {
  const t = useServer({
    LOG_LEVEL: 'warn',
    RATE_LIMIT_ENABLED: 'true',
    RATE_LIMIT_STANDARD: '60,5',
    RATE_LIMIT_PREMIUM: '600,50',
    CORS_ORIGINS: 'https://console.example',
  });
  let owner: string;
  let orgs: string[];
  beforeAll(async () => {
    owner = t.token;
    // One fresh organization per test: a test's burst never eats another's budget.
    orgs = await createOrganizations(t.baseUrl, owner, 6);
  });

  test('every /api answer carries X-RateLimit-Limit, -Remaining, -Reset (a timestamp) and the IETF fields, for the tightest window', async () => {
    const first = await me(t.baseUrl, owner, orgs[0]).expectResponse(200);
    // One request: 4 of the 5 per second left (80%) is tighter than 59 of the 60 per minute.
    expect(rateHeaders(first)).toMatchObject({ 'x-ratelimit-limit': '5', 'x-ratelimit-remaining': '4' });
    expectResetTimestamp(first, 1);
    expect(ietfHeaders(first, 'org', 5, 60)).toEqual({ partition: 'org', policy: 'burst', available: 4, window: expect.any(Number) });
    expect(ietfHeaders(first, 'org', 5, 60).window).toBeLessThanOrEqual(1);
    const second = await me(t.baseUrl, owner, orgs[0]).expectResponse(200);
    expect(second.headers.get('x-ratelimit-remaining')).toBe('3');
    expect(ietfHeaders(second, 'org', 5, 60).available).toBe(3);
    // Errors carry them too.
    const missing = await t.http
      .get('/api/v1/teams/{id}', { params: { id: '01960000-0000-7000-8000-000000000000' }, workspace: orgs[0] })
      .expectResponse(404);
    expect(missing.headers.get('x-ratelimit-limit')).toBe('5');
    ietfHeaders(missing, 'org', 5, 60);
  });

  test('the reset timestamp is the end of the window: the minute window reports its own end', async () => {
    // Spread over a few seconds so that the burst window stays far from its limit and the minute
    // window (60 per minute, 1 request left after 59) becomes the tightest.
    const org = orgs[5];
    let last: Awaited<ReturnType<typeof me>> | undefined;
    for (let i = 0; i < 59; i++) {
      last = await me(t.baseUrl, owner, org);
      expect({ i, status: last.status }).toEqual({ i, status: 200 });
      if (i % 4 === 3) await sleep(1_050);
    }
    expect(rateHeaders(last!)).toMatchObject({ 'x-ratelimit-limit': '60', 'x-ratelimit-remaining': '1' });
    const minute = ietfHeaders(last!, 'org', 5, 60);
    expect(minute).toMatchObject({ policy: 'minute', available: 1 });
    expect(minute.window).toBeGreaterThan(30);
    expect(minute.window).toBeLessThanOrEqual(60);
    // The timestamp and the delta name the same moment.
    const reset = Number(last!.headers.get('x-ratelimit-reset'));
    expect(Math.abs(reset - (Date.now() / 1000 + minute.window))).toBeLessThanOrEqual(2);
  });

  test('a burst over the limit is answered 429 RATE_LIMITED with Retry-After, in the error envelope', async () => {
    const results = await Promise.all(Array.from({ length: 8 }, () => me(t.baseUrl, owner, orgs[1])));
    const ok = results.filter((r) => r.status === 200);
    const limited = results.filter((r) => r.status !== 200);
    expect(ok).toHaveLength(5);
    expect(limited).toHaveLength(3);
    for (const res of limited) {
      expectRateLimited(res, 'GET', '/api/v1/me');
      expect(res.headers.get('x-ratelimit-remaining')).toBe('0');
      // RateLimit says nothing is available for as long as Retry-After says to wait.
      expect(ietfHeaders(res, 'org', 5, 60)).toEqual({
        partition: 'org',
        policy: 'burst',
        available: 0,
        window: Number(res.headers.get('retry-after')),
      });
      expectResetTimestamp(res, Number(res.headers.get('retry-after')));
    }
    // The window passes: the organization is served again.
    await sleep(Number(limited[0].headers.get('retry-after')) * 1000 + 200);
    await me(t.baseUrl, owner, orgs[1]).expect(200);
  });

  test("one organization's burst does not limit another", async () => {
    const [busy, calm] = [orgs[2], orgs[3]];
    const burst = await Promise.all(Array.from({ length: 8 }, () => me(t.baseUrl, owner, busy)));
    expect(burst.filter((r) => r.status === 429).length).toBeGreaterThan(0);
    const other = await me(t.baseUrl, owner, calm).expectResponse(200);
    expect(rateHeaders(other)).toMatchObject({ 'x-ratelimit-limit': '5', 'x-ratelimit-remaining': '4' });
    // Same principal, same moment: only the busy organization is held back.
    await me(t.baseUrl, owner, busy).expect(429);
  });

  test('a premium organization gets the premium limits', async () => {
    const premium = orgs[4];
    // Before its first request: the tier is cached for a minute once read.
    await t.sql("UPDATE organizations SET tier = 'premium' WHERE id = $1", [premium]);
    const first = await me(t.baseUrl, owner, premium).expectResponse(200);
    expect(rateHeaders(first)).toMatchObject({ 'x-ratelimit-limit': '50', 'x-ratelimit-remaining': '49' });
    const burst = await Promise.all(Array.from({ length: 8 }, () => me(t.baseUrl, owner, premium)));
    expect(burst.map((r) => r.status)).toEqual(Array(8).fill(200));
    const org = await t.http.get('/api/v1/organizations/{id}', { params: { id: premium }, workspace: premium }).expect(200);
    expect(org.data.tier).toBe('premium');
  });

  test('a browser on an allowed origin may read every rate-limit header', async () => {
    const res = await t.http.get('/api/v1/me', { headers: { origin: 'https://console.example' } }).expectResponse(200);
    const exposed = (res.headers.get('access-control-expose-headers') ?? '')
      .toLowerCase()
      .split(',')
      .map((h) => h.trim());
    expect(exposed).toEqual(expect.arrayContaining([...RATE_HEADERS, 'retry-after']));
  });

  test('the document declares the headers on every limited response, and Retry-After on 429', () => {
    const document = spec as unknown as {
      paths: Record<string, Record<string, { responses: Record<string, { headers?: Record<string, { $ref: string }> }> }>>;
      components: { headers: Record<string, unknown> };
    };
    for (const name of [
      'X-RateLimit-Limit',
      'X-RateLimit-Remaining',
      'X-RateLimit-Reset',
      'RateLimit-Policy',
      'RateLimit',
      'Retry-After',
    ]) {
      expect(document.components.headers[name]).toBeDefined();
    }
    const responses = document.paths['/api/v1/me'].get.responses;
    for (const status of ['200', '401', '403', '429', '500']) {
      expect({ status, headers: Object.keys(responses[status].headers ?? {}).sort() }).toEqual({
        status,
        // Every response also carries the request's identity headers (x-correlation-id, x-request-id).
        headers: [
          'RateLimit',
          'RateLimit-Policy',
          ...(status === '429' ? ['Retry-After'] : []),
          'X-RateLimit-Limit',
          'X-RateLimit-Remaining',
          'X-RateLimit-Reset',
          'x-correlation-id',
          'x-request-id',
        ],
      });
    }
    // Probes are never limited: their responses declare no rate-limit header, only the identity headers every response carries.
    expect(Object.keys(document.paths['/api/v1/healthz'].get.responses['200'].headers ?? {}).sort()).toEqual([
      'x-correlation-id',
      'x-request-id',
    ]);
  });

  test('probes, metrics and documents are never limited and carry no rate-limit headers', async () => {
    // Probes and documents answer no envelope (and /openapi.json is not in the document): statuses by hand.
    for (const path of ['/healthz', '/health', '/readyz', '/metrics', '/.well-known/jwks.json', '/openapi.json']) {
      const results = await Promise.all(Array.from({ length: 12 }, () => t.http.get(path, { token: null })));
      for (const res of results) {
        expect({ path, status: res.status }).toEqual({ path, status: 200 });
        expect({ path, ...rateHeaders(res) }).toEqual({ path, ...NO_RATE_HEADERS });
      }
    }
  });
});

describe('anonymous callers, per client address (60/min, bursts of 3/s)', () => {
  // Started by hand, not by useServer(): every caller here is anonymous, and an owner's login and
  // requests up front would count against budgets the tests read.
  let t: TestServer;
  beforeAll(async () => {
    t = await startServer({
      LOG_LEVEL: 'warn',
      RATE_LIMIT_ENABLED: 'true',
      RATE_LIMIT_ANONYMOUS: '60,3',
      LOGIN_FREE_FAILURES_PER_ADDRESS: '1000',
    });
  });
  afterAll(async () => {
    await t?.close();
  });
  const http = httpClient(() => t.baseUrl);

  const login = (address: string) => http.post('/api/v1/auth/login', { headers: { 'x-forwarded-for': address }, body: ADMIN });

  test('a burst of logins from one address is limited; another address is not', async () => {
    // Sent together, so that all of them fall in one burst window however slow the machine is
    // (a login verifies a password hash, which takes a while).
    const [results, elsewhere] = await Promise.all([
      Promise.all(Array.from({ length: 6 }, () => login('198.51.100.10'))),
      login('198.51.100.11'),
    ]);
    expect(results.filter((r) => r.status === 200)).toHaveLength(3);
    const limited = results.filter((r) => r.status !== 200);
    expect(limited).toHaveLength(3);
    for (const res of limited) expectRateLimited(res, 'POST', '/api/v1/auth/login');

    expect(elsewhere.status).toBe(200);
    expect(rateHeaders(elsewhere)).toMatchObject({ 'x-ratelimit-limit': '3', 'x-ratelimit-remaining': '2' });
    expect(ietfHeaders(elsewhere, 'address', 3, 60)).toMatchObject({ policy: 'burst', available: 2 });
  });

  test('refused before authentication (401): counted against the address, with the headers, and 429 past the limit', async () => {
    const address = '198.51.100.20';
    const results = await Promise.all(
      Array.from({ length: 6 }, () => http.get('/api/v1/me', { token: 'not-a-token', headers: { 'x-forwarded-for': address } })),
    );
    const refused = results.filter((r) => r.status === 401);
    const limited = results.filter((r) => r.status === 429);
    expect(refused).toHaveLength(3);
    expect(limited).toHaveLength(3);
    for (const res of refused) {
      expectMatchesContract('GET', '/api/v1/me', 401, res.body);
      expect(res.headers.get('x-ratelimit-limit')).toBe('3');
      expectResetTimestamp(res, 1);
      expect(ietfHeaders(res, 'address', 3, 60).policy).toBe('burst');
    }
    expect(refused.map((r) => ietfHeaders(r, 'address', 3, 60).available).sort()).toEqual([0, 1, 2]);
    for (const res of limited) {
      expectRateLimited(res, 'GET', '/api/v1/me');
      expect(ietfHeaders(res, 'address', 3, 60)).toMatchObject({ available: 0, window: Number(res.headers.get('retry-after')) });
    }
  });

  test("refused by the workspace check (403): counted against the caller's own organization, with the headers", async () => {
    const address = '198.51.100.21';
    const token = (await login(address).expect(200)).data.accessToken as string;
    const res = await http
      .get('/api/v1/me', { token, headers: { 'x-forwarded-for': address }, workspace: '01960000-0000-7000-8000-000000000000' })
      .expectResponse(403);
    // The standard tier's defaults in this server: 1000 per minute, bursts of 100.
    expect(ietfHeaders(res, 'org', 100, 1000)).toMatchObject({ policy: 'burst', available: 99 });
    expect(res.headers.get('x-ratelimit-remaining')).toBe('99');
    expectResetTimestamp(res, 1);
  });

  test('an unmatched route (404) and a malformed body (400) carry the headers too, counted against the address', async () => {
    const address = '198.51.100.22';
    // A route the document does not have: the answer is inspected by hand.
    const missing = await http.get('/api/v1/no-such-thing', { headers: { 'x-forwarded-for': address } });
    expect(missing.status).toBe(404);
    expect(missing.body.error.code).toBe('ROUTE_NOT_FOUND');
    expect(ietfHeaders(missing, 'address', 3, 60)).toMatchObject({ available: 2 });
    const malformed = await http
      .post('/api/v1/auth/login', { headers: { 'x-forwarded-for': address }, rawBody: '{"email":' })
      .expectResponse(400, 'MALFORMED_JSON');
    expect(ietfHeaders(malformed, 'address', 3, 60)).toMatchObject({ available: 1 });
    expectResetTimestamp(malformed, 1);
    // A probe stays exempt even when its request is refused before routing.
    // A POST the document does not have (the probe is a GET): the answer is inspected by hand.
    const probe = await http.post('/api/v1/healthz', { headers: { 'x-forwarded-for': address }, rawBody: '{"x":' });
    expect(probe.status).toBe(400);
    expect(rateHeaders(probe)).toEqual(NO_RATE_HEADERS);
  });

  test('the /api/v1 probe and document aliases are never limited either', async () => {
    // README: /api/v1/health and /api/v1/healthz answer 200 "always, while the process serves";
    // the guard itself says probes and documents are never throttled.
    for (const [i, path] of ['/api/v1/healthz', '/api/v1/health', '/api/v1/readyz', '/api/v1/openapi'].entries()) {
      const address = `198.51.100.${30 + i}`;
      // Probes and documents answer no envelope (and /api/v1/openapi is not in the document): statuses by hand.
      const results = await Promise.all(Array.from({ length: 6 }, () => http.get(path, { headers: { 'x-forwarded-for': address } })));
      expect({ path, statuses: results.map((r) => r.status) }).toEqual({ path, statuses: Array(6).fill(200) });
    }
  });
});

describeRedis('counters shared through Redis', () => {
  const jwtKey = generateKeyPairSync('ec', { namedCurve: 'prime256v1' }).privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
  const encryptionKey = randomBytes(32).toString('base64');
  const shared = {
    LOG_LEVEL: 'warn',
    RATE_LIMIT_ENABLED: 'true',
    RATE_LIMIT_STANDARD: '6,100',
    // The Redis may serve other runs on this machine: keep anonymous (per address) limits out of the way.
    RATE_LIMIT_ANONYMOUS: '100000,10000',
    REDIS_URL,
    JWT_PRIVATE_KEY: jwtKey,
    ENCRYPTION_KEY: encryptionKey,
  };
  let first: TestServer;
  let second: RunningServer;
  let redis: Redis;
  let org: string;
  // A documentation address of its own per run: the Redis may be shared with other runs.
  const address = `2001:db8::${hex(2)}:${hex(2)}`;
  beforeAll(async () => {
    // Fails fast rather than retrying forever when Redis is absent (MARSHAL_REQUIRE_REDIS=1).
    redis = new Redis(REDIS_URL, { maxRetriesPerRequest: 1, enableOfflineQueue: false, retryStrategy: () => null, lazyConnect: true });
    await redis.connect();
    first = await startServer(shared);
    // A second replica on the same database, with the same keys, as a deployment runs them.
    second = await spawnServer({
      ...shared,
      DATABASE_URL: first.databaseUrl,
      DATABASE_POOL_SIZE: '5',
      ADMIN_EMAIL: ADMIN.email,
      ADMIN_PASSWORD: ADMIN.password,
    });
  });
  afterAll(async () => {
    if (org && redis?.status === 'ready') {
      await redis.del(
        `marshal:rate:minute:org:${org}`,
        `marshal:rate:minute:org:${org}:blocked`,
        `marshal:rate:burst:org:${org}`,
        `marshal:rate:burst:org:${org}:blocked`,
      );
    }
    if (redis?.status === 'ready') await redis.del(`marshal:rate:minute:ip:${address}`, `marshal:rate:burst:ip:${address}`);
    redis?.disconnect();
    await second?.stop();
    await first?.close();
  });

  test('two replicas count into one window: the 7th request of the minute is refused, whichever replica gets it', async () => {
    const token = (await first.login()).accessToken;
    [org] = await createOrganizations(first.baseUrl, token, 1);
    const servers = [first.baseUrl, second.baseUrl];
    const remaining: string[] = [];
    for (let i = 0; i < 6; i++) {
      const res = await me(servers[i % 2], token, org);
      expect({ i, status: res.status }).toEqual({ i, status: 200 });
      expect(res.headers.get('x-ratelimit-limit')).toBe('6');
      remaining.push(res.headers.get('x-ratelimit-remaining')!);
    }
    expect(remaining).toEqual(['5', '4', '3', '2', '1', '0']);
    for (const server of servers) {
      const res = await me(server, token, org);
      expectRateLimited(res, 'GET', '/api/v1/me');
      expect(ietfHeaders(res, 'org', 100, 6)).toEqual({
        partition: 'org',
        policy: 'minute',
        available: 0,
        window: Number(res.headers.get('retry-after')),
      });
      expectResetTimestamp(res, Number(res.headers.get('retry-after')));
    }
    expect(Number(await redis.get(`marshal:rate:minute:org:${org}`))).toBeGreaterThanOrEqual(7);
    expect(await redis.pttl(`marshal:rate:minute:org:${org}:blocked`)).toBeGreaterThan(0);
  });

  test('a refusal before authentication is counted in Redis too, by either replica', async () => {
    const refused = (baseUrl: string) =>
      httpClient(baseUrl)
        .get('/api/v1/me', { token: 'not-a-token', headers: { 'x-forwarded-for': address } })
        .expectResponse(401);
    const first401 = await refused(first.baseUrl);
    const second401 = await refused(second.baseUrl);
    for (const res of [first401, second401]) {
      ietfHeaders(res, 'address', 10000, 100000);
      expectResetTimestamp(res, 60);
    }
    // One shared minute window: both replicas counted into it.
    expect(Number(await redis.get(`marshal:rate:minute:ip:${address}`))).toBe(2);
  });

  test('readiness includes Redis', async () => {
    for (const baseUrl of [first.baseUrl, second.baseUrl]) {
      // Readiness answers no envelope (.expect assumes one for a 2xx): held to the document by hand.
      const res = await httpClient(baseUrl).get('/readyz');
      expect(res.status).toBe(200);
      expectMatchesContract('GET', '/readyz', 200, res.body);
      expect(res.body.details.redis).toMatchObject({ status: 'up' });
    }
  });
});

describe('a Redis that does not answer', () => {
  let t: TestServer;
  beforeAll(async () => {
    t = await startServer({ LOG_LEVEL: 'warn', RATE_LIMIT_ENABLED: 'true', RATE_LIMIT_STANDARD: '60,5', REDIS_URL: 'redis://127.0.0.1:1' });
  });
  afterAll(async () => {
    await t?.close();
  });

  test('the API still serves (limits fail open) and readiness reports redis down with 503', async () => {
    const http = httpClient(t.baseUrl);
    const login = await http.post('/api/v1/auth/login', { body: ADMIN }).expect(200);
    const token = login.data.accessToken as string;
    const results = await Promise.all(Array.from({ length: 8 }, () => me(t.baseUrl, token)));
    expect(results.map((r) => r.status)).toEqual(Array(8).fill(200));

    const ready = await http.get('/readyz').expect(503);
    expect(ready.error.redis).toMatchObject({ status: 'down' });
    expect(ready.details.database).toMatchObject({ status: 'up' });
    // Liveness is not readiness (a probe's 200 is not the envelope: checked by hand).
    expect((await http.get('/healthz')).status).toBe(200);
  });
});
