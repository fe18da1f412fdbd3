import pg from 'pg';

/** node-postgres's error for a query that outlived `query_timeout`. */
const QUERY_TIMED_OUT = 'Query read timeout';

type Query = (this: pg.Client, ...args: unknown[]) => unknown;

/**
 * A pg client whose timed-out query takes its connection with it. node-postgres answers a query
 * that outlives `query_timeout` with an error but keeps the connection, still waiting for that
 * query's answer: back in the pool, it would make the next request queue behind it and, had it
 * been in a transaction, run that request inside a transaction nobody will commit or roll back.
 * Ended, it is dropped by the pool on release, and the server rolls back whatever it held open as
 * soon as it sees the connection gone.
 */
export class BoundedClient extends pg.Client {}

// Assigned rather than declared: `query` has a dozen overloads, and this wraps every one alike.
(BoundedClient.prototype as unknown as { query: Query }).query = function boundedQuery(this: pg.Client, ...args: unknown[]): unknown {
  const dropOnTimeout = (error: unknown) => {
    if ((error as Error | undefined)?.message === QUERY_TIMED_OUT) this.end().catch(() => undefined);
  };
  const last = args.length - 1;
  if (typeof args[last] === 'function') {
    const callback = args[last] as (error: unknown, result: unknown) => void;
    args[last] = (error: unknown, result: unknown) => {
      dropOnTimeout(error);
      callback(error, result);
    };
  }
  const result = (pg.Client.prototype.query as unknown as Query).apply(this, args);
  // The caller still receives the rejection; this only watches it.
  if (result instanceof Promise) result.catch(dropOnTimeout);
  return result;
};
