import { Injectable } from '@nestjs/common';
import { Transactional } from '@nestjs-cls/transactional';
import type { Principal } from '../../kernel/auth/principal.js';
import { AuditNotes } from '../../kernel/audit/audit-notes.js';
import { EventOutbox } from '../../kernel/events/event-outbox.js';
import { conflict, notFound, validationFailed } from '../../kernel/http/kernel.errors.js';
import { type Page, paginate, type PageQuery } from '../../kernel/pagination/page.js';
import { TenantData } from '../../kernel/tenancy/tenant-data.js';
import type { CreateEnvironmentDto, CreateFreezeWindowDto, ListEnvironmentsQuery, UpdateEnvironmentDto } from './dto/inventory.dto.js';
import { Environment } from './entities/environment.entity.js';
import { FreezeWindow } from './entities/freeze-window.entity.js';
import { Project } from './entities/project.entity.js';
import { isTimeZone, zonedTimeToUtc } from './zoned-time.js';
import { unknownEnvironment } from './inventory.errors.js';

/** Environments and their freeze windows. */
@Injectable()
export class EnvironmentsService {
  constructor(
    private readonly data: TenantData,
    private readonly notes: AuditNotes,
    private readonly events: EventOutbox,
  ) {}

  @Transactional()
  async create(organizationId: string, input: CreateEnvironmentDto): Promise<Environment> {
    if (input.projectId) await this.data.repository(Project, organizationId).getById(input.projectId, 'Project');
    await this.assertNameFree(organizationId, input.projectId ?? null, input.name);
    const environment = await this.data.repository(Environment, organizationId).insert({
      projectId: input.projectId ?? null,
      name: input.name,
      tier: input.tier ?? 'other',
      description: input.description ?? '',
      clusters: [...new Set(input.clusters ?? [])],
      labels: input.labels ?? {},
    });
    this.notes.note({
      resourceId: environment.id,
      details: { name: environment.name, projectId: environment.projectId, tier: environment.tier },
    });
    await this.events.emit({
      organizationId: organizationId,
      type: 'environment.created',
      resourceType: 'environment',
      resourceId: environment.id,
      data: { name: environment.name, projectId: environment.projectId },
    });
    return environment;
  }

  list(organizationId: string, query: ListEnvironmentsQuery): Promise<Page<Environment>> {
    const qb = this.data.repository(Environment, organizationId).query('e');
    if (query.projectId) qb.andWhere('e.project_id = :projectId', { projectId: query.projectId });
    if (query.tier) qb.andWhere('e.tier = :tier', { tier: query.tier });
    if (query.cluster) qb.andWhere(':cluster = ANY(e.clusters)', { cluster: query.cluster });
    if (query.q) qb.andWhere('e.name ILIKE :q', { q: `%${query.q}%` });
    return paginate(qb, query, { name: 'e.name', tier: 'e.tier', createdAt: 'e.created_at' }, 'name');
  }

  async listForProject(organizationId: string, projectId: string, query: PageQuery): Promise<Page<Environment>> {
    await this.data.repository(Project, organizationId).getById(projectId, 'Project');
    return this.list(organizationId, { ...query, projectId });
  }

  get(organizationId: string, id: string): Promise<Environment> {
    return this.data.repository(Environment, organizationId).getById(id, 'Environment');
  }

  /** An environment named in a body must be one of the organization's: 422 UNKNOWN_ENVIRONMENT otherwise. */
  async assertExists(organizationId: string, environmentId: string): Promise<void> {
    if (!(await this.data.repository(Environment, organizationId).exists({ id: environmentId }))) {
      throw unknownEnvironment();
    }
  }

  async update(organizationId: string, id: string, input: UpdateEnvironmentDto): Promise<Environment> {
    const environments = this.data.repository(Environment, organizationId);
    const environment = await environments.getById(id, 'Environment');
    if (input.name && input.name !== environment.name) await this.assertNameFree(organizationId, environment.projectId, input.name);
    const updated = await environments.updateByIdReturning(
      id,
      {
        ...(input.name !== undefined && { name: input.name }),
        ...(input.tier !== undefined && { tier: input.tier }),
        ...(input.description !== undefined && { description: input.description }),
        ...(input.clusters !== undefined && { clusters: [...new Set(input.clusters)] }),
        ...(input.labels !== undefined && { labels: input.labels }),
      },
      'Environment',
    );
    this.notes.note({ details: { fields: Object.keys(input) } });
    return updated;
  }

  @Transactional()
  async delete(organizationId: string, id: string): Promise<void> {
    const environments = this.data.repository(Environment, organizationId);
    const environment = await environments.getById(id, 'Environment');
    await environments.delete({ id });
    this.notes.note({ details: { name: environment.name } });
    await this.events.emit({
      organizationId,
      type: 'environment.deleted',
      resourceType: 'environment',
      resourceId: id,
      data: { name: environment.name },
    });
  }

  /** Which of these environments a freeze window covers now. */
  async frozen(organizationId: string, environmentIds: string[]): Promise<Set<string>> {
    if (environmentIds.length === 0) return new Set();
    const rows = await this.data
      .repository(FreezeWindow, organizationId)
      .query('w')
      .select('DISTINCT w.environment_id', 'id')
      .andWhere('w.environment_id IN (:...ids) AND w.starts_at <= now() AND w.ends_at > now()', { ids: environmentIds })
      .getRawMany<{ id: string }>();
    return new Set(rows.map((r) => r.id));
  }

  @Transactional()
  async addFreezeWindow(
    organizationId: string,
    principal: Principal,
    environmentId: string,
    input: CreateFreezeWindowDto,
  ): Promise<FreezeWindow> {
    await this.get(organizationId, environmentId);
    if (!isTimeZone(input.timeZone))
      throw validationFailed([
        { field: 'timeZone', message: 'timeZone must be an IANA time zone such as Europe/Paris', code: 'INVALID_TIME_ZONE' },
      ]);
    const startsAt = zonedTimeToUtc(input.start, input.timeZone);
    const endsAt = zonedTimeToUtc(input.end, input.timeZone);
    if (endsAt <= startsAt) throw validationFailed([{ field: 'end', message: 'end must come after start', code: 'END_BEFORE_START' }]);
    const window = await this.data.repository(FreezeWindow, organizationId).insert({
      environmentId,
      reason: input.reason,
      startLocal: input.start,
      endLocal: input.end,
      timeZone: input.timeZone,
      startsAt,
      endsAt,
      createdBy: `${principal.type}:${principal.id}`,
    });
    this.notes.note({ resourceId: window.id, details: { environmentId, startsAt, endsAt, timeZone: input.timeZone } });
    await this.events.emit({
      organizationId: organizationId,
      type: 'environment.freeze_window.created',
      resourceType: 'environment',
      resourceId: environmentId,
      data: { windowId: window.id, startsAt, endsAt },
    });
    return window;
  }

  async listFreezeWindows(
    organizationId: string,
    environmentId: string,
    query: PageQuery & { when?: 'active' | 'upcoming' | 'past' },
  ): Promise<Page<FreezeWindow>> {
    await this.get(organizationId, environmentId);
    const qb = this.data
      .repository(FreezeWindow, organizationId)
      .query('w')
      .andWhere('w.environment_id = :environmentId', { environmentId });
    if (query.when === 'active') qb.andWhere('w.starts_at <= now() AND w.ends_at > now()');
    if (query.when === 'upcoming') qb.andWhere('w.starts_at > now()');
    if (query.when === 'past') qb.andWhere('w.ends_at <= now()');
    return paginate(qb, query, { startsAt: 'w.starts_at', createdAt: 'w.created_at' }, 'startsAt');
  }

  @Transactional()
  async removeFreezeWindow(organizationId: string, environmentId: string, windowId: string): Promise<void> {
    const windows = this.data.repository(FreezeWindow, organizationId);
    await this.get(organizationId, environmentId);
    const window = await windows.findOne({ id: windowId, environmentId });
    if (!window) throw notFound('Freeze window');
    await windows.delete({ id: windowId });
    this.notes.note({ resourceId: windowId, details: { environmentId } });
    await this.events.emit({
      organizationId,
      type: 'environment.freeze_window.deleted',
      resourceType: 'environment',
      resourceId: environmentId,
      data: { windowId },
    });
  }

  private async assertNameFree(organizationId: string, projectId: string | null, name: string): Promise<void> {
    const environments = this.data.repository(Environment, organizationId);
    const taken = projectId
      ? await environments.exists({ projectId, name })
      : (await environments.query('e').andWhere('e.project_id IS NULL AND e.name = :name', { name }).getCount()) > 0;
    if (taken) throw conflict(`An environment named "${name}" already exists ${projectId ? 'in this project' : 'in the organization'}`);
  }
}
