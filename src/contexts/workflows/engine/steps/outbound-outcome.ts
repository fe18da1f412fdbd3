import { OutboundFailed, OutboundRefused, type OutboundResponse } from '../../../../kernel/outbound/safe-request.js';
import type { StepOutcome } from '../step-handler.js';

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

/**
 * An outbound call that did not get an answer, as a step outcome: a refused target fails for good
 * (retrying cannot make it allowed); a network failure or timeout follows the retry policy.
 * Anything else is a bug and is thrown on.
 */
export function outboundFailure(error: unknown): StepOutcome {
  if (error instanceof OutboundRefused) return { kind: 'failed', code: error.code, message: error.message, final: true };
  if (error instanceof OutboundFailed) return { kind: 'failed', code: error.code, message: error.message };
  throw error;
}
