import { CallHandler, ExecutionContext, Injectable, NestInterceptor } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { InjectTransactionHost } from '@nestjs-cls/transactional';
import type { Response } from 'express';
import { from, lastValueFrom, Observable } from 'rxjs';
import { AuditNotes } from '../audit/audit-notes.js';
import { AUDIT_SPEC, type AuditSpec } from '../audit/audited.decorator.js';
import { AuditWriter } from '../audit/audit-writer.js';
import { AppConfig } from '../config/app-config.js';
import type { Tx } from '../database/transactions.js';
import { type AppError } from '../http/app-error.js';
import { validationFailed } from '../http/kernel.errors.js';
import { mapError } from '../http/error-mapping.js';
import { MUTATING_METHODS } from '../http/methods.js';
import { asMarshalRequest, type MarshalRequest } from '../http/request.js';
import { RESPONSE_SHAPE, type ResponseShape } from '../http/response.decorators.js';
import { Upserted } from '../http/upserted.js';
import { IDEMPOTENCY_KEPT_WITH_CHANGE, IDEMPOTENCY_REQUIRED, IDEMPOTENT_BY_DESIGN } from '../idempotency/idempotency.decorator.js';
import { answerAsReplayed, answeredAsReplayed, parseIdempotencyKey } from '../idempotency/idempotency-headers.js';
import { IdempotencyService } from '../idempotency/idempotency.service.js';

/**
 * Around every mutating request: Idempotency-Key handling and, for @Audited routes, one database
 * transaction for the whole handler with the audit entry written in it. On failure the transaction
 * rolls back and the failure is audited on its own. Reads pass straight through.
 *
 * Inside that transaction, code reaches the database only through the transaction host (TenantData,
 * AuditWriter, `tx.tx`): a query on another pooled connection would make each request hold two,
 * and starve the pool under load. @NotAudited routes get no wrapping transaction: their services
 * open their own where they need one (and may commit part of the work before failing, e.g. a
 * refresh-token reuse that revokes its session and answers 401).
 */
@Injectable()
export class MutationInterceptor implements NestInterceptor {
  constructor(
    private readonly reflector: Reflector,
    private readonly config: AppConfig,
    @InjectTransactionHost() private readonly tx: Tx,
    private readonly audit: AuditWriter,
    private readonly notes: AuditNotes,
    private readonly idempotency: IdempotencyService,
  ) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    if (context.getType() !== 'http') return next.handle();
    const req = asMarshalRequest(context.switchToHttp().getRequest());
    const shape = this.reflector.get<ResponseShape | undefined>(RESPONSE_SHAPE, context.getHandler());
    // Streams (raw responses) manage their own work; a transaction must not span a stream.
    if (!MUTATING_METHODS.has(req.method) || shape?.kind === 'raw') return next.handle();
    return from(this.run(context, req, next));
  }

  private async run(context: ExecutionContext, req: MarshalRequest, next: CallHandler): Promise<unknown> {
    const res = context.switchToHttp().getResponse<Response>();
    const spec = this.reflector.get<AuditSpec | undefined>(AUDIT_SPEC, context.getHandler());
    const principal = req.principal;
    const byDesign = this.reflector.get<string | undefined>(IDEMPOTENT_BY_DESIGN, context.getHandler()) !== undefined;
    const key = byDesign ? undefined : parseIdempotencyKey(req.headers['idempotency-key']);
    const required =
      !byDesign && (this.config.idempotencyRequired || this.reflector.get<boolean>(IDEMPOTENCY_REQUIRED, context.getHandler()));
    if (!key && required && principal) {
      throw validationFailed([
        { field: 'Idempotency-Key', message: 'This operation requires an Idempotency-Key header', code: 'REQUIRED' },
      ]);
    }

    // Keys are scoped to (organization, principal); a public route has neither, so it takes none.
    // A route that keeps its key with the change it makes has it checked here and records it itself.
    const keptWithChange = this.reflector.get<string | undefined>(IDEMPOTENCY_KEPT_WITH_CHANGE, context.getHandler()) !== undefined;
    const claim =
      key && principal && !keptWithChange
        ? await this.idempotency.claim(
            { organizationId: principal.organizationId, principalId: `${principal.type}:${principal.id}` },
            key,
            this.idempotency.fingerprint(req.method, req.originalUrl, req.body),
          )
        : undefined;
    if (claim?.kind === 'replay') {
      answerAsReplayed(res);
      if ('error' in claim.outcome) throw claim.outcome.error;
      return claim.outcome.value;
    }

    const audited = spec !== undefined && 'action' in spec;
    try {
      if (!audited) {
        const value: unknown = await lastValueFrom(next.handle(), { defaultValue: undefined });
        if (claim) await this.idempotency.complete(claim.id, value);
        return value;
      }
      return await this.tx.withTransaction(async () => {
        const value: unknown = await lastValueFrom(next.handle(), { defaultValue: undefined });
        if (claim) await this.idempotency.complete(claim.id, value);
        // Last before the commit: appending takes the organization's chain head until then. A
        // handler that found its key kept with the change answers the earlier change: audited once.
        if (req.principal && !answeredAsReplayed(res)) {
          await this.audit.record({
            organizationId: req.principal.organizationId,
            action: spec.action,
            resourceType: spec.resourceType,
            resourceId: this.resourceId(req, value),
            details: this.notes.read().details,
          });
        }
        return value;
      });
    } catch (error) {
      if (audited) this.notes.discard();
      // What the client will be answered (the filter maps the same way): e.g. a unique violation is 409.
      const answered = mapError(error, req).error;
      if (claim) await this.idempotency.fail(claim.id, answered);
      await this.auditFailure(req, spec, answered);
      throw error;
    }
  }

  private resourceId(req: MarshalRequest, value: unknown): string | null {
    const noted = this.notes.read().resourceId;
    if (noted) return noted;
    const fromPath = (req.params as Record<string, string | undefined>).id;
    if (fromPath) return fromPath;
    const body: unknown = value instanceof Upserted ? (value.value as unknown) : value;
    const fromBody = (body as { id?: unknown } | null | undefined)?.id;
    return typeof fromBody === 'string' ? fromBody : null;
  }

  /** Refused and failed mutations are part of the trail too; input that never validated is not. */
  private async auditFailure(req: MarshalRequest, spec: AuditSpec | undefined, error: AppError): Promise<void> {
    if (!spec || !('action' in spec) || !req.principal) return;
    const status = error.status;
    if (status === 400) return;
    await this.audit
      .record({
        organizationId: req.principal.organizationId,
        action: spec.action,
        outcome: status === 403 ? 'denied' : 'failure',
        resourceType: spec.resourceType,
        resourceId: this.resourceId(req, undefined),
        details: { status, code: error.code },
      })
      .catch(() => undefined); // never mask the original error
  }
}
