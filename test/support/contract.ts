import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Ajv, type ValidateFunction } from 'ajv';
import addFormatsModule from 'ajv-formats';
import { checkErrorCodes } from './error-codes.js';
import { ROOT } from './server.js';

type Spec = { paths: Record<string, Record<string, { responses: Record<string, { content?: Record<string, { schema?: unknown }> }> }>> };

export const spec = JSON.parse(readFileSync(join(ROOT, 'openapi', 'openapi.json'), 'utf8')) as Spec;

// ajv-formats ships CommonJS with a default export object.
const addFormats = ((addFormatsModule as unknown as { default?: typeof addFormatsModule }).default ?? addFormatsModule) as unknown as (
  ajv: Ajv,
) => Ajv;
const ajv = new Ajv({ strict: false, allErrors: true });
addFormats(ajv);
// The document exactly as served: Ajv reads OpenAPI 3.0's `nullable` itself, and nothing is rewritten.
ajv.addSchema(spec, 'openapi.json');

const pointer = (segment: string) => segment.replace(/~/g, '~0').replace(/\//g, '~1');
const cache = new Map<string, ValidateFunction>();

/**
 * Asserts that `body` is what the committed contract (openapi/openapi.json) promises for this
 * operation and status. A response the document does not describe is a failure too.
 */
export function expectMatchesContract(method: string, path: string, status: number, body: unknown): void {
  const operation = spec.paths[path]?.[method.toLowerCase()];
  if (!operation) throw new Error(`${method} ${path} is not in openapi/openapi.json`);
  const response = operation.responses[String(status)];
  if (!response) throw new Error(`${method} ${path} does not document status ${status}`);
  if (!response.content?.['application/json']?.schema) {
    if (body !== undefined && body !== '') throw new Error(`${method} ${path} ${status} documents no JSON body but one was sent`);
    return;
  }
  const ref = `openapi.json#/paths/${pointer(path)}/${method.toLowerCase()}/responses/${status}/content/application~1json/schema`;
  let validate = cache.get(ref);
  if (!validate) {
    validate = ajv.getSchema(ref);
    if (!validate) throw new Error(`no schema at ${ref}`);
    cache.set(ref, validate);
  }
  if (!validate(body)) {
    throw new Error(
      `${method} ${path} ${status} does not match the contract:\n${ajv.errorsText(validate.errors, { separator: '\n' })}\nbody: ${JSON.stringify(body)}`,
    );
  }
}

/**
 * Asserts the exact status (and error code), and that the body is what the contract documents for
 * `method template` at that status. Returns the response for further assertions.
 */
export function expectResponse(res: RawResponse, method: string, template: string, status: number, code?: string): RawResponse {
  if (res.status !== status)
    throw new Error(`${method} ${template}: expected ${status}${code ? ` ${code}` : ''}, got ${res.status}: ${res.text}`);
  // A body that is not JSON (an event stream, a file): the document must declare its media type.
  const mediaType = res.headers.get('content-type')?.split(';')[0].trim().toLowerCase();
  if (mediaType && mediaType !== 'application/json' && status !== 204) {
    const declared = Object.keys(spec.paths[template]?.[method.toLowerCase()]?.responses[String(status)]?.content ?? {});
    if (!declared.includes(mediaType))
      throw new Error(`${method} ${template} ${status} answered ${mediaType}; the document declares ${declared.join(', ') || 'no body'}`);
    return res;
  }
  expectMatchesContract(method, template, status, status === 204 ? res.text : res.body);
  if (code) expect(res.body.error.code).toBe(code);
  // An enveloped success must say so; the document holds the answers that are not enveloped (the
  // probes, the key sets) to their own schemas above.
  else if (status < 300 && res.body && typeof res.body === 'object' && 'success' in res.body) expect(res.body.success).toBe(true);
  return res;
}

export interface RawResponse {
  status: number;
  headers: Headers;
  body: any;
  text: string;
  /** The body as received, for answers that are not text (a binary file). */
  bytes: Buffer;
}

/** fetch + JSON, for requests the typed client cannot express (malformed bodies, bad headers). */
export async function raw(baseUrl: string, path: string, init: RequestInit & { json?: unknown } = {}): Promise<RawResponse> {
  const headers = new Headers(init.headers);
  let body = init.body;
  if (init.json !== undefined) {
    headers.set('content-type', 'application/json');
    body = JSON.stringify(init.json);
  }
  const res = await checkErrorCodes()(baseUrl + path, { ...init, headers, body });
  const bytes = Buffer.from(await res.arrayBuffer());
  const text = bytes.toString('utf8');
  let parsed: unknown;
  try {
    parsed = text ? JSON.parse(text) : undefined;
  } catch {
    // not JSON: callers assert on `text`
  }
  return { status: res.status, headers: res.headers, body: parsed, text, bytes };
}
