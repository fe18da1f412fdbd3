import type { OutboundResponse } from '../../../../kernel/outbound/safe-request.js';

const MAX_TEXT = 64 * 1024;

/** A response body as a step output: parsed when it is JSON, else text (cut at 64 KiB). */
export function readBody(response: OutboundResponse): unknown {
  const text = response.body.toString('utf8');
  if (!response.truncated && /\bjson\b/i.test(response.headers['content-type'] ?? '')) {
    try {
      return JSON.parse(text) as unknown;
    } catch {
      // Not what it claimed to be: keep it as text.
    }
  }
  return text.length > MAX_TEXT ? text.slice(0, MAX_TEXT) : text;
}
