// The access context's public face: what other contexts (and the application root) may import.
// Anything not exported here is internal; the `no-restricted-imports` rule in eslint.config.mjs keeps it so.
export { AccessModule } from './access.module.js';
export { AccessService, grantApplies } from './access.service.js';
export { PermissionGuard } from './permission.guard.js';
export * from './access.errors.js';
