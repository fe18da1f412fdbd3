import { httpClient, type HttpClient } from './http.js';
import { startServer, type TestServer } from './server.js';

export interface ServerFixture extends TestServer {
  /** The owner's (ADMIN's) access token, from logging in once. */
  token: string;
  refreshToken: string;
  /** The organization the owner's token acts in. */
  organizationId: string;
  /** Requests to this server, as the owner unless they name another token (test/support/http.ts). */
  http: HttpClient;
}

/**
 * Starts the test server once for the spec file (beforeAll) and stops it after (afterAll); logs the
 * owner in and reads their organization through the typed client. Call it at the top of the file,
 * before the file's own beforeAll (which then runs after the server is up):
 *
 *   const t = useServer({ JOB_LEASE_SECONDS: '2' });
 *   test('…', async () => { await t.http.get('/api/v1/jobs').expect(200); await t.sql('…'); });
 *
 * The fixture is the TestServer (sql, as, login, output, …) with `token`, `organizationId` and
 * `http`; reading anything but `http` before the server is up throws.
 */
export function useServer(env: Record<string, string> = {}, options: Parameters<typeof startServer>[1] = {}): ServerFixture {
  let server: TestServer | undefined;
  let extra: Pick<ServerFixture, 'token' | 'refreshToken' | 'organizationId'> | undefined;
  const started = () => {
    if (!server || !extra) throw new Error('useServer(): the server is not up yet; read it inside a test or a later beforeAll');
    return { server, extra };
  };
  const http = httpClient(() => started().server.baseUrl, { token: () => started().extra.token });

  beforeAll(async () => {
    server = await startServer(env, options);
    const { accessToken, refreshToken } = await server.login();
    const { data, response } = await server.as(accessToken).GET('/api/v1/me/permissions');
    if (!data) throw new Error(`GET /api/v1/me/permissions answered ${response.status}`);
    extra = { token: accessToken, refreshToken, organizationId: data.data.organizationId };
  });
  afterAll(async () => {
    await server?.close();
  });

  return new Proxy({} as ServerFixture, {
    get(_, property) {
      if (property === 'http') return http;
      // Not a thenable: `await t` or returning it from an async function must not read the server.
      if (property === 'then') return undefined;
      const { server: s, extra: e } = started();
      if (property in e) return e[property as keyof typeof e];
      const value = (s as unknown as Record<PropertyKey, unknown>)[property];
      return typeof value === 'function' ? (value as (...a: unknown[]) => unknown).bind(s) : value;
    },
  });
}
