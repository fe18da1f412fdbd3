import { generateKeyPairSync, randomBytes } from 'node:crypto';
import pg from 'pg';
import { waitFor } from '../support/agent-process.js';
import { expectResponse, raw, type RawResponse } from '../support/contract.js';
import { ADMIN, type RunningServer, spawnServer, startServer, type TestServer } from '../support/server.js';

/**
 * An Idempotency-Key whose request was in flight when its server died is taken over by the next
 * retry at once, on any replica sharing the database; while its server lives, a retry is 409, and
 * so it stays when only the server's lock connection drops and comes back. Whatever the timing,
 * the change is made once.
 *
 * A request is held in flight by a lock the test takes on the team_members table: creating a team
 * with a member then waits inside its transaction, its team inserted but not committed, as behind
 * a slow database, until the test lets go.
 */
let t: TestServer;
/** A second replica on the same database: where the retries go. */
let replica: RunningServer;
let owner: string;
let ownerId: string;
let lock: pg.Client | undefined;
/** A few connections kept for every look at the database: polling on a new connection each time would churn. */
let watch: pg.Pool;
const sql = async <T>(text: string, params: unknown[] = []): Promise<T[]> => (await watch.query(text, params)).rows as T[];
const victims: RunningServer[] = [];

/** Shared by every server of this file: tokens and request fingerprints made by one hold on the others. */
const SHARED = {
  // Requests held in flight here may wait for the test's lock longer than a query may by default.
  DATABASE_QUERY_TIMEOUT_MS: '120000',
  JWT_PRIVATE_KEY: generateKeyPairSync('ec', { namedCurve: 'prime256v1' }).privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
  ENCRYPTION_KEY: randomBytes(32).toString('base64'),
};
const TEAMS = '/api/v1/teams';

const spawnReplica = () =>
  spawnServer({
    LOG_LEVEL: 'warn',
    DATABASE_URL: t.databaseUrl,
    DATABASE_POOL_SIZE: '5',
    ADMIN_EMAIL: ADMIN.email,
    ADMIN_PASSWORD: ADMIN.password,
    RATE_LIMIT_ENABLED: 'false',
    ...SHARED,
  });

beforeAll(async () => {
  t = await startServer({ LOG_LEVEL: 'warn', ...SHARED });
  replica = await spawnReplica();
  watch = new pg.Pool({ connectionString: t.databaseUrl, max: 3 });
  owner = (await t.login()).accessToken;
  ownerId = (await raw(t.baseUrl, '/api/v1/me', { headers: { authorization: `Bearer ${owner}` } })).body.data.id;
}, 240_000);

afterAll(async () => {
  await lock?.end().catch(() => undefined);
  await watch?.end().catch(() => undefined);
  for (const v of victims) await v.stop('SIGKILL');
  await replica?.stop('SIGTERM');
  await t?.close();
});

const hex = () => randomBytes(4).toString('hex');
const createTeam = (server: RunningServer, key: string, name: string): Promise<RawResponse> =>
  raw(server.baseUrl, TEAMS, {
    method: 'POST',
    headers: { authorization: `Bearer ${owner}`, 'idempotency-key': key },
    json: { name, memberIds: [ownerId] },
  });

async function spawnVictim(): Promise<RunningServer> {
  const victim = await spawnReplica();
  victims.push(victim);
  return victim;
}

/** Holds back every team creation, after its team INSERT and before its member's, until `release`. */
async function holdTeamInserts(): Promise<void> {
  lock = new pg.Client({ connectionString: t.databaseUrl });
  await lock.connect();
  await lock.query('BEGIN');
  await lock.query('LOCK TABLE team_members IN SHARE MODE');
}
async function release(): Promise<void> {
  await lock?.query('ROLLBACK');
  await lock?.end();
  lock = undefined;
}

/**
 * How many team creations wait now: for the test's lock (at their member INSERT), or for another
 * creation of the same team to end (at their team INSERT).
 */
async function creationsWaiting(): Promise<number> {
  const [{ n }] = await sql<{ n: number }>(
    `SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock' AND query ILIKE 'INSERT INTO "team%'`,
  );
  return n;
}
const untilWaiting = (n: number) =>
  waitFor(`${n} team creation(s) to wait`, async () => ((await creationsWaiting()) >= n ? true : undefined), 60_000);

/** The sessions in which the servers hold their idempotency locks: one per live server. */
async function holderLocks(): Promise<number[]> {
  const rows = await sql<{ pid: number }>(
    `SELECT l.pid FROM pg_locks l JOIN pg_stat_activity a ON a.pid = l.pid
      WHERE l.locktype = 'advisory' AND l.objsubid = 1 AND l.granted AND a.application_name = 'marshal-idempotency' AND a.datname = current_database()`,
  );
  return rows.map((r) => r.pid);
}

/**
 * Retries on `server` until one is still in flight, waiting with `waiting` creations in all, and
 * answers it; each earlier one must be 409. `meanwhile` runs before every look.
 */
async function retryUntilInFlight(
  server: RunningServer,
  key: string,
  name: string,
  waiting: number,
  meanwhile: () => Promise<void>,
): Promise<{ pending: Promise<RawResponse> }> {
  for (let attempt = 0; attempt < 100; attempt++) {
    let answer: RawResponse | undefined;
    const pending = createTeam(server, key, name).then((r) => (answer = r));
    const state = await waitFor(
      'the retry to be answered or to wait',
      async () => {
        await meanwhile();
        return answer ? 'answered' : (await creationsWaiting()) >= waiting ? 'waiting' : undefined;
      },
      60_000,
    );
    // Wrapped: an async function returning a promise would wait for it.
    if (state === 'waiting') return { pending };
    expectResponse(answer!, 'POST', TEAMS, 409, 'IDEMPOTENCY_IN_PROGRESS');
  }
  throw new Error('no retry took the key over');
}

async function teamsNamed(name: string): Promise<string[]> {
  return (await sql<{ id: string }>('SELECT id FROM teams WHERE name = $1', [name])).map((r) => r.id);
}
async function createdAudits(teamId: string): Promise<number> {
  const rows = await sql("SELECT id FROM audit_events WHERE action = 'team.create' AND resource_id = $1 AND outcome = 'success'", [teamId]);
  return rows.length;
}

afterEach(async () => {
  await release().catch(() => undefined);
});

describe('a key whose server died mid-request', () => {
  test('while its server lives a retry is 409 on either replica; once it is SIGKILLed the retry runs at once, and the team is created once', async () => {
    const victim = await spawnVictim();
    const key = `crash-${hex()}`;
    const name = `crash-${hex()}`;
    await holdTeamInserts();
    const first = createTeam(victim, key, name).then(
      () => 'answered',
      () => 'no answer',
    );
    await untilWaiting(1);

    expectResponse(await createTeam(replica, key, name), 'POST', TEAMS, 409, 'IDEMPOTENCY_IN_PROGRESS');
    expectResponse(await createTeam(victim, key, name), 'POST', TEAMS, 409, 'IDEMPOTENCY_IN_PROGRESS');

    await victim.stop('SIGKILL');
    expect(await first).toBe('no answer');
    await release();

    // As a client would: retry while told the request is in progress. Not for five minutes:
    // PostgreSQL frees the dead server's lock as soon as it sees its socket close.
    const retried = await waitFor(
      'a retry that is not 409',
      async () => {
        const r = await createTeam(replica, key, name);
        if (r.status !== 409) return r;
        expectResponse(r, 'POST', TEAMS, 409, 'IDEMPOTENCY_IN_PROGRESS');
        return undefined;
      },
      60_000,
    );
    expectResponse(retried, 'POST', TEAMS, 201);
    expect(retried.headers.get('idempotent-replayed')).toBeNull();
    expect(await teamsNamed(name)).toEqual([retried.body.data.id]);
    expect(await createdAudits(retried.body.data.id)).toBe(1);

    // The key now stands for the retry's outcome, on every replica.
    const again = expectResponse(await createTeam(t, key, name), 'POST', TEAMS, 201);
    expect(again.headers.get('idempotent-replayed')).toBe('true');
    expect(again.body.data.id).toBe(retried.body.data.id);
  }, 240_000);

  test('of ten concurrent retries over two replicas, exactly one takes the key over and runs; the others are 409, then replay it', async () => {
    const victim = await spawnVictim();
    const key = `race-${hex()}`;
    const name = `race-${hex()}`;
    await holdTeamInserts();
    const first = createTeam(victim, key, name).then(
      () => 'answered',
      () => 'no answer',
    );
    await untilWaiting(1);
    await victim.stop('SIGKILL');
    expect(await first).toBe('no answer');

    // Bursts of ten retries at once, half on each replica, while the lock still holds back team
    // creations: the retry that takes the key over waits at its team INSERT (behind the dead
    // server's, which PostgreSQL has not rolled back yet), in flight; the others are 409. A burst
    // that comes before PostgreSQL freed the dead server's lock is all 409: then another.
    let retries: Promise<RawResponse>[];
    for (let burst = 0; ; burst++) {
      if (burst === 30) throw new Error('no retry took the key over');
      const answered: RawResponse[] = [];
      retries = Array.from({ length: 10 }, (_, i) => createTeam(i % 2 ? replica : t, key, name).then((r) => (answered.push(r), r)));
      const taken = await waitFor(
        'the burst to be answered, but for one in flight',
        async () => (answered.length === 10 ? false : answered.length === 9 && (await creationsWaiting()) >= 2 ? true : undefined),
        60_000,
      );
      for (const r of answered) expectResponse(r, 'POST', TEAMS, 409, 'IDEMPOTENCY_IN_PROGRESS');
      if (taken) break;
    }
    await release();

    const results = await Promise.all(retries);
    const ran = results.filter((r) => r.status === 201);
    expect(ran).toHaveLength(1);
    expectResponse(ran[0], 'POST', TEAMS, 201);
    expect(ran[0].headers.get('idempotent-replayed')).toBeNull();
    expect(await teamsNamed(name)).toEqual([ran[0].body.data.id]);
    expect(await createdAudits(ran[0].body.data.id)).toBe(1);

    const later = await Promise.all([createTeam(t, key, name), createTeam(replica, key, name)]);
    for (const r of later) {
      expectResponse(r, 'POST', TEAMS, 201);
      expect(r.headers.get('idempotent-replayed')).toBe('true');
      expect(r.body.data.id).toBe(ran[0].body.data.id);
    }
  }, 240_000);
});

describe('a server whose lock connection drops while it lives', () => {
  test('takes its lock again: its request in flight still holds the key, and a retry is 409', async () => {
    const others = await holderLocks();
    expect(others).toHaveLength(2);
    const victim = await spawnVictim();
    const key = `reconnect-${hex()}`;
    const name = `reconnect-${hex()}`;
    await holdTeamInserts();
    const first = createTeam(victim, key, name);
    await untilWaiting(1);

    const [victimLock] = (await holderLocks()).filter((pid) => !others.includes(pid));
    await sql('SELECT pg_terminate_backend($1)', [victimLock]);
    await waitFor(
      'the victim to take its lock again',
      async () => {
        const now = await holderLocks();
        return now.length === 3 && !now.includes(victimLock) ? true : undefined;
      },
      60_000,
    );

    expectResponse(await createTeam(replica, key, name), 'POST', TEAMS, 409, 'IDEMPOTENCY_IN_PROGRESS');
    await release();
    const done = expectResponse(await first, 'POST', TEAMS, 201);
    expect(await teamsNamed(name)).toEqual([done.body.data.id]);
    await victim.stop('SIGTERM');
  }, 240_000);

  test('a retry that takes the key over while the lock is gone runs; the request that held it cannot record its outcome and changes nothing', async () => {
    const others = await holderLocks();
    const victim = await spawnVictim();
    const key = `fenced-${hex()}`;
    const name = `fenced-${hex()}`;

    // Keep the victim without its lock: end every session in which it takes it again.
    const dropVictimLock = async () => {
      for (const pid of await holderLocks()) if (!others.includes(pid)) await sql('SELECT pg_terminate_backend($1)', [pid]);
    };
    await waitFor(
      'the victim to be without its lock',
      async () => (await dropVictimLock(), (await holderLocks()).length <= 2 ? true : undefined),
      60_000,
    );
    await holdTeamInserts();
    const first = createTeam(victim, key, name);
    await untilWaiting(1);
    // The retry that takes the key over waits at its team INSERT for the victim's uncommitted one.
    const { pending: retry } = await retryUntilInFlight(replica, key, name, 2, dropVictimLock);
    await release();

    // The victim's request records its outcome first, finds the key taken over, and rolls back;
    // then the retry's INSERT goes through.
    const fenced = expectResponse(await first, 'POST', TEAMS, 409, 'IDEMPOTENCY_IN_PROGRESS');
    expect(fenced.headers.get('idempotent-replayed')).toBeNull();
    const taken = expectResponse(await retry, 'POST', TEAMS, 201);
    expect(taken.headers.get('idempotent-replayed')).toBeNull();
    expect(await teamsNamed(name)).toEqual([taken.body.data.id]);
    expect(await createdAudits(taken.body.data.id)).toBe(1);
    // The victim's client retries, and gets the outcome that was kept.
    const replayed = expectResponse(await createTeam(victim, key, name), 'POST', TEAMS, 201);
    expect(replayed.headers.get('idempotent-replayed')).toBe('true');
    expect(replayed.body.data.id).toBe(taken.body.data.id);
    await victim.stop('SIGTERM');
  }, 240_000);
});
