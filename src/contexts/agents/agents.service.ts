import { Injectable } from '@nestjs/common';
import { InjectTransactionHost, Transactional } from '@nestjs-cls/transactional';
import type { Principal } from '../../kernel/auth/principal.js';
import { AuditNotes } from '../../kernel/audit/audit-notes.js';
import { AuditWriter } from '../../kernel/audit/audit-writer.js';
import { AppConfig } from '../../kernel/config/app-config.js';
import { RequestContext } from '../../kernel/context/request-context.js';
import { randomSecret, sha256 } from '../../kernel/crypto/secret-tokens.js';
import type { Tx } from '../../kernel/database/transactions.js';
import { EventOutbox } from '../../kernel/events/event-outbox.js';
import { conflict } from '../../kernel/http/kernel.errors.js';
import { newId } from '../../kernel/ids.js';
import { type Page, paginate } from '../../kernel/pagination/page.js';
import { TenantData } from '../../kernel/tenancy/tenant-data.js';
import { EnvironmentsService } from '../inventory/index.js';
import { normaliseX25519PublicKey } from '../../kernel/crypto/x25519-keys.js';
import { formatSecret } from './agent-secrets.js';
import type { HeartbeatDto, ListAgentsQuery, MintAgentDto, RegisterAgentDto, UpdateAgentDto } from './dto/agent.dto.js';
import { Agent } from './entities/agent.entity.js';
import { EnrollmentService } from './enrollment.service.js';

/** Called in the transaction that revokes or deletes an agent, e.g. to release the work it holds. */
export type AgentRemovalListener = (organizationId: string, agentId: string, reason: 'revoked' | 'deleted') => Promise<void>;

/** Capabilities as stored: each once, sorted, so that two lists compare equal when they say the same. */
const normalised = (capabilities: string[]): string[] => [...new Set(capabilities)].sort();
const sameList = (a: string[], b: string[]) => a.length === b.length && a.every((c, i) => c === b[i]);

/**
 * The agent registry: minting and registration (the secret is shown once), edits, revocation and
 * deletion, public keys and liveness. `X-Agent-Secret` authentication is AgentSecretAuthenticator's.
 */
@Injectable()
export class AgentsService {
  private readonly removalListeners: AgentRemovalListener[] = [];

  constructor(
    @InjectTransactionHost() private readonly tx: Tx,
    private readonly data: TenantData,
    private readonly events: EventOutbox,
    private readonly notes: AuditNotes,
    private readonly audit: AuditWriter,
    private readonly config: AppConfig,
    private readonly enrollment: EnrollmentService,
    private readonly requestContext: RequestContext,
    private readonly environments: EnvironmentsService,
  ) {}

  get timing() {
    const { heartbeatIntervalSeconds, pollIntervalSeconds, leaseSeconds } = this.config.agents;
    return { heartbeatIntervalSeconds, pollIntervalSeconds, leaseSeconds };
  }

  /** Lets a context that depends on agents react, in the same transaction, when one goes away. */
  onRemoval(listener: AgentRemovalListener): void {
    this.removalListeners.push(listener);
  }

  async mint(organizationId: string, principal: Principal, input: MintAgentDto): Promise<{ agent: Agent; secret: string }> {
    const creator = principal.type === 'user' ? principal.id : (principal.onBehalfOf ?? null);
    return this.create(organizationId, { ...input, enrolledVia: 'mint', createdBy: creator, enrollmentTokenId: null });
  }

  /** An agent presenting an enrollment token joins that token's organization (and environment). */
  async register(input: RegisterAgentDto): Promise<{ agent: Agent; secret: string; principal: Principal }> {
    const token = await this.enrollment.redeem(input.enrollmentToken);
    const publicKey = input.publicKey ? normaliseX25519PublicKey(input.publicKey) : null;
    const { agent, secret } = await this.create(token.organizationId, {
      name: input.name,
      description: input.description,
      labels: input.labels,
      capabilities: input.capabilities,
      // What a registering agent says it runs is its own report.
      capabilitiesReportedAt: input.capabilities ? new Date() : null,
      environmentId: token.environmentId ?? input.environmentId,
      version: input.version ?? null,
      hostname: input.hostname ?? null,
      publicKey,
      enrolledVia: 'enrollment',
      createdBy: null,
      enrollmentTokenId: token.id,
    });
    // From here the caller is the agent it just became: the audit entry and events name it.
    const principal: Principal = { type: 'agent', id: agent.id, organizationId: agent.organizationId };
    this.requestContext.setPrincipal(principal);
    return { agent, secret, principal };
  }

  private async create(
    organizationId: string,
    input: Partial<Omit<Agent, 'id' | 'organizationId'>> & Pick<Agent, 'name' | 'enrolledVia' | 'createdBy' | 'enrollmentTokenId'>,
  ): Promise<{ agent: Agent; secret: string }> {
    const agents = this.data.repository(Agent, organizationId);
    if (await agents.exists({ name: input.name })) throw conflict(`An agent named "${input.name}" already exists`);
    if (input.environmentId) await this.environments.assertExists(organizationId, input.environmentId);
    const id = newId();
    const secret = randomSecret(32);
    const agent = await agents.insert({
      id,
      name: input.name,
      description: input.description ?? null,
      labels: input.labels ?? {},
      capabilities: normalised(input.capabilities ?? []),
      capabilitiesReportedAt: input.capabilitiesReportedAt ?? null,
      environmentId: input.environmentId ?? null,
      version: input.version ?? null,
      hostname: input.hostname ?? null,
      publicKey: input.publicKey ?? null,
      publicKeyUpdatedAt: input.publicKey ? new Date() : null,
      enrolledVia: input.enrolledVia,
      createdBy: input.createdBy,
      enrollmentTokenId: input.enrollmentTokenId,
      secretHash: sha256(secret),
    });
    this.notes.note({ resourceId: id, details: { name: agent.name, enrolledVia: agent.enrolledVia } });
    await this.events.emit({
      organizationId,
      type: 'agent.created',
      resourceType: 'agent',
      resourceId: id,
      data: { name: agent.name, enrolledVia: agent.enrolledVia, labels: agent.labels, capabilities: agent.capabilities },
    });
    return { agent, secret: formatSecret('mas', id, secret) };
  }

  list(organizationId: string, query: ListAgentsQuery): Promise<Page<Agent>> {
    const qb = this.data.repository(Agent, organizationId).query('a');
    if (query.status) qb.andWhere('a.status = :status', { status: query.status });
    if (query.q) qb.andWhere('(a.name ILIKE :q OR a.hostname ILIKE :q OR a.description ILIKE :q)', { q: `%${query.q}%` });
    if (query.capability) qb.andWhere(':capability = ANY(a.capabilities)', { capability: query.capability });
    if (query.label) {
      const eq = query.label.indexOf('=');
      qb.andWhere('a.labels @> :label::jsonb', { label: JSON.stringify({ [query.label.slice(0, eq)]: query.label.slice(eq + 1) }) });
    }
    if (query.connectivity) {
      const beat = this.config.agents.heartbeatIntervalSeconds;
      const online = 'a.last_seen_at >= now() - make_interval(secs => :online)';
      const stale = 'a.last_seen_at >= now() - make_interval(secs => :stale)';
      const params = { online: beat * 3, stale: beat * 10 };
      if (query.connectivity === 'online') qb.andWhere(`a.status = 'active' AND ${online}`, params);
      if (query.connectivity === 'stale') qb.andWhere(`a.status = 'active' AND NOT (${online}) AND ${stale}`, params);
      if (query.connectivity === 'offline') qb.andWhere(`(a.status = 'revoked' OR a.last_seen_at IS NULL OR NOT (${stale}))`, params);
    }
    return paginate(qb, query, { name: 'a.name', createdAt: 'a.created_at', lastSeenAt: 'a.last_seen_at' }, 'name');
  }

  /** Active agents by connectivity, and how many are revoked. */
  async connectivityCounts(organizationId: string): Promise<{ online: number; stale: number; offline: number; revoked: number }> {
    const beat = this.config.agents.heartbeatIntervalSeconds;
    const [row] = await this.data
      .repository(Agent, organizationId)
      .query('a')
      .select(`count(*) FILTER (WHERE a.status = 'active' AND a.last_seen_at >= now() - make_interval(secs => :online))`, 'online')
      .addSelect(
        `count(*) FILTER (WHERE a.status = 'active' AND a.last_seen_at < now() - make_interval(secs => :online) AND a.last_seen_at >= now() - make_interval(secs => :stale))`,
        'stale',
      )
      .addSelect(
        `count(*) FILTER (WHERE a.status = 'active' AND (a.last_seen_at IS NULL OR a.last_seen_at < now() - make_interval(secs => :stale)))`,
        'offline',
      )
      .addSelect(`count(*) FILTER (WHERE a.status = 'revoked')`, 'revoked')
      .setParameters({ online: beat * 3, stale: beat * 10 })
      .getRawMany<{ online: string; stale: string; offline: string; revoked: string }>();
    return { online: Number(row.online), stale: Number(row.stale), offline: Number(row.offline), revoked: Number(row.revoked) };
  }

  /** Every agent of the organization, for the credentials audit. */
  all(organizationId: string): Promise<Agent[]> {
    return this.data.repository(Agent, organizationId).find({ order: { createdAt: 'DESC' } });
  }

  get(organizationId: string, id: string): Promise<Agent> {
    return this.data.repository(Agent, organizationId).getById(id, 'Agent');
  }

  @Transactional()
  async update(organizationId: string, id: string, input: UpdateAgentDto): Promise<Agent> {
    const agents = this.data.repository(Agent, organizationId);
    const agent = await agents.getById(id, 'Agent');
    if (input.name && input.name !== agent.name && (await agents.exists({ name: input.name })))
      throw conflict(`An agent named "${input.name}" already exists`);
    const changes: Partial<Agent> = {};
    if (input.name !== undefined) changes.name = input.name;
    if (input.description !== undefined) changes.description = input.description || null;
    if (input.labels !== undefined) changes.labels = input.labels;
    // Edited, they are the admin's until the agent reports its own again.
    if (input.capabilities !== undefined)
      Object.assign(changes, { capabilities: normalised(input.capabilities), capabilitiesReportedAt: null });
    const updated = await agents.updateByIdReturning(id, changes, 'Agent');
    this.notes.note({ details: { fields: Object.keys(input) } });
    await this.events.emit({
      organizationId,
      type: 'agent.updated',
      resourceType: 'agent',
      resourceId: id,
      data: { fields: Object.keys(input) },
    });
    return updated;
  }

  @Transactional()
  async revoke(organizationId: string, id: string): Promise<Agent> {
    const agents = this.data.repository(Agent, organizationId);
    const agent = await agents.getById(id, 'Agent');
    if (agent.status !== 'revoked') {
      await agents.update({ id }, { status: 'revoked', revokedAt: new Date() });
      for (const listener of this.removalListeners) await listener(organizationId, id, 'revoked');
      await this.events.emit({ organizationId, type: 'agent.revoked', resourceType: 'agent', resourceId: id, data: { name: agent.name } });
    }
    return agents.getById(id, 'Agent');
  }

  @Transactional()
  async delete(organizationId: string, id: string): Promise<void> {
    const agents = this.data.repository(Agent, organizationId);
    const agent = await agents.getById(id, 'Agent');
    for (const listener of this.removalListeners) await listener(organizationId, id, 'deleted');
    await agents.delete({ id });
    this.notes.note({ details: { name: agent.name } });
    await this.events.emit({ organizationId, type: 'agent.deleted', resourceType: 'agent', resourceId: id, data: { name: agent.name } });
  }

  @Transactional()
  async setPublicKey(organizationId: string, agent: Principal, publicKey: string): Promise<Agent> {
    const key = normaliseX25519PublicKey(publicKey);
    const agents = this.data.repository(Agent, organizationId);
    const updated = await agents.updateByIdReturning(agent.id, { publicKey: key, publicKeyUpdatedAt: new Date() }, 'Agent');
    await this.events.emit({ organizationId, type: 'agent.public_key_set', resourceType: 'agent', resourceId: agent.id, data: {} });
    return updated;
  }

  /**
   * A sign of life: last_seen_at now, and what it reports about itself. Capabilities it reports
   * replace what it had; only a change costs more than the one UPDATE every heartbeat makes.
   */
  async heartbeat(organizationId: string, agent: Principal, input: HeartbeatDto): Promise<void> {
    const [rows] = await this.tx.tx.query<[{ capabilities: string[] }[], number]>(
      `UPDATE agents SET last_seen_at = now(), version = coalesce($3, version), hostname = coalesce($4, hostname),
              capabilities_reported_at = CASE WHEN $5 THEN now() ELSE capabilities_reported_at END
        WHERE id = $1 AND organization_id = $2
        RETURNING capabilities`,
      [agent.id, organizationId, input.version ?? null, input.hostname ?? null, input.capabilities !== undefined],
    );
    if (input.capabilities === undefined || rows.length === 0) return;
    const reported = normalised(input.capabilities);
    if (!sameList(rows[0].capabilities, reported)) await this.replaceCapabilities(organizationId, agent, reported);
  }

  /**
   * The agent runs other job types than it had: the list is replaced, in one transaction with its
   * event and audit entry (the heartbeat itself is not audited, its changes are). Jobs that were
   * blocked for want of one of them are claimable from this commit on.
   */
  private replaceCapabilities(organizationId: string, agent: Principal, capabilities: string[]): Promise<void> {
    return this.tx.withTransaction(async () => {
      const [rows] = await this.tx.tx.query<[{ previous: string[] }[], number]>(
        `UPDATE agents a SET capabilities = $3, capabilities_reported_at = now(), updated_at = now()
           FROM (SELECT id, capabilities FROM agents WHERE id = $1 AND organization_id = $2 FOR UPDATE) before
          WHERE a.id = before.id AND a.capabilities IS DISTINCT FROM $3::text[]
         RETURNING before.capabilities AS previous`,
        [agent.id, organizationId, capabilities],
      );
      // Another heartbeat of the same agent made the change first.
      if (rows.length === 0) return;
      const { previous } = rows[0];
      const change = {
        previous,
        capabilities,
        added: capabilities.filter((c) => !previous.includes(c)),
        removed: previous.filter((c) => !capabilities.includes(c)),
      };
      await this.events.emit({
        organizationId,
        type: 'agent.capabilities_changed',
        resourceType: 'agent',
        resourceId: agent.id,
        data: change,
      });
      await this.audit.record({
        organizationId,
        action: 'agent.capabilities.report',
        resourceType: 'agent',
        resourceId: agent.id,
        details: change,
      });
    });
  }
}
