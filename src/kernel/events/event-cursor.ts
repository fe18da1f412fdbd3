import { validationFailed } from '../http/kernel.errors.js';

/**
 * Where a reader stands in the event stream: the (transaction id, sequence) of the last event it
 * saw. Events are read in that order, and only from transactions older than every one still
 * running, so an event that commits late can never fall behind a cursor that already passed it
 * (a plain sequence can: numbers are taken at insert, not at commit). Written `<txid>-<seq>`, it is
 * the SSE event id that `Last-Event-ID` brings back.
 */
export interface EventCursor {
  txId: string;
  seq: string;
}

const CURSOR = /^(\d{1,20})-(\d{1,20})$/;

/** Longer than any cursor this API sends, with room for the whitespace a client may wrap it in. */
export const EVENT_CURSOR_MAX_LENGTH = 64;

export const formatCursor = (c: EventCursor): string => `${c.txId}-${c.seq}`;

export function parseCursor(value: string, field = 'Last-Event-ID'): EventCursor {
  const match = value.length <= EVENT_CURSOR_MAX_LENGTH ? CURSOR.exec(value.trim()) : null;
  if (!match) throw validationFailed([{ field, message: `${field} is not an event id this API sent`, code: 'INVALID_CURSOR' }]);
  return { txId: match[1], seq: match[2] };
}

/** Whether `a` comes after `b` in stream order. */
export function isAfter(a: EventCursor, b: EventCursor): boolean {
  const [ta, tb] = [BigInt(a.txId), BigInt(b.txId)];
  return ta !== tb ? ta > tb : BigInt(a.seq) > BigInt(b.seq);
}
