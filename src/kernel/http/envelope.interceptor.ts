import { CallHandler, ExecutionContext, Injectable, NestInterceptor } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { map, Observable } from 'rxjs';
import { Page } from '../pagination/page.js';
import { successEnvelope } from './envelope.js';
import { asMarshalRequest, MarshalRequest } from './request.js';
import { RESPONSE_SHAPE, ResponseShape } from './response.decorators.js';

function pageLink(req: MarshalRequest, page: number): string {
  const url = new URL(req.originalUrl, 'http://marshal.invalid');
  url.searchParams.set('page', String(page));
  return `${url.pathname}${url.search}`;
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
