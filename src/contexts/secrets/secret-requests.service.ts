import { Injectable, OnModuleInit } from '@nestjs/common';
import { Transactional } from '@nestjs-cls/transactional';
import type { Principal } from '../../kernel/auth/principal.js';
import { AuditNotes } from '../../kernel/audit/audit-notes.js';
import { AuditWriter } from '../../kernel/audit/audit-writer.js';
import { normaliseX25519PublicKey } from '../../kernel/crypto/x25519-keys.js';
import { EventOutbox } from '../../kernel/events/event-outbox.js';
import { conflict } from '../../kernel/http/kernel.errors.js';
import { newId } from '../../kernel/ids.js';
import { type Page, paginate } from '../../kernel/pagination/page.js';
import { TenantData } from '../../kernel/tenancy/tenant-data.js';
import { AgentsService } from '../agents/index.js';
import { type ApprovalGate, ApprovalsService, personOf } from '../approvals/index.js';
import { type GitopsObservation, GitopsService } from '../integrations/index.js';
import { EnvironmentsService } from '../inventory/index.js';
import { type Job, JobsService } from '../jobs/index.js';
import { DiscoveredSecretsService } from './discovered-secrets.service.js';
import type { CreatePatchRequestDto, CreateReadRequestDto, ListSecretRequestsQuery } from './dto/secret-request.dto.js';
import { SecretRequest, type SecretRequestKind } from './entities/secret-request.entity.js';
import type { RequestView } from './request-view.js';
import { SecretWrapsService } from './secret-wraps.service.js';
import {
  actorMismatch,
  approverMismatch,
  noAgentForCluster,
  notAPatch,
  notPatched,
  notTheRequester,
  unknownSecret,
} from './secrets.errors.js';

export const SUBJECT = 'secret_request';
export const JOB_TYPES: Record<SecretRequestKind, string> = { read: 'secret.read', patch: 'secret.patch' };
const RESOURCE = 'Request';

/**
 * Access requests: someone asks to read or patch a secret, the matching policy's approvers decide,
 * and on the final approval a job goes to the agent of the secret's cluster. The request follows
 * its gate (approved, rejected, expired) and its job (completed, failed), in their transactions.
 */
@Injectable()
export class SecretRequestsService implements OnModuleInit {
  constructor(
    private readonly data: TenantData,
    private readonly discovered: DiscoveredSecretsService,
    private readonly agents: AgentsService,
    private readonly environments: EnvironmentsService,
    private readonly approvals: ApprovalsService,
    private readonly jobs: JobsService,
    private readonly wraps: SecretWrapsService,
    private readonly gitops: GitopsService,
    private readonly notes: AuditNotes,
    private readonly audit: AuditWriter,
    private readonly events: EventOutbox,
  ) {}

  onModuleInit(): void {
    this.approvals.onSettled(SUBJECT, (gate) => this.onDecided(gate));
    this.jobs.onFinished((job) => this.onJobFinished(job));
  }

  /** A read request; approved, the agent fetches the value and only the requester retrieves it, once. */
  createRead(organizationId: string, principal: Principal, input: CreateReadRequestDto): Promise<RequestView> {
    const recipientPublicKey = input.recipientPublicKey ? normaliseX25519PublicKey(input.recipientPublicKey, 'recipientPublicKey') : null;
    return this.create(organizationId, principal, 'read', { ...input, recipientPublicKey });
  }

  /** A patch request; the new value is sealed at once and waits, unreadable to anyone, for the agent. */
  createPatch(organizationId: string, principal: Principal, input: CreatePatchRequestDto): Promise<RequestView> {
    return this.create(organizationId, principal, 'patch', input, input.value);
  }

  @Transactional()
  private async create(
    organizationId: string,
    principal: Principal,
    kind: SecretRequestKind,
    input: { secretId: string; reason: string; recipientPublicKey?: string | null },
    value?: string,
  ): Promise<RequestView> {
    const requesterId = personOf(principal);
    const secret = await this.discovered.get(organizationId, input.secretId).catch(() => {
      throw unknownSecret();
    });
    const agent = secret.agentId ? await this.agents.get(organizationId, secret.agentId).catch(() => null) : null;
    if (!agent || agent.status !== 'active') throw noAgentForCluster(secret.clusterName);
    const environment = agent.environmentId ? await this.environments.get(organizationId, agent.environmentId).catch(() => null) : null;
    const request = await this.data.repository(SecretRequest, organizationId).insert({
      id: newId(),
      kind,
      secretId: secret.id,
      clusterName: secret.clusterName,
      namespace: secret.namespace,
      provider: secret.provider,
      ref: secret.ref,
      projectId: environment?.projectId ?? null,
      environmentId: environment?.id ?? null,
      agentId: agent.id,
      requesterId,
      reason: input.reason,
      recipientPublicKey: input.recipientPublicKey ?? null,
    });
    const gate = await this.approvals.open({
      organizationId: organizationId,
      subjectType: SUBJECT,
      subjectId: request.id,
      requestedBy: requesterId,
      subject: { projectId: request.projectId, environmentId: request.environmentId, clusterName: request.clusterName, ref: request.ref },
      summary: summaryOf(request),
    });
    if (value !== undefined) await this.wraps.sealForAgent(request, value);
    this.notes.note({
      resourceId: request.id,
      details: { kind, secretId: secret.id, clusterName: secret.clusterName, ref: secret.ref, policyId: gate.policyId },
    });
    await this.events.emit(requestEvent(request, 'secret_request.created'));
    return this.view(organizationId, request.id);
  }

  list(organizationId: string, query: ListSecretRequestsQuery): Promise<Page<SecretRequest>> {
    const qb = this.data.repository(SecretRequest, organizationId).query('r');
    if (query.requesterId) qb.andWhere('r.requester_id = :requesterId', { requesterId: query.requesterId });
    if (query.status?.length) qb.andWhere('r.status IN (:...status)', { status: query.status });
    if (query.kind) qb.andWhere('r.kind = :kind', { kind: query.kind });
    if (query.secretId) qb.andWhere('r.secret_id = :secretId', { secretId: query.secretId });
    return paginate(qb, query, { createdAt: 'r.created_at', updatedAt: 'r.updated_at', status: 'r.status' }, '-createdAt');
  }

  async views(organizationId: string, requests: SecretRequest[]): Promise<RequestView[]> {
    const dispatched = requests.filter((r) => r.status === 'approved' && r.jobId).map((r) => r.jobId!);
    const [gates, blockages] = await Promise.all([
      this.approvals.views(
        organizationId,
        SUBJECT,
        requests.map((r) => r.id),
      ),
      this.jobs.blockages(organizationId, dispatched),
    ]);
    return requests.map((request) => ({
      request,
      approval: gates.get(request.id) ?? null,
      blocked: (request.jobId && blockages.get(request.jobId)) || null,
    }));
  }

  async view(organizationId: string, id: string): Promise<RequestView> {
    const [view] = await this.views(organizationId, [await this.get(organizationId, id)]);
    return view;
  }

  get(organizationId: string, id: string): Promise<SecretRequest> {
    return this.data.repository(SecretRequest, organizationId).getById(id, RESOURCE);
  }

  /** The caller approves or rejects (never their own request; only if the open stage names them). */
  @Transactional()
  async decide(
    organizationId: string,
    principal: Principal,
    id: string,
    decision: 'approve' | 'reject',
    comment: string,
    claimedApproverId?: string,
  ): Promise<RequestView> {
    if (claimedApproverId && claimedApproverId !== personOf(principal)) {
      throw approverMismatch();
    }
    // Another organization's request has no gate here: 404 from the engine.
    await this.approvals.decide(organizationId, principal, SUBJECT, id, decision, comment, RESOURCE);
    // A final approval queued the job, which noted itself: the entry is about the request.
    this.notes.note({ resourceId: id });
    return this.view(organizationId, id);
  }

  /**
   * How the Argo CD applications using a patched secret are doing, asked now. Only a completed
   * patch changed anything to observe (409 otherwise). Called outside any transaction: it makes
   * HTTP calls.
   */
  async observeGitops(organizationId: string, id: string): Promise<GitopsObservation[]> {
    const request = await this.get(organizationId, id);
    if (request.kind !== 'patch') throw notAPatch();
    if (request.status !== 'completed') throw notPatched(request.status);
    return this.gitops.observe(organizationId, { clusterName: request.clusterName, namespace: request.namespace, ref: request.ref });
  }

  /**
   * Only its requester withdraws a request, while it is still pending. The gate is locked before the
   * request, the order every decision and expiry takes, so a cancel racing them cannot deadlock.
   */
  @Transactional()
  async cancel(organizationId: string, principal: Principal, id: string, claimedActorId?: string): Promise<RequestView> {
    const me = personOf(principal);
    if (claimedActorId && claimedActorId !== me) throw actorMismatch();
    const request = await this.get(organizationId, id);
    if (request.requesterId !== me) throw notTheRequester('Only the requester cancels a request');
    if (request.status === 'cancelled') return this.view(organizationId, id);
    const gate = await this.approvals.cancel(organizationId, SUBJECT, id, RESOURCE);
    const locked = await this.lock(organizationId, id);
    if (gate.status !== 'cancelled' || locked.status !== 'pending') {
      throw conflict(`The request is already ${locked.status}; only a pending request can be cancelled`, { status: locked.status });
    }
    await this.close(locked, 'cancelled', 'withdrawn');
    return this.view(organizationId, id);
  }

  /** The gate decided (or expired): an approval dispatches the job; anything else closes the request. */
  private async onDecided(gate: ApprovalGate): Promise<void> {
    const request = await this.lock(gate.organizationId, gate.subjectId);
    if (request.status !== 'pending') return;
    if (gate.status === 'approved') return this.dispatch(request);
    if (gate.status === 'rejected' || gate.status === 'expired') await this.close(request, gate.status, 'withdrawn');
  }

  /**
   * Sends the job to the agent of the secret's cluster. An agent revoked since the request was made
   * fails it (there is nobody to send it to), rather than leaving it approved forever.
   */
  private async dispatch(request: SecretRequest): Promise<void> {
    const org = request.organizationId;
    const agent = await this.agents.get(org, request.agentId).catch(() => null);
    if (!agent || agent.status !== 'active') {
      await this.fail(request, 'NO_AGENT_FOR_CLUSTER', `The agent of cluster ${request.clusterName} is gone or revoked`);
      return;
    }
    const wrapId = request.kind === 'patch' ? await this.wraps.release(request) : null;
    const job = await this.jobs.submit(org, {
      type: JOB_TYPES[request.kind],
      targetAgentId: request.agentId,
      payload: {
        requestId: request.id,
        secret: { clusterName: request.clusterName, namespace: request.namespace, provider: request.provider, ref: request.ref },
        ...(wrapId && { wrapId }),
      },
      // One attempt: a patch's value is released once, and a read re-run would fetch again unasked.
      maxAttempts: 1,
      timeoutSeconds: 300,
      createdBy: { type: 'system', id: null },
    });
    if (wrapId) await this.wraps.attachJob(org, wrapId, job.id);
    const approved = await this.data
      .repository(SecretRequest, org)
      .apply(request, { status: 'approved', jobId: job.id, decidedAt: new Date() });
    await this.events.emit(requestEvent(approved, 'secret_request.approved', { jobId: job.id, agentId: request.agentId }));
  }

  /** The job ended: a read completes once its value was posted; a patch once the agent wrote it. */
  private async onJobFinished(job: Job): Promise<void> {
    if (job.type !== JOB_TYPES.read && job.type !== JOB_TYPES.patch) return;
    const requestId = (job.payload as { requestId?: string }).requestId;
    if (!requestId) return;
    const request = await this.data
      .repository(SecretRequest, job.organizationId)
      .query('r')
      .andWhere('r.id = :id AND r.job_id = :jobId', { id: requestId, jobId: job.id })
      .setLock('pessimistic_write')
      .getOne();
    if (!request || request.status !== 'approved') return;
    if (job.status !== 'succeeded') {
      await this.fail(request, job.errorCode ?? 'JOB_FAILED', job.errorMessage ?? `The agent's job ended ${job.status}`);
      return;
    }
    if (request.kind === 'read' && !(await this.wraps.hasValueFor(request))) {
      await this.fail(request, 'NO_VALUE', 'The agent finished without posting the value');
      return;
    }
    await this.data.repository(SecretRequest, job.organizationId).apply(request, { status: 'completed', completedAt: new Date() });
    if (request.kind === 'patch') await this.wraps.shredFor(request, 'withdrawn');
    await this.record(request, 'secret_request.complete', { jobId: job.id, agentId: job.leasedBy });
    await this.events.emit(requestEvent(request, 'secret_request.completed', { jobId: job.id }));
  }

  private async fail(request: SecretRequest, code: string, message: string): Promise<void> {
    await this.data
      .repository(SecretRequest, request.organizationId)
      .apply(request, { status: 'failed', failureCode: code, failureMessage: message, completedAt: new Date() });
    await this.wraps.shredFor(request, 'withdrawn');
    await this.record(request, 'secret_request.fail', { code });
    await this.events.emit(requestEvent(request, 'secret_request.failed', { code }));
  }

  private async close(request: SecretRequest, status: 'rejected' | 'expired' | 'cancelled', reason: 'withdrawn'): Promise<void> {
    await this.data.repository(SecretRequest, request.organizationId).apply(request, { status, decidedAt: new Date() });
    await this.wraps.shredFor(request, reason);
    await this.events.emit(requestEvent(request, `secret_request.${status}`));
  }

  /** Outside a request's route (the job's or the sweeper's transaction): the trail gets its own entry. */
  private async record(request: SecretRequest, action: string, details: Record<string, unknown>): Promise<void> {
    await this.audit.record({
      organizationId: request.organizationId,
      action,
      resourceType: SUBJECT,
      resourceId: request.id,
      details: { kind: request.kind, ...details },
    });
  }

  private async lock(organizationId: string, id: string): Promise<SecretRequest> {
    return this.data.repository(SecretRequest, organizationId).lockById(id, RESOURCE);
  }
}

function summaryOf(r: SecretRequest): Record<string, unknown> {
  return {
    kind: r.kind,
    secretId: r.secretId,
    clusterName: r.clusterName,
    namespace: r.namespace,
    provider: r.provider,
    ref: r.ref,
    projectId: r.projectId,
    environmentId: r.environmentId,
    reason: r.reason,
  };
}

function requestEvent(r: SecretRequest, type: string, data: Record<string, unknown> = {}) {
  return {
    organizationId: r.organizationId,
    type,
    resourceType: SUBJECT,
    resourceId: r.id,
    data: { kind: r.kind, status: r.status, secretId: r.secretId, requesterId: r.requesterId, ...data },
  };
}
