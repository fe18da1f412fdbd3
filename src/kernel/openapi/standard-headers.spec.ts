import { attachResponseHeaders } from './standard-headers.js';

const headersOf = (responses: Record<string, unknown>, status: string) =>
  Object.keys((responses[status] as { headers?: Record<string, unknown> }).headers ?? {}).sort();

describe('attachResponseHeaders', () => {
  const codes = (entries: [string, string[]][]) => new Map(entries.map(([s, c]) => [s, new Set(c)]));

  test('a limited, keyed operation: rate-limit headers everywhere, Retry-After on 429 and 503, replays on successes and kept client errors', () => {
    const responses: Record<string, unknown> = { '201': { description: 'c' }, '409': {}, '429': {}, '500': {}, '503': {} };
    attachResponseHeaders(responses, {
      limited: true,
      keyed: true,
      codesByStatus: codes([['409', ['IDEMPOTENCY_IN_PROGRESS']], ['429', ['RATE_LIMITED']], ['500', ['INTERNAL']], ['503', ['SERVICE_UNAVAILABLE']]]),
    });
    const limits = ['RateLimit', 'RateLimit-Policy', 'X-RateLimit-Limit', 'X-RateLimit-Remaining', 'X-RateLimit-Reset'];
    const identity = ['x-correlation-id', 'x-request-id'];
    expect(headersOf(responses, '201')).toEqual(['Idempotent-Replayed', ...limits, ...identity].sort());
    expect(headersOf(responses, '409')).toContain('Idempotent-Replayed');
    expect(headersOf(responses, '429')).toEqual(['Retry-After', ...limits, ...identity].sort());
    expect(headersOf(responses, '500')).toEqual([...limits, ...identity].sort());
    expect(headersOf(responses, '503')).toEqual(['Retry-After', ...limits, ...identity].sort());
  });

  test('an unlimited read: only the identity headers; a probe\'s own 503 has no Retry-After; a WebSocket handshake has none', () => {
    const shared = { description: 'shared' };
    const responses: Record<string, unknown> = { '101': { description: 'ws' }, '200': shared, '503': { description: 'probe' } };
    attachResponseHeaders(responses, { limited: false, keyed: false, codesByStatus: codes([]) });
    expect(headersOf(responses, '200')).toEqual(['x-correlation-id', 'x-request-id']);
    expect(headersOf(responses, '503')).toEqual(['x-correlation-id', 'x-request-id']);
    expect(headersOf(responses, '101')).toEqual([]);
    expect(shared).toEqual({ description: 'shared' });
  });
});
