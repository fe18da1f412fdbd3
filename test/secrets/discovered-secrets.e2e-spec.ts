import { randomBytes } from 'node:crypto';
import { expectResponse, raw, type RawResponse } from '../support/contract.js';
import { addMember, otherOrganization } from '../support/fixtures.js';
import { startServer, type TestServer } from '../support/server.js';

/** Agents report the secrets they find in bulk (never values); users list and filter them. */
let t: TestServer;
let token: string;
beforeAll(async () => {
  t = await startServer();
  token = (await t.login()).accessToken;
});
afterAll(async () => {
  await t?.close();
});

const hex = () => randomBytes(3).toString('hex');
const call = (method: string, path: string, json?: unknown, as = token): Promise<RawResponse> =>
  raw(t.baseUrl, path, { method, headers: { authorization: `Bearer ${as}` }, json });

async function mintAgent(as = token): Promise<{ id: string; secret: string }> {
  const res = expectResponse(await call('POST', '/api/v1/agents', { name: `finder-${hex()}` }, as), 'POST', '/api/v1/agents', 201);
  return { id: res.body.data.agent.id, secret: res.body.data.agentSecret };
}
const report = (agent: { id: string; secret: string }, secrets: unknown[]) =>
  raw(t.baseUrl, `/api/v1/agents/${agent.id}/secrets/bulk`, { method: 'POST', headers: { 'x-agent-secret': agent.secret }, json: { secrets } });
const list = async (query: string, as = token) =>
  expectResponse(await call('GET', `/api/v1/secrets?${query.includes('pageSize=') ? query : `pageSize=100&${query}`}`, undefined, as), 'GET', '/api/v1/secrets', 200).body;

test('5 000 secrets in one call; a second report updates them (last wins within a call); filters by cluster, provider, ref prefix, status and labels', async () => {
  const agent = await mintAgent();
  const cluster = `prod-${hex()}`;
  const many = Array.from({ length: 5000 }, (_, i) => ({
    clusterName: cluster, namespace: `ns-${i % 10}`, provider: i % 2 ? 'kubernetes' : 'vault', ref: `db-${i}`,
    labels: { team: i % 3 ? 'payments' : 'search', tier: 'gold' }, version: '1',
  }));
  const first = expectResponse(await report(agent, many), 'POST', '/api/v1/agents/{id}/secrets/bulk', 200);
  expect(first.body.data).toEqual({ received: 5000, inserted: 5000, updated: 0 });
  const again = expectResponse(
    await report(agent, [{ ...many[0], version: '2' }, { ...many[0], version: '3', status: 'missing' }, { ...many[1] }, { clusterName: cluster, provider: 'vault', ref: 'new-one' }]),
    'POST', '/api/v1/agents/{id}/secrets/bulk', 200,
  );
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
  expect(expectResponse(await call('GET', `/api/v1/secrets/${one.id}`), 'GET', '/api/v1/secrets/{id}', 200).body.data).toEqual(one);
});

test('never a value: an unknown field is refused and nothing is stored; bad input is 400; more than 5 000 is 400', async () => {
  const agent = await mintAgent();
  const cluster = `leak-${hex()}`;
  const canary = `canary-${hex()}`;
  const refused = expectResponse(await report(agent, [{ clusterName: cluster, provider: 'kubernetes', ref: 'x', value: canary }]), 'POST', '/api/v1/agents/{id}/secrets/bulk', 400, 'VALIDATION_FAILED');
  expect(refused.text).not.toContain(canary);
  expect((await list(`cluster_name=${cluster}`)).data).toEqual([]);
  for (const bad of [[], [{ clusterName: cluster, provider: 'Kubernetes', ref: 'x' }], [{ clusterName: 'has space', provider: 'vault', ref: 'x' }], [{ clusterName: cluster, provider: 'vault', ref: '' }], [{ clusterName: cluster, provider: 'vault', ref: 'x', status: 'gone' }]]) {
    expectResponse(await report(agent, bad), 'POST', '/api/v1/agents/{id}/secrets/bulk', 400, 'VALIDATION_FAILED');
  }
  const tooMany = Array.from({ length: 5001 }, (_, i) => ({ clusterName: cluster, provider: 'vault', ref: `r${i}` }));
  expectResponse(await report(agent, tooMany), 'POST', '/api/v1/agents/{id}/secrets/bulk', 400, 'VALIDATION_FAILED');
  expect((await list(`cluster_name=${cluster}`)).data).toEqual([]);
  expectResponse(await call('GET', `/api/v1/secrets?label=nocolon`), 'GET', '/api/v1/secrets', 400, 'VALIDATION_FAILED');
});

test("organizations are apart; an agent reports only as itself; a member without discovered_secret.read is 403", async () => {
  const other = await otherOrganization(t, token);
  const theirAgent = await mintAgent(other.owner.accessToken);
  const cluster = `theirs-${hex()}`;
  expectResponse(await report(theirAgent, [{ clusterName: cluster, provider: 'vault', ref: 'their-secret' }]), 'POST', '/api/v1/agents/{id}/secrets/bulk', 200);
  const theirs = expectResponse(await call('GET', `/api/v1/secrets?cluster_name=${cluster}`, undefined, other.owner.accessToken), 'GET', '/api/v1/secrets', 200).body.data;
  expect(theirs).toHaveLength(1);
  expect((await list(`cluster_name=${cluster}`)).data).toEqual([]);
  expectResponse(await call('GET', `/api/v1/secrets/${theirs[0].id}`), 'GET', '/api/v1/secrets/{id}', 404, 'NOT_FOUND');

  const mine = await mintAgent();
  const asOther = await raw(t.baseUrl, `/api/v1/agents/${theirAgent.id}/secrets/bulk`, { method: 'POST', headers: { 'x-agent-secret': mine.secret }, json: { secrets: [{ clusterName: cluster, provider: 'vault', ref: 'x' }] } });
  expectResponse(asOther, 'POST', '/api/v1/agents/{id}/secrets/bulk', 403, 'FORBIDDEN');
  const viewerless = await addMember(t, token, []);
  expectResponse(await call('GET', '/api/v1/secrets', undefined, viewerless.accessToken), 'GET', '/api/v1/secrets', 403, 'FORBIDDEN');
});
