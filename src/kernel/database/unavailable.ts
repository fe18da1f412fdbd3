/**
 * Whether an error means that a dependency (PostgreSQL, or Redis) is unavailable, as opposed to a
 * bug or a refusal: the server is down, restarting, unreachable, refusing connections, or does not
 * answer in time. Such a failure is temporary; requests answer 503 SERVICE_UNAVAILABLE with
 * Retry-After (see error-mapping.ts), and background loops log it once and try again.
 */

/** Socket and name-resolution failures (Node's `error.code`). */
const NETWORK_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ECONNABORTED',
  'EPIPE',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'EHOSTDOWN',
  'ENETUNREACH',
  'ENETDOWN',
  'ENOTFOUND',
  'EAI_AGAIN',
]);

/**
 * SQLSTATEs of a server that cannot serve now. Class 08 (connection exception) is matched as a class.
 * 57P01 admin_shutdown, 57P02 crash_shutdown, 57P03 cannot_connect_now (starting up, shutting down,
 * in recovery), 57014 query_canceled (statement_timeout), 53300 too_many_connections.
 */
const UNAVAILABLE_SQLSTATES = new Set(['57P01', '57P02', '57P03', '57014', '53300']);
const CONNECTION_EXCEPTION = /^08[0-9A-Z]{3}$/;

/**
 * What node-postgres, pg-pool and ioredis say, without a code, when the connection is lost or a
 * bound runs out: a query (query_timeout), opening a connection, or waiting for one in the pool.
 * Matched as prefixes: pg-boss appends the queue and worker to the messages of its workers' errors.
 */
const UNAVAILABLE_MESSAGES = [
  'Query read timeout',
  'timeout expired',
  'timeout exceeded when trying to connect',
  'Connection terminated', // unexpectedly, due to connection timeout, or by our own end()
  'Client has encountered a connection error and is not queryable',
  'Client was closed and is not queryable',
  // ioredis, with enableOfflineQueue false
  "Stream isn't writeable and enableOfflineQueue options is false",
  'Connection is closed.',
];
/**
 * ioredis's bounded retries; and TypeORM's refusal to go on with a transaction whose connection
 * broke under it (it releases the query runner when its connection reports an error, so the
 * transaction's next statement fails with this instead of the connection's error).
 */
const UNAVAILABLE_NAMES = new Set(['MaxRetriesPerRequestError', 'QueryRunnerAlreadyReleasedError']);

/** An Error, or what pg-boss emits instead: an object with an error's fields spread into it. */
interface ErrorLike {
  code?: unknown;
  message?: unknown;
  name?: unknown;
  driverError?: unknown;
  cause?: unknown;
}

/** Whether this error itself, not one it wraps, says the dependency is unavailable. */
function saysUnavailable({ code, message, name }: ErrorLike): boolean {
  if (typeof code === 'string' && (NETWORK_CODES.has(code) || UNAVAILABLE_SQLSTATES.has(code) || CONNECTION_EXCEPTION.test(code)))
    return true;
  return (
    (typeof message === 'string' && UNAVAILABLE_MESSAGES.some((known) => message.startsWith(known))) ||
    (typeof name === 'string' && UNAVAILABLE_NAMES.has(name))
  );
}

/**
 * The failure that says so, looking through the wrappers it comes in: TypeORM's QueryFailedError
 * (`driverError`), an error's `cause`, and AggregateError (a connection tried on several addresses).
 */
function unavailability(error: unknown, depth = 0): ErrorLike | undefined {
  if (typeof error !== 'object' || error === null || depth > 4) return undefined;
  const candidate = error as ErrorLike;
  if (saysUnavailable(candidate)) return candidate;
  const nested = [candidate.driverError, candidate.cause, ...(error instanceof AggregateError ? (error.errors as unknown[]) : [])];
  for (const inner of nested) {
    const found = unavailability(inner, depth + 1);
    if (found) return found;
  }
  return undefined;
}

export function isDependencyUnavailable(error: unknown): boolean {
  return unavailability(error) !== undefined;
}

/** What a log line may say of an unavailability: its code and message (never a statement or a parameter). */
export function unavailabilityReason(error: unknown): string | undefined {
  const found = unavailability(error);
  if (!found) return undefined;
  const message = typeof found.message === 'string' ? found.message : 'unavailable';
  return typeof found.code === 'string' ? `${found.code}: ${message}` : message;
}
