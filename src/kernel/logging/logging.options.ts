import type { Params } from 'nestjs-pino';
import type { AppConfig } from '../config/app-config.js';
import type { MarshalRequest } from '../http/request.js';

/** Paths pino censors wherever they appear in a log line: credentials in headers and bodies. */
export const REDACTED_PATHS = [
  'req.headers.authorization',
  'req.headers.cookie',
  'req.headers["x-api-key"]',
  'req.headers["x-agent-secret"]',
  'req.headers["x-hub-signature-256"]',
  'res.headers["set-cookie"]',
  ...['password', 'newPassword', 'passwordHash', 'token', 'accessToken', 'refreshToken', 'secret', 'apiKey', 'value', 'privateKey'].flatMap(
    (key) => [key, `*.${key}`, `*.*.${key}`],
  ),
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

/** JSON logs, one line per request, with the request and correlation ids on every line. */
export function loggingOptions(config: AppConfig): Params {
  return {
    pinoHttp: {
      level: config.logLevel,
      redact: { paths: REDACTED_PATHS, censor: '[REDACTED]' },
      genReqId: (req) => (req as unknown as MarshalRequest).requestId,
      customProps: (req) => ({ correlationId: (req as unknown as MarshalRequest).correlationId }),
      autoLogging: { ignore: (req) => QUIET_PATHS.has((req.url ?? '').split('?')[0]) },
      customLogLevel: (_req, res, err) => (err || res.statusCode >= 500 ? 'error' : res.statusCode >= 400 ? 'warn' : 'info'),
      serializers: {
        req: (req: { id: string; method: string; url: string; remoteAddress?: string; headers: Record<string, unknown> }) => ({
          id: req.id,
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
