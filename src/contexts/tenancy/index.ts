// The tenancy context's public face: what other contexts (and the application root) may import.
// Anything not exported here is internal; the `no-restricted-imports` rule in eslint.config.mjs keeps it so.
export { ConfigSecretsService } from './config-secrets.service.js';
export { FirstRunResult, FirstRunSetupService } from './first-run-setup.service.js';
export { TenancyModule } from './tenancy.module.js';
