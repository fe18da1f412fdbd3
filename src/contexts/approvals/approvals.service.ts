import { Injectable, Logger } from '@nestjs/common';
import { InjectTransactionHost, Transactional } from '@nestjs-cls/transactional';
import { In } from 'typeorm';
import type { Principal } from '../../kernel/auth/principal.js';
import { AuditNotes } from '../../kernel/audit/audit-notes.js';
import { AuditWriter } from '../../kernel/audit/audit-writer.js';
import { Sweepers, type Sweeper } from '../../kernel/background/sweepers.js';
import { AppConfig } from '../../kernel/config/app-config.js';
import type { Tx } from '../../kernel/database/transactions.js';
import { hydrate } from '../../kernel/database/hydrate.js';
import { EventOutbox } from '../../kernel/events/event-outbox.js';
import { forbidden, notFound } from '../../kernel/http/kernel.errors.js';
import { type Page, paginate, type PageQuery } from '../../kernel/pagination/page.js';
import { TenantData } from '../../kernel/tenancy/tenant-data.js';
import { AccessService, grantApplies } from '../access/index.js';
import { ApprovalPoliciesService, type PolicySubject } from './approval-policies.service.js';
import { evaluate, type GateProgress } from './approval-progress.js';
import { ApprovalDecision, type DecisionKind } from './entities/approval-decision.entity.js';
import { ApprovalGate, type GateStatus } from './entities/approval-gate.entity.js';
import { ApprovalWorkflow } from './entities/approval-workflow.entity.js';
import { alreadyDecided, notAnApprover, requestExpired, selfApprovalForbidden, unknownWorkflow } from './approvals.errors.js';

/** A gate as its readers see it: where it stands and every decision so far. */
export interface GateView {
  gate: ApprovalGate;
  decisions: ApprovalDecision[];
  progress: GateProgress;
}

export interface OpenGate {
  organizationId: string;
  subjectType: string;
  subjectId: string;
  requestedBy: string;
  /** Where the subject lives, for the policy match. */
  subject: PolicySubject;
  /** Decide with this approval workflow instead of the one the matching policy names (a workflow step names its own). */
  workflowId?: string;
  /** What approvers see in their pending list (never a value). */
  summary: Record<string, unknown>;
}

/** Told, in the deciding transaction, when a gate of its subject type is approved, rejected or expires. */
export type GateListener = (gate: ApprovalGate) => Promise<void>;

const SWEEP_BATCH = 100;

/** A pending gate's open stage in SQL, as evaluate() computes it: the first without enough approvals that still count. */
const OPEN_STAGE = `(SELECT (min(s.ord) - 1)::int FROM jsonb_array_elements(g.stages) WITH ORDINALITY AS s(stage, ord)
   WHERE (SELECT count(*) FROM approval_decisions d
           WHERE d.gate_id = g.id AND d.stage = s.ord - 1 AND d.decision = 'approve' AND (d.expires_at IS NULL OR d.expires_at > now()))
         < (s.stage ->> 'requiredApprovals')::int)`;

/** Who asks, for the rule that nobody approves their own request: the user an API key acts for, else the principal itself. */
export function requesterOf(principal: Principal): string {
  return principal.type === 'api_key' && principal.onBehalfOf ? principal.onBehalfOf : principal.id;
}

/** The person behind a principal: a user, or the user an API key acts for. Agents and the system never decide. */
export function personOf(principal: Principal): string {
  if (principal.type === 'user' || (principal.type === 'api_key' && principal.onBehalfOf)) return requesterOf(principal);
  throw forbidden('Only people approve or reject');
}

/**
 * The approval engine, shared by every subject that needs people's approval (access requests and
 * the approval steps of workflow runs). A subject opens a gate under the policy that matches it;
 * approvers decide stage by stage; the subject's listener hears the outcome in the same
 * transaction. Gates past their time expire (a sweeper on every replica, SKIP LOCKED).
 */
@Injectable()
export class ApprovalsService {
  private readonly logger = new Logger(ApprovalsService.name);
  private readonly listeners = new Map<string, GateListener>();
  private readonly sweeper: Sweeper;

  constructor(
    @InjectTransactionHost() private readonly tx: Tx,
    private readonly data: TenantData,
    private readonly policies: ApprovalPoliciesService,
    private readonly access: AccessService,
    private readonly events: EventOutbox,
    private readonly audit: AuditWriter,
    private readonly notes: AuditNotes,
    config: AppConfig,
    sweepers: Sweepers,
  ) {
    this.sweeper = sweepers.register({
      name: 'expire approvals',
      batchSize: SWEEP_BATCH,
      intervalMs: config.broker.sweepIntervalMs,
      batch: () => this.expireBatch(),
    });
  }

  onSettled(subjectType: string, listener: GateListener): void {
    this.listeners.set(subjectType, listener);
  }

  /** Opens the subject's gate under the policy that matches it (422 NO_APPROVAL_POLICY when none does). */
  @Transactional()
  async open(input: OpenGate): Promise<ApprovalGate> {
    const { policy, workflow } = input.workflowId
      ? { policy: null, workflow: await this.workflowNamed(input.organizationId, input.workflowId) }
      : await this.policies.match(input.organizationId, input.subject);
    const gate = await this.data.repository(ApprovalGate, input.organizationId).insert({
      subjectType: input.subjectType,
      subjectId: input.subjectId,
      summary: input.summary,
      policyId: policy?.id ?? null,
      workflowId: workflow.id,
      workflowName: workflow.name,
      stages: workflow.stages,
      approvalTtlSeconds: workflow.approvalTtlSeconds,
      requestedBy: input.requestedBy,
      expiresAt: new Date(Date.now() + workflow.requestTtlSeconds * 1000),
    });
    await this.events.emit(gateEvent(gate, 'approval.requested', { policyId: policy?.id ?? null, workflowId: workflow.id }));
    return gate;
  }

  /** Whether an approval workflow exists here (for subjects that name one, like workflow approval steps). */
  hasWorkflow(organizationId: string, id: string): Promise<boolean> {
    return this.data.repository(ApprovalWorkflow, organizationId).exists({ id });
  }

  private async workflowNamed(organizationId: string, id: string): Promise<ApprovalWorkflow> {
    const workflow = await this.data.repository(ApprovalWorkflow, organizationId).findById(id);
    if (!workflow) throw unknownWorkflow(`Approval workflow ${id} does not exist in this organization`);
    return workflow;
  }

  /**
   * Records the caller's decision in the stage now open. Refused: on one's own request (422
   * SELF_APPROVAL_FORBIDDEN), by anyone the stage does not name (403 NOT_AN_APPROVER), twice by
   * the same person (409 ALREADY_DECIDED), once the gate is decided or past its time (409).
   * The gate row is locked, so concurrent decisions are counted one after another.
   */
  @Transactional()
  async decide(
    organizationId: string,
    principal: Principal,
    subjectType: string,
    subjectId: string,
    decision: DecisionKind,
    comment: string,
    resource: string,
  ): Promise<GateView> {
    const approverId = personOf(principal);
    const gate = await this.lockGate(organizationId, subjectType, subjectId, resource);
    if (gate.status !== 'pending') throw alreadyDecided(`The ${resource.toLowerCase()} is already ${gate.status}`, { status: gate.status });
    const now = new Date();
    if (gate.expiresAt <= now)
      throw requestExpired(`The ${resource.toLowerCase()} expired at ${gate.expiresAt.toISOString()} without a decision`);
    if (approverId === gate.requestedBy) throw selfApprovalForbidden();
    const decisions = this.data.repository(ApprovalDecision, organizationId);
    const earlier = await decisions.find({ where: { gateId: gate.id }, order: { createdAt: 'ASC' } });
    if (earlier.some((d) => d.approverId === approverId)) throw alreadyDecided('You already decided on this; each approver decides once');
    const before = evaluate(gate.stages, earlier, now);
    const stage = gate.stages[before.currentStage];
    if (!(await this.mayDecide(organizationId, approverId, stage.userIds, stage.roleIds, gate.summary))) {
      throw notAnApprover(`You are not an approver of stage ${before.currentStage + 1} (${stage.name})`, before.currentStage);
    }
    const made = await decisions.insert({
      gateId: gate.id,
      stage: before.currentStage,
      approverId,
      decision,
      comment,
      expiresAt: decision === 'approve' ? new Date(now.getTime() + gate.approvalTtlSeconds * 1000) : null,
    });
    const all = [...earlier, made];
    const after = evaluate(gate.stages, all, now);
    const status: GateStatus = after.outcome === 'pending' ? 'pending' : after.outcome;
    await this.data
      .repository(ApprovalGate, organizationId)
      .update({ id: gate.id }, { status, currentStage: after.currentStage, ...(status !== 'pending' && { decidedAt: now }) });
    Object.assign(gate, { status, currentStage: after.currentStage, decidedAt: status !== 'pending' ? now : null });
    this.notes.note({ details: { decision, stage: made.stage, stageName: stage.name, outcome: status } });
    await this.events.emit(gateEvent(gate, 'approval.decided', { decision, stage: made.stage, approverId }));
    if (status !== 'pending') await this.settle(gate);
    return { gate, decisions: all, progress: after };
  }

  /** The subject is withdrawn (by its requester): a pending gate closes without a decision. */
  @Transactional()
  async cancel(organizationId: string, subjectType: string, subjectId: string, resource: string): Promise<ApprovalGate> {
    const gate = await this.lockGate(organizationId, subjectType, subjectId, resource);
    if (gate.status !== 'pending') return gate;
    await this.data.repository(ApprovalGate, organizationId).update({ id: gate.id }, { status: 'cancelled', decidedAt: new Date() });
    Object.assign(gate, { status: 'cancelled', decidedAt: new Date() });
    await this.events.emit(gateEvent(gate, 'approval.cancelled'));
    return gate;
  }

  /** The gates of these subjects, with their decisions. */
  async views(organizationId: string, subjectType: string, subjectIds: string[]): Promise<Map<string, GateView>> {
    if (subjectIds.length === 0) return new Map();
    const gates = await this.data.repository(ApprovalGate, organizationId).find({ where: { subjectType, subjectId: In(subjectIds) } });
    return this.viewsOf(organizationId, gates);
  }

  private async viewsOf(organizationId: string, gates: ApprovalGate[]): Promise<Map<string, GateView>> {
    const decisions = gates.length
      ? await this.data
          .repository(ApprovalDecision, organizationId)
          .find({ where: { gateId: In(gates.map((g) => g.id)) }, order: { createdAt: 'ASC' } })
      : [];
    const now = new Date();
    return new Map(
      gates.map((gate) => {
        const own = decisions.filter((d) => d.gateId === gate.id);
        return [gate.subjectId, { gate, decisions: own, progress: evaluate(gate.stages, own, now) }];
      }),
    );
  }

  /**
   * What the caller may decide now: pending gates, not their own, not yet decided by them, whose
   * open stage names them or a role they hold (organization-wide, or in the subject's scope).
   */
  async pendingFor(organizationId: string, principal: Principal, query: PageQuery): Promise<Page<GateView>> {
    const me = personOf(principal);
    const grants = await this.access.roleGrantsOf(organizationId, me);
    // The same rule as mayDecide, in SQL so that pages are full: named in the open stage, or
    // holding one of its roles organization-wide or in the subject's project or environment. The
    // open stage is recomputed as evaluate() does (approvals that lapsed reopen their stage).
    const openStage = `(g.stages -> ${OPEN_STAGE})`;
    const qb = this.data
      .repository(ApprovalGate, organizationId)
      .query('g')
      .andWhere(`g.status = 'pending' AND g.expires_at > now() AND g.requested_by <> :me`, { me })
      .andWhere('NOT EXISTS (SELECT 1 FROM approval_decisions d WHERE d.gate_id = g.id AND d.approver_id = :me)', { me })
      .andWhere(
        `(jsonb_exists(${openStage} -> 'userIds', CAST(:me AS text))
          OR EXISTS (SELECT 1 FROM jsonb_to_recordset(CAST(:grants AS jsonb)) AS gr("roleId" text, "projectId" text, "environmentId" text)
                      WHERE jsonb_exists(${openStage} -> 'roleIds', gr."roleId")
                        AND CASE WHEN gr."environmentId" IS NOT NULL THEN gr."environmentId" = g.summary ->> 'environmentId'
                                 WHEN gr."projectId" IS NOT NULL THEN gr."projectId" = g.summary ->> 'projectId'
                                 ELSE true END))`,
        { grants: JSON.stringify(grants) },
      );
    const page = await paginate(qb, query, { createdAt: 'g.created_at', expiresAt: 'g.expires_at' }, 'expiresAt');
    const views = await this.viewsOf(organizationId, page.items);
    return page.map((gate) => views.get(gate.subjectId)!);
  }

  /**
   * Expires gates past their time, a batch per transaction, on every replica at once (SKIP LOCKED
   * gives each batch to one). Each subject's listener hears of it in the same transaction.
   */
  expireDue(): Promise<number> {
    return this.sweeper.run();
  }

  private async expireBatch(): Promise<number> {
    const [rows] = await this.tx.tx.query<[Record<string, unknown>[], number]>(
      `UPDATE approval_gates g SET status = 'expired', decided_at = now()
        WHERE g.id IN (SELECT id FROM approval_gates WHERE status = 'pending' AND expires_at <= now()
                        ORDER BY expires_at LIMIT ${SWEEP_BATCH} FOR UPDATE SKIP LOCKED)
        RETURNING g.*`,
    );
    // One organization's audit chain after another, in the same order on every replica.
    const gates = hydrate(this.tx.tx, ApprovalGate, rows).sort(
      (a, b) => a.organizationId.localeCompare(b.organizationId) || a.id.localeCompare(b.id),
    );
    for (const gate of gates) {
      await this.events.emit(gateEvent(gate, 'approval.expired'));
      await this.audit.record({
        organizationId: gate.organizationId,
        action: 'approval.expire',
        actor: { type: 'system', id: 'approval-expiry' },
        resourceType: gate.subjectType,
        resourceId: gate.subjectId,
        details: { gateId: gate.id, stage: gate.currentStage },
      });
      await this.settle(gate);
    }
    return gates.length;
  }

  private async settle(gate: ApprovalGate): Promise<void> {
    if (gate.status === 'approved' || gate.status === 'rejected') await this.events.emit(gateEvent(gate, `approval.${gate.status}`));
    await this.listeners.get(gate.subjectType)?.(gate);
  }

  private async mayDecide(
    organizationId: string,
    userId: string,
    userIds: string[],
    roleIds: string[],
    summary: Record<string, unknown>,
  ): Promise<boolean> {
    if (userIds.includes(userId)) return true;
    if (roleIds.length === 0) return false;
    const scope = {
      projectId: (summary.projectId as string | null) ?? null,
      environmentId: (summary.environmentId as string | null) ?? null,
    };
    const grants = await this.access.roleGrantsOf(organizationId, userId);
    return grants.some((g) => roleIds.includes(g.roleId) && grantApplies(g, scope));
  }

  private async lockGate(organizationId: string, subjectType: string, subjectId: string, resource: string): Promise<ApprovalGate> {
    const gate = await this.data
      .repository(ApprovalGate, organizationId)
      .query('g')
      .andWhere('g.subject_type = :subjectType AND g.subject_id = :subjectId', { subjectType, subjectId })
      .setLock('pessimistic_write')
      .getOne();
    if (!gate) throw notFound(resource);
    return gate;
  }
}

function gateEvent(gate: ApprovalGate, type: string, data: Record<string, unknown> = {}) {
  return {
    organizationId: gate.organizationId,
    type,
    resourceType: gate.subjectType,
    resourceId: gate.subjectId,
    data: { gateId: gate.id, status: gate.status, stage: gate.currentStage, ...data },
  };
}
