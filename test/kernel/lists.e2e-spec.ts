import { randomBytes, randomUUID } from 'node:crypto';
import { otherOrganization } from '../support/fixtures.js';
import { useServer } from '../support/use-server.js';

/**
 * The list conventions end to end, on the lists that grow large (jobs above all, seeded with SQL):
 * keyset cursors that reach every item once, in order, while items are inserted; every filter and
 * sort combined with a cursor, each walk checked against the same SELECT straight on the database;
 * the count that is exact up to 10,000 and null beyond; seed 001's limit/offset/sortBy/sortOrder;
 * malformed cursors; and another organization's items, which never appear. Correctness only:
 * speed is bench/lists.bench.ts's business.
 */

const t = useServer();
let org: string;
let other: { organizationId: string; token: string };

beforeAll(async () => {
  org = (await t.http.get('/api/v1/me').expect(200)).context.organizationId;
  const created = await otherOrganization(t, t.token);
  other = { organizationId: created.organizationId, token: created.owner.accessToken };
});

const hex = () => randomBytes(4).toString('hex');
/** `query` (as written) with `name=value` appended. */
const withQuery = (query: string, name: string, value: string) => `${query}${query ? '&' : ''}${name}=${encodeURIComponent(value)}`;

/** GET a list page (the query as written; as the owner unless `as` names another token) and check it against the contract. */
async function page(path: string, query = '', as?: string): Promise<Record<string, any>> {
  return t.http.get(path, { query, token: as }).expect(200);
}

/**
 * Every id of a list, first page by `query` (page mode), then by cursor to the end. Each page by
 * cursor carries meta.cursor only, and its links.next is the next cursor's.
 */
async function walk(path: string, query: string, as?: string, meanwhile?: (pageNumber: number) => Promise<unknown>): Promise<string[]> {
  const first = await page(path, query, as);
  expect(first.meta.pagination).toBeDefined();
  const ids: string[] = first.data.map((item: { id: string }) => item.id);
  let next: string | null = first.meta.cursor.next;
  for (let n = 2; next; n++) {
    const [body] = await Promise.all([page(path, withQuery(query, 'cursor', next), as), meanwhile?.(n)]);
    expect(body.meta.pagination).toBeUndefined();
    expect(body.meta.cursor.hasNext).toBe(body.meta.cursor.next !== null);
    if (body.meta.cursor.next) expect(new URL(body.links.next, t.baseUrl).searchParams.get('cursor')).toBe(body.meta.cursor.next);
    else expect(body.links.next).toBeNull();
    ids.push(...body.data.map((item: { id: string }) => item.id));
    next = body.meta.cursor.next;
  }
  return ids;
}

/** Every id of a list by page number (page mode), to the last page. */
async function byPages(path: string, query: string, as?: string): Promise<string[]> {
  const all: string[] = [];
  for (let n = 1; ; n++) {
    const body = await page(path, withQuery(query, 'page', String(n)), as);
    all.push(...body.data.map((item: { id: string }) => item.id));
    if (!body.meta.pagination.hasNext) return all;
  }
}

const ids = async (text: string, params: unknown[]) => (await t.sql<{ id: string }>(text, params)).map((r) => r.id);

/**
 * `count` jobs of types `<family>-a` (1 in 3) and `<family>-b`, statuses, priorities and agents
 * in turn, created from `newest` backwards by `step` every third job: three jobs share each time,
 * and with the default step many times share a millisecond (a cursor that kept milliseconds
 * only would skip them).
 */
async function seedJobs(
  organizationId: string,
  family: string,
  count: number,
  newest = new Date(),
  agentId: string | null = null,
  step = '7 microseconds',
): Promise<void> {
  await t.sql(
    `INSERT INTO jobs (organization_id, id, type, payload, status, priority, attempts, max_attempts, timeout_seconds,
                       queued_at, available_at, completed_at, leased_by, created_by_type, created_at, updated_at)
     SELECT $1, gen_random_uuid(), $2 || CASE WHEN i % 3 = 0 THEN '-a' ELSE '-b' END, '{}', s, i % 3 - 1, 1, 3, 600,
            c, c, CASE WHEN s = 'queued' THEN NULL ELSE c + (i % 7) * interval '1 minute' END, CASE WHEN i % 2 = 0 THEN $5::uuid END, 'user', c, c
       FROM generate_series(1, $3::int) AS i,
            LATERAL (SELECT $4::timestamptz - (i / 3) * $6::interval AS c,
                            (ARRAY['queued', 'succeeded', 'failed', 'cancelled', 'expired'])[1 + i % 5] AS s) AS row`,
    [organizationId, family, count, newest.toISOString(), agentId, step],
  );
}

describe('cursors on GET /jobs', () => {
  test('reach every job exactly once and in order, while jobs are inserted ahead of and behind the walk', async () => {
    const family = `walk-${hex()}`;
    await seedJobs(org, family, 120, new Date(Date.now() - 60_000));
    const expected = await ids(`SELECT id FROM jobs WHERE organization_id = $1 AND type LIKE $2 ORDER BY created_at DESC, id DESC`, [
      org,
      `${family}-%`,
    ]);
    const older: string[] = [];
    const walked = await walk('/api/v1/jobs', `q=${family}&limit=7`, undefined, async (n) => {
      if (n > 8) return;
      // While the page is read: one job newer than the walk's position (submitted now: behind
      // it, never reached), and one older than every seeded job (ahead of it: reached once, last).
      const id = randomUUID();
      older.push(id);
      return Promise.all([
        t.http.post('/api/v1/jobs', { body: { type: `${family}-b` }, idempotencyKey: true }).expect(201),
        t.sql(
          `INSERT INTO jobs (organization_id, id, type, status, max_attempts, timeout_seconds, created_by_type, created_at)
           VALUES ($1, $2, $3, 'queued', 3, 600, 'user', now() - interval '1 day' - $4 * interval '1 second')`,
          [org, id, `${family}-a`, n],
        ),
      ]);
    });
    expect(walked).toEqual([...expected, ...older]);
    expect(new Set(walked).size).toBe(walked.length);
  });

  test('a page by page number or offset hands out a cursor that continues right after it', async () => {
    const family = `jump-${hex()}`;
    await seedJobs(org, family, 60, new Date(Date.now() - 120_000)); // times 7 µs apart: many in one millisecond
    const expected = await ids(`SELECT id FROM jobs WHERE organization_id = $1 AND type LIKE $2 ORDER BY created_at DESC, id DESC`, [
      org,
      `${family}-%`,
    ]);
    const third = await page('/api/v1/jobs', `q=${family}&pageSize=7&page=3`);
    expect(third.data.map((j: { id: string }) => j.id)).toEqual(expected.slice(14, 21));
    const fourth = await page('/api/v1/jobs', `q=${family}&limit=7&cursor=${encodeURIComponent(third.meta.cursor.next)}`);
    expect(fourth.data.map((j: { id: string }) => j.id)).toEqual(expected.slice(21, 28));
    const byOffset = await page('/api/v1/jobs', `q=${family}&offset=33&limit=4`);
    const after = await page('/api/v1/jobs', `q=${family}&limit=4&cursor=${encodeURIComponent(byOffset.meta.cursor.next)}`);
    expect(after.data.map((j: { id: string }) => j.id)).toEqual(expected.slice(37, 41));
  });

  describe('with every filter and sort, each walk equals the same SELECT on the database', () => {
    const family = `filter-${hex()}`;
    const agentId = randomUUID();
    const newest = new Date(Date.now() - 3_600_000);
    // 1,007 µs between times: they cross milliseconds, so a window in milliseconds can cut them.
    const window = { since: new Date(newest.getTime() - 25), until: new Date(newest.getTime() - 5) };
    beforeAll(async () => {
      await seedJobs(org, family, 90, newest, agentId, '1007 microseconds');
      await seedJobs(other.organizationId, family, 30, newest, agentId, '1007 microseconds'); // same types, same times, another tenant
    });

    const columns: Record<string, string> = {
      createdAt: 'created_at',
      completedAt: 'completed_at',
      priority: 'priority',
      status: 'status',
      type: 'type',
      queuedAt: 'queued_at',
    };
    /** ORDER BY for a sort, with the id last in the last field's direction (PostgreSQL's NULL order). */
    const orderBy = (sort: string) => {
      const fields = sort.split(',').map((f) => `${columns[f.replace(/^-/, '')]} ${f.startsWith('-') ? 'DESC' : 'ASC'}`);
      return `${fields.join(', ')}, id ${sort.split(',').at(-1)!.startsWith('-') ? 'DESC' : 'ASC'}`;
    };

    /** The same filters in SQL: `:name` placeholders become positional parameters. */
    const floor = (where: string, sort: string) => {
      const named: Record<string, unknown> = {
        typeA: `${family}-a`,
        typeB: `${family}-b`,
        agent: agentId,
        since: window.since,
        until: window.until,
      };
      const values: unknown[] = [org, `${family}-%`];
      const sql = where.replace(/:(\w+)/g, (_m, name: string) => `$${values.push(named[name])}`);
      return ids(`SELECT id FROM jobs WHERE organization_id = $1 AND type LIKE $2 ${sql} ORDER BY ${orderBy(sort)}`, values);
    };

    test.each([
      ['no filter, the default sort', '', '', '-createdAt'],
      ['several statuses', 'status=queued,failed', `AND status IN ('queued', 'failed')`, '-createdAt'],
      ['a type', 'type={typeA}', 'AND type = :typeA', '-createdAt'],
      ['an agent', 'agentId={agent}', 'AND leased_by = :agent', '-createdAt'],
      ['a creation window', 'since={since}&until={until}', 'AND created_at >= :since AND created_at < :until', '-createdAt'],
      [
        'status, type and agent together',
        'status=succeeded,expired&type={typeB}&agentId={agent}',
        `AND status IN ('succeeded', 'expired') AND type = :typeB AND leased_by = :agent`,
        '-createdAt',
      ],
      ['oldest first', 'sort=createdAt', '', 'createdAt'],
      ['by completion, newest first (NULLs first)', 'sort=-completedAt', '', '-completedAt'],
      [
        'by completion, oldest first (NULLs last)',
        'sort=completedAt&status=queued,failed',
        `AND status IN ('queued', 'failed')`,
        'completedAt',
      ],
      ['mixed directions', 'sort=priority,-createdAt', '', 'priority,-createdAt'],
      ['three fields, two of them text', 'sort=status,-type,-queuedAt', '', 'status,-type,-queuedAt'],
      ["seed 001's sortBy and sortOrder", 'sortBy=priority&sortOrder=desc', '', '-priority'],
    ])('%s', async (_what, query, where, sort) => {
      const values: Record<string, string> = {
        typeA: `${family}-a`,
        typeB: `${family}-b`,
        agent: agentId,
        since: window.since.toISOString(),
        until: window.until.toISOString(),
      };
      const filled = query.replace(/\{(\w+)\}/g, (_m, name: string) => encodeURIComponent(values[name]));
      const expected = await floor(where, sort);
      expect(expected.length).toBeGreaterThan(4); // more than one page
      expect(await walk('/api/v1/jobs', `q=${family}&limit=4${filled ? `&${filled}` : ''}`)).toEqual(expected);
    });

    test('a cursor keeps the sort it was made for: sending it again is fine, another is 400', async () => {
      const first = await page('/api/v1/jobs', `q=${family}&limit=5&sort=priority,-createdAt`);
      const next = encodeURIComponent(first.meta.cursor.next);
      const same = await page('/api/v1/jobs', `q=${family}&limit=5&sort=priority,-createdAt&cursor=${next}`);
      expect((await page('/api/v1/jobs', `q=${family}&limit=5&cursor=${next}`)).data).toEqual(same.data);
      const res = await t.http
        .get('/api/v1/jobs', { query: `q=${family}&limit=5&sort=-createdAt&cursor=${next}` })
        .expect(400, 'VALIDATION_FAILED');
      expect(res.error.validationErrors).toEqual([expect.objectContaining({ field: 'cursor', code: 'INVALID_CURSOR' })]);
    });

    test("another organization's jobs never appear, whatever cursor it is given", async () => {
      const mine = await walk('/api/v1/jobs', `q=${family}&limit=9`);
      const theirs = await walk('/api/v1/jobs', `q=${family}&limit=9`, other.token);
      expect(theirs).toEqual(
        await ids(`SELECT id FROM jobs WHERE organization_id = $1 AND type LIKE $2 ORDER BY created_at DESC, id DESC`, [
          other.organizationId,
          `${family}-%`,
        ]),
      );
      expect(mine.filter((id) => theirs.includes(id))).toEqual([]);
      // A cursor from my list is only a position: in their list it gives their jobs after it.
      const position = (await page('/api/v1/jobs', `q=${family}&limit=9`)).meta.cursor.next;
      const theirsAfter = await page('/api/v1/jobs', `q=${family}&limit=100&cursor=${encodeURIComponent(position)}`, other.token);
      expect(theirsAfter.data.every((job: { id: string }) => theirs.includes(job.id))).toBe(true);
      expect((await page('/api/v1/jobs', `q=${family}`, other.token)).meta.pagination.totalItems).toBe(30);
    });
  });

  test.each([
    ['not base64url JSON', 'not-a-cursor!'],
    ['empty', ''],
    ['JSON of another shape', Buffer.from('{"after":"x"}').toString('base64url')],
    ['a sort the list does not have', Buffer.from(JSON.stringify(['-name', ['x', randomUUID()]])).toString('base64url')],
    ['too few keys', Buffer.from(JSON.stringify(['-createdAt', [randomUUID()]])).toString('base64url')],
    ['an id that is no UUID', Buffer.from(JSON.stringify(['-createdAt', ['2026-01-01T00:00:00.000000Z', 'x']])).toString('base64url')],
    [
      'a time without microseconds',
      Buffer.from(JSON.stringify(['-createdAt', ['2026-01-01T00:00:00Z', randomUUID()]])).toString('base64url'),
    ],
    [
      'a time that does not exist',
      Buffer.from(JSON.stringify(['-createdAt', ['2026-13-45T25:61:61.000000Z', randomUUID()]])).toString('base64url'),
    ],
    ['a NULL where the column cannot be NULL', Buffer.from(JSON.stringify(['-createdAt', [null, randomUUID()]])).toString('base64url')],
  ])('a malformed cursor (%s) is 400 in the envelope', async (_what, cursor) => {
    await t.http.get('/api/v1/jobs', { query: `cursor=${encodeURIComponent(cursor)}` }).expect(400, 'VALIDATION_FAILED');
  });

  test('a cursor with page or offset is 400: it continues after its own page', async () => {
    const cursor =
      (await page('/api/v1/jobs', 'pageSize=1')).meta.cursor.next ??
      Buffer.from(JSON.stringify(['-createdAt', ['2026-01-01T00:00:00.000000Z', randomUUID()]])).toString('base64url');
    for (const extra of ['page=2', 'offset=5']) {
      const res = await t.http
        .get('/api/v1/jobs', { query: `cursor=${encodeURIComponent(cursor)}&${extra}` })
        .expect(400, 'VALIDATION_FAILED');
      expect(res.error.validationErrors).toEqual([expect.objectContaining({ field: 'cursor', code: 'CONFLICTING_PARAMETERS' })]);
    }
  });
});

describe('totals: exact up to 10,000, null beyond, and the last page always tells', () => {
  const family = `count-${hex()}`;
  const list = (query = '') => page('/api/v1/jobs', `type=${family}-b${query}`);
  const seed = (n: number, newest: Date) =>
    t.sql(
      `INSERT INTO jobs (organization_id, id, type, status, max_attempts, timeout_seconds, created_by_type, created_at)
       SELECT $1, gen_random_uuid(), $2, 'succeeded', 3, 600, 'user', $3::timestamptz - i * interval '1 millisecond' FROM generate_series(1, $4::int) i`,
      [org, `${family}-b`, newest.toISOString(), n],
    );

  test('10,000 matching jobs are counted exactly', async () => {
    await seed(10_000, new Date(Date.now() - 7_200_000));
    expect((await list()).meta.pagination).toEqual({
      page: 1,
      pageSize: 20,
      limit: 20,
      offset: 0,
      totalItems: 10_000,
      totalPages: 500,
      totalCapped: false,
      hasNext: true,
      hasPrevious: false,
    });
    expect((await list('&page=500')).meta.pagination).toMatchObject({ totalItems: 10_000, hasNext: false, hasPrevious: true });
  });

  test('10,001 are not counted: null totals with totalCapped, hasNext still true; the last page and an offset into it still tell', async () => {
    await seed(1, new Date(Date.now() - 9_000_000));
    expect((await list()).meta.pagination).toEqual({
      page: 1,
      pageSize: 20,
      limit: 20,
      offset: 0,
      totalItems: null,
      totalPages: null,
      totalCapped: true,
      hasNext: true,
      hasPrevious: false,
    });
    const last = await list('&page=501');
    expect(last.data).toHaveLength(1);
    expect(last.meta.pagination).toMatchObject({
      page: 501,
      totalItems: 10_001,
      totalPages: 501,
      totalCapped: false,
      hasNext: false,
      hasPrevious: true,
    });
    const tail = await list('&offset=9998&limit=5');
    expect(tail.data).toHaveLength(3);
    expect(tail.meta.pagination).toMatchObject({ offset: 9998, limit: 5, totalItems: 10_001, totalCapped: false, hasNext: false });
    // Past the end: nothing to show, and the count (capped) says there are more than 10,000.
    expect((await list('&page=900')).meta.pagination).toMatchObject({ totalItems: null, totalCapped: true, hasNext: false });
    // A page by cursor is never counted.
    const byCursor = await list(`&cursor=${encodeURIComponent((await list()).meta.cursor.next)}`);
    expect(byCursor.meta.pagination).toBeUndefined();
  });
});

describe("seed 001's limit, offset, sortBy and sortOrder", () => {
  const family = `seed-${hex()}`;
  beforeAll(() => seedJobs(org, family, 30, new Date(Date.now() - 10_800_000)));

  test('offset and limit give any window, with offset links; sortBy and sortOrder sort like sort', async () => {
    const all = (await page('/api/v1/jobs', `q=${family}&pageSize=100`)).data.map((j: { id: string }) => j.id);
    const window = await page('/api/v1/jobs', `q=${family}&offset=3&limit=5`);
    expect(window.data.map((j: { id: string }) => j.id)).toEqual(all.slice(3, 8));
    expect(window.meta.pagination).toMatchObject({
      page: 1,
      pageSize: 5,
      limit: 5,
      offset: 3,
      totalItems: 30,
      hasNext: true,
      hasPrevious: true,
    });
    expect(new URL(window.links.next, t.baseUrl).searchParams.get('offset')).toBe('8');
    expect(new URL(window.links.prev, t.baseUrl).searchParams.get('offset')).toBe('0');
    const bySortBy = await page('/api/v1/jobs', `q=${family}&pageSize=100&sortBy=createdAt&sortOrder=asc`);
    const bySort = await page('/api/v1/jobs', `q=${family}&pageSize=100&sort=createdAt`);
    expect(bySortBy.data).toEqual(bySort.data);
    expect(bySort.data.map((j: { id: string }) => j.id)).toEqual(
      await ids(`SELECT id FROM jobs WHERE organization_id = $1 AND type LIKE $2 ORDER BY created_at, id`, [org, `${family}-%`]),
    );
  });

  test.each([
    ['page=2&offset=20', 'offset'],
    ['limit=5&pageSize=6', 'limit'],
    ['sort=createdAt&sortBy=createdAt', 'sortBy'],
    ['sortOrder=desc', 'sortOrder'],
  ])('%s is 400 at %s', async (query, field) => {
    const res = await t.http.get('/api/v1/jobs', { query }).expect(400, 'VALIDATION_FAILED');
    expect(res.error.validationErrors).toEqual([expect.objectContaining({ field, code: 'CONFLICTING_PARAMETERS' })]);
  });

  test.each(['limit=0', 'limit=101', 'offset=-1', 'offset=x', 'sortOrder=up', 'sortBy=-createdAt'])('%s is 400', async (query) => {
    await t.http.get('/api/v1/jobs', { query }).expect(400, 'VALIDATION_FAILED');
  });
});

describe('the other lists that grow large page by cursor too', () => {
  const ownerId = async () => (await page('/api/v1/me')).data.id as string;

  test.each([
    [
      'workflow runs',
      '/api/v1/workflow-runs',
      `INSERT INTO workflow_runs (organization_id, id, definition_name, definition_version, nodes, status, created_by, requested_by, created_at)
       SELECT $1, gen_random_uuid(), 'seeded', 1, '[]', 'succeeded', 'user:x', $2::uuid, now() - (i / 2) * interval '3 microseconds' FROM generate_series(1, 23) i`,
    ],
    ['seed 001 workflow executions', '/api/v1/workflow-executions', null],
    [
      'discovered secrets',
      '/api/v1/secrets',
      `INSERT INTO discovered_secrets (organization_id, id, cluster_name, provider, ref, status)
       SELECT $1, gen_random_uuid(), 'c' || (i % 3), 'vault', 'ref-' || i, 'present' FROM generate_series(1, 23) i WHERE $2::uuid IS NOT NULL`,
    ],
    [
      'access requests',
      '/api/v1/requests',
      `INSERT INTO secret_requests (organization_id, id, kind, secret_id, cluster_name, namespace, provider, ref, agent_id, requester_id, reason, created_at)
       SELECT $1, gen_random_uuid(), 'read', gen_random_uuid(), 'c', '', 'vault', 'r', gen_random_uuid(), $2::uuid, 'seeded', now() - (i / 2) * interval '3 microseconds' FROM generate_series(1, 23) i`,
    ],
    [
      'agents',
      '/api/v1/agents',
      `INSERT INTO agents (organization_id, id, name, secret_hash, enrolled_via)
       SELECT $1, gen_random_uuid(), 'seeded-' || i, '\\x00', 'mint' FROM generate_series(1, 23) i WHERE $2::uuid IS NOT NULL`,
    ],
    ['agents with their work', '/api/v1/agent-runtime/agents', null],
    ['job failures', '/api/v1/agent-runtime/failures', null],
  ])('%s', async (_what, path, seedSql) => {
    if (seedSql) await t.sql(seedSql, [org, await ownerId()]);
    const all = await byPages(path, 'pageSize=5');
    expect(all.length).toBeGreaterThan(6);
    expect(new Set(all).size).toBe(all.length);
    expect(await walk(path, 'limit=3')).toEqual(all);
  });
});
