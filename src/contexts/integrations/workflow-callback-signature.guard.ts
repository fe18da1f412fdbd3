import { CanActivate, ExecutionContext, Injectable, type RawBodyRequest } from '@nestjs/common';
import { AppConfig } from '../../kernel/config/app-config.js';
import { routeNotFound } from '../../kernel/http/kernel.errors.js';
import type { MarshalRequest } from '../../kernel/http/request.js';
import { DELIVERY_HEADER, SIGNATURE_HEADER, verifyCallbackSignature } from './callback-signature.js';

/**
 * Authenticates a workflow callback by its signature over the raw body (docs/workflow-callbacks.md),
 * before the body is validated or anything reads it: an unsigned request learns nothing of the body
 * rules. Applied by @SignedWebhook, which also keeps the raw body for it.
 */
@Injectable()
export class WorkflowCallbackSignatureGuard implements CanActivate {
  constructor(private readonly config: AppConfig) {}

  canActivate(context: ExecutionContext): boolean {
    const req = context.switchToHttp().getRequest<RawBodyRequest<MarshalRequest>>();
    const { secret, toleranceSeconds } = this.config.workflowWebhook;
    // WorkflowWebhookGate answers first without a secret; this keeps the route shut even without the gate.
    if (!secret) throw routeNotFound();
    verifyCallbackSignature(
      {
        // Node joins a repeated header with ", ": two signature headers then fail to parse, as they should.
        signature: req.headers[SIGNATURE_HEADER] as string | undefined,
        deliveryId: req.headers[DELIVERY_HEADER] as string | undefined,
        // No JSON body (another content type, or none) was parsed nor kept: the signature covers no bytes then.
        body: req.rawBody ?? Buffer.alloc(0),
      },
      { key: secret, toleranceSeconds, now: Date.now() / 1000 },
    );
    return true;
  }
}
