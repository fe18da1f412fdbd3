import { randomBytes } from 'node:crypto';
import { addMember, otherOrganization } from '../support/fixtures.js';
import { useServer } from '../support/use-server.js';

/** Agents report the secrets they find in bulk (never values); users list and filter them. */
const t = useServer();

const hex = () => randomBytes(3).toString('hex');

async function mintAgent(as?: string): Promise<{ id: string; secret: string }> {
  const res = await t.http.post('/api/v1/agents', { body: { name: `finder-${hex()}` }, token: as }).expectResponse(201);
  return { id: res.body.data.agent.id, secret: res.body.data.agentSecret };
}
const report = (agent: { id: string; secret: string }, secrets: unknown[], reporter = agent) =>
  t.http.post('/api/v1/agents/{id}/secrets/bulk', {
    params: { id: agent.id },
    body: { secrets },
    token: null,
    agentSecret: reporter.secret,
  });
const list = (query: string, as = t.token) =>
  t.http.get('/api/v1/secrets', { query: query.includes('pageSize=') ? query : `pageSize=100&${query}`, token: as }).expect(200);

test('5 000 secrets in one call; a second report updates them (last wins within a call); filters by cluster, provider, ref prefix, status and labels', async () => {
  const agent = await mintAgent();
  const cluster = `prod-${hex()}`;
  const many = Array.from({ length: 5000 }, (_, i) => ({
    clusterName: cluster,
    namespace: `ns-${i % 10}`,
    provider: i % 2 ? 'kubernetes' : 'vault',
    ref: `db-${i}`,
    labels: { team: i % 3 ? 'payments' : 'search', tier: 'gold' },
    version: '1',
  }));
  const first = await report(agent, many).expectResponse(200);
  expect(first.body.data).toEqual({ received: 5000, inserted: 5000, updated: 0 });
  const again = await report(agent, [
    { ...many[0], version: '2' },
    { ...many[0], version: '3', status: 'missing' },
    { ...many[1] },
    { clusterName: cluster, provider: 'vault', ref: 'new-one' },
  ]).expectResponse(200);
  expect(again.body.data).toEqual({ received: 3, inserted: 1, updated: 2 });

  const all = await list(`cluster_name=${cluster}&pageSize=1`);
  expect(all.meta.pagination.totalItems).toBe(5001);
  const missing = await list(`cluster_name=${cluster}&status=missing`);
  expect(missing.data).toHaveLength(1);
  expect(missing.data[0]).toMatchObject({ ref: 'db-0', version: '3', status: 'missing', agentId: agent.id, namespace: 'ns-0' });
  expect((await list(`cluster_name=${cluster}&provider=kubernetes&pageSize=1`)).meta.pagination.totalItems).toBe(2500);
  expect((await list(`cluster_name=${cluster}&ref_prefix=db-49`)).meta.pagination.totalItems).toBe(111); // db-49, db-490..499, db-4900..4999
  expect((await list(`cluster_name=${cluster}&ref_prefix=db_`)).meta.pagination.totalItems).toBe(0); // _ is literal, not a wildcard
  expect((await list(`cluster_name=${cluster}&label=team:search&label=tier:gold&pageSize=1`)).meta.pagination.totalItems).toBe(1667);
  expect((await list(`cluster_name=${cluster}&label=team:search&label=tier:silver`)).data).toEqual([]);
  const one = missing.data[0];
  expect((await t.http.get('/api/v1/secrets/{id}', { params: { id: one.id } }).expect(200)).data).toEqual(one);
});

test('never a value: an unknown field is refused and nothing is stored; bad input is 400; more than 5 000 is 400', async () => {
  const agent = await mintAgent();
  const cluster = `leak-${hex()}`;
  const canary = `canary-${hex()}`;
  const refused = await report(agent, [{ clusterName: cluster, provider: 'kubernetes', ref: 'x', value: canary }]).expectResponse(
    400,
    'VALIDATION_FAILED',
  );
  expect(refused.text).not.toContain(canary);
  expect((await list(`cluster_name=${cluster}`)).data).toEqual([]);
  for (const bad of [
    [],
    [{ clusterName: cluster, provider: 'Kubernetes', ref: 'x' }],
    [{ clusterName: 'has space', provider: 'vault', ref: 'x' }],
    [{ clusterName: cluster, provider: 'vault', ref: '' }],
    [{ clusterName: cluster, provider: 'vault', ref: 'x', status: 'gone' }],
  ]) {
    await report(agent, bad).expect(400, 'VALIDATION_FAILED');
  }
  const tooMany = Array.from({ length: 5001 }, (_, i) => ({ clusterName: cluster, provider: 'vault', ref: `r${i}` }));
  await report(agent, tooMany).expect(400, 'VALIDATION_FAILED');
  expect((await list(`cluster_name=${cluster}`)).data).toEqual([]);
  await t.http.get('/api/v1/secrets', { query: { label: 'nocolon' } }).expect(400, 'VALIDATION_FAILED');
});

test('organizations are apart; an agent reports only as itself; a member without discovered_secret.read is 403', async () => {
  const other = await otherOrganization(t, t.token);
  const theirAgent = await mintAgent(other.owner.accessToken);
  const cluster = `theirs-${hex()}`;
  await report(theirAgent, [{ clusterName: cluster, provider: 'vault', ref: 'their-secret' }]).expect(200);
  const theirs = (await t.http.get('/api/v1/secrets', { query: { cluster_name: cluster }, token: other.owner.accessToken }).expect(200))
    .data;
  expect(theirs).toHaveLength(1);
  expect((await list(`cluster_name=${cluster}`)).data).toEqual([]);
  await t.http.get('/api/v1/secrets/{id}', { params: { id: theirs[0].id } }).expect(404, 'NOT_FOUND');

  const mine = await mintAgent();
  await report(theirAgent, [{ clusterName: cluster, provider: 'vault', ref: 'x' }], mine).expect(403, 'FORBIDDEN');
  const viewerless = await addMember(t, t.token, []);
  await t.http.get('/api/v1/secrets', { token: viewerless.accessToken }).expect(403, 'FORBIDDEN');
});
