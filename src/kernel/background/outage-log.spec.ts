import { jest } from '@jest/globals';
import type { Logger } from '@nestjs/common';
import { OutageLog } from './outage-log.js';

function recordingLogger(): { logger: Logger; lines: string[] } {
  const lines: string[] = [];
  const logger = {
    warn: (_fields: unknown, msg: string) => lines.push(`warn ${msg}`),
    log: (_fields: unknown, msg: string) => lines.push(`info ${msg}`),
  };
  return { logger: logger as unknown as Logger, lines };
}

const refused = () => Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), { code: 'ECONNREFUSED' });

describe('OutageLog', () => {
  test('an outage is one line however many rounds fail, and its end one more', () => {
    const { logger, lines } = recordingLogger();
    const outage = new OutageLog(logger, 'reap expired leases');
    outage.succeeded();
    for (let i = 0; i < 50; i++) expect(outage.failed(refused())).toBe(true);
    expect(outage.isDown).toBe(true);
    outage.succeeded();
    outage.succeeded();
    expect(lines).toEqual([
      'warn could not reap expired leases: the database is unavailable; retrying until it answers',
      'info the database is available again: back to work (reap expired leases)',
    ]);
    expect(outage.isDown).toBe(false);
  });

  test('a long outage gets a reminder a minute', () => {
    const { logger, lines } = recordingLogger();
    const outage = new OutageLog(logger, 'advance workflow steps');
    const now = jest.spyOn(Date, 'now');
    try {
      for (const at of [0, 30_000, 59_000, 61_000, 90_000, 122_000]) {
        now.mockReturnValue(1_000_000 + at);
        outage.failed(refused());
      }
    } finally {
      now.mockRestore();
    }
    expect(lines.filter((l) => l.includes('still unavailable'))).toHaveLength(2);
    expect(lines).toHaveLength(3);
  });

  test('any other failure is a bug: logged every time, and not an outage', () => {
    const { logger, lines } = recordingLogger();
    const outage = new OutageLog(logger, 'shred expired wraps');
    expect(outage.failed(new TypeError('x is undefined'))).toBe(false);
    expect(outage.failed(new TypeError('x is undefined'))).toBe(false);
    expect(lines).toEqual(['warn could not shred expired wraps; will retry', 'warn could not shred expired wraps; will retry']);
    expect(outage.isDown).toBe(false);
  });
});
