// The secrets context's public face: what other contexts (and the application root) may import.
// Anything not exported here is internal; the `no-restricted-imports` rule in eslint.config.mjs keeps it so.
export { SecretsModule } from './secrets.module.js';
export * from './secrets.errors.js';
