/**
 * The typed Marshal client: openapi-fetch over the types generated from openapi/openapi.json.
 *
 *   const api = createMarshalClient('http://localhost:3000');
 *   const { data } = await api.POST('/api/v1/auth/login', { body: { email, password } });
 *   const authed = createMarshalClient('http://localhost:3000', { token: data!.data.accessToken });
 *   const me = await authed.GET('/api/v1/me');
 */
import createClient, { type Client } from 'openapi-fetch';
import type { components, paths } from './schema.js';

export type MarshalPaths = paths;
export type MarshalSchemas = components['schemas'];
export type MarshalClient = Client<paths>;

export interface MarshalClientOptions {
  /** A user access token or an API key, sent as `Authorization: Bearer`. */
  token?: string;
  headers?: Record<string, string>;
  fetch?: typeof fetch;
}

export function createMarshalClient(baseUrl: string, options: MarshalClientOptions = {}): MarshalClient {
  return createClient<paths>({
    baseUrl,
    fetch: options.fetch,
    headers: {
      ...(options.token ? { authorization: `Bearer ${options.token}` } : {}),
      ...options.headers,
    },
  });
}
