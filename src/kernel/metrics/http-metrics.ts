import type { NextFunction, Request, Response } from 'express';
import { makeHistogramProvider } from '@willsoto/nestjs-prometheus';
import type { Histogram } from 'prom-client';

export const HTTP_REQUEST_DURATION = 'http_request_duration_seconds';

export const httpRequestDurationProvider = makeHistogramProvider({
  name: HTTP_REQUEST_DURATION,
  help: 'HTTP request duration in seconds, by method, route template and status',
  labelNames: ['method', 'route', 'status'],
  buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
});

/**
 * Times every request from the first middleware to the last byte. The route label is the matched
 * route's template (`/api/v1/organizations/:id`), never the raw path, so cardinality stays bounded.
 */
export function recordHttpMetrics(histogram: Histogram<string>) {
  return (req: Request, res: Response, next: NextFunction) => {
    const end = histogram.startTimer();
    res.once('finish', () => {
      const template = (req.route as { path?: unknown } | undefined)?.path;
      const matched = typeof template === 'string' && !res.locals.routeNotFound;
      const route = matched ? `${req.baseUrl ?? ''}${template}` : '(unmatched)';
      end({ method: req.method, route, status: String(res.statusCode) });
    });
    next();
  };
}
