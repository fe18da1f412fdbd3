import type { JobHandler } from './handler.js';

/** Does nothing and succeeds: what smoke tests and `POST /agent-runtime/smoke` send. */
export const noop: JobHandler = () => Promise.resolve({ ok: true });
