import { Injectable } from '@nestjs/common';
import { InjectTransactionHost, Transactional } from '@nestjs-cls/transactional';
import type { Principal } from '../../kernel/auth/principal.js';
import { AuditNotes } from '../../kernel/audit/audit-notes.js';
import type { Tx } from '../../kernel/database/transactions.js';
import { EventOutbox } from '../../kernel/events/event-outbox.js';
import { newId } from '../../kernel/ids.js';
import { type Page, paginate } from '../../kernel/pagination/page.js';
import { TenantData } from '../../kernel/tenancy/tenant-data.js';
import type { BulkResultDto, DiscoveredSecretInput, ListDiscoveredSecretsQuery } from './dto/discovered-secret.dto.js';
import { DiscoveredSecret } from './entities/discovered-secret.entity.js';

/** The inventory of secrets agents found in clusters: reported in bulk, listed and filtered. */
@Injectable()
export class DiscoveredSecretsService {
  constructor(
    private readonly data: TenantData,
    private readonly notes: AuditNotes,
    private readonly events: EventOutbox,
    @InjectTransactionHost() private readonly tx: Tx,
  ) {}

  /**
   * Upserts what an agent found, all of it in one statement. A secret is known by (cluster,
   * namespace, provider, ref); a repeat within the request counts once, the last one wins.
   */
  @Transactional()
  async report(organizationId: string, agent: Principal, secrets: DiscoveredSecretInput[]): Promise<BulkResultDto> {
    const distinct = new Map<string, DiscoveredSecretInput>();
    for (const s of secrets) distinct.set(JSON.stringify([s.clusterName, s.namespace ?? '', s.provider, s.ref]), s);
    const rows = [...distinct.values()].map((s) => ({
      id: newId(),
      cluster_name: s.clusterName,
      namespace: s.namespace ?? '',
      provider: s.provider,
      ref: s.ref,
      labels: s.labels ?? {},
      status: s.status ?? 'present',
      version: s.version ?? null,
    }));
    const upserted = await this.tx.tx.query<{ inserted: boolean }[]>(
      `INSERT INTO discovered_secrets AS d (id, organization_id, cluster_name, namespace, provider, ref, labels, status, version, agent_id)
       SELECT r.id, $2, r.cluster_name, r.namespace, r.provider, r.ref, r.labels, r.status, r.version, $3
         FROM jsonb_to_recordset($1::jsonb) AS r(id uuid, cluster_name text, namespace text, provider text, ref text, labels jsonb, status text, version text)
       ON CONFLICT (organization_id, cluster_name, namespace, provider, ref) DO UPDATE
          SET labels = excluded.labels, status = excluded.status, version = excluded.version, agent_id = excluded.agent_id, last_seen_at = now()
       RETURNING (xmax = 0) AS inserted`,
      [JSON.stringify(rows), organizationId, agent.id],
    );
    const inserted = upserted.filter((r) => r.inserted).length;
    const result = { received: rows.length, inserted, updated: rows.length - inserted };
    this.notes.note({ resourceId: agent.id, details: result });
    await this.events.emit({
      organizationId,
      type: 'secrets.discovered',
      resourceType: 'agent',
      resourceId: agent.id,
      data: { ...result },
    });
    return result;
  }

  list(organizationId: string, query: ListDiscoveredSecretsQuery): Promise<Page<DiscoveredSecret>> {
    const qb = this.data.repository(DiscoveredSecret, organizationId).query('s');
    if (query.clusterName) qb.andWhere('s.cluster_name = :cluster', { cluster: query.clusterName });
    if (query.provider) qb.andWhere('s.provider = :provider', { provider: query.provider });
    if (query.status) qb.andWhere('s.status = :status', { status: query.status });
    if (query.refPrefix) qb.andWhere(`s.ref LIKE :prefix ESCAPE '\\'`, { prefix: `${query.refPrefix.replace(/[\\%_]/g, '\\$&')}%` });
    if (query.q) qb.andWhere('(s.ref ILIKE :q OR s.namespace ILIKE :q)', { q: `%${query.q}%` });
    (query.label ?? []).forEach((label, i) => {
      const colon = label.indexOf(':');
      qb.andWhere(`s.labels @> :label${i}::jsonb`, { [`label${i}`]: JSON.stringify({ [label.slice(0, colon)]: label.slice(colon + 1) }) });
    });
    return paginate(
      qb,
      query,
      { ref: 's.ref', clusterName: 's.cluster_name', lastSeenAt: 's.last_seen_at', firstSeenAt: 's.first_seen_at' },
      'clusterName,ref',
    );
  }

  get(organizationId: string, id: string): Promise<DiscoveredSecret> {
    return this.data.repository(DiscoveredSecret, organizationId).getById(id, 'Secret');
  }
}
