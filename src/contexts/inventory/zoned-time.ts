/** Whether `zone` is an IANA time zone this runtime knows. */
export function isTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

/** The offset of `zone` from UTC at `instant`, in minutes (Europe/Paris in winter: +60). */
function offsetMinutes(zone: string, instant: Date): number {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-US', {
      timeZone: zone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    })
      .formatToParts(instant)
      .map((p) => [p.type, p.value]),
  );
  const asUtc = Date.UTC(
    Number(parts.year),
    Number(parts.month) - 1,
    Number(parts.day),
    Number(parts.hour),
    Number(parts.minute),
    Number(parts.second),
  );
  return Math.round((asUtc - Math.floor(instant.getTime() / 1000) * 1000) / 60_000);
}

/**
 * The UTC instant a local date-time (`2026-12-24T18:00`, no offset) means in `zone`. Around a
 * daylight-saving change: a local time that happens twice means its first occurrence; one that never
 * happens (skipped by a spring-forward) means the instant just after the gap, as clocks showed it.
 */
export function zonedTimeToUtc(local: string, zone: string): Date {
  const [date, time = '00:00'] = local.split('T');
  const [y, m, d] = date.split('-').map(Number);
  const [hh, mm, ss = 0] = time.split(':').map(Number);
  const naive = Date.UTC(y, m - 1, d, hh, mm, ss);
  const HALF_DAY = 12 * 3600_000;
  const before = offsetMinutes(zone, new Date(naive - HALF_DAY));
  const after = offsetMinutes(zone, new Date(naive + HALF_DAY));
  // An instant is a reading of this local time if the zone's offset at that instant leads back to it.
  const readings = [...new Set([before, after])]
    .map((offset) => naive - offset * 60_000)
    .filter((instant) => naive - offsetMinutes(zone, new Date(instant)) * 60_000 === instant)
    .sort((a, b) => a - b);
  return new Date(readings[0] ?? naive - before * 60_000);
}
