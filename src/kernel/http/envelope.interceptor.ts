import { CallHandler, ExecutionContext, Injectable, NestInterceptor } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { Request, Response } from 'express';
import { map, Observable } from 'rxjs';
import { CursorPage } from '../pagination/cursor-page.js';
import { Page } from '../pagination/page.js';
import { Upserted } from './upserted.js';
import { type CursorMeta, type PaginationMeta, successEnvelope } from './envelope.js';
import { asMarshalRequest, MarshalRequest } from './request.js';
import { RESPONSE_SHAPE, ResponseShape } from './response.decorators.js';

/** The request's own URL with some query parameters set (a string) or removed (null). */
function queryLink(req: MarshalRequest, changes: Record<string, string | null>): string {
  const url = new URL(req.originalUrl, 'http://marshal.invalid');
  for (const [name, value] of Object.entries(changes)) {
    if (value === null) url.searchParams.delete(name);
    else url.searchParams.set(name, value);
  }
  return `${url.pathname}${url.search}`;
}

/** The next page by cursor: the same filters, the cursor in place of page or offset. */
const cursorLink = (req: MarshalRequest, cursor: string) => queryLink(req, { cursor, page: null, offset: null });

const cursorMeta = (limit: number, next: string | null): CursorMeta => ({ limit, next, hasNext: next !== null });

/** meta.pagination, meta.cursor and the links of a Page, in the form the request used. */
function pageEnvelope(req: MarshalRequest, value: Page<unknown>) {
  const { window, nextCursor } = value;
  const cursor = nextCursor === undefined ? undefined : cursorMeta(window.limit, nextCursor);
  if (window.by === 'cursor') return { cursor, links: { next: nextCursor ? cursorLink(req, nextCursor) : null } };
  const hasPrevious = window.offset > 0;
  const link = (offset: number) =>
    window.by === 'offset'
      ? queryLink(req, { offset: String(offset) })
      : queryLink(req, { page: String(Math.floor(offset / window.limit) + 1) });
  const pagination: PaginationMeta = {
    page: value.page,
    pageSize: window.limit,
    limit: window.limit,
    offset: window.offset,
    totalItems: value.totalItems,
    totalPages: value.totalPages,
    totalCapped: value.totalItems === null,
    hasNext: value.hasNext,
    hasPrevious,
  };
  return {
    pagination,
    cursor,
    links: {
      next: value.hasNext ? link(window.offset + window.limit) : null,
      prev: hasPrevious ? link(Math.max(0, window.offset - window.limit)) : null,
    },
  };
}

/** The envelope of a CursorPage: its items, meta.cursor, and links.next to the page after it. */
function cursorPageEnvelope(req: MarshalRequest, status: number, value: CursorPage<unknown>) {
  return successEnvelope(req, status, value.items, {
    cursor: cursorMeta(value.limit, value.nextCursor),
    links: { next: value.nextCursor ? cursorLink(req, value.nextCursor) : null },
  });
}

/** For @ApiCursorPageOrEventStream handlers answering JSON: the 200 an @ApiCursorPage handler's CursorPage gets. */
export function replyCursorPage(req: Request, res: Response, value: CursorPage<unknown>): void {
  res.status(200).json(cursorPageEnvelope(asMarshalRequest(req), 200, value));
}

/**
 * Wraps what a handler returns in the success envelope. The shape comes from the metadata that
 * the route's response decorator (@ApiOk, @ApiPage, ...) declared, never from inspecting the value,
 * so the document and the runtime cannot disagree.
 */
@Injectable()
export class EnvelopeInterceptor implements NestInterceptor {
  constructor(private readonly reflector: Reflector) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    if (context.getType() !== 'http') return next.handle();
    const shape = this.reflector.get<ResponseShape | undefined>(RESPONSE_SHAPE, context.getHandler()) ?? { kind: 'data', status: 200 };
    if (shape.kind === 'raw') return next.handle();
    const req = asMarshalRequest(context.switchToHttp().getRequest());

    return next.handle().pipe(
      map((value: unknown) => {
        if (shape.kind === 'empty') return undefined;
        if (shape.kind === 'data') return successEnvelope(req, shape.status, value ?? null);
        if (shape.kind === 'upsert') {
          if (!(value instanceof Upserted))
            throw new Error(
              `${context.getClass().name}.${context.getHandler().name} is declared @ApiCreatedOrOk but did not return an Upserted`,
            );
          const status = value.created ? 201 : 200;
          context.switchToHttp().getResponse<Response>().status(status);
          return successEnvelope(req, status, value.value);
        }
        if (shape.kind === 'cursor') {
          if (!(value instanceof CursorPage))
            throw new Error(
              `${context.getClass().name}.${context.getHandler().name} is declared @ApiCursorPage but did not return a CursorPage`,
            );
          return cursorPageEnvelope(req, shape.status, value);
        }
        if (!(value instanceof Page))
          throw new Error(`${context.getClass().name}.${context.getHandler().name} is declared @ApiPage but did not return a Page`);
        if (shape.byCursor !== (value.nextCursor !== undefined)) {
          throw new Error(
            `${context.getClass().name}.${context.getHandler().name}: its @ApiPage and the Page it returned disagree on paging by cursor`,
          );
        }
        return successEnvelope(req, shape.status, value.items, pageEnvelope(req, value));
      }),
    );
  }
}
