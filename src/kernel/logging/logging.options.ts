import type { Params } from 'nestjs-pino';
import pino from 'pino';
import type { AppConfig } from '../config/app-config.js';
import type { MarshalRequest } from '../http/request.js';

/**
 * Paths pino censors wherever they appear in a log line. Request logs never carry headers or bodies
 * (see the serializers below); this is the net for objects that code logs, one level deep, since
 * every wildcard costs on every line.
 */
export const REDACTED_PATHS = [
  'req.headers.authorization',
  'req.headers.cookie',
  'req.headers["x-api-key"]',
  'req.headers["x-agent-secret"]',
  'req.headers["x-agentfield-signature"]',
  ...['password', 'passwordHash', 'token', 'accessToken', 'refreshToken', 'secret', 'apiKey', 'value', 'privateKey'].flatMap((key) => [
    key,
    `*.${key}`,
  ]),
];

const SENSITIVE_QUERY = /token|secret|password|key|code|signature/i;

/** Logs the path with query values of sensitive-looking parameters masked. */
export function loggableUrl(url: string): string {
  const q = url.indexOf('?');
  if (q < 0) return url;
  const params = new URLSearchParams(url.slice(q + 1));
  for (const name of [...params.keys()]) if (SENSITIVE_QUERY.test(name)) params.set(name, '[REDACTED]');
  return `${url.slice(0, q)}?${params.toString()}`;
}

const QUIET_PATHS = new Set(['/healthz', '/health', '/readyz', '/metrics', '/api/v1/health', '/api/v1/healthz', '/api/v1/readyz']);

/**
 * JSON logs, one line per request, with the request and correlation ids on every line.
 *
 * What a request costs before its line is written is kept to one small child logger: the request
 * is serialised only into the line that is written at its end (never into bindings made up front,
 * which pino would serialise on every request whether or not anything is logged), a line below the
 * configured level is dropped before it is built, and lines logged while the request runs carry
 * `reqId` (the child's one binding) and whatever `mixin` adds when the line is written (the kernel
 * adds the correlation id from the request context: correlation-mixin.ts).
 */
export function loggingOptions(config: AppConfig, mixin?: () => object): Params {
  // pino's level numbers: a line is written at or above the configured one ('silent' is none).
  const threshold = config.logLevel === 'silent' ? Infinity : (pino.levels.values[config.logLevel] ?? pino.levels.values.info);
  return {
    pinoHttp: {
      level: config.logLevel,
      redact: { paths: REDACTED_PATHS, censor: '[REDACTED]' },
      mixin,
      genReqId: (req) => (req as unknown as MarshalRequest).requestId,
      autoLogging: { ignore: (req) => QUIET_PATHS.has((req.url ?? '').split('?')[0]) },
      quietReqLogger: true,
      quietResLogger: true,
      customLogLevel: (_req, res, err) => {
        const level = err || res.statusCode >= 500 ? 'error' : res.statusCode >= 400 ? 'warn' : 'info';
        return pino.levels.values[level] >= threshold ? level : 'silent';
      },
      customSuccessObject: (req, _res, line: object) => ({ ...line, req }),
      customErrorObject: (req, _res, _error, line: object) => ({ ...line, req }),
      serializers: {
        req: (req: {
          id: string;
          method: string;
          url: string;
          remoteAddress?: string;
          headers: Record<string, unknown>;
          raw?: { correlationId?: string };
        }) => ({
          id: req.id,
          correlationId: req.raw?.correlationId,
          method: req.method,
          url: loggableUrl(req.url),
          remoteAddress: req.remoteAddress,
          userAgent: req.headers['user-agent'],
        }),
        res: (res: { statusCode: number }) => ({ statusCode: res.statusCode }),
      },
    },
  };
}
