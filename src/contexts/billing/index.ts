// The billing context's public face: what other contexts (and the application root) may import.
// Anything not exported here is internal; the `no-restricted-imports` rule in eslint.config.mjs keeps it so.
export { BillingModule } from './billing.module.js';
export { METERS } from './meters.js';
export { type UsageEntry, UsageMeter } from './usage-meter.service.js';
