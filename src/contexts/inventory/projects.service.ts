import { Injectable } from '@nestjs/common';
import { Transactional } from '@nestjs-cls/transactional';
import type { Principal } from '../../kernel/auth/principal.js';
import { AuditNotes } from '../../kernel/audit/audit-notes.js';
import { EventOutbox } from '../../kernel/events/event-outbox.js';
import { conflict } from '../../kernel/http/kernel.errors.js';
import { type Page, paginate } from '../../kernel/pagination/page.js';
import { slugify } from '../../kernel/slug.js';
import { TenantData } from '../../kernel/tenancy/tenant-data.js';
import type { CreateProjectDto, ListProjectsQuery, UpdateProjectDto } from './dto/inventory.dto.js';
import { Environment } from './entities/environment.entity.js';
import { Project, type ProjectStatus } from './entities/project.entity.js';

/** Work another context does when a project is deleted, in the deletion's transaction (a failure undoes it). */
export type ProjectDeletionHook = (organizationId: string, projectId: string) => Promise<void>;

/** Projects: what an organization's work is about. */
@Injectable()
export class ProjectsService {
  private readonly deletionHooks: ProjectDeletionHook[] = [];

  constructor(
    private readonly data: TenantData,
    private readonly notes: AuditNotes,
    private readonly events: EventOutbox,
  ) {}

  @Transactional()
  async create(organizationId: string, principal: Principal, input: CreateProjectDto): Promise<Project> {
    const projects = this.data.repository(Project, organizationId);
    const slug = input.slug ?? slugify(input.name);
    if (await projects.exists({ name: input.name })) throw conflict(`A project named "${input.name}" already exists`);
    if (await projects.exists({ slug })) throw conflict(`A project with the slug "${slug}" already exists`);
    const project = await projects.insert({
      name: input.name,
      slug,
      description: input.description ?? '',
      createdBy: `${principal.type}:${principal.id}`,
    });
    this.notes.note({ resourceId: project.id, details: { name: project.name, slug } });
    await this.events.emit({
      organizationId,
      type: 'project.created',
      resourceType: 'project',
      resourceId: project.id,
      data: { name: project.name },
    });
    return project;
  }

  list(organizationId: string, query: ListProjectsQuery): Promise<Page<Project>> {
    const qb = this.data.repository(Project, organizationId).query('p');
    if (query.status) qb.andWhere('p.status = :status', { status: query.status });
    if (query.q) qb.andWhere('(p.name ILIKE :q OR p.slug ILIKE :q)', { q: `%${query.q}%` });
    return paginate(qb, query, { name: 'p.name', createdAt: 'p.created_at', updatedAt: 'p.updated_at' }, 'name');
  }

  get(organizationId: string, id: string): Promise<Project> {
    return this.data.repository(Project, organizationId).getById(id, 'Project');
  }

  async update(organizationId: string, id: string, input: UpdateProjectDto): Promise<Project> {
    const projects = this.data.repository(Project, organizationId);
    const project = await projects.getById(id, 'Project');
    if (input.name && input.name !== project.name && (await projects.exists({ name: input.name })))
      throw conflict(`A project named "${input.name}" already exists`);
    const updated = await projects.updateByIdReturning(
      id,
      { ...(input.name !== undefined && { name: input.name }), ...(input.description !== undefined && { description: input.description }) },
      'Project',
    );
    this.notes.note({ details: { fields: Object.keys(input) } });
    return updated;
  }

  @Transactional()
  async setStatus(organizationId: string, id: string, status: ProjectStatus): Promise<Project> {
    const projects = this.data.repository(Project, organizationId);
    const project = await projects.getById(id, 'Project');
    let updated = project;
    if (project.status !== status) {
      updated = await projects.updateByIdReturning(id, { status }, 'Project');
      await this.events.emit({
        organizationId,
        type: `project.${status}`,
        resourceType: 'project',
        resourceId: id,
        data: { name: project.name },
      });
    }
    this.notes.note({ details: { from: project.status, to: status } });
    return updated;
  }

  /**
   * Registers what a context that hangs things off projects removes with one (code scanning: its
   * repositories). Inventory knows no such context; each registers itself.
   */
  onDelete(hook: ProjectDeletionHook): void {
    this.deletionHooks.push(hook);
  }

  /**
   * Only a project without environments: they (and what refers to them) go first, deliberately.
   * What hangs off the project in other contexts (repositories and their snapshots) goes with it.
   */
  @Transactional()
  async delete(organizationId: string, id: string): Promise<void> {
    const projects = this.data.repository(Project, organizationId);
    const project = await projects.lockById(id, 'Project');
    const environments = await this.data.repository(Environment, organizationId).count({ projectId: id });
    if (environments > 0) throw conflict(`The project still has ${environments} environment(s): delete them first`, { environments });
    for (const hook of this.deletionHooks) await hook(organizationId, id);
    await projects.delete({ id });
    this.notes.note({ details: { name: project.name } });
    await this.events.emit({
      organizationId,
      type: 'project.deleted',
      resourceType: 'project',
      resourceId: id,
      data: { name: project.name },
    });
  }
}
