import { Injectable } from '@nestjs/common';
import { Transactional } from '@nestjs-cls/transactional';
import type { Principal } from '../../kernel/auth/principal.js';
import { canonicalJson } from '../../kernel/audit/audit-chain.js';
import { AuditNotes } from '../../kernel/audit/audit-notes.js';
import { EventOutbox } from '../../kernel/events/event-outbox.js';
import { type FieldError } from '../../kernel/http/app-error.js';
import { conflict, validationFailed } from '../../kernel/http/kernel.errors.js';
import { type Page, paginate, type PageQuery } from '../../kernel/pagination/page.js';
import { TenantData } from '../../kernel/tenancy/tenant-data.js';
import { validateDefinitionGraph, type WorkflowNode } from './definition-graph.js';
import type { CreateWorkflowDefinitionDto, UpdateWorkflowDefinitionDto, WorkflowNodeInputDto } from './dto/definition.dto.js';
import { WorkflowDefinitionVersion } from './entities/workflow-definition-version.entity.js';
import { WorkflowDefinition } from './entities/workflow-definition.entity.js';
import { WorkflowRun } from './entities/workflow-run.entity.js';
import { ApprovalsService } from '../approvals/index.js';
import { In } from 'typeorm';

const RESOURCE = 'Workflow definition';

/** The nodes as stored: defaults filled in, dependencies without repeats. */
export function normalizeNodes(nodes: readonly WorkflowNodeInputDto[]): WorkflowNode[] {
  return nodes.map((n) => ({
    id: n.id,
    type: n.type,
    inputs: n.inputs ?? {},
    dependsOn: [...new Set(n.dependsOn ?? [])],
    retry: { maxAttempts: n.retry?.maxAttempts ?? 1, backoffSeconds: n.retry?.backoffSeconds ?? 0 },
    timeoutSeconds: n.timeoutSeconds ?? null,
  }));
}

/**
 * Workflow definitions (seed 002's templates, seed 003's definitions): versioned DAGs of steps.
 * A graph is checked whole before it is stored (400 with every problem at its node otherwise);
 * each change to the graph is a new version, and every version stays readable as it was.
 */
@Injectable()
export class WorkflowDefinitionsService {
  constructor(
    private readonly data: TenantData,
    private readonly notes: AuditNotes,
    private readonly events: EventOutbox,
    private readonly approvals: ApprovalsService,
  ) {}

  @Transactional()
  async create(organizationId: string, principal: Principal, input: CreateWorkflowDefinitionDto): Promise<WorkflowDefinition> {
    const definitions = this.data.repository(WorkflowDefinition, organizationId);
    const nodes = await this.checked(organizationId, normalizeNodes(input.nodes));
    if (await definitions.exists({ name: input.name })) throw conflict(`A workflow definition named "${input.name}" already exists`);
    const createdBy = `${principal.type}:${principal.id}`;
    const definition = await definitions.insert({
      name: input.name,
      description: input.description ?? '',
      version: 1,
      nodes,
      inputSchema: input.inputSchema ?? null,
      createdBy,
    });
    await this.data
      .repository(WorkflowDefinitionVersion, organizationId)
      .insert({ definitionId: definition.id, version: 1, nodes, inputSchema: definition.inputSchema, createdBy });
    this.notes.note({ resourceId: definition.id, details: { name: definition.name, version: 1, nodes: nodes.length } });
    await this.events.emit({
      organizationId,
      type: 'workflow_definition.created',
      resourceType: 'workflow_definition',
      resourceId: definition.id,
      data: { name: definition.name, version: 1 },
    });
    return definition;
  }

  list(organizationId: string, query: PageQuery): Promise<Page<WorkflowDefinition>> {
    const qb = this.data.repository(WorkflowDefinition, organizationId).query('d');
    if (query.q) qb.andWhere('(d.name ILIKE :q OR d.description ILIKE :q)', { q: `%${query.q}%` });
    return paginate(qb, query, { name: 'd.name', createdAt: 'd.created_at', updatedAt: 'd.updated_at', version: 'd.version' }, 'name');
  }

  get(organizationId: string, id: string): Promise<WorkflowDefinition> {
    return this.data.repository(WorkflowDefinition, organizationId).getById(id, RESOURCE);
  }

  /** Every version of a definition, newest first. */
  async versions(organizationId: string, id: string, query: PageQuery): Promise<Page<WorkflowDefinitionVersion>> {
    await this.get(organizationId, id);
    const qb = this.data.repository(WorkflowDefinitionVersion, organizationId).query('v').andWhere('v.definition_id = :id', { id });
    return paginate(qb, query, { version: 'v.version', createdAt: 'v.created_at' }, '-version');
  }

  @Transactional()
  async update(organizationId: string, principal: Principal, id: string, input: UpdateWorkflowDefinitionDto): Promise<WorkflowDefinition> {
    const definitions = this.data.repository(WorkflowDefinition, organizationId);
    const current = await definitions.getById(id, RESOURCE);
    if (input.name !== undefined && input.name !== current.name && (await definitions.exists({ name: input.name }))) {
      throw conflict(`A workflow definition named "${input.name}" already exists`);
    }
    const nodes = input.nodes ? await this.checked(organizationId, normalizeNodes(input.nodes)) : current.nodes;
    const inputSchema = input.inputSchema !== undefined ? input.inputSchema : current.inputSchema;
    // Compared with keys sorted: jsonb does not keep key order.
    const graphChanged =
      canonicalJson({ nodes, inputSchema }) !== canonicalJson({ nodes: current.nodes, inputSchema: current.inputSchema });
    const version = graphChanged ? current.version + 1 : current.version;
    const updated = await definitions.updateByIdReturning(
      id,
      {
        ...(input.name !== undefined && { name: input.name }),
        ...(input.description !== undefined && { description: input.description }),
        ...(graphChanged && { nodes, inputSchema, version }),
      },
      RESOURCE,
    );
    if (graphChanged) {
      await this.data
        .repository(WorkflowDefinitionVersion, organizationId)
        .insert({ definitionId: id, version, nodes, inputSchema, createdBy: `${principal.type}:${principal.id}` });
    }
    this.notes.note({ details: { fields: Object.keys(input), version } });
    await this.events.emit({
      organizationId,
      type: 'workflow_definition.updated',
      resourceType: 'workflow_definition',
      resourceId: id,
      data: { version, graphChanged },
    });
    return updated;
  }

  /**
   * A definition goes with its versions. Runs copied their graph, so finished ones stay readable
   * (their definitionId becomes null); while any run of it has not ended, it stays (409).
   */
  @Transactional()
  async delete(organizationId: string, id: string): Promise<void> {
    const definitions = this.data.repository(WorkflowDefinition, organizationId);
    const definition = await definitions.getById(id, RESOURCE);
    const active = await this.data
      .repository(WorkflowRun, organizationId)
      .count({ definitionId: id, status: In(['pending', 'running', 'paused']) });
    if (active)
      throw conflict(`${active} run(s) of this definition have not ended: cancel them or let them finish first`, { activeRuns: active });
    await definitions.delete({ id });
    this.notes.note({ details: { name: definition.name, version: definition.version } });
    await this.events.emit({
      organizationId,
      type: 'workflow_definition.deleted',
      resourceType: 'workflow_definition',
      resourceId: id,
      data: { name: definition.name },
    });
  }

  /** The problems of a definition's stored graph, or of a draft graph given instead. */
  async validate(organizationId: string, id: string, draft?: readonly WorkflowNodeInputDto[]): Promise<FieldError[]> {
    const definition = await this.get(organizationId, id);
    return this.problems(organizationId, draft ? normalizeNodes(draft) : definition.nodes);
  }

  private async checked(organizationId: string, nodes: WorkflowNode[]): Promise<WorkflowNode[]> {
    const errors = await this.problems(organizationId, nodes);
    if (errors.length) throw validationFailed(errors, 'The workflow definition is not valid');
    return nodes;
  }

  /** The graph's problems, and approval steps naming an approval workflow this organization does not have. */
  private async problems(organizationId: string, nodes: WorkflowNode[]): Promise<FieldError[]> {
    const errors = validateDefinitionGraph(nodes);
    for (const [i, node] of nodes.entries()) {
      const workflowId = node.type === 'approval' ? node.inputs.workflowId : undefined;
      if (typeof workflowId !== 'string' || errors.some((e) => e.field.startsWith(`nodes[${i}].inputs`))) continue;
      if (!(await this.approvals.hasWorkflow(organizationId, workflowId))) {
        errors.push({
          field: `nodes[${i}].inputs.workflowId`,
          message: `"${workflowId}" is not an approval workflow of this organization (GET /api/v1/workflows)`,
          code: 'UNKNOWN_APPROVAL_WORKFLOW',
        });
      }
    }
    return errors;
  }
}
