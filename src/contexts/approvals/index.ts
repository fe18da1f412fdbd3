// The approvals context's public face: what other contexts (and the application root) may import.
// Anything not exported here is internal; the `no-restricted-imports` rule in eslint.config.mjs keeps it so.
export type { ApprovalGate } from './entities/approval-gate.entity.js';
export type { GateView } from './approvals.service.js';
export { ApprovalStateDto, ApproveDto, RejectDto } from './dto/approval.dto.js';
export { ApprovalsModule } from './approvals.module.js';
export { ApprovalsService, personOf, requesterOf } from './approvals.service.js';
export * from './approvals.errors.js';
