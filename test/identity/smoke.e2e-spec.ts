import { startServer, TestServer } from '../support/server.js';

let t: TestServer;
beforeAll(async () => {
  t = await startServer();
});
afterAll(async () => {
  await t?.close();
});

test('login then me through the typed client', async () => {
  const { accessToken } = await t.login();
  const { data, response } = await t.as(accessToken).GET('/api/v1/me');
  expect(response.status).toBe(200);
  expect(data?.data.email).toBe('owner@marshal.test');
});
