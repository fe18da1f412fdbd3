// The workflows context's public face: what other contexts (and the application root) may import.
// Anything not exported here is internal; the `no-restricted-imports` rule in eslint.config.mjs keeps it so.
export type { CallbackOutcome, CallbackReport } from './workflow-callbacks.service.js';
export { WorkflowCallbacksService } from './workflow-callbacks.service.js';
export { WorkflowsModule } from './workflows.module.js';
export * from './workflows.errors.js';
