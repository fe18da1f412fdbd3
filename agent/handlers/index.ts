import type { JobHandler } from './handler.js';
import { httpCheck } from './http-check.js';
import { noop } from './noop.js';
import { SCAN_JOB_TYPE } from './scan.js';
import { SECRET_JOB_TYPES } from './secrets.js';
import { shellHandler } from './shell.js';
import { sleep } from './sleep.js';

/** The built-in handlers, by the job type they run. */
export function builtInHandlers(allowedCommands: ReadonlySet<string>): Map<string, JobHandler> {
  return new Map<string, JobHandler>([
    ['noop', noop],
    ['sleep', sleep],
    ['shell', shellHandler(allowedCommands)],
    ['http-check', httpCheck],
  ]);
}

/** The job types the built-in handlers run (the secret ones with --secrets-dir; `scan` with the server's scan API). */
export const HANDLER_TYPES = ['noop', 'sleep', 'shell', 'http-check', SCAN_JOB_TYPE, ...SECRET_JOB_TYPES];
