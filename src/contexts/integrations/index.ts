// The integrations context's public face: what other contexts (and the application root) may import.
// Anything not exported here is internal; the `no-restricted-imports` rule in eslint.config.mjs keeps it so.
export type { GitopsObservation } from './gitops.service.js';
export { GitopsFeatureGate } from './gitops-feature.gate.js';
export { GitopsObservationDto } from './dto/gitops.dto.js';
export { GitopsService } from './gitops.service.js';
export { IntegrationsModule } from './integrations.module.js';
export * from './integrations.errors.js';
export { GITOPS_OFF, GITOPS_OFF_OR_MISSING } from './gitops-docs.js';
