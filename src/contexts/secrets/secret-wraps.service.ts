import { Injectable, Logger, OnModuleInit } from '@nestjs/common';
import { InjectTransactionHost, Transactional } from '@nestjs-cls/transactional';
import type { Principal } from '../../kernel/auth/principal.js';
import { AuditNotes } from '../../kernel/audit/audit-notes.js';
import { AuditWriter } from '../../kernel/audit/audit-writer.js';
import { Sweepers, type Sweeper } from '../../kernel/background/sweepers.js';
import { AppConfig } from '../../kernel/config/app-config.js';
import { EnvelopeCipher } from '../../kernel/crypto/envelope-cipher.js';
import { KeyRotation } from '../../kernel/crypto/key-rotation.js';
import { sealWireEnvelope } from '../../kernel/crypto/wire-envelope.js';
import type { Tx } from '../../kernel/database/transactions.js';
import { EventOutbox } from '../../kernel/events/event-outbox.js';
import { gone, notFound } from '../../kernel/http/kernel.errors.js';
import { newId } from '../../kernel/ids.js';
import { TenantData } from '../../kernel/tenancy/tenant-data.js';
import { AgentsService } from '../agents/index.js';
import { personOf } from '../approvals/index.js';
import { assertHeld, type Job, JobsService } from '../jobs/index.js';
import type { PostWrapDto } from './dto/secret-request.dto.js';
import { SecretRequest } from './entities/secret-request.entity.js';
import { type ShredReason, SecretWrap } from './entities/secret-wrap.entity.js';
import { CONSUME_WRAP, REWRAP_WRAP, SHRED_EXPIRED, SHRED_FOR_REQUEST, SWEEP_BATCH, WRAPS_UNDER_RETIRED_KEYS } from './secrets.sql.js';
import {
  agentKeyMissing,
  alreadyPosted,
  invalidWrap,
  jobNotHeld,
  notAReadJob,
  notReleased,
  notTheRequester,
  requestNotApproved,
} from './secrets.errors.js';

const RESOURCE = 'Wrap';

/** The additional data a wrap's value is sealed with: it opens for this wrap only. */
const contextOf = (organizationId: string, requestId: string, id: string) => `marshal/secret-value/v1/${organizationId}/${requestId}/${id}`;

/** Why a retrieval found nothing, for the 410 the caller gets. */
const goneWrap = () => gone('This value was already retrieved, has expired, or was withdrawn: it is shredded');

/**
 * Secret values in transit, each retrievable once by its one recipient:
 * - read flow: the agent seals the fetched value under a data key issued for its job (`dek`) and
 *   posts it; the requester retrieves it once;
 * - patch flow: the requester's new value is sealed when the request is made and released on final
 *   approval; the agent retrieves it once, in a wire envelope to its X25519 key.
 * Retrieval consumes a wrap atomically (of N concurrent retrievals one succeeds, the rest get 410);
 * retrieval, expiry and withdrawal shred it (the sealed bytes, wrapped data key included, go).
 */
@Injectable()
export class SecretWrapsService implements OnModuleInit {
  private readonly logger = new Logger(SecretWrapsService.name);
  private readonly sweeper: Sweeper;

  constructor(
    @InjectTransactionHost() private readonly tx: Tx,
    private readonly data: TenantData,
    private readonly cipher: EnvelopeCipher,
    private readonly rotation: KeyRotation,
    private readonly agents: AgentsService,
    private readonly jobs: JobsService,
    private readonly audit: AuditWriter,
    private readonly notes: AuditNotes,
    private readonly events: EventOutbox,
    private readonly config: AppConfig,
    sweepers: Sweepers,
  ) {
    this.sweeper = sweepers.register({
      name: 'shred expired wraps',
      batchSize: SWEEP_BATCH,
      intervalMs: config.broker.sweepIntervalMs,
      batch: () => this.shredBatch(),
    });
  }

  onModuleInit(): void {
    this.rotation.register({ name: 'secret_wraps', rewrap: (limit) => this.rewrap(limit) });
  }

  // --- patch flow -------------------------------------------------------------------------------

  /** Seals a patch request's new value for the request's agent; unreleased until the final approval. */
  async sealForAgent(request: SecretRequest, value: string): Promise<void> {
    const id = newId();
    const context = contextOf(request.organizationId, request.id, id);
    await this.data.repository(SecretWrap, request.organizationId).insert({
      id,
      requestId: request.id,
      direction: 'to_agent',
      recipientId: request.agentId,
      sealed: this.cipher.encrypt(value, context),
      context,
    });
  }

  /** Final approval: the patch's value becomes retrievable by the agent, for the wrap TTL. Answers its id. */
  async release(request: SecretRequest): Promise<string | null> {
    const wrap = await this.data.repository(SecretWrap, request.organizationId).findOne({ requestId: request.id, direction: 'to_agent' });
    if (!wrap) return null;
    await this.data
      .repository(SecretWrap, request.organizationId)
      .update({ id: wrap.id }, { releasedAt: new Date(), expiresAt: this.ttlFromNow() });
    return wrap.id;
  }

  async attachJob(organizationId: string, wrapId: string, jobId: string): Promise<void> {
    await this.data.repository(SecretWrap, organizationId).update({ id: wrapId }, { jobId });
  }

  /** The agent retrieves the patch's new value, once, sealed to its registered X25519 key. */
  async retrieveForAgent(
    organizationId: string,
    agent: Principal,
    wrapId: string,
  ): Promise<{ wrap: SecretWrap; envelope: Buffer; context: string }> {
    const wrap = await this.data.repository(SecretWrap, organizationId).findById(wrapId);
    if (!wrap || wrap.direction !== 'to_agent' || wrap.recipientId !== agent.id) throw notFound(RESOURCE);
    if (!wrap.releasedAt) throw notReleased();
    if (wrap.jobId) await this.heldJob(organizationId, agent, wrap.jobId);
    const recipient = await this.sealingKeyOf(organizationId, agent);
    const envelopeContext = `marshal/wrap/v1/${wrap.id}`;
    const envelope = await this.consume(wrap, async (value) => {
      await this.audit.record({
        organizationId: organizationId,
        action: 'secret_wrap.release',
        resourceType: 'secret_request',
        resourceId: wrap.requestId,
        details: { wrapId: wrap.id, direction: wrap.direction, to: `agent:${agent.id}`, jobId: wrap.jobId },
      });
      return sealWireEnvelope(recipient, value, envelopeContext);
    });
    return { wrap, envelope, context: envelopeContext };
  }

  // --- read flow --------------------------------------------------------------------------------

  /**
   * A data key for the value of a secret.read job the agent holds: the key itself leaves only in a
   * wire envelope sealed to the agent's X25519 key (bound to `keyEnvelopeContext`), with the
   * key's KMS wrap, which comes back with the sealed value.
   */
  async issueDataKey(
    organizationId: string,
    agent: Principal,
    jobId: string,
  ): Promise<{ keyEnvelope: Buffer; keyEnvelopeContext: string; wrappedKey: Buffer; context: string }> {
    const { request } = await this.readJob(organizationId, agent, jobId);
    const recipient = await this.sealingKeyOf(organizationId, agent);
    const context = contextOf(organizationId, request.id, jobId);
    const keyEnvelopeContext = `marshal/data-key/v1/${jobId}`;
    const { key, wrappedKey } = this.cipher.issueDataKey(context);
    try {
      this.notes.note({ resourceId: request.id, details: { jobId, keyId: this.cipher.currentKeyId } });
      return { keyEnvelope: sealWireEnvelope(recipient, key, keyEnvelopeContext), keyEnvelopeContext, wrappedKey, context };
    } finally {
      key.fill(0);
    }
  }

  /**
   * The agent posts the value it fetched, sealed under an issued data key. It must open (422
   * INVALID_WRAP otherwise); one value per job (409 once posted). The requester has the wrap TTL.
   */
  @Transactional()
  async acceptFromAgent(organizationId: string, agent: Principal, input: PostWrapDto): Promise<SecretWrap> {
    // The job row stays locked to the end: two posts for one job cannot both find no value yet.
    const { job, request } = await this.readJob(organizationId, agent, input.jobId, { lock: true });
    const wraps = this.data.repository(SecretWrap, organizationId);
    if (await wraps.exists({ jobId: job.id, direction: 'to_requester' })) throw alreadyPosted();
    const context = contextOf(organizationId, request.id, job.id);
    let sealed: Buffer;
    try {
      sealed = this.cipher.assemble(
        Buffer.from(input.wrappedKey, 'base64'),
        Buffer.from(input.iv, 'base64'),
        Buffer.from(input.tag, 'base64'),
        Buffer.from(input.ciphertext, 'base64'),
        context,
      );
    } catch {
      throw invalidWrap();
    }
    const wrap = await wraps.insert({
      requestId: request.id,
      jobId: job.id,
      direction: 'to_requester',
      recipientId: request.requesterId,
      sealed,
      context,
      releasedAt: new Date(),
      expiresAt: this.ttlFromNow(),
    });
    this.notes.note({ resourceId: request.id, details: { wrapId: wrap.id, jobId: job.id } });
    await this.events.emit({
      organizationId,
      type: 'secret_wrap.created',
      resourceType: 'secret_request',
      resourceId: request.id,
      data: { wrapId: wrap.id, expiresAt: wrap.expiresAt },
    });
    return wrap;
  }

  async hasValueFor(request: SecretRequest): Promise<boolean> {
    return (
      request.jobId !== null &&
      (await this.data.repository(SecretWrap, request.organizationId).exists({ jobId: request.jobId, direction: 'to_requester' }))
    );
  }

  // --- requester side ---------------------------------------------------------------------------

  /** The request's values for its requester, as value-free summaries. */
  async listForRequester(organizationId: string, principal: Principal, request: SecretRequest): Promise<SecretWrap[]> {
    this.assertRequester(organizationId, principal, request);
    return this.data
      .repository(SecretWrap, organizationId)
      .find({ where: { requestId: request.id, direction: 'to_requester' }, order: { createdAt: 'ASC' } });
  }

  /**
   * The value, once, to its requester; then 410. When the request named a recipient key, the value
   * leaves sealed to it (a wire envelope bound to `context`), never in clear.
   */
  async retrieveForRequester(
    organizationId: string,
    principal: Principal,
    request: SecretRequest,
    wrapId: string,
  ): Promise<{ wrap: SecretWrap; value: Buffer; context?: string }> {
    const requesterId = this.assertRequester(organizationId, principal, request);
    const wrap = await this.data
      .repository(SecretWrap, organizationId)
      .findOne({ id: wrapId, requestId: request.id, direction: 'to_requester' });
    if (!wrap) throw notFound(RESOURCE);
    const context = request.recipientPublicKey ? `marshal/wrap/v1/${wrap.id}` : undefined;
    const value = await this.consume(wrap, async (opened) => {
      await this.audit.record({
        organizationId,
        action: 'secret_wrap.release',
        resourceType: 'secret_request',
        resourceId: request.id,
        details: { wrapId: wrap.id, direction: wrap.direction, to: `user:${requesterId}`, sealed: Boolean(context) },
      });
      return context ? sealWireEnvelope(Buffer.from(request.recipientPublicKey!, 'base64url'), opened, context) : Buffer.from(opened);
    });
    return { wrap, value, context };
  }

  // --- shredding --------------------------------------------------------------------------------

  /** The request ended without (or after) its values being used: whatever is still sealed goes. */
  async shredFor(request: SecretRequest, reason: ShredReason): Promise<void> {
    await this.tx.tx.query(SHRED_FOR_REQUEST, [request.organizationId, request.id, reason]);
  }

  /** Shreds wraps past their time, a batch per transaction, on every replica at once (SKIP LOCKED). */
  shredExpired(): Promise<number> {
    return this.sweeper.run();
  }

  private async shredBatch(): Promise<number> {
    const [rows] = await this.tx.tx.query<[{ id: string; organization_id: string; request_id: string }[], number]>(SHRED_EXPIRED);
    // One organization's audit chain after another, in the same order on every replica.
    rows.sort((a, b) => a.organization_id.localeCompare(b.organization_id) || a.id.localeCompare(b.id));
    await this.events.emit(
      ...rows.map((r) => ({
        organizationId: r.organization_id,
        type: 'secret_wrap.expired',
        resourceType: 'secret_request',
        resourceId: r.request_id,
        data: { wrapId: r.id },
      })),
    );
    for (const r of rows) {
      await this.audit.record({
        organizationId: r.organization_id,
        action: 'secret_wrap.shred',
        actor: { type: 'system', id: 'broker-sweep' },
        resourceType: 'secret_request',
        resourceId: r.request_id,
        details: { wrapId: r.id, reason: 'expired' },
      });
    }
    return rows.length;
  }

  /** Moves up to `limit` sealed values still under a retired master key to the current one. */
  rewrap(limit: number): Promise<number> {
    const retired = this.config.encryption.previous.map((k) => Buffer.from(k.keyId, 'utf8'));
    if (retired.length === 0) return Promise.resolve(0);
    return this.tx.withTransaction(async () => {
      const rows = await this.tx.tx.query<{ id: string; context: string; sealed: Buffer }[]>(WRAPS_UNDER_RETIRED_KEYS, [retired, limit]);
      for (const row of rows) await this.tx.tx.query(REWRAP_WRAP, [row.id, this.cipher.rewrap(row.sealed, row.context)]);
      return rows.length;
    });
  }

  // --- internals --------------------------------------------------------------------------------

  /**
   * Takes the sealed value and shreds it in one statement: concurrent retrievals wait on the row
   * lock and then find it gone. `use` runs in the same transaction, so if it fails (the value does
   * not open, the audit cannot be written) nothing is consumed. Expired or taken: 410.
   */
  private async consume<T>(wrap: SecretWrap, use: (value: Buffer) => Promise<T>): Promise<T> {
    const result = await this.tx.withTransaction(async () => {
      const [rows] = await this.tx.tx.query<[{ sealed: Buffer }[], number]>(CONSUME_WRAP, [wrap.id, wrap.organizationId]);
      if (rows.length === 0) return null;
      const value = this.cipher.decrypt(rows[0].sealed, wrap.context);
      try {
        await this.events.emit({
          organizationId: wrap.organizationId,
          type: 'secret_wrap.consumed',
          resourceType: 'secret_request',
          resourceId: wrap.requestId,
          data: { wrapId: wrap.id, direction: wrap.direction },
        });
        return { value: await use(value) };
      } finally {
        value.fill(0);
      }
    });
    if (!result) throw goneWrap();
    return result.value;
  }

  /** The caller, who must be the request's requester (403 otherwise); answers their user id. */
  private assertRequester(organizationId: string, principal: Principal, request: SecretRequest): string {
    const requesterId = personOf(principal);
    if (request.requesterId !== requesterId) throw notTheRequester('Only the requester retrieves the value');
    return requesterId;
  }

  /** A secret.read job this agent holds now, with its approved request. */
  private async readJob(
    organizationId: string,
    agent: Principal,
    jobId: string,
    options: { lock?: boolean } = {},
  ): Promise<{ job: Job; request: SecretRequest }> {
    const job = await this.heldJob(organizationId, agent, jobId, options);
    if (job.type !== 'secret.read') throw notAReadJob(jobId, job.type);
    const requestId = (job.payload as { requestId?: string }).requestId ?? '';
    const request = await this.data.repository(SecretRequest, organizationId).findOne({ id: requestId, jobId: job.id });
    if (!request || request.status !== 'approved') throw requestNotApproved();
    return { job, request };
  }

  private async heldJob(organizationId: string, agent: Principal, jobId: string, options: { lock?: boolean } = {}): Promise<Job> {
    const job = options.lock ? await this.jobs.lock(organizationId, jobId) : await this.jobs.get(organizationId, jobId);
    assertHeld(job, { agentId: agent.id }, { notHeld: jobNotHeld });
    return job;
  }

  /** The agent's registered X25519 key, which everything Marshal sends it is sealed to (409 AGENT_KEY_MISSING without one). */
  private async sealingKeyOf(organizationId: string, agent: Principal): Promise<Buffer> {
    const record = await this.agents.get(organizationId, agent.id);
    if (!record.publicKey) throw agentKeyMissing();
    return Buffer.from(record.publicKey, 'base64url');
  }

  private ttlFromNow(): Date {
    return new Date(Date.now() + this.config.broker.wrapTtlSeconds * 1000);
  }
}
