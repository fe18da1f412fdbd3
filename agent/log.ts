/**
 * JSON lines on stderr, one object per event: stdout stays free for whatever a wrapper wants, and
 * log shippers parse the lines as they are. Secrets registered with `hideSecret` are replaced in
 * every line, so a careless field (an error message echoing a header, say) cannot leak them.
 */
export type LogLevel = 'debug' | 'info' | 'warn' | 'error';

const LEVELS: Record<LogLevel, number> = { debug: 10, info: 20, warn: 30, error: 40 };
const REDACTED = '[redacted]';
const secrets = new Set<string>();
let threshold = LEVELS.info;

export type LogFields = Record<string, unknown>;

/** Plain functions, not methods: `(again ? log.debug : log.warn)(…)` picks a level. */
export type LogMethod = (message: string, fields?: LogFields) => void;

export interface Logger {
  readonly debug: LogMethod;
  readonly info: LogMethod;
  readonly warn: LogMethod;
  readonly error: LogMethod;
  /** A logger adding `fields` to every line (an agent id, a job id). */
  readonly with: (fields: LogFields) => Logger;
}

/** Never print this value, whatever field it ends up in. */
export function hideSecret(value: string | undefined): void {
  if (value) secrets.add(value);
}

export function setLogLevel(level: LogLevel): void {
  threshold = LEVELS[level];
}

function redact(line: string): string {
  let out = line;
  for (const secret of secrets) out = out.split(secret).join(REDACTED);
  return out;
}

/** Errors serialize to `{}` by default: keep what explains them. */
function plain(value: unknown): unknown {
  if (value instanceof Error) {
    const code = (value as { code?: unknown }).code;
    return { name: value.name, message: value.message, ...(code !== undefined ? { code } : {}) };
  }
  return value;
}

export function createLogger(base: LogFields = {}): Logger {
  const write = (level: LogLevel, message: string, fields: LogFields = {}) => {
    if (LEVELS[level] < threshold) return;
    const entry: LogFields = { time: new Date().toISOString(), level, msg: message, ...base };
    for (const [key, value] of Object.entries(fields)) entry[key] = plain(value);
    process.stderr.write(redact(JSON.stringify(entry)) + '\n');
  };
  return {
    debug: (m, f) => write('debug', m, f),
    info: (m, f) => write('info', m, f),
    warn: (m, f) => write('warn', m, f),
    error: (m, f) => write('error', m, f),
    with: (fields) => createLogger({ ...base, ...fields }),
  };
}
