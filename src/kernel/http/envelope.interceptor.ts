import { CallHandler, ExecutionContext, Injectable, NestInterceptor } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { map, Observable } from 'rxjs';
import { CursorPage } from '../pagination/cursor-page.js';
import { Page } from '../pagination/page.js';
import { successEnvelope } from './envelope.js';
import { asMarshalRequest, MarshalRequest } from './request.js';
import { RESPONSE_SHAPE, ResponseShape } from './response.decorators.js';

function queryLink(req: MarshalRequest, name: string, value: string): string {
  const url = new URL(req.originalUrl, 'http://marshal.invalid');
  url.searchParams.set(name, value);
  return `${url.pathname}${url.search}`;
}

const pageLink = (req: MarshalRequest, page: number) => queryLink(req, 'page', String(page));

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
        if (shape.kind === 'cursor') {
          if (!(value instanceof CursorPage)) throw new Error(`${context.getClass().name}.${context.getHandler().name} is declared @ApiCursorPage but did not return a CursorPage`);
          return successEnvelope(req, shape.status, value.items, {
            cursor: { limit: value.limit, next: value.nextCursor, hasNext: value.nextCursor !== null },
            links: { next: value.nextCursor ? queryLink(req, 'cursor', value.nextCursor) : null },
          });
        }
        if (!(value instanceof Page)) throw new Error(`${context.getClass().name}.${context.getHandler().name} is declared @ApiPage but did not return a Page`);
        const hasNext = value.page < value.totalPages;
        const hasPrevious = value.page > 1;
        return successEnvelope(req, shape.status, value.items, {
          pagination: {
            page: value.page,
            pageSize: value.pageSize,
            totalItems: value.totalItems,
            totalPages: value.totalPages,
            hasNext,
            hasPrevious,
          },
          links: { next: hasNext ? pageLink(req, value.page + 1) : null, prev: hasPrevious ? pageLink(req, value.page - 1) : null },
        });
      }),
    );
  }
}
