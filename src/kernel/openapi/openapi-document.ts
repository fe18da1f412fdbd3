import type { INestApplication } from '@nestjs/common';
import { DocumentBuilder, OpenAPIObject, SwaggerModule } from '@nestjs/swagger';
import { CursorMeta, EnvelopeContext, EnvelopeLinks, EnvelopeMeta, ErrorEnvelope, PaginationMeta, SuccessEnvelope } from '../http/envelope.js';
import type { ErrorSpec } from '../http/app-error.js';
import {
  badRequest,
  forbidden,
  idempotencyInProgress,
  idempotencyKeyReused,
  internal,
  jsonTooDeep,
  malformedContentEncoding,
  malformedJson,
  payloadTooLarge,
  rateLimited,
  serviceUnavailable,
  unauthenticated,
  unsupportedMediaType,
  validationFailed,
} from '../http/kernel.errors.js';
import { DeclaredError, ERROR_CODES_EXTENSION, errorResponse } from '../http/response.decorators.js';
import { operations } from './operations.js';
import { API_TAGS } from './tags.js';
import { documentValidationRules } from './validation-rules.js';
import { attachResponseHeaders, CORRELATION_ID_PARAMETER, declareStandardHeaders, idempotencyKeyParameter } from './standard-headers.js';

export const SECURITY_SCHEMES = {
  bearer: 'bearer',
  apiKey: 'apiKey',
  agentSecret: 'agentSecret',
  agentfieldSignature: 'agentfieldSignature',
} as const;

/**
 * Schemes that authenticate a request by its signature, not as a principal (webhooks): such an
 * operation has no organization to pick with x-workspace-id, no idempotency scope and no
 * permission to lack (403).
 */
export const SIGNATURE_SCHEMES: ReadonlySet<string> = new Set([SECURITY_SCHEMES.agentfieldSignature]);

/** What an operation without an explicit scheme accepts: a user's access token or an API key. */
export const DEFAULT_SECURITY: Record<string, string[]>[] = [{ [SECURITY_SCHEMES.bearer]: [] }, { [SECURITY_SCHEMES.apiKey]: [] }];

/** Sorts object keys recursively, so the written document is byte-for-byte stable. */
export function sortKeys<T>(value: T): T {
  if (Array.isArray(value)) return value.map(sortKeys) as T;
  if (value && typeof value === 'object') {
    return Object.fromEntries(
      Object.keys(value as object)
        .sort()
        .map((k) => [k, sortKeys((value as Record<string, unknown>)[k])]),
    ) as T;
  }
  return value;
}

const MUTATING = new Set(['post', 'put', 'patch', 'delete']);

const WORKSPACE_HEADER = {
  name: 'x-workspace-id',
  in: 'header',
  required: false,
  description: 'Act in this organization (one of your memberships) instead of your default one; another is 403.',
  schema: { type: 'string', format: 'uuid', maxLength: 36 },
};

/** Whether an operation is called by a principal (a user, API key or agent), not by a signed webhook or anyone. */
export const callsAsPrincipal = (security: Record<string, string[]>[]): boolean =>
  security.some((requirement) => Object.keys(requirement).some((scheme) => !SIGNATURE_SCHEMES.has(scheme)));

/**
 * Completes what decorators leave implicit, the same way for every operation: the default security
 * (the global guard's default), the x-workspace-id and Idempotency-Key headers, and the error
 * responses. Each error status lists its codes as an `enum` on `error.code`: those the operation
 * declares with @ApiErrors (the codes its own code throws), plus the common codes any operation
 * can give, attached here from the kernel's catalog (kernel.errors.ts): VALIDATION_FAILED when it
 * takes input; the body's refusals (MALFORMED_JSON, JSON_TOO_DEEP, MALFORMED_CONTENT_ENCODING,
 * BAD_REQUEST, PAYLOAD_TOO_LARGE, UNSUPPORTED_MEDIA_TYPE) when it takes a body; UNAUTHENTICATED and
 * FORBIDDEN when a principal calls it; IDEMPOTENCY_IN_PROGRESS and IDEMPOTENCY_KEY_REUSED for
 * idempotent retries; RATE_LIMITED and SERVICE_UNAVAILABLE under /api; INTERNAL always. And the
 * x-correlation-id parameter and the response headers the server sends (standard-headers.ts). An operation that is
 * idempotent by design (`x-idempotent-by-design`) takes no Idempotency-Key, so neither the header
 * nor its 409 and 422.
 */
function completeOperations(document: OpenAPIObject): void {
  for (const { path, method, op } of operations(document)) {
    const security = (op.security ??= DEFAULT_SECURITY);
    const principal = callsAsPrincipal(security);
    const parameters = (op.parameters ??= []);
    if (principal) parameters.push(WORKSPACE_HEADER);
    // Idempotency keys are scoped to a principal: other operations take none.
    const keyed = MUTATING.has(method) && principal && op['x-idempotent-by-design'] === undefined;
    const keptWithChange = op['x-idempotency-kept-with'] !== undefined;
    if (keyed) parameters.push(idempotencyKeyParameter(op['x-idempotency-required'] === true, keptWithChange));
    parameters.push(CORRELATION_ID_PARAMETER);
    const responses = op.responses;
    // What the operation declared (@ApiErrors) first, so that its own words describe a code; then the common codes.
    const declared = ((op[ERROR_CODES_EXTENSION] ?? []) as DeclaredError[]).slice();
    delete op[ERROR_CODES_EXTENSION];
    const add = (...errors: ErrorSpec[]) => declared.push(...errors.map(({ status, code, description }) => ({ status, code, description })));
    if (op.requestBody || parameters.length > 0) add(validationFailed);
    if (op.requestBody) add(malformedJson, jsonTooDeep, malformedContentEncoding, badRequest, payloadTooLarge, unsupportedMediaType);
    if (security.length > 0) add(unauthenticated);
    if (principal) add(forbidden);
    // A key kept with the change is never "in progress": a retry waits for the first request instead.
    if (keyed) add(...(keptWithChange ? [] : [idempotencyInProgress]), idempotencyKeyReused);
    // Rate limits apply to the API; probes, metrics and documents are never throttled.
    const limited = path.startsWith('/api/') && op['x-rate-limit-exempt'] !== true;
    if (limited) {
      add(rateLimited);
      // Everything under /api but the probes reads the database, if only to authenticate.
      add(serviceUnavailable);
    }
    add(internal);
    for (const status of [...new Set(declared.map((d) => d.status))].sort()) {
      responses[String(status)] = errorResponse(declared.filter((d) => d.status === status));
    }
    const codesByStatus = new Map<string, Set<string>>();
    for (const d of declared) codesByStatus.set(String(d.status), (codesByStatus.get(String(d.status)) ?? new Set()).add(d.code));
    attachResponseHeaders(responses, { limited, keyed, codesByStatus });
  }
  declareStandardHeaders(document);
}

/** The schema that admits only null, read the same by OpenAPI 3.0 validators (Prism) and JSON Schema ones (Ajv). */
export const NULL_SCHEMA = { enum: [null] } as const;

/**
 * OpenAPI 3.0's `nullable` widens only the `type` beside it. Two forms the decorators produce
 * therefore do not admit null for a validator that follows 3.0: a nullable reference
 * (`{ allOf: [{ $ref }], nullable: true }`, which Prism refuses null for, the referenced schema
 * being an object), and a nullable enum (Prism adds null to the enum; Ajv does not, so null must be
 * listed, and then Prism lists it twice and cannot compile the schema). Both become
 * `anyOf: [<the schema, not nullable>, { enum: [null] }]`, which both validators read as "it or
 * null" and generated clients as `T | null`. The description stays beside the anyOf.
 */
export function explicitNulls<T>(node: T): T {
  if (Array.isArray(node)) return node.map(explicitNulls) as T;
  if (!node || typeof node !== 'object') return node;
  const schema = Object.fromEntries(Object.entries(node).map(([k, v]) => [k, explicitNulls(v)])) as Record<string, unknown>;
  if (schema.nullable !== true) return schema as T;
  const { nullable: _nullable, description, ...rest } = schema;
  const documented = description === undefined ? {} : { description };
  if (Array.isArray(rest.allOf) && rest.allOf.length === 1 && Object.keys(rest).every((k) => k === 'allOf' || k === 'type')) {
    return { ...documented, anyOf: [rest.allOf[0], NULL_SCHEMA] } as T;
  }
  if (Array.isArray(rest.enum)) {
    return { ...documented, anyOf: [{ ...rest, enum: rest.enum.filter((v) => v !== null) }, NULL_SCHEMA] } as T;
  }
  return schema as T;
}

const INT32 = { min: -(2 ** 31), max: 2 ** 31 - 1 };

/**
 * Gives every integer its format: `int32` when its bounds fit, else `int64` (what any JSON integer the
 * server reads or writes fits: they are JavaScript safe integers), so generators pick the right type.
 */
export function integerFormats<T>(node: T): T {
  if (Array.isArray(node)) return node.map(integerFormats) as T;
  if (!node || typeof node !== 'object') return node;
  const schema = Object.fromEntries(Object.entries(node).map(([k, v]) => [k, integerFormats(v)])) as Record<string, unknown>;
  if (schema.type !== 'integer' || schema.format !== undefined) return schema as T;
  const bounded = typeof schema.minimum === 'number' && typeof schema.maximum === 'number' && schema.minimum >= INT32.min && schema.maximum <= INT32.max;
  return { ...schema, format: bounded ? 'int32' : 'int64' } as T;
}

/** Problems that make the document unfit to publish; the spec writer fails on any. */
export function documentProblems(document: OpenAPIObject): string[] {
  const problems: string[] = [];
  const seen = new Map<string, string>();
  for (const { path, method, op } of operations(document)) {
    const where = `${method.toUpperCase()} ${path}`;
    if (!op.operationId) problems.push(`${where}: no operationId`);
    else if (seen.has(op.operationId)) problems.push(`${where}: operationId "${op.operationId}" is also used by ${seen.get(op.operationId)}`);
    else seen.set(op.operationId, where);
    if (!op.summary) problems.push(`${where}: no summary (@ApiOperation({ summary }))`);
    if (!op.tags?.length) problems.push(`${where}: no tag (@ApiTags on the controller)`);
    for (const tag of op.tags ?? []) if (!API_TAGS[tag]) problems.push(`${where}: tag "${tag}" is not declared in kernel/openapi/tags.ts`);
    const success = Object.keys(op.responses).filter((s) => /^[23]\d\d$/.test(s) || s === '101');
    if (success.length === 0) problems.push(`${where}: no success response (@ApiOk, @ApiCreated, @ApiPage, @ApiNoContent or @RawResponse)`);
  }
  return problems;
}

/**
 * Builds the OpenAPI document from the code: controllers, DTOs (through the swagger CLI plugin) and
 * the response, error and security decorators. The same function feeds /openapi.json and the
 * committed openapi/openapi.json.
 */
export function buildOpenApiDocument(app: INestApplication, version: string): OpenAPIObject {
  const config = new DocumentBuilder()
    .setTitle('Marshal API')
    .setDescription(
      'Control plane for operations that remote agents carry out under human approval. ' +
        'Every JSON response is an envelope: `success`, `data`, `error`, `meta` (request and correlation ids, ' +
        'pagination), `context` (principal and organization) and `links`. Errors carry a stable `error.code`.',
    )
    .setVersion(version)
    .setLicense('Apache-2.0', 'https://www.apache.org/licenses/LICENSE-2.0')
    .addServer('/', 'The server that serves this document (local, staging or production: whichever deployment answers)', undefined, { 'x-internal': false })
    .addBearerAuth(
      {
        type: 'http',
        scheme: 'bearer',
        bearerFormat: 'JWT',
        description:
          'A user access token from POST /api/v1/auth/login, or an API key (`Bearer mk_…`). When a request carries ' +
          'an Authorization header, that is the credential judged and X-API-Key is ignored: a bad token is 401 ' +
          'even beside a valid key. Access tokens follow RFC8725 (JSON Web Token Best Current Practices): ES256 only ' +
          '(any other `alg`, `none` included, is refused), issuer and audience checked, short-lived (ACCESS_TOKEN_TTL_SECONDS, ' +
          '15 minutes by default), signed by the keys at /.well-known/jwks.json, and refused once their session ends.',
      },
      SECURITY_SCHEMES.bearer,
    )
    .addApiKey(
      {
        type: 'apiKey',
        in: 'header',
        name: 'X-API-Key',
        description:
          'An API key (also accepted as a bearer token). Used only when the request has no Authorization header; ' +
          'beside one it is ignored, so a client configured with both schemes is judged by its Authorization.',
      },
      SECURITY_SCHEMES.apiKey,
    )
    .addApiKey(
      { type: 'apiKey', in: 'header', name: 'X-Agent-Secret', description: "An agent's secret; the agent id in the path must be the caller." },
      SECURITY_SCHEMES.agentSecret,
    )
    .addApiKey(
      {
        type: 'apiKey',
        in: 'header',
        name: 'x-agentfield-signature',
        description:
          'A signed workflow callback from an external executor: `t=<unix seconds>,v1=<hex HMAC-SHA256>` over ' +
          '`<t>.<x-agentfield-delivery>.<raw body>` under WORKFLOW_WEBHOOK_SECRET (docs/workflow-callbacks.md).',
      },
      SECURITY_SCHEMES.agentfieldSignature,
    )
    .build();
  const document = SwaggerModule.createDocument(app, config, {
    // Handler names are the operation ids: they read well in generated clients, and the writer
    // refuses a duplicate, so they stay unique across contexts.
    operationIdFactory: (_controller, method) => method,
    extraModels: [SuccessEnvelope, ErrorEnvelope, EnvelopeMeta, EnvelopeContext, EnvelopeLinks, PaginationMeta, CursorMeta],
  });
  document.tags = Object.entries(API_TAGS).map(([name, description]) => ({ name, description }));
  completeOperations(document);
  documentValidationRules(app, document);
  document.components!.schemas = explicitNulls(document.components!.schemas);
  document.paths = explicitNulls(document.paths);
  document.components = integerFormats(document.components);
  document.paths = integerFormats(document.paths);
  return sortKeys(document);
}
