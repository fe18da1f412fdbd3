import type { GateView } from '../approvals/index.js';
import type { BlockedCode } from '../jobs/index.js';
import type { SecretRequest } from './entities/secret-request.entity.js';

/**
 * A request as the service hands it out: the row, its gate's progress and, while its job waits for an
 * agent that can take it, why. Its own file so the DTOs can map it without importing the service.
 */
export interface RequestView {
  request: SecretRequest;
  approval: GateView | null;
  /** Approved, while its job waits for an agent that can take it: why. */
  blocked: { code: BlockedCode; reason: string } | null;
}
