import { Injectable } from '@nestjs/common';
import { Transactional } from '@nestjs-cls/transactional';
import { AuditNotes } from '../../kernel/audit/audit-notes.js';
import type { Principal } from '../../kernel/auth/principal.js';
import { EventOutbox } from '../../kernel/events/event-outbox.js';
import { AppError } from '../../kernel/http/app-error.js';
import { conflict, notFound, validationFailed } from '../../kernel/http/kernel.errors.js';
import { OutboundCalls } from '../../kernel/outbound/outbound-calls.js';
import { newId } from '../../kernel/ids.js';
import { type Page, paginate } from '../../kernel/pagination/page.js';
import { TenantData } from '../../kernel/tenancy/tenant-data.js';
import { ArgocdClient, type ArgocdTarget, isCallFailure } from './argocd-client.js';
import { ArgocdTokens } from './argocd-tokens.js';
import type { ArgocdApplicationDto, CreateArgocdEndpointDto, ListArgocdEndpointsQuery } from './dto/gitops.dto.js';
import { ArgocdEndpoint } from './entities/argocd-endpoint.entity.js';
import { GitopsAppMapping } from './entities/gitops-app-mapping.entity.js';

/** Scheme, host, port and path of a base URL, without a trailing slash. */
const baseUrl = (value: string) => {
  const url = new URL(value);
  return `${url.origin}${url.pathname}`.replace(/\/+$/, '');
};

/**
 * Argo CD endpoints: the API servers an organization's GitOps applications are read from. The
 * token goes in once, sealed; no response, audit entry, event or log carries it.
 */
@Injectable()
export class ArgocdEndpointsService {
  constructor(
    private readonly data: TenantData,
    private readonly notes: AuditNotes,
    private readonly events: EventOutbox,
    private readonly tokens: ArgocdTokens,
    private readonly client: ArgocdClient,
    private readonly outbound: OutboundCalls,
  ) {}

  @Transactional()
  async create(organizationId: string, principal: Principal, input: CreateArgocdEndpointDto): Promise<ArgocdEndpoint> {
    const endpoints = this.data.repository(ArgocdEndpoint, organizationId);
    const refused = this.outbound.refusal(input.url);
    if (refused) throw validationFailed([{ field: 'url', message: refused.message, code: refused.code }]);
    if (await endpoints.exists({ name: input.name })) throw conflict(`An Argo CD endpoint named "${input.name}" already exists`);
    const id = newId();
    const endpoint = await endpoints.insert({
      id,
      name: input.name,
      url: baseUrl(input.url),
      tokenCiphertext: this.tokens.seal(organizationId, id, input.token),
      tokenFingerprint: this.tokens.fingerprint(input.token),
      verifyTls: input.verifyTls ?? true,
      enabled: input.enabled ?? true,
      createdBy: `${principal.type}:${principal.id}`,
    });
    this.notes.note({
      resourceId: id,
      details: { name: endpoint.name, url: endpoint.url, verifyTls: endpoint.verifyTls, enabled: endpoint.enabled },
    });
    await this.events.emit({
      organizationId,
      type: 'argocd_endpoint.created',
      resourceType: 'argocd_endpoint',
      resourceId: id,
      data: { name: endpoint.name, url: endpoint.url, enabled: endpoint.enabled },
    });
    return endpoint;
  }

  list(organizationId: string, query: ListArgocdEndpointsQuery): Promise<Page<ArgocdEndpoint>> {
    const qb = this.data.repository(ArgocdEndpoint, organizationId).query('e');
    if (query.q) qb.andWhere('(e.name ILIKE :q OR e.url ILIKE :q)', { q: `%${query.q}%` });
    return paginate(qb, query, { name: 'e.name', createdAt: 'e.created_at', updatedAt: 'e.updated_at' }, 'name');
  }

  /**
   * The applications the endpoint serves, asked live. The call runs outside any transaction; its
   * outcome is recorded on the endpoint afterwards (lastDiscoveryAt, lastError).
   */
  async discover(organizationId: string, id: string): Promise<ArgocdApplicationDto[]> {
    const endpoints = this.data.repository(ArgocdEndpoint, organizationId);
    const endpoint = await endpoints.query('e').addSelect('e.tokenCiphertext').andWhere('e.id = :id', { id }).getOne();
    if (!endpoint) throw notFound('Argo CD endpoint');
    if (!endpoint.enabled) throw conflict('The Argo CD endpoint is disabled: enable it to discover its applications', { enabled: false });
    const target: ArgocdTarget = {
      url: endpoint.url,
      verifyTls: endpoint.verifyTls,
      token: this.tokens.open(organizationId, id, endpoint.tokenCiphertext),
    };
    let applications: ArgocdApplicationDto[] = [];
    let failure: AppError | undefined;
    try {
      applications = await this.client.listApplications(target);
    } catch (error) {
      if (!isCallFailure(error)) throw error;
      failure = error;
    }
    // Bookkeeping, not an edit of the endpoint: updatedAt stays.
    await endpoints.update(
      { id },
      { lastDiscoveryAt: new Date(), lastError: failure ? { code: failure.code, message: failure.message } : null },
      { touch: false },
    );
    if (failure) throw failure;
    return applications.sort((a, b) => a.name.localeCompare(b.name));
  }

  @Transactional()
  async setEnabled(organizationId: string, id: string, enabled: boolean): Promise<ArgocdEndpoint> {
    const endpoints = this.data.repository(ArgocdEndpoint, organizationId);
    const endpoint = await endpoints.getById(id, 'Argo CD endpoint');
    let updated = endpoint;
    if (endpoint.enabled !== enabled) {
      updated = await endpoints.updateByIdReturning(id, { enabled }, 'Argo CD endpoint');
      await this.events.emit({
        organizationId,
        type: `argocd_endpoint.${enabled ? 'enabled' : 'disabled'}`,
        resourceType: 'argocd_endpoint',
        resourceId: id,
        data: { name: endpoint.name },
      });
    }
    this.notes.note({ details: { name: endpoint.name, from: endpoint.enabled, to: enabled } });
    return updated;
  }

  /** Only an endpoint no app mapping refers to: the mappings go first, deliberately. */
  @Transactional()
  async delete(organizationId: string, id: string): Promise<void> {
    const endpoints = this.data.repository(ArgocdEndpoint, organizationId);
    const endpoint = await endpoints.getById(id, 'Argo CD endpoint');
    const mappings = await this.data.repository(GitopsAppMapping, organizationId).count({ endpointId: id });
    if (mappings > 0) throw conflict(`The Argo CD endpoint still has ${mappings} app mapping(s): delete them first`, { mappings });
    await endpoints.delete({ id });
    this.notes.note({ details: { name: endpoint.name } });
    await this.events.emit({
      organizationId,
      type: 'argocd_endpoint.deleted',
      resourceType: 'argocd_endpoint',
      resourceId: id,
      data: { name: endpoint.name },
    });
  }
}
