import { applyDecorators, HttpCode, SetMetadata, Type } from '@nestjs/common';
import { ApiExtension, ApiExtraModels, ApiHeader, ApiResponse, getSchemaPath } from '@nestjs/swagger';
import type { AnyErrorFactory } from './app-error.js';
import { CursorMeta, EnvelopeMeta, ErrorEnvelope, PaginationMeta, SuccessEnvelope } from './envelope.js';
import { LAST_EVENT_ID_HEADER, SSE_SCHEMA } from './event-stream.js';
import { upgradeRequired } from './kernel.errors.js';

/** How the envelope interceptor treats what a handler returns. Set only by the decorators below. */
export type ResponseShape =
  | { kind: 'data'; status: number }
  | { kind: 'page'; status: number; byCursor: boolean }
  /** 201 or 200, as the Upserted the handler returns says. */
  | { kind: 'upsert'; status: 200 }
  | { kind: 'cursor'; status: number }
  | { kind: 'empty'; status: 204 }
  /** Probes, metrics, documents and streams: written as they are, no envelope. */
  | { kind: 'raw'; status: number };

export const RESPONSE_SHAPE = 'marshal:response-shape';

type Model = Type<unknown>;

function dataSchema(model: Model | 'array-of', itemModel?: Model) {
  if (model === 'array-of') return { type: 'array', items: { $ref: getSchemaPath(itemModel!) } };
  return { $ref: getSchemaPath(model) };
}

/** The meta of a paged answer: `required` of its parts always present, the others described as they come. */
function pagedMeta(required: ('pagination' | 'cursor')[], also: ('pagination' | 'cursor')[] = []) {
  const model = { pagination: PaginationMeta, cursor: CursorMeta };
  const properties = Object.fromEntries([...required, ...also].map((part) => [part, { $ref: getSchemaPath(model[part]) }]));
  return { allOf: [{ $ref: getSchemaPath(EnvelopeMeta) }, { type: 'object', required, properties }] };
}

function envelopeSchema(data: object, meta?: object) {
  const properties: Record<string, object> = { data };
  const required = ['data'];
  if (meta) {
    properties.meta = meta;
    required.push('meta');
  }
  return { allOf: [{ $ref: getSchemaPath(SuccessEnvelope) }, { type: 'object', required, properties }] };
}

function enveloped(status: number, description: string, data: object, meta?: object) {
  return ApiResponse({ status, description, schema: envelopeSchema(data, meta) });
}

function shaped(shape: ResponseShape, ...decorators: (MethodDecorator | ClassDecorator)[]) {
  return applyDecorators(SetMetadata(RESPONSE_SHAPE, shape), HttpCode(shape.status), ...decorators);
}

/** 200 with `data` of `model` (or an array of it with `{ isArray: true }`). */
export function ApiOk(model: Model, options: { description?: string; isArray?: boolean } = {}) {
  return shaped(
    { kind: 'data', status: 200 },
    ApiExtraModels(SuccessEnvelope, model),
    enveloped(200, options.description ?? 'OK', options.isArray ? dataSchema('array-of', model) : dataSchema(model)),
  );
}

/** 201 with the created resource in `data`. */
export function ApiCreated(model: Model, options: { description?: string } = {}) {
  return shaped(
    { kind: 'data', status: 201 },
    ApiExtraModels(SuccessEnvelope, model),
    enveloped(201, options.description ?? 'Created', dataSchema(model)),
  );
}

/**
 * For a create-or-replace (e.g. POST /workspace/secrets/{key}): 201 with the resource when the
 * request created it, 200 when it replaced one; the handler returns an Upserted.
 */
export function ApiCreatedOrOk(model: Model, options: { created?: string; replaced?: string } = {}) {
  return shaped(
    { kind: 'upsert', status: 200 },
    ApiExtraModels(SuccessEnvelope, model),
    enveloped(201, options.created ?? 'Created', dataSchema(model)),
    enveloped(200, options.replaced ?? 'Replaced: it existed', dataSchema(model)),
  );
}

/**
 * 200 with a page of `model` in `data`; the handler returns a Page (made by `paginate`). A page
 * asked for by page or offset carries `meta.pagination`; every page of a list that pages by
 * cursor also carries `meta.cursor`, and a page asked for by cursor carries only that. A list
 * held in memory (`pageOf`) says `{ cursor: false }`.
 */
export function ApiPage(model: Model, options: { description?: string; cursor?: boolean } = {}) {
  const byCursor = options.cursor ?? true;
  return shaped(
    { kind: 'page', status: 200, byCursor },
    ApiExtraModels(SuccessEnvelope, EnvelopeMeta, PaginationMeta, CursorMeta, model),
    enveloped(
      200,
      options.description ??
        (byCursor
          ? 'One page of results; meta.cursor.next continues after it, meta.pagination (absent on a page by cursor) counts'
          : 'One page of results'),
      dataSchema('array-of', model),
      byCursor ? pagedMeta(['cursor'], ['pagination']) : pagedMeta(['pagination']),
    ),
  );
}

/** 200 with up to `limit` items of `model`, newest first, and `meta.cursor`; the handler returns a CursorPage. */
export function ApiCursorPage(model: Model, options: { description?: string } = {}) {
  return shaped(
    { kind: 'cursor', status: 200 },
    ApiExtraModels(SuccessEnvelope, EnvelopeMeta, CursorMeta, model),
    enveloped(
      200,
      options.description ?? 'Items, newest first; follow meta.cursor.next for more',
      dataSchema('array-of', model),
      pagedMeta(['cursor']),
    ),
  );
}

/**
 * One operation for a resource's events, by content negotiation: 200 with a page of `model` as
 * `application/json` (the envelope of an @ApiCursorPage), or, when the client asks for
 * `text/event-stream` (`wantsEventStream`), the same events as Server-Sent Events, resumable with
 * Last-Event-ID. Nest sends nothing for a handler that writes some answers itself, so the handler
 * takes `@Req()` and `@Res()` and answers either with `streamResourceEvents` or with
 * `replyCursorPage`, which writes the envelope the interceptor writes for an @ApiCursorPage.
 */
export function ApiCursorPageOrEventStream(model: Model, options: { description?: string } = {}) {
  return shaped(
    { kind: 'raw', status: 200 },
    ApiExtraModels(SuccessEnvelope, EnvelopeMeta, CursorMeta, model),
    ApiHeader(LAST_EVENT_ID_HEADER),
    ApiResponse({
      status: 200,
      description:
        options.description ??
        'With Accept: application/json (or none), events oldest first, a page at a time; with Accept: text/event-stream, the same events as a stream',
      content: {
        'application/json': { schema: envelopeSchema(dataSchema('array-of', model), pagedMeta(['cursor'])) },
        'text/event-stream': { schema: SSE_SCHEMA },
      },
    }),
  );
}

/** 204, no body. */
export function ApiNoContent(description = 'Done; no content', headers?: Record<string, { description: string; schema: object }>) {
  return shaped({ kind: 'empty', status: 204 }, ApiResponse({ status: 204, description, headers }));
}

/**
 * 200 with `data` of `model`, or 204 when there is nothing (a claim that found no job). Nest fixes
 * a route's status before the handler runs, so such a handler takes `@Res()` and answers with
 * `replyOkOrNoContent`, which writes the same envelope the interceptor would.
 */
export function ApiOkOrNoContent(model: Model, noContent: string) {
  return shaped(
    { kind: 'raw', status: 200 },
    ApiExtraModels(SuccessEnvelope, model),
    enveloped(200, 'OK', dataSchema(model)),
    ApiResponse({ status: 204, description: noContent }),
  );
}

/**
 * A response written as-is (probes, metrics, standard documents such as a JWKS). Document it with
 * `type` (a DTO class), `schema` (an inline JSON schema) or `contentType` for non-JSON bodies.
 */
export function RawResponse(options: {
  status?: number;
  description: string;
  type?: Model;
  schema?: object;
  /** One media type, or several the body may come in (a file: text or binary). */
  contentType?: string | string[];
}) {
  const status = options.status ?? 200;
  const { description } = options;
  const contentTypes = options.contentType === undefined ? [] : [options.contentType].flat();
  let documented: MethodDecorator & ClassDecorator;
  if (contentTypes.length && !(contentTypes.length === 1 && contentTypes[0] === 'application/json')) {
    const schema = options.schema ?? { type: 'string' };
    documented = ApiResponse({ status, description, content: Object.fromEntries(contentTypes.map((type) => [type, { schema }])) });
  } else if (options.type) {
    documented = ApiResponse({ status, description, type: options.type });
  } else {
    documented = ApiResponse({ status, description, schema: options.schema });
  }
  return shaped({ kind: 'raw', status }, documented);
}

/**
 * A WebSocket handshake, documented as a GET answering 101 (`x-websocket: true`); a plain GET is 426.
 * The handler takes `@Req()` and `@Res()` and completes the handshake with `WebSockets.accept`.
 */
export function ApiWebSocket() {
  return applyDecorators(
    RawResponse({ status: 101, description: 'Switching to the WebSocket protocol' }),
    ApiExtension('x-websocket', true),
    ApiErrors(upgradeRequired),
  );
}

/** One code an operation can answer, with what it means there (the catalog's description unless the operation says more). */
export interface DeclaredError {
  status: number;
  code: string;
  description: string;
}

/** Where ApiErrors collects an operation's codes; the document builder turns them into its error responses. */
export const ERROR_CODES_EXTENSION = 'x-marshal-error-codes';

/** Where @nestjs/swagger keeps a method's operation extensions (DECORATORS.API_EXTENSION, not exported by the package). */
const API_EXTENSION_METADATA = 'swagger/apiExtension';

/** The error response of one status: its codes as an `enum` on `error.code` over the ErrorEnvelope, each described. */
export function errorResponse(declared: DeclaredError[]) {
  const byCode = new Map<string, string>();
  for (const { code, description } of declared) if (!byCode.has(code)) byCode.set(code, description);
  const codes = [...byCode.keys()].sort();
  return {
    description: codes.map((code) => `\`${code}\`: ${byCode.get(code)}`).join('\n\n'),
    content: {
      'application/json': {
        schema: {
          allOf: [
            { $ref: getSchemaPath(ErrorEnvelope) },
            { type: 'object', properties: { error: { type: 'object', properties: { code: { type: 'string', enum: codes } } } } },
          ],
        },
      },
    },
  };
}

/**
 * The error codes an operation can answer beyond those the document builder adds to every
 * operation that can give them (400 VALIDATION_FAILED when it takes input, 401 when secured, 403
 * when a principal calls it, idempotency codes, 429, 503, 500; see completeOperations). Takes
 * catalog factories (`<context>.errors.ts`), each alone or with what it means for this operation.
 * Several ApiErrors on one operation (e.g. from BodyLimit) add up.
 */
export function ApiErrors(...errors: (AnyErrorFactory | [AnyErrorFactory, string])[]): MethodDecorator {
  const declared: DeclaredError[] = errors.map((e) => {
    const [factory, description] = Array.isArray(e) ? e : [e, e.description];
    return { status: factory.status, code: factory.code, description };
  });
  // ApiExtension would replace an earlier list of the same operation; this appends to it.
  const collect: MethodDecorator = (_target, _key, descriptor) => {
    const method = descriptor.value as object;
    const extensions = (Reflect.getMetadata(API_EXTENSION_METADATA, method) ?? {}) as Record<string, unknown>;
    const before = (extensions[ERROR_CODES_EXTENSION] ?? []) as DeclaredError[];
    Reflect.defineMetadata(API_EXTENSION_METADATA, { ...extensions, [ERROR_CODES_EXTENSION]: [...before, ...declared] }, method);
    return descriptor;
  };
  return applyDecorators(ApiExtraModels(ErrorEnvelope), collect);
}
