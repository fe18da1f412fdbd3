import type { IncomingMessage, ServerResponse } from 'node:http';
import express, { type NextFunction, type Request, type RequestHandler, type Response } from 'express';
import { exceedsJsonDepth, MAX_JSON_DEPTH } from './json-depth.js';

const JSON_TYPES = ['application/json', 'application/*+json'];

/** An error in body-parser's form: error-mapping.ts maps it by its `type`. */
function bodyError(status: number, type: string, message: string): Error {
  return Object.assign(new Error(message), { status, statusCode: status, expose: true, type });
}

/** The body as UTF-8 bytes, for the depth scan: JSON is UTF-8 unless the client says otherwise. */
function utf8Bytes(body: Buffer, charset: string): Uint8Array {
  if (charset === 'utf-8' || charset === 'utf8') return body;
  let text: string;
  try {
    text = new TextDecoder(charset).decode(body);
  } catch {
    // body-parser would accept UTF-32 through iconv; nothing sends it, and it is not worth a decoder.
    throw bodyError(415, 'charset.unsupported', `The charset ${charset} is not supported`);
  }
  return Buffer.from(text, 'utf8');
}

/**
 * Runs in body-parser's `verify` hook, on the raw bytes after they are read and before JSON.parse,
 * so that a deeply nested body never reaches recursive code.
 */
function refuseDeepJson(_req: IncomingMessage, _res: ServerResponse, body: Buffer, charset: string): void {
  if (exceedsJsonDepth(utf8Bytes(body, charset))) {
    throw bodyError(400, 'entity.too.deep', `The request body nests objects and arrays deeper than ${MAX_JSON_DEPTH} levels`);
  }
}

const keepRawBody = (req: IncomingMessage, body: Buffer) => {
  (req as IncomingMessage & { rawBody?: Buffer }).rawBody = body;
};

/**
 * body-parser hands a failing decompression stream's own zlib error on, with a 400 status and no
 * `type`; give it one, so that it maps to MALFORMED_CONTENT_ENCODING instead of INTERNAL.
 */
function typed(error: unknown, req: Request): unknown {
  const e = error as { type?: unknown; status?: unknown } | undefined;
  const encoding = (req.headers['content-encoding'] ?? 'identity').toLowerCase();
  if (e && typeof e === 'object' && e.type === undefined && e.status === 400 && encoding !== 'identity') {
    (e as { type: string }).type = 'encoding.invalid';
  }
  return error;
}

/**
 * The one JSON body parser: every parser Marshal mounts (the global one, signed webhooks', and the
 * one routes with a larger limit run after authentication) refuses the same things the same way.
 */
export function jsonBodyParser(options: { limit: string | number; keepRawBody?: boolean }): RequestHandler {
  const parse = express.json({
    limit: options.limit,
    type: JSON_TYPES,
    verify: (req, res, body, charset) => {
      refuseDeepJson(req, res, body, charset);
      if (options.keepRawBody) keepRawBody(req, body);
    },
  });
  return (req: Request, res: Response, next: NextFunction) =>
    parse(req, res, (error?: unknown) => (error ? next(typed(error, req)) : next()));
}

/** Reads and parses a request's JSON body now (see DeferredBodyInterceptor); rejects with body-parser's error. */
const parsersByLimit = new Map<string | number, RequestHandler>();
export function readJsonBody(req: Request, res: Response, limit: string | number): Promise<void> {
  const parse = parsersByLimit.get(limit) ?? jsonBodyParser({ limit });
  parsersByLimit.set(limit, parse);
  // body-parser's errors are Errors (http-errors); error-mapping.ts maps them by their type.
  return new Promise((resolve, reject) => parse(req, res, (error?: unknown) => (error instanceof Error ? reject(error) : resolve())));
}

const deferred = new WeakSet<IncomingMessage>();

/** Marks a request whose body the route reads later, after authentication: the global parser leaves it. */
export function deferBody(req: IncomingMessage): void {
  deferred.add(req);
}

export function isBodyDeferred(req: IncomingMessage): boolean {
  return deferred.has(req);
}
