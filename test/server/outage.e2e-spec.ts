import { createHmac, randomBytes, randomUUID } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import { waitFor } from '../support/agent-process.js';
import { OwnPostgres } from '../support/own-postgres.js';
import { ADMIN, type RunningServer, spawnServer } from '../support/server.js';

/**
 * What clients see while the database is away, on a server and a PostgreSQL of this file's own:
 * stopped (connections refused and terminated) and frozen (SIGSTOP: connections open, nothing
 * answers). Every scheme answers a fast 503 SERVICE_UNAVAILABLE with Retry-After, never a 401 that
 * would make a client drop its session, nor a 500, nor a hang; once the database is back the same
 * credentials work again and the server has recovered by itself. Each phase logs its figures
 * (status and time to answer per scheme).
 */
const TIMEOUTS = { DATABASE_QUERY_TIMEOUT_MS: '2000', DATABASE_CONNECT_TIMEOUT_MS: '2000' };
/** Generous on purpose: with the timeouts above a request answers in about 2-4 s; before, it hung. */
const BOUND_MS = 12_000;
/** How long this test waits for any one answer before it counts as none. */
const GIVE_UP_MS = 60_000;
const WEBHOOK_SECRET = randomBytes(24).toString('hex');

let pg: OwnPostgres;
let server: RunningServer;
let accessToken: string;
let refreshToken: string;
let apiKey: string;
let agent: { id: string; secret: string };
let enrollmentToken: string;
let invitation: { id: string; token: string };

interface Answer {
  status: number | 'no answer';
  code?: string;
  retryAfter: string | null;
  ms: number;
  body: any;
}

async function send(
  path: string,
  init: { method?: string; headers?: Record<string, string>; json?: unknown; body?: string } = {},
): Promise<Answer> {
  const headers: Record<string, string> = { ...init.headers };
  let body = init.body;
  if (init.json !== undefined) {
    headers['content-type'] = 'application/json';
    body = JSON.stringify(init.json);
  }
  const started = performance.now();
  try {
    const res = await fetch(server.baseUrl + path, {
      method: init.method ?? 'GET',
      headers,
      body,
      signal: AbortSignal.timeout(GIVE_UP_MS),
    });
    const text = await res.text();
    let parsed: any;
    try {
      parsed = text ? JSON.parse(text) : undefined;
    } catch {
      parsed = text;
    }
    return {
      status: res.status,
      code: parsed?.error?.code,
      retryAfter: res.headers.get('retry-after'),
      ms: Math.round(performance.now() - started),
      body: parsed,
    };
  } catch {
    return { status: 'no answer', retryAfter: null, ms: Math.round(performance.now() - started), body: undefined };
  }
}

const bearer = (token: string) => ({ authorization: `Bearer ${token}` });

function signedCallback(): { body: string; headers: Record<string, string> } {
  const body = JSON.stringify({ executionId: randomUUID(), nodeId: 'deploy', status: 'succeeded', output: {} });
  const deliveryId = `dlv_${randomBytes(8).toString('hex')}`;
  const t = Math.floor(Date.now() / 1000);
  const v1 = createHmac('sha256', WEBHOOK_SECRET).update(`${t}.${deliveryId}.${body}`).digest('hex');
  return {
    body,
    headers: { 'content-type': 'application/json', 'x-agentfield-delivery': deliveryId, 'x-agentfield-signature': `t=${t},v1=${v1}` },
  };
}

/** One request per scheme and kind of route; all of them read the database. */
const SCHEMES: Record<string, () => Promise<Answer>> = {
  'bearer token': () => send('/api/v1/me', { headers: bearer(accessToken) }),
  'API key (Authorization)': () => send('/api/v1/me', { headers: bearer(apiKey) }),
  'API key (X-API-Key)': () => send('/api/v1/me', { headers: { 'x-api-key': apiKey } }),
  'agent secret': () =>
    send(`/api/v1/agents/${agent.id}/heartbeat`, { method: 'POST', headers: { 'x-agent-secret': agent.secret }, json: {} }),
  login: () => send('/api/v1/auth/login', { method: 'POST', json: ADMIN }),
  refresh: () => send('/api/v1/auth/refresh', { method: 'POST', json: { refreshToken } }),
  'audited mutation (bearer)': () =>
    send('/api/v1/projects', { method: 'POST', headers: bearer(accessToken), json: { name: `p-${randomBytes(3).toString('hex')}` } }),
  'invitation acceptance (public)': () =>
    send(`/api/v1/invitations/${invitation.id}/accept`, {
      method: 'POST',
      json: { token: invitation.token, password: 'a long passphrase here', displayName: 'Late' },
    }),
  'agent registration (public)': () =>
    send('/api/v1/agents/register', { method: 'POST', json: { enrollmentToken, name: `edge-${randomBytes(3).toString('hex')}` } }),
  'signed webhook': () => {
    const { body, headers } = signedCallback();
    return send('/api/v1/webhooks/workflow-completed', { method: 'POST', headers, body });
  },
};

/** Every scheme at once (as clients would); logs the figures and answers them by scheme. */
async function everyScheme(phase: string): Promise<Record<string, Answer>> {
  const names = Object.keys(SCHEMES);
  const answers = await Promise.all(names.map((name) => SCHEMES[name]()));
  const byScheme = Object.fromEntries(names.map((name, i) => [name, answers[i]]));
  console.log(
    `${phase}:\n${names.map((n) => `  ${n.padEnd(32)} ${String(byScheme[n].status).padEnd(10)} ${(byScheme[n].code ?? '').padEnd(20)} ${byScheme[n].ms} ms`).join('\n')}`,
  );
  return byScheme;
}

function expectServiceUnavailable(answers: Record<string, Answer>): void {
  for (const [scheme, answer] of Object.entries(answers)) {
    // The scheme in the message, so that a failure names which one answered what.
    expect({ scheme, status: answer.status, code: answer.code }).toEqual({ scheme, status: 503, code: 'SERVICE_UNAVAILABLE' });
    expect({ scheme, retryAfter: answer.retryAfter }).toEqual({ scheme, retryAfter: expect.stringMatching(/^[1-9]\d*$/) });
    expect(answer.body).toMatchObject({ success: false, data: null, error: { code: 'SERVICE_UNAVAILABLE' } });
    expect({ scheme, fast: answer.ms < BOUND_MS }).toEqual({ scheme, fast: true });
  }
}

async function waitUntilReady(): Promise<void> {
  await waitFor('the server to be ready again', async () => ((await send('/readyz')).status === 200 ? true : undefined), 60_000);
}

/** The credentials made before the outage still work: nobody was logged out. */
async function expectCredentialsWork(): Promise<void> {
  expect((await send('/api/v1/me', { headers: bearer(accessToken) })).status).toBe(200);
  expect((await send('/api/v1/me', { headers: { 'x-api-key': apiKey } })).status).toBe(200);
  expect(
    (await send(`/api/v1/agents/${agent.id}/heartbeat`, { method: 'POST', headers: { 'x-agent-secret': agent.secret }, json: {} })).status,
  ).toBe(204);
}

type LogLine = { level: number; msg: string; context?: string; reqId?: string; reason?: string; code?: string; message?: string };

/** What the server logged since `mark` (its output's length then). */
function logSince(mark: number): LogLine[] {
  return server
    .output()
    .slice(mark)
    .split('\n')
    .flatMap((l) => {
      try {
        return [JSON.parse(l) as LogLine];
      } catch {
        return []; // the banner, or a line cut at the mark
      }
    });
}

/**
 * Each background component that met the outage (sweepers, reaper, workflow engine, event
 * listener, pg-boss) said so in a line or two, not one per tick or retry, and then that it had the
 * database back. Lines logged while serving a request carry its `reqId` (one per request): not these.
 */
async function expectBackgroundRecovered(phase: string, mark: number): Promise<void> {
  const saidSo = () => {
    const byContext = new Map<string, LogLine[]>();
    for (const l of logSince(mark)) if (l.context && !l.reqId) byContext.set(l.context, [...(byContext.get(l.context) ?? []), l]);
    return byContext;
  };
  const metTheOutage = () => [...saidSo()].filter(([, lines]) => lines.some((l) => l.level >= 40));
  const allBack = () => metTheOutage().every(([, lines]) => lines.some((l) => /database is available again/.test(l.msg)));
  try {
    await waitFor('every component that met the outage to say it has the database back', () => (allBack() ? true : undefined), 30_000);
  } finally {
    console.log(
      `${phase}: warnings by component:`,
      Object.fromEntries(
        metTheOutage().map(([c, lines]) => [
          c,
          lines.filter((l) => l.level >= 40).map((l) => `${l.msg} (${l.reason ?? [l.code, l.message].filter(Boolean).join(': ')})`),
        ]),
      ),
    );
  }
  expect(metTheOutage().length).toBeGreaterThan(0);
  for (const [context, lines] of metTheOutage())
    expect({ context, warnings: lines.filter((l) => l.level >= 40).length <= 3 }).toEqual({ context, warnings: true });
}

beforeAll(async () => {
  pg = await OwnPostgres.create();
  server = await spawnServer(
    {
      LOG_LEVEL: 'info',
      DATABASE_URL: pg.url,
      DATABASE_POOL_SIZE: '5',
      ADMIN_EMAIL: ADMIN.email,
      ADMIN_PASSWORD: ADMIN.password,
      RATE_LIMIT_ENABLED: 'false',
      WORKFLOW_WEBHOOK_SECRET: WEBHOOK_SECRET,
      // The broker's sweepers run every second here (15 s by default), so that they meet the outage and its end.
      BROKER_SWEEP_INTERVAL_MS: '1000',
      ...TIMEOUTS,
    },
    90_000,
  );
  const login = await send('/api/v1/auth/login', { method: 'POST', json: ADMIN });
  ({ accessToken, refreshToken } = login.body.data);
  apiKey = (await send('/api/v1/api-keys', { method: 'POST', headers: bearer(accessToken), json: { name: 'outage', permissions: [] } }))
    .body.data.secret;
  const minted = (await send('/api/v1/agents', { method: 'POST', headers: bearer(accessToken), json: { name: 'outage-agent' } })).body.data;
  agent = { id: minted.agent.id, secret: minted.agentSecret };
  enrollmentToken = (await send('/api/v1/edge-agent/enrollment/rotate', { method: 'POST', headers: bearer(accessToken), json: {} })).body
    .data.token;
  const invited = (
    await send('/api/v1/invitations', {
      method: 'POST',
      headers: bearer(accessToken),
      json: { email: `late-${randomBytes(3).toString('hex')}@marshal.test`, roleIds: [] },
    })
  ).body.data;
  invitation = { id: invited.invitation.id, token: invited.acceptToken };
  await expectCredentialsWork();
}, 180_000);

afterAll(async () => {
  // Whatever happened: thaw and stop PostgreSQL, and the server.
  await server?.stop('SIGTERM');
  await pg?.destroy();
}, 60_000);

describe('PostgreSQL stopped', () => {
  let logMark = 0;

  test('every scheme, login and the public and signed routes answer 503 SERVICE_UNAVAILABLE with Retry-After at once', async () => {
    logMark = server.output().length;
    await pg.stop();
    expectServiceUnavailable(await everyScheme('PostgreSQL stopped'));
    // Still unavailable a few seconds in (the background jobs have met the outage meanwhile), and the process lives.
    await new Promise((r) => setTimeout(r, 5_000));
    expectServiceUnavailable(await everyScheme('PostgreSQL stopped, 5 s later'));
    expect(server.process.exitCode).toBeNull();
  }, 120_000);

  test('started again: the same token, key and agent secret work without logging in, and events flow again', async () => {
    await pg.start();
    await waitUntilReady();
    await expectCredentialsWork();
    // The refresh token the outage saw was not spent.
    const refreshed = await send('/api/v1/auth/refresh', { method: 'POST', json: { refreshToken } });
    expect(refreshed.status).toBe(200);
    ({ accessToken, refreshToken } = refreshed.body.data);

    // The event listener reconnected by itself: a job queued now reaches a stream.
    const controller = new AbortController();
    const stream = await fetch(`${server.baseUrl}/api/v1/events/stream?types=job.queued`, {
      headers: { ...bearer(accessToken), accept: 'text/event-stream' },
      signal: controller.signal,
    });
    expect(stream.status).toBe(200);
    let seen = '';
    const reading = (async () => {
      const decoder = new TextDecoder();
      try {
        for await (const chunk of stream.body as unknown as AsyncIterable<Uint8Array>) seen += decoder.decode(chunk);
      } catch {
        // aborted below
      }
    })();
    const job = await send('/api/v1/jobs', {
      method: 'POST',
      headers: { ...bearer(accessToken), 'idempotency-key': randomUUID() },
      json: { type: 'noop', payload: {} },
    });
    expect(job.status).toBe(201);
    try {
      await waitFor('the job.queued event', () => (seen.includes(job.body.data.id) ? true : undefined), 15_000);
    } finally {
      controller.abort();
      await reading;
    }
  }, 120_000);

  test('the event listener is back on its LISTEN connection by itself', async () => {
    await waitFor(
      'the LISTEN connection',
      async () =>
        (await pg.query("SELECT 1 FROM pg_stat_activity WHERE application_name = 'marshal-events' AND query LIKE 'LISTEN%'")).length > 0
          ? true
          : undefined,
      15_000,
    );
  });

  test('the background jobs said so in a few lines and recovered, rather than crash or spin', async () => {
    await expectBackgroundRecovered('PostgreSQL stopped', logMark);
  }, 60_000);
});

describe('PostgreSQL frozen (SIGSTOP)', () => {
  let logMark = 0;

  test('every scheme answers 503 SERVICE_UNAVAILABLE within the configured bound instead of hanging', async () => {
    logMark = server.output().length;
    pg.freeze();
    try {
      expectServiceUnavailable(await everyScheme('PostgreSQL frozen'));
      // Connections that timed out were dropped, not left in the pool behind a query: still fast.
      expectServiceUnavailable(await everyScheme('PostgreSQL frozen, again'));
    } finally {
      pg.thaw();
    }
  }, 180_000);

  test('thawed: the server recovers by itself and the same token works', async () => {
    await waitUntilReady();
    await waitFor(
      'a bearer request to answer 200',
      async () => ((await send('/api/v1/me', { headers: bearer(accessToken) })).status === 200 ? true : undefined),
      30_000,
    );
    await expectCredentialsWork();
    expect((await send('/api/v1/auth/login', { method: 'POST', json: ADMIN })).status).toBe(200);
    expect(server.process.exitCode).toBeNull();
  }, 120_000);

  test('the background jobs said so in a few lines and recovered', async () => {
    await expectBackgroundRecovered('PostgreSQL frozen', logMark);
  }, 60_000);
});
