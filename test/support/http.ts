import { randomUUID } from 'node:crypto';
import { expectResponse, raw, type RawResponse } from './contract.js';

/**
 * The one request helper of the e2e suites. The path is written once, as the document writes it,
 * and `{id}`-style holes are filled from `params`:
 *
 *   const job = await t.http.get('/api/v1/jobs/{id}', { params: { id } }).expect(200);
 *   await t.http.post('/api/v1/jobs', { body, token: member.accessToken }).expect(403, 'FORBIDDEN');
 *
 * `.expect(status, code?)` asserts the status (and the envelope's `error.code`), holds the body to
 * what openapi/openapi.json documents for that operation and status (contract.ts, the document as
 * served), and resolves with the parsed body. `.expectResponse` does the same and resolves with the
 * whole response (headers, text). Awaiting the request itself asserts nothing: for answers a test
 * inspects by hand (a status in a list, a route the document does not have). Every request goes
 * through `raw`, so an error code the operation does not declare fails in any case.
 */

export type Query = string | URLSearchParams | Record<string, string | number | boolean | null | undefined>;

export interface RequestOptions {
  /** Fills the `{name}` holes of the path, each value URI-encoded. */
  params?: Record<string, string | number>;
  /** Appended as the query string (a string is taken as written, without the `?`). */
  query?: Query;
  /** Sent as JSON. */
  body?: unknown;
  /** Sent as written, for bodies JSON.stringify cannot make (malformed JSON, an archive); `content-type` is JSON unless `headers` name one. */
  rawBody?: string | Uint8Array;
  headers?: Record<string, string | undefined>;
  /** Sent as `Authorization: Bearer`; `null` sends none. Unset: the client's default (the owner's, from useServer). */
  token?: string | null;
  /** Sent as `X-Workspace-Id`. */
  workspace?: string;
  /** Sent as `X-Agent-Secret`. */
  agentSecret?: string;
  /** Sent as `Idempotency-Key`; `true` sends a fresh random one. */
  idempotencyKey?: string | boolean;
  /** Another server than the client's. */
  baseUrl?: string;
}

export interface ClientDefaults {
  /** The token requests carry when they name none. */
  token?: string | null | (() => string | null | undefined);
  /** Every request but a GET carries a fresh Idempotency-Key unless it names one (for IDEMPOTENCY_REQUIRED=true). */
  idempotencyKeys?: boolean;
}

export type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

/** One request, sent at most once, on the first `await`, `.expect` or `.expectResponse`. */
export class HttpRequest implements PromiseLike<RawResponse> {
  private sent?: Promise<RawResponse>;

  constructor(
    readonly method: Method,
    /** The path as the document writes it. */
    readonly template: string,
    private readonly send: () => Promise<RawResponse>,
  ) {}

  /** The answer, unchecked. */
  response(): Promise<RawResponse> {
    return (this.sent ??= this.send());
  }

  then<A = RawResponse, B = never>(
    onFulfilled?: ((res: RawResponse) => A | PromiseLike<A>) | null,
    onRejected?: ((reason: unknown) => B | PromiseLike<B>) | null,
  ): Promise<A | B> {
    return this.response().then(onFulfilled, onRejected);
  }

  /**
   * Asserts the exact status, and with `code` the envelope's `error.code` (an error envelope:
   * `success: false`, `data: null`); holds the body to the contract. Resolves with the whole response.
   */
  async expectResponse(status: number, code?: string): Promise<RawResponse> {
    const res = await this.response();
    expectResponse(res, this.method, this.template, status, code);
    if (code) expect(res.body).toMatchObject({ success: false, data: null });
    return res;
  }

  /** As `expectResponse`, resolving with the parsed body (the envelope). */
  async expect(status: number, code?: string): Promise<any> {
    return (await this.expectResponse(status, code)).body;
  }
}

const encodeQuery = (query: Query): string => {
  if (typeof query === 'string') return query.replace(/^\?/, '');
  if (query instanceof URLSearchParams) return query.toString();
  return new URLSearchParams(
    Object.entries(query)
      .filter((e): e is [string, string | number | boolean] => e[1] !== undefined && e[1] !== null)
      .map(([k, v]): [string, string] => [k, String(v)]),
  ).toString();
};

/** `template` with its holes filled; throws when a hole has no value or a value no hole. */
export function fillPath(template: string, params: Record<string, string | number> = {}): string {
  const used = new Set<string>();
  const path = template.replace(/\{([^}]+)\}/g, (_, name: string) => {
    if (!(name in params)) throw new Error(`${template}: no value for {${name}}`);
    used.add(name);
    return encodeURIComponent(String(params[name]));
  });
  const unused = Object.keys(params).filter((name) => !used.has(name));
  if (unused.length) throw new Error(`${template} has no hole for ${unused.map((n) => `{${n}}`).join(', ')}`);
  return path;
}

export interface HttpClient {
  request(method: Method, template: string, options?: RequestOptions): HttpRequest;
  get(template: string, options?: RequestOptions): HttpRequest;
  post(template: string, options?: RequestOptions): HttpRequest;
  put(template: string, options?: RequestOptions): HttpRequest;
  patch(template: string, options?: RequestOptions): HttpRequest;
  delete(template: string, options?: RequestOptions): HttpRequest;
}

type Send = (method: Method, template: string, options?: RequestOptions) => HttpRequest;

/** A client around one `request` function: the verbs are shorthands for it. */
const withVerbs = (request: Send): HttpClient => ({
  request,
  get: (template, options) => request('GET', template, options),
  post: (template, options) => request('POST', template, options),
  put: (template, options) => request('PUT', template, options),
  patch: (template, options) => request('PATCH', template, options),
  delete: (template, options) => request('DELETE', template, options),
});

/** A client for the server at `baseUrl` (a function: read at each request, for servers started later). */
export function httpClient(baseUrl: string | (() => string), defaults: ClientDefaults = {}): HttpClient {
  const base = typeof baseUrl === 'function' ? baseUrl : () => baseUrl;
  const defaultToken = typeof defaults.token === 'function' ? defaults.token : () => defaults.token as string | null | undefined;
  const request = (method: Method, template: string, options: RequestOptions = {}): HttpRequest => {
    if (template.includes('?')) throw new Error(`${template}: pass the query as \`query\`, the path as the document writes it`);
    const path = fillPath(template, options.params);
    const query = options.query === undefined ? '' : encodeQuery(options.query);
    const token = options.token === undefined ? defaultToken() : options.token;
    const idempotencyKey = options.idempotencyKey ?? (defaults.idempotencyKeys && method !== 'GET');
    const headers: Record<string, string> = {};
    if (token) headers.authorization = `Bearer ${token}`;
    if (options.workspace !== undefined) headers['x-workspace-id'] = options.workspace;
    if (options.agentSecret !== undefined) headers['x-agent-secret'] = options.agentSecret;
    if (idempotencyKey) headers['idempotency-key'] = idempotencyKey === true ? randomUUID() : idempotencyKey;
    if (options.rawBody !== undefined) headers['content-type'] = 'application/json';
    for (const [name, value] of Object.entries(options.headers ?? {})) if (value !== undefined) headers[name.toLowerCase()] = value;
    if (options.rawBody !== undefined && options.body !== undefined) throw new Error(`${template}: pass \`body\` or \`rawBody\`, not both`);
    return new HttpRequest(method, template, () =>
      raw(options.baseUrl ?? base(), query ? `${path}?${query}` : path, { method, headers, json: options.body, body: options.rawBody }),
    );
  };
  return withVerbs(request);
}

/** `client`, handing every answer it receives to `onResponse` first (e.g. to scan them all for a secret afterwards). */
export function observed(client: HttpClient, onResponse: (res: RawResponse) => void): HttpClient {
  const request = (method: Method, template: string, options?: RequestOptions): HttpRequest => {
    const sent = client.request(method, template, options);
    return new HttpRequest(method, template, async () => {
      const res = await sent.response();
      onResponse(res);
      return res;
    });
  };
  return withVerbs(request);
}
