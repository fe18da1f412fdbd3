import { hostname } from 'node:os';
import { useServer } from '../support/use-server.js';
import { WorkingCopy } from './git-push.js';
import { GitServer } from './git-server.js';

/** Under the default outbound rules, a `url` repository on a private address is refused before git runs. */
const t = useServer();

let server: GitServer;
let copy: WorkingCopy;
beforeAll(async () => {
  server = await GitServer.start();
  copy = await WorkingCopy.create();
  await copy.commit({ 'a.txt': 'a\n' });
  await server.publish('app', copy.dir);
});
afterAll(async () => {
  await server?.stop();
  await copy?.remove();
});

test('loopback, by address or by a name that resolves to it, is PRIVATE_TARGET and never fetched', async () => {
  const project = (await t.http.post('/api/v1/projects', { body: { name: 'Private clone' } }).expect(201)).data.id;
  for (const host of ['127.0.0.1', 'localhost', hostname()]) {
    const refused = await t.http
      .post('/api/v1/projects/{id}/repositories', {
        params: { id: project },
        body: { name: `private-${host.replace(/[^a-z0-9-]/gi, '-')}`, sourceType: 'url', sourceUrl: server.url('app', host) },
      })
      .expect(422, 'SOURCE_URL_REFUSED');
    expect(refused.error.details.reason).toBe('PRIVATE_TARGET');
  }
  expect(server.requests).toEqual([]);
  const [row] = await t.sql<{ n: number }>('SELECT count(*)::int AS n FROM code_repositories WHERE organization_id = $1', [
    t.organizationId,
  ]);
  expect(row.n).toBe(0);
});
