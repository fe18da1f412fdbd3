import { isTimeZone, zonedTimeToUtc } from './zoned-time.js';

describe('local times in a time zone', () => {
  test.each([
    ['2030-12-24T18:00', 'Europe/Paris', '2030-12-24T17:00:00.000Z'],
    ['2030-07-01T09:30', 'Europe/Paris', '2030-07-01T07:30:00.000Z'],
    ['2030-06-01T12:00', 'Asia/Kathmandu', '2030-06-01T06:15:00.000Z'],
    ['2030-06-01T12:00', 'UTC', '2030-06-01T12:00:00.000Z'],
    // Twice on a fall-back night: the first occurrence.
    ['2030-10-27T02:30', 'Europe/Paris', '2030-10-27T00:30:00.000Z'],
    ['2030-11-03T01:30', 'America/New_York', '2030-11-03T05:30:00.000Z'],
    // Never on a spring-forward night: just after the gap (03:30 CEST).
    ['2030-03-31T02:30', 'Europe/Paris', '2030-03-31T01:30:00.000Z'],
  ])('%s in %s is %s', (local, zone, utc) => {
    expect(zonedTimeToUtc(local, zone).toISOString()).toBe(utc);
  });

  test('only IANA zones are zones', () => {
    expect(isTimeZone('Europe/Paris')).toBe(true);
    expect(isTimeZone('Mars/Olympus')).toBe(false);
  });
});
