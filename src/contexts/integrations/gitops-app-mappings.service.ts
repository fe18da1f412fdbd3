import { Injectable } from '@nestjs/common';
import { Transactional } from '@nestjs-cls/transactional';
import { AuditNotes } from '../../kernel/audit/audit-notes.js';
import type { Principal } from '../../kernel/auth/principal.js';
import { EventOutbox } from '../../kernel/events/event-outbox.js';
import { conflict } from '../../kernel/http/kernel.errors.js';
import { type Page, paginate } from '../../kernel/pagination/page.js';
import { TenantData } from '../../kernel/tenancy/tenant-data.js';
import type { CreateGitopsAppMappingDto, ListGitopsAppMappingsQuery } from './dto/gitops.dto.js';
import { ArgocdEndpoint } from './entities/argocd-endpoint.entity.js';
import { GitopsAppMapping } from './entities/gitops-app-mapping.entity.js';
import { unknownEndpoint } from './integrations.errors.js';

/** Which Argo CD application deploys what uses a secret: (cluster, namespace, ref) → (endpoint, application). */
@Injectable()
export class GitopsAppMappingsService {
  constructor(
    private readonly data: TenantData,
    private readonly notes: AuditNotes,
    private readonly events: EventOutbox,
  ) {}

  @Transactional()
  async create(organizationId: string, principal: Principal, input: CreateGitopsAppMappingDto): Promise<GitopsAppMapping> {
    if (!(await this.data.repository(ArgocdEndpoint, organizationId).exists({ id: input.endpointId }))) {
      throw unknownEndpoint();
    }
    const mappings = this.data.repository(GitopsAppMapping, organizationId);
    const fields = {
      endpointId: input.endpointId,
      applicationName: input.applicationName,
      clusterName: input.clusterName,
      namespace: input.namespace ?? '',
      ref: input.ref,
    };
    if (await mappings.exists(fields))
      throw conflict(`Application "${input.applicationName}" is already mapped to this secret on this endpoint`);
    const mapping = await mappings.insert({ ...fields, createdBy: `${principal.type}:${principal.id}` });
    this.notes.note({ resourceId: mapping.id, details: fields });
    await this.events.emit({
      organizationId,
      type: 'gitops_app_mapping.created',
      resourceType: 'gitops_app_mapping',
      resourceId: mapping.id,
      data: { ...fields },
    });
    return mapping;
  }

  list(organizationId: string, query: ListGitopsAppMappingsQuery): Promise<Page<GitopsAppMapping>> {
    const qb = this.data.repository(GitopsAppMapping, organizationId).query('m');
    if (query.endpointId) qb.andWhere('m.endpoint_id = :endpointId', { endpointId: query.endpointId });
    if (query.clusterName) qb.andWhere('m.cluster_name = :cluster', { cluster: query.clusterName });
    if (query.q) qb.andWhere('(m.application_name ILIKE :q OR m.ref ILIKE :q OR m.namespace ILIKE :q)', { q: `%${query.q}%` });
    return paginate(
      qb,
      query,
      {
        applicationName: 'm.application_name',
        clusterName: 'm.cluster_name',
        namespace: 'm.namespace',
        ref: 'm.ref',
        createdAt: 'm.created_at',
      },
      'clusterName,namespace,ref',
    );
  }

  @Transactional()
  async delete(organizationId: string, id: string): Promise<void> {
    const mappings = this.data.repository(GitopsAppMapping, organizationId);
    const mapping = await mappings.getById(id, 'GitOps app mapping');
    await mappings.delete({ id });
    const fields = {
      endpointId: mapping.endpointId,
      applicationName: mapping.applicationName,
      clusterName: mapping.clusterName,
      namespace: mapping.namespace,
      ref: mapping.ref,
    };
    this.notes.note({ details: fields });
    await this.events.emit({
      organizationId,
      type: 'gitops_app_mapping.deleted',
      resourceType: 'gitops_app_mapping',
      resourceId: id,
      data: fields,
    });
  }
}
