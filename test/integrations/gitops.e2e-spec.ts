import { execFileSync } from 'node:child_process';
import { createHash, generateKeyPairSync, randomBytes, randomUUID } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer as createHttpServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import type { AddressInfo } from 'node:net';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { rawPublicKey } from '../../src/kernel/crypto/wire-envelope.js';
import { tablesContaining } from '../support/database-scan.js';
import { addMember, otherOrganization } from '../support/fixtures.js';
import { observed, type Method, type RequestOptions } from '../support/http.js';
import { ADMIN, ROOT, runToExit, spawnServer, type RunningServer } from '../support/server.js';
import { useServer } from '../support/use-server.js';

/**
 * GitOps with Argo CD: endpoints (the token sealed, never shown), live discovery against a stand-in
 * Argo CD API, app mappings, the GITOPS_ENABLED switch, tenancy, permissions, and
 * GitopsService.observe as the secrets context will call it.
 */
const ARGO_TOKEN = `argo-${randomBytes(24).toString('hex')}`;
const ENCRYPTION_KEY = randomBytes(32).toString('base64');
const hex = () => randomBytes(3).toString('hex');

const APPLICATIONS = [
  {
    metadata: { name: 'payments-api', namespace: 'argocd' },
    spec: {
      project: 'payments',
      destination: { server: 'https://kubernetes.default.svc', namespace: 'payments' },
      source: { repoURL: 'https://git.example.com/platform/deploy.git', path: 'apps/payments', targetRevision: 'main' },
    },
    status: { sync: { status: 'Synced', revision: '9f1c2e7a' }, health: { status: 'Healthy' }, reconciledAt: '2026-11-22T10:00:00Z' },
  },
  {
    metadata: { name: 'billing-worker', namespace: 'argocd' },
    spec: {
      project: 'default',
      destination: { name: 'in-cluster', namespace: 'billing' },
      sources: [{ repoURL: 'https://charts.example.com', chart: 'billing', targetRevision: '1.4.2' }],
    },
    status: { sync: { status: 'OutOfSync', revisions: ['1.4.1'] }, health: { status: 'Degraded' } },
  },
];

/**
 * A stand-in for the Argo CD API. The URL's first segment picks a behaviour: /ok serves the
 * applications to the right bearer token (401 otherwise), /broken answers 500 with HTML, /hang never
 * answers, /redirect sends elsewhere.
 */
const seen: { path: string; authorization?: string }[] = [];
function argo(req: IncomingMessage, res: ServerResponse): void {
  const url = req.url ?? '';
  seen.push({ path: url, authorization: req.headers.authorization });
  const json = (status: number, body: unknown) => {
    res.writeHead(status, { 'content-type': 'application/json' });
    res.end(JSON.stringify(body));
  };
  const [, mode, ...rest] = url.split('/');
  const path = `/${rest.join('/')}`;
  if (mode === 'hang') return;
  if (mode === 'broken') {
    res.writeHead(500, { 'content-type': 'text/html' });
    res.end('<html>upstream exploded</html>');
    return;
  }
  if (mode === 'redirect') {
    res.writeHead(302, { location: 'http://127.0.0.1:1/elsewhere' });
    res.end();
    return;
  }
  if (req.headers.authorization !== `Bearer ${ARGO_TOKEN}`) return json(401, { error: 'invalid session: token is invalid', code: 16 });
  if (path === '/api/v1/applications') return json(200, { metadata: {}, items: APPLICATIONS });
  const one = /^\/api\/v1\/applications\/([^/?]+)$/.exec(path);
  const app = one && APPLICATIONS.find((a) => a.metadata.name === decodeURIComponent(one[1]));
  if (app) return json(200, app);
  json(404, { error: 'applications.argoproj.io not found', code: 5 });
}

const listen = (server: Server) =>
  new Promise<number>((resolve) => server.listen(0, '127.0.0.1', () => resolve((server.address() as AddressInfo).port)));
const close = (server?: Server) => new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));

// The stand-in Argo CD listens on loopback: this deployment lets outbound calls reach private addresses.
const t = useServer({
  GITOPS_ENABLED: 'true',
  GITOPS_TIMEOUT_MS: '1000',
  OUTBOUND_ALLOW_PRIVATE: 'true',
  ENCRYPTION_KEY,
  ENCRYPTION_KEY_ID: 'test-1',
});
let argoServer: Server;
let argoUrl: string;
let downUrl: string;
/** Every response body this file received, to prove the token was in none. */
const bodies: string[] = [];

/** `t.http`, keeping every response body it receives in `bodies`. */
const http = observed(t.http, (res) => bodies.push(res.text));

beforeAll(async () => {
  argoServer = createHttpServer(argo);
  argoUrl = `http://127.0.0.1:${await listen(argoServer)}`;
  // A port nothing listens on any more: connections are refused.
  const gone = createHttpServer();
  downUrl = `http://127.0.0.1:${await listen(gone)}`;
  await close(gone);
});

afterAll(async () => {
  argoServer?.closeAllConnections();
  await close(argoServer);
});

async function endpoint(body: Record<string, unknown> = {}, token?: string) {
  return (
    await http
      .post('/api/v1/argocd-endpoints', { body: { name: `argo-${hex()}`, url: `${argoUrl}/ok`, token: ARGO_TOKEN, ...body }, token })
      .expect(201)
  ).data;
}

async function mapping(body: Record<string, unknown>, token?: string) {
  return (await http.post('/api/v1/gitops-app-mappings', { body, token }).expect(201)).data;
}

const DISCOVER = '/api/v1/argocd-endpoints/{id}/discovered-apps';
const discover = (id: string, token?: string) => http.get(DISCOVER, { params: { id }, token });

describe('with GitOps off', () => {
  let off: RunningServer;
  beforeAll(async () => {
    off = await spawnServer({
      DATABASE_URL: t.databaseUrl,
      RATE_LIMIT_ENABLED: 'false',
      LOG_LEVEL: 'warn',
      ENCRYPTION_KEY,
      ENCRYPTION_KEY_ID: 'test-1',
    });
  });
  afterAll(async () => {
    await off?.stop();
  });

  test('every GitOps route answers 404 ROUTE_NOT_FOUND, with or without credentials, exactly as an unmatched route; the document still describes them', async () => {
    const login = await http.post('/api/v1/auth/login', { body: ADMIN, token: null, baseUrl: off.baseUrl }).expect(200);
    const offToken = login.data.accessToken as string;
    const id = randomUUID();
    // Not in the document: unchecked.
    const unmatched = await http.get('/api/v1/no-such-route', { token: offToken, baseUrl: off.baseUrl });
    expect(unmatched.status).toBe(404);
    for (const [method, template, options] of [
      ['POST', '/api/v1/argocd-endpoints', { body: { name: 'x', url: argoUrl, token: ARGO_TOKEN } }],
      ['GET', '/api/v1/argocd-endpoints', {}],
      ['GET', '/api/v1/argocd-endpoints/{id}/discovered-apps', { params: { id } }],
      ['PUT', '/api/v1/argocd-endpoints/{id}/enabled', { params: { id }, body: { enabled: false } }],
      ['DELETE', '/api/v1/argocd-endpoints/{id}', { params: { id } }],
      ['POST', '/api/v1/gitops-app-mappings', { body: { endpointId: id, applicationName: 'a', clusterName: 'c', ref: 'r' } }],
      ['GET', '/api/v1/gitops-app-mappings', { query: { endpointId: 'not-a-uuid' } }],
      ['DELETE', '/api/v1/gitops-app-mappings/{id}', { params: { id } }],
      ['GET', '/api/v1/requests/{id}/gitops', { params: { id } }],
    ] as [Method, string, RequestOptions][]) {
      for (const token of [offToken, null]) {
        const res = await http.request(method, template, { ...options, token, baseUrl: off.baseUrl }).expect(404, 'ROUTE_NOT_FOUND');
        expect(res.error.message).toBe(unmatched.body.error.message);
      }
    }
    // Not an operation of the document: unchecked.
    const document = await http.get('/openapi.json', { token: null, baseUrl: off.baseUrl });
    expect(Object.keys(document.body.paths)).toEqual(
      expect.arrayContaining(['/api/v1/argocd-endpoints', '/api/v1/gitops-app-mappings/{id}']),
    );
    expect(document.body.paths['/api/v1/argocd-endpoints'].post.description).toContain('404 when GitOps is off');
    // Nothing went through: no endpoint was created.
    expect(await t.sql('SELECT id FROM argocd_endpoints WHERE name = $1', ['x'])).toEqual([]);
  });
});

test('endpoints: the token is sealed and never shown (a fingerprint at most), names are unique, input is validated', async () => {
  const name = `Production Argo ${hex()}`;
  const created = await endpoint({ name, url: `${argoUrl}/ok/`, verifyTls: true });
  const fingerprint = `sha256:${createHash('sha256').update(ARGO_TOKEN).digest('hex').slice(0, 16)}`;
  expect(created).toMatchObject({
    name,
    url: `${argoUrl}/ok`,
    hasToken: true,
    tokenFingerprint: fingerprint,
    verifyTls: true,
    enabled: true,
    lastDiscoveryAt: null,
    lastError: null,
  });
  expect(created).not.toHaveProperty('token');
  expect(created.createdBy).toMatch(/^user:/);

  // Stored sealed: the row holds an envelope, not the token, and opens only with its own row's context.
  const [row] = await t.sql<{ token_ciphertext: Buffer }>('SELECT token_ciphertext FROM argocd_endpoints WHERE id = $1', [created.id]);
  expect(row.token_ciphertext.includes(Buffer.from(ARGO_TOKEN))).toBe(false);
  expect(row.token_ciphertext.subarray(2, 2 + row.token_ciphertext[1]).toString()).toBe('test-1');

  await http.post('/api/v1/argocd-endpoints', { body: { name, url: argoUrl, token: ARGO_TOKEN } }).expect(409, 'CONFLICT');
  const disabled = await endpoint({ enabled: false, verifyTls: false });
  expect(disabled).toMatchObject({ enabled: false, verifyTls: false });

  for (const bad of [
    { name: 'x', url: 'ftp://argocd.example.com', token: ARGO_TOKEN },
    { name: 'x', url: 'https://admin:secret@argocd.example.com', token: ARGO_TOKEN },
    { name: 'x', url: 'https://argocd.example.com/?a=b', token: ARGO_TOKEN },
    { name: 'x', url: 'not a url', token: ARGO_TOKEN },
    { name: 'x', url: argoUrl },
    { name: 'x', url: argoUrl, token: 'has a space' },
    { name: '', url: argoUrl, token: ARGO_TOKEN },
    { name: 'x', url: argoUrl, token: ARGO_TOKEN, verifyTls: 'yes' },
    { name: 'x', url: argoUrl, token: ARGO_TOKEN, password: 'unknown field' },
  ]) {
    const res = await http.post('/api/v1/argocd-endpoints', { body: bad }).expectResponse(400, 'VALIDATION_FAILED');
    expect(res.text).not.toContain(ARGO_TOKEN);
  }
  await http
    .put('/api/v1/argocd-endpoints/{id}/enabled', { params: { id: created.id }, body: { enabled: 'false' } })
    .expect(400, 'VALIDATION_FAILED');
  await discover('not-a-uuid').expect(400, 'VALIDATION_FAILED');
  await http.get('/api/v1/argocd-endpoints', { query: { sort: 'token' } }).expect(400, 'VALIDATION_FAILED');

  const listed = await http.get('/api/v1/argocd-endpoints', { query: { q: name } }).expect(200);
  expect(listed.data.map((e: { id: string }) => e.id)).toEqual([created.id]);
  expect(listed.meta.pagination).toMatchObject({ page: 1, totalItems: 1 });
  const paged = await http.get('/api/v1/argocd-endpoints', { query: { pageSize: 1, sort: '-createdAt' } }).expect(200);
  expect(paged.data).toHaveLength(1);
  expect(paged.meta.pagination.hasNext).toBe(true);
});

test('discovery asks Argo CD with the bearer token and returns its applications; the outcome is recorded on the endpoint', async () => {
  const e = await endpoint();
  seen.length = 0;
  const apps = (await discover(e.id).expect(200)).data;
  expect(seen).toEqual([{ path: '/ok/api/v1/applications', authorization: `Bearer ${ARGO_TOKEN}` }]);
  expect(apps).toEqual([
    {
      name: 'billing-worker',
      project: 'default',
      namespace: 'argocd',
      destinationServer: null,
      destinationName: 'in-cluster',
      destinationNamespace: 'billing',
      syncStatus: 'OutOfSync',
      healthStatus: 'Degraded',
      revision: '1.4.1',
      repoUrl: 'https://charts.example.com',
      path: 'billing',
      targetRevision: '1.4.2',
      reconciledAt: null,
    },
    {
      name: 'payments-api',
      project: 'payments',
      namespace: 'argocd',
      destinationServer: 'https://kubernetes.default.svc',
      destinationName: null,
      destinationNamespace: 'payments',
      syncStatus: 'Synced',
      healthStatus: 'Healthy',
      revision: '9f1c2e7a',
      repoUrl: 'https://git.example.com/platform/deploy.git',
      path: 'apps/payments',
      targetRevision: 'main',
      reconciledAt: '2026-11-22T10:00:00.000Z',
    },
  ]);
  const listed = (await http.get('/api/v1/argocd-endpoints', { query: { q: e.name } })).body.data[0];
  expect(listed.lastError).toBeNull();
  expect(Date.now() - Date.parse(listed.lastDiscoveryAt)).toBeLessThan(60_000);
});

test('discovery failures are 502 with a code of their own and recorded as lastError; a disabled endpoint is 409', async () => {
  const refused = await endpoint({ token: `wrong-${hex()}` });
  const unauthorized = await discover(refused.id).expect(502, 'UPSTREAM_UNAUTHORIZED');
  expect(unauthorized.error).toMatchObject({ message: expect.stringContaining('HTTP 401'), details: { upstreamStatus: 401 } });
  const recorded = (await http.get('/api/v1/argocd-endpoints', { query: { q: refused.name } })).body.data[0];
  expect(recorded.lastError).toEqual({ code: 'UPSTREAM_UNAUTHORIZED', message: unauthorized.error.message });
  expect(recorded.lastDiscoveryAt).not.toBeNull();

  const down = await endpoint({ url: downUrl });
  const unreachable = await discover(down.id).expect(502, 'UPSTREAM_UNAVAILABLE');
  expect(unreachable.error.message).toContain('could not be reached (ECONNREFUSED)');

  const broken = await endpoint({ url: `${argoUrl}/broken` });
  expect((await discover(broken.id).expect(502, 'UPSTREAM_UNAVAILABLE')).error).toMatchObject({
    details: { upstreamStatus: 500 },
  });
  const redirect = await endpoint({ url: `${argoUrl}/redirect` });
  expect((await discover(redirect.id).expect(502, 'UPSTREAM_UNAVAILABLE')).error.message).toContain('redirected');
  // GITOPS_TIMEOUT_MS is 1000 here.
  const hanging = await endpoint({ url: `${argoUrl}/hang` });
  const started = Date.now();
  expect((await discover(hanging.id).expect(502, 'UPSTREAM_UNAVAILABLE')).error.message).toContain('did not answer within 1000 ms');
  expect(Date.now() - started).toBeLessThan(5000);

  // A success clears the error.
  const flaky = await endpoint({ url: `${argoUrl}/broken` });
  await discover(flaky.id);
  await t.sql('UPDATE argocd_endpoints SET url = $2 WHERE id = $1', [flaky.id, `${argoUrl}/ok`]);
  await discover(flaky.id).expect(200);
  expect((await http.get('/api/v1/argocd-endpoints', { query: { q: flaky.name } })).body.data[0].lastError).toBeNull();

  const e = await endpoint();
  const off = (await http.put('/api/v1/argocd-endpoints/{id}/enabled', { params: { id: e.id }, body: { enabled: false } }).expect(200))
    .data;
  expect(off.enabled).toBe(false);
  seen.length = 0;
  await discover(e.id).expect(409, 'CONFLICT');
  expect(seen).toEqual([]);
  await http.put('/api/v1/argocd-endpoints/{id}/enabled', { params: { id: e.id }, body: { enabled: true } }).expect(200);
  await discover(e.id).expect(200);
  await discover(randomUUID()).expect(404, 'NOT_FOUND');
});

test("the deployment's outbound rules hold for Argo CD: private targets refused at creation (400) and at discovery (422), nothing sent", async () => {
  // A replica on the same database with the default rules: no private targets.
  const strict = await spawnServer({
    DATABASE_URL: t.databaseUrl,
    RATE_LIMIT_ENABLED: 'false',
    LOG_LEVEL: 'warn',
    GITOPS_ENABLED: 'true',
    ENCRYPTION_KEY,
    ENCRYPTION_KEY_ID: 'test-1',
  });
  try {
    const login = await http.post('/api/v1/auth/login', { body: ADMIN, token: null, baseUrl: strict.baseUrl }).expect(200);
    const onStrict = { token: login.data.accessToken as string, baseUrl: strict.baseUrl };
    for (const url of [`${argoUrl}/ok`, 'http://localhost:8080', 'http://[::1]:8080', 'http://169.254.169.254/latest', 'http://10.0.0.7']) {
      const res = await http
        .post('/api/v1/argocd-endpoints', { body: { name: `argo-${hex()}`, url, token: ARGO_TOKEN }, ...onStrict })
        .expect(400, 'VALIDATION_FAILED');
      expect(res.error.validationErrors).toEqual([expect.objectContaining({ field: 'url', code: 'PRIVATE_TARGET' })]);
    }
    // A name is judged by what it resolves to, when called: this machine's own name resolves to loopback.
    const port = new URL(argoUrl).port;
    const named = (
      await http
        .post('/api/v1/argocd-endpoints', {
          body: { name: `argo-${hex()}`, url: `http://${hostname()}:${port}/ok`, token: ARGO_TOKEN },
          ...onStrict,
        })
        .expect(201)
    ).data;
    // And one made where private targets are allowed is still refused where they are not.
    const literal = await endpoint();
    seen.length = 0;
    for (const e of [named, literal]) {
      const refused = await http.get(DISCOVER, { params: { id: e.id }, ...onStrict }).expect(422, 'PRIVATE_TARGET');
      expect(refused.error.message).toContain('OUTBOUND_ALLOW_PRIVATE');
      const [recorded] = await t.sql<{ last_error: { code: string } }>('SELECT last_error FROM argocd_endpoints WHERE id = $1', [e.id]);
      expect(recorded.last_error.code).toBe('PRIVATE_TARGET');
    }
    expect(seen).toEqual([]);
  } finally {
    await strict.stop();
  }
});

test('verifyTls: a self-signed Argo CD is refused unless the endpoint says verifyTls: false', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'marshal-argo-tls-'));
  const tls = createHttpsServer(
    (() => {
      execFileSync(
        'openssl',
        [
          'req',
          '-x509',
          '-newkey',
          'ec',
          '-pkeyopt',
          'ec_paramgen_curve:prime256v1',
          '-nodes',
          '-days',
          '1',
          '-subj',
          '/CN=127.0.0.1',
          '-keyout',
          join(dir, 'key.pem'),
          '-out',
          join(dir, 'cert.pem'),
        ],
        { stdio: 'ignore' },
      );
      return { key: readFileSync(join(dir, 'key.pem')), cert: readFileSync(join(dir, 'cert.pem')) };
    })(),
    argo,
  );
  try {
    const url = `https://127.0.0.1:${await listen(tls)}/ok`;
    const strict = await endpoint({ url });
    expect((await discover(strict.id).expect(502, 'UPSTREAM_UNAVAILABLE')).error.message).toMatch(/could not be reached \([A-Z_]+\)/);
    const lax = await endpoint({ url, verifyTls: false });
    const apps = (await discover(lax.id).expect(200)).data;
    expect(apps.map((a: { name: string }) => a.name)).toEqual(['billing-worker', 'payments-api']);
    const refused = await endpoint({ url, verifyTls: false, token: `wrong-${hex()}` });
    await discover(refused.id).expect(502, 'UPSTREAM_UNAUTHORIZED');
  } finally {
    tls.closeAllConnections();
    await close(tls);
    rmSync(dir, { recursive: true, force: true });
  }
});

test('app mappings: created against an endpoint of the organization, unique per location and application, filtered, deleted; an endpoint with mappings cannot be deleted', async () => {
  const e = await endpoint();
  const other = await endpoint();
  const cluster = `prod-${hex()}`;
  const location = { clusterName: cluster, namespace: 'payments', ref: 'db-credentials' };
  const m = await mapping({ endpointId: e.id, applicationName: 'payments-api', ...location });
  expect(m).toMatchObject({ endpointId: e.id, applicationName: 'payments-api', ...location });
  expect(m.createdBy).toMatch(/^user:/);
  const noNamespace = await mapping({ endpointId: other.id, applicationName: 'payments-api', clusterName: cluster, ref: 'db-credentials' });
  expect(noNamespace.namespace).toBe('');

  await http
    .post('/api/v1/gitops-app-mappings', { body: { endpointId: e.id, applicationName: 'payments-api', ...location } })
    .expect(409, 'CONFLICT');
  await http
    .post('/api/v1/gitops-app-mappings', { body: { endpointId: randomUUID(), applicationName: 'payments-api', ...location } })
    .expect(422, 'UNKNOWN_ENDPOINT');
  for (const bad of [
    { endpointId: 'nope', applicationName: 'payments-api', ...location },
    { endpointId: e.id, applicationName: 'Payments API', ...location },
    { endpointId: e.id, applicationName: 'payments-api', ...location, clusterName: 'has space' },
    { endpointId: e.id, applicationName: 'payments-api', ...location, ref: '' },
    { endpointId: e.id, applicationName: 'payments-api', clusterName: cluster },
    { endpointId: e.id, applicationName: 'payments-api', ...location, value: 'no values here' },
  ])
    await http.post('/api/v1/gitops-app-mappings', { body: bad }).expect(400, 'VALIDATION_FAILED');

  const byCluster = await http.get('/api/v1/gitops-app-mappings', { query: { clusterName: cluster } }).expect(200);
  expect(byCluster.data.map((x: { id: string }) => x.id)).toEqual([noNamespace.id, m.id]);
  const byEndpoint = await http.get('/api/v1/gitops-app-mappings', { query: { endpointId: e.id } }).expect(200);
  expect(byEndpoint.data.map((x: { id: string }) => x.id)).toEqual([m.id]);
  await http.get('/api/v1/gitops-app-mappings', { query: { endpointId: 'nope' } }).expect(400, 'VALIDATION_FAILED');

  const refused = await http.delete('/api/v1/argocd-endpoints/{id}', { params: { id: e.id } }).expect(409, 'CONFLICT');
  expect(refused.error.details).toEqual({ mappings: 1 });
  await http.delete('/api/v1/gitops-app-mappings/{id}', { params: { id: m.id } }).expect(204);
  await http.delete('/api/v1/gitops-app-mappings/{id}', { params: { id: m.id } }).expect(404, 'NOT_FOUND');
  await http.delete('/api/v1/argocd-endpoints/{id}', { params: { id: e.id } }).expect(204);
  await http.delete('/api/v1/argocd-endpoints/{id}', { params: { id: e.id } }).expect(404, 'NOT_FOUND');
  await http.get('/api/v1/gitops-app-mappings', { query: { endpointId: e.id } }).expect(200);
});

test("another organization's endpoints and mappings are 404 (and 422 as a mapping's endpoint); a viewer reads but cannot change anything", async () => {
  const other = await otherOrganization(t, t.token);
  const theirs = await endpoint({}, other.owner.accessToken);
  const theirMapping = await mapping(
    { endpointId: theirs.id, applicationName: 'payments-api', clusterName: 'theirs', ref: 'x' },
    other.owner.accessToken,
  );
  await discover(theirs.id).expect(404, 'NOT_FOUND');
  await http.put('/api/v1/argocd-endpoints/{id}/enabled', { params: { id: theirs.id }, body: { enabled: false } }).expect(404, 'NOT_FOUND');
  await http.delete('/api/v1/argocd-endpoints/{id}', { params: { id: theirs.id } }).expect(404, 'NOT_FOUND');
  await http.delete('/api/v1/gitops-app-mappings/{id}', { params: { id: theirMapping.id } }).expect(404, 'NOT_FOUND');
  await http
    .post('/api/v1/gitops-app-mappings', { body: { endpointId: theirs.id, applicationName: 'a', clusterName: 'c', ref: 'r' } })
    .expect(422, 'UNKNOWN_ENDPOINT');
  const mine = (await http.get('/api/v1/argocd-endpoints', { query: { pageSize: 100 } })).body.data.map((e: { id: string }) => e.id);
  expect(mine).not.toContain(theirs.id);
  const myMappings = (await http.get('/api/v1/gitops-app-mappings', { query: { endpointId: theirs.id } })).body.data;
  expect(myMappings).toEqual([]);
  // Still there for their owner.
  expect(
    (await http.get('/api/v1/gitops-app-mappings', { query: { endpointId: theirs.id }, token: other.owner.accessToken })).body.data,
  ).toHaveLength(1);

  const e = await endpoint();
  const viewer = await addMember(t, t.token, ['viewer']);
  const asViewer = { token: viewer.accessToken };
  await http.get('/api/v1/argocd-endpoints', asViewer).expect(200);
  await http.get('/api/v1/gitops-app-mappings', asViewer).expect(200);
  await discover(e.id, viewer.accessToken).expect(200);
  await http
    .post('/api/v1/argocd-endpoints', { body: { name: 'v', url: argoUrl, token: ARGO_TOKEN }, ...asViewer })
    .expect(403, 'FORBIDDEN');
  await http
    .put('/api/v1/argocd-endpoints/{id}/enabled', { params: { id: e.id }, body: { enabled: false }, ...asViewer })
    .expect(403, 'FORBIDDEN');
  await http.delete('/api/v1/argocd-endpoints/{id}', { params: { id: e.id }, ...asViewer }).expect(403, 'FORBIDDEN');
  await http
    .post('/api/v1/gitops-app-mappings', { body: { endpointId: e.id, applicationName: 'a', clusterName: 'c', ref: 'r' }, ...asViewer })
    .expect(403, 'FORBIDDEN');
  const nobody = await addMember(t, t.token, []);
  await http.get('/api/v1/argocd-endpoints', { token: nobody.accessToken }).expect(403, 'FORBIDDEN');
  await http.get('/api/v1/argocd-endpoints', { token: null }).expect(401, 'UNAUTHENTICATED');
  const integrationAdmin = await addMember(t, t.token, ['integration_admin']);
  await endpoint({}, integrationAdmin.accessToken);
});

/** Runs GitopsService.observe in a process of its own, booted from the compiled application against this server's database. */
async function observe(org: string, location: { clusterName: string; namespace: string; ref: string }, env: Record<string, string> = {}) {
  const module = (path: string) => JSON.stringify(pathToFileURL(join(ROOT, 'dist', 'src', path)).href);
  const script = `
    import { NestFactory } from '@nestjs/core';
    const { AppModule } = await import(${module('app.module.js')});
    const { loadConfig } = await import(${module('kernel/config/load-config.js')});
    const { GitopsService } = await import(${module('contexts/integrations/gitops.service.js')});
    const app = await NestFactory.createApplicationContext(AppModule.forRoot(loadConfig()), { logger: false });
    try {
      const gitops = app.get(GitopsService);
      const observations = await gitops.observe(process.env.ORGANIZATION_ID, JSON.parse(process.env.LOCATION));
      process.stdout.write('OBSERVED ' + JSON.stringify({ enabled: gitops.enabled, observations }) + '\\n');
    } finally {
      await app.close();
    }`;
  const { code, output } = await runToExit(
    {
      DATABASE_URL: t.databaseUrl,
      LOG_LEVEL: 'silent',
      ENCRYPTION_KEY,
      ENCRYPTION_KEY_ID: 'test-1',
      GITOPS_ENABLED: 'true',
      GITOPS_TIMEOUT_MS: '1000',
      OUTBOUND_ALLOW_PRIVATE: 'true',
      ORGANIZATION_ID: org,
      LOCATION: JSON.stringify(location),
      ...env,
    },
    ['--input-type=module', '-e', script],
  );
  const line = output.split('\n').find((l) => l.startsWith('OBSERVED '));
  if (code !== 0 || !line) throw new Error(`observe exited with ${code}:\n${output}`);
  expect(output).not.toContain(ARGO_TOKEN);
  return JSON.parse(line.slice('OBSERVED '.length)) as { enabled: boolean; observations: Record<string, unknown>[] };
}

test('GitopsService.observe: the live state of every application mapped to a location on an enabled endpoint; upstream failures become observations with an error', async () => {
  const cluster = `observed-${hex()}`;
  const location = { clusterName: cluster, namespace: 'payments', ref: 'db-credentials' };
  const a = await endpoint({ name: `a-${hex()}` });
  const b = await endpoint({ name: `b-${hex()}`, token: `wrong-${hex()}` });
  const c = await endpoint({ name: `c-${hex()}`, url: downUrl });
  const disabled = await endpoint({ name: `d-${hex()}`, enabled: false });
  const synced = await mapping({ endpointId: a.id, applicationName: 'payments-api', ...location });
  const missing = await mapping({ endpointId: a.id, applicationName: 'no-such-app', ...location });
  const refused = await mapping({ endpointId: b.id, applicationName: 'payments-api', ...location });
  const unreachable = await mapping({ endpointId: c.id, applicationName: 'payments-api', ...location });
  await mapping({ endpointId: disabled.id, applicationName: 'payments-api', ...location });
  await mapping({ endpointId: a.id, applicationName: 'billing-worker', ...location, ref: 'another-secret' });

  const before = Date.now();
  const { enabled, observations } = await observe(t.organizationId, location);
  expect(enabled).toBe(true);
  expect(observations).toEqual([
    {
      mappingId: missing.id,
      endpointId: a.id,
      endpointName: a.name,
      applicationName: 'no-such-app',
      syncStatus: null,
      healthStatus: null,
      revision: null,
      reconciledAt: null,
      observedAt: expect.any(String),
      error: { code: 'APPLICATION_NOT_FOUND', message: expect.stringContaining('no-such-app') },
    },
    {
      mappingId: synced.id,
      endpointId: a.id,
      endpointName: a.name,
      applicationName: 'payments-api',
      syncStatus: 'Synced',
      healthStatus: 'Healthy',
      revision: '9f1c2e7a',
      reconciledAt: '2026-11-22T10:00:00.000Z',
      observedAt: expect.any(String),
    },
    {
      mappingId: refused.id,
      endpointId: b.id,
      endpointName: b.name,
      applicationName: 'payments-api',
      syncStatus: null,
      healthStatus: null,
      revision: null,
      reconciledAt: null,
      observedAt: expect.any(String),
      error: { code: 'UPSTREAM_UNAUTHORIZED', message: expect.stringContaining('HTTP 401') },
    },
    {
      mappingId: unreachable.id,
      endpointId: c.id,
      endpointName: c.name,
      applicationName: 'payments-api',
      syncStatus: null,
      healthStatus: null,
      revision: null,
      reconciledAt: null,
      observedAt: expect.any(String),
      error: { code: 'UPSTREAM_UNAVAILABLE', message: expect.stringContaining('could not be reached') },
    },
  ]);
  expect(Date.parse(observations[1].observedAt as string)).toBeGreaterThanOrEqual(before - 1000);

  // Another organization sees none of it; nothing is asked with GitOps off.
  const other = await otherOrganization(t, t.token);
  const otherId = (await http.get('/api/v1/me', { token: other.owner.accessToken })).body.context.organizationId;
  expect((await observe(otherId, location)).observations).toEqual([]);
  expect(await observe(t.organizationId, location, { GITOPS_ENABLED: 'false' })).toEqual({ enabled: false, observations: [] });
}, 90_000);

test('a master-key rotation re-wraps the endpoint tokens, which still open and work afterwards', async () => {
  const e = await endpoint();
  const newKey = randomBytes(32).toString('base64');
  const rotated = await spawnServer({
    DATABASE_URL: t.databaseUrl,
    RATE_LIMIT_ENABLED: 'false',
    LOG_LEVEL: 'warn',
    GITOPS_ENABLED: 'true',
    OUTBOUND_ALLOW_PRIVATE: 'true',
    ENCRYPTION_KEY: newKey,
    ENCRYPTION_KEY_ID: 'test-2',
    ENCRYPTION_PREVIOUS_KEYS: `test-1:${ENCRYPTION_KEY}`,
  });
  try {
    const keyIds = async () =>
      (
        await t.sql<{ key_id: string }>(
          "SELECT DISTINCT convert_from(substring(token_ciphertext FROM 3 FOR get_byte(token_ciphertext, 1)), 'UTF8') AS key_id FROM argocd_endpoints",
        )
      ).map((r) => r.key_id);
    const deadline = Date.now() + 15_000;
    while ((await keyIds()).includes('test-1') && Date.now() < deadline) await new Promise((r) => setTimeout(r, 200));
    expect(await keyIds()).toEqual(['test-2']);
    const login = await http.post('/api/v1/auth/login', { body: ADMIN, token: null, baseUrl: rotated.baseUrl }).expect(200);
    await http.get(DISCOVER, { params: { id: e.id }, token: login.data.accessToken, baseUrl: rotated.baseUrl }).expect(200);
    expect(rotated.output()).not.toContain(ARGO_TOKEN);
  } finally {
    await rotated.stop();
  }
});

test('the token is in no response, audit entry, event, log line or table in clear; mutations are audited and emit events', async () => {
  const audited = await t.sql<{ action: string; outcome: string }>(
    "SELECT DISTINCT action, outcome FROM audit_events WHERE resource_type IN ('argocd_endpoint', 'gitops_app_mapping') ORDER BY action, outcome",
  );
  expect(audited).toEqual(
    expect.arrayContaining([
      { action: 'argocd_endpoint.create', outcome: 'success' },
      { action: 'argocd_endpoint.create', outcome: 'failure' },
      { action: 'argocd_endpoint.delete', outcome: 'success' },
      { action: 'argocd_endpoint.set_enabled', outcome: 'success' },
      { action: 'gitops_app_mapping.create', outcome: 'success' },
      { action: 'gitops_app_mapping.delete', outcome: 'success' },
    ]),
  );
  const [denied] = await t.sql<{ n: number }>(
    "SELECT count(*)::int AS n FROM audit_events WHERE action = 'authz.denied' AND details->>'permission' = 'integration.edit'",
  );
  expect(denied.n).toBeGreaterThanOrEqual(4);
  const events = (
    await t.sql<{ type: string }>(
      "SELECT DISTINCT type FROM events WHERE resource_type IN ('argocd_endpoint', 'gitops_app_mapping') ORDER BY type",
    )
  ).map((e) => e.type);
  expect(events).toEqual([
    'argocd_endpoint.created',
    'argocd_endpoint.deleted',
    'argocd_endpoint.disabled',
    'argocd_endpoint.enabled',
    'gitops_app_mapping.created',
    'gitops_app_mapping.deleted',
  ]);
  for (const table of ['audit_events', 'events']) {
    const [hits] = await t.sql<{ n: number }>(`SELECT count(*)::int AS n FROM ${table} x WHERE strpos(x::text, $1) > 0`, [ARGO_TOKEN]);
    expect([table, hits.n]).toEqual([table, 0]);
  }
  expect(await tablesContaining(t, ARGO_TOKEN)).toEqual([]);
  // The control: the scan finds what is stored in clear, such as the fingerprint.
  const fingerprint = createHash('sha256').update(ARGO_TOKEN).digest('hex').slice(0, 16);
  expect(await tablesContaining(t, fingerprint)).toContain('public.argocd_endpoints');
  expect(bodies.length).toBeGreaterThan(50);
  for (const body of bodies) expect(body).not.toContain(ARGO_TOKEN);
  expect(t.output()).not.toContain(ARGO_TOKEN);
});

test('GET /requests/{id}/gitops: after a patch completes, the live state of the applications mapped to the secret; 409 before, and for a read', async () => {
  const approver = await addMember(t, t.token, ['ops_engineer']);
  const workflow = (
    await http
      .post('/api/v1/workflows', {
        body: { name: `gitops-${hex()}`, stages: [{ name: 'Peer', requiredApprovals: 1, roleIds: [], userIds: [approver.userId] }] },
      })
      .expect(201)
  ).data;
  const cluster = `gitops-${hex()}`;
  await http.post('/api/v1/policies', { body: { name: `gitops-${hex()}`, workflowId: workflow.id, clusterName: cluster } }).expect(201);
  const minted = (await http.post('/api/v1/agents', { body: { name: `gitops-${hex()}` } })).body.data;
  const asAgent = { token: null, agentSecret: minted.agentSecret as string };
  const agentId = minted.agent.id as string;
  const { publicKey } = generateKeyPairSync('x25519');
  await http
    .put('/api/v1/agents/{id}/public-key', {
      params: { id: agentId },
      body: { publicKey: rawPublicKey(publicKey).toString('base64url') },
      ...asAgent,
    })
    .expect(200);
  await http
    .post('/api/v1/agents/{id}/secrets/bulk', {
      params: { id: agentId },
      body: { secrets: [{ clusterName: cluster, namespace: 'payments', provider: 'kubernetes', ref: 'db-password' }] },
      ...asAgent,
    })
    .expect(200);
  const secretId = (await http.get('/api/v1/secrets', { query: { cluster_name: cluster } })).body.data[0].id as string;
  const argoEndpoint = await endpoint();
  await http
    .post('/api/v1/gitops-app-mappings', {
      body: {
        endpointId: argoEndpoint.id,
        applicationName: 'payments-api',
        clusterName: cluster,
        namespace: 'payments',
        ref: 'db-password',
      },
    })
    .expect(201);

  const read = (await http.post('/api/v1/requests/read', { body: { secretId, reason: 'just looking' } }).expect(201)).data;
  await http.get('/api/v1/requests/{id}/gitops', { params: { id: read.id } }).expect(409, 'NOT_A_PATCH');
  const patch = (await http.post('/api/v1/requests', { body: { secretId, reason: 'rotate', value: 'n3w' } }).expect(201)).data;
  await http.get('/api/v1/requests/{id}/gitops', { params: { id: patch.id } }).expect(409, 'NOT_PATCHED');
  await http.post('/api/v1/requests/{id}/approve', { params: { id: patch.id }, body: {}, token: approver.accessToken }).expect(200);
  const claimed = await http.post('/api/v1/agents/{id}/jobs/claim', { params: { id: agentId }, query: { wait: 5 }, ...asAgent });
  const { job, lease } = claimed.body.data.claims[0];
  await http.get('/api/v1/agents/{id}/wraps/{wrapId}', { params: { id: agentId, wrapId: job.payload.wrapId }, ...asAgent }).expect(200);
  await http
    .post('/api/v1/agents/{id}/jobs/{jobId}/complete', {
      params: { id: agentId, jobId: job.id },
      body: { leaseId: lease.id, status: 'succeeded' },
      ...asAgent,
    })
    .expect(204);

  const observed = (await http.get('/api/v1/requests/{id}/gitops', { params: { id: patch.id } }).expect(200)).data;
  expect(observed).toEqual([
    expect.objectContaining({
      endpointId: argoEndpoint.id,
      applicationName: 'payments-api',
      syncStatus: 'Synced',
      healthStatus: 'Healthy',
      revision: '9f1c2e7a',
    }),
  ]);
  const other = await otherOrganization(t, t.token);
  await http.get('/api/v1/requests/{id}/gitops', { params: { id: patch.id }, token: other.owner.accessToken }).expect(404, 'NOT_FOUND');
});
