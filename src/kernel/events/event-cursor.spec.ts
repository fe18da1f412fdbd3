import { AppError } from '../http/app-error.js';
import { formatCursor, isAfter, parseCursor } from './event-cursor.js';

describe('event cursors', () => {
  test('round-trip through their text form', () => {
    expect(parseCursor(formatCursor({ txId: '7312', seq: '88410' }))).toEqual({ txId: '7312', seq: '88410' });
  });

  test('order by transaction first, then sequence', () => {
    // A later transaction may hold an earlier sequence number: the transaction decides.
    expect(isAfter({ txId: '11', seq: '1' }, { txId: '10', seq: '99' })).toBe(true);
    expect(isAfter({ txId: '10', seq: '99' }, { txId: '11', seq: '1' })).toBe(false);
    expect(isAfter({ txId: '10', seq: '5' }, { txId: '10', seq: '4' })).toBe(true);
    expect(isAfter({ txId: '10', seq: '5' }, { txId: '10', seq: '5' })).toBe(false);
    // Beyond 2^53: compared exactly.
    expect(isAfter({ txId: '9007199254740993', seq: '1' }, { txId: '9007199254740992', seq: '1' })).toBe(true);
  });

  test.each(['', 'abc', '12', '12-', '-12', '1-2-3', '12-x', `${'9'.repeat(21)}-1`])('refuses %p as a 400 naming the field', (value) => {
    expect(() => parseCursor(value, 'after')).toThrow(AppError);
    try {
      parseCursor(value, 'after');
    } catch (error) {
      expect((error as AppError).status).toBe(400);
      expect((error as AppError).validationErrors?.[0]).toMatchObject({ field: 'after', code: 'INVALID_CURSOR' });
    }
  });
});
