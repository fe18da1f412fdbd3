// The scanning context's public face: what other contexts (and the application root) may import.
// Anything not exported here is internal; the `no-restricted-imports` rule in eslint.config.mjs keeps it so.
export { FindingsService } from './findings.service.js';
export { RepositoriesService } from './repositories.service.js';
export { ScansService } from './scans.service.js';
export { ScanningModule } from './scanning.module.js';
export * from './scanning.errors.js';
