import { Injectable } from '@nestjs/common';
import { Transactional } from '@nestjs-cls/transactional';
import { In } from 'typeorm';
import type { Principal } from '../../kernel/auth/principal.js';
import { AuditNotes } from '../../kernel/audit/audit-notes.js';
import { RequestContext } from '../../kernel/context/request-context.js';
import { EventOutbox } from '../../kernel/events/event-outbox.js';
import { notFound, validationFailed } from '../../kernel/http/kernel.errors.js';
import { createdWithin } from '../../kernel/pagination/created-window.js';
import { type Page, paginate, type PageQuery } from '../../kernel/pagination/page.js';
import { TenantData } from '../../kernel/tenancy/tenant-data.js';
import { ApprovalsService, type GateView, requesterOf } from '../approvals/index.js';
import type { CreateWorkflowRunDto, ListStepLogsQuery, ListWorkflowRunsQuery } from './dto/run.dto.js';
import { APPROVAL_SUBJECT, gateSubjectOf } from './engine/steps/approval.step.js';
import { RUN_RESOURCE, RunTransitions } from './engine/run-transitions.js';
import { runEvent } from './engine/step-events.js';
import { WorkflowDefinitionVersion } from './entities/workflow-definition-version.entity.js';
import { WorkflowRunStep } from './entities/workflow-run-step.entity.js';
import { WorkflowRun } from './entities/workflow-run.entity.js';
import { WorkflowStepArtifact } from './entities/workflow-step-artifact.entity.js';
import { WorkflowStepLog } from './entities/workflow-step-log.entity.js';
import { validateJson } from './json-schema.js';
import { WorkflowDefinitionsService } from './workflow-definitions.service.js';
import { notAwaitingApproval, unknownDefinition, unknownVersion } from './workflows.errors.js';

export interface RunView {
  run: WorkflowRun;
  steps: WorkflowRunStep[];
}

const SORTABLE = {
  createdAt: 'r.created_at',
  updatedAt: 'r.updated_at',
  startedAt: 'r.started_at',
  finishedAt: 'r.finished_at',
  status: 'r.status',
};

/**
 * Workflow runs as their users see them (seed 002's and 003's runs, seed 001's executions): create
 * one from a definition version, read it and its steps, and steer it. Every control locks the run
 * and goes through RunTransitions, as the engine does.
 */
@Injectable()
export class WorkflowRunsService {
  constructor(
    private readonly data: TenantData,
    private readonly definitions: WorkflowDefinitionsService,
    private readonly transitions: RunTransitions,
    private readonly approvals: ApprovalsService,
    private readonly events: EventOutbox,
    private readonly notes: AuditNotes,
    private readonly context: RequestContext,
  ) {}

  @Transactional()
  async create(organizationId: string, principal: Principal, input: CreateWorkflowRunDto): Promise<RunView> {
    const definition = await this.definitions.get(organizationId, input.definitionId).catch(() => {
      throw unknownDefinition();
    });
    const versionNumber = input.version ?? definition.version;
    const version = await this.data
      .repository(WorkflowDefinitionVersion, organizationId)
      .findOne({ definitionId: definition.id, version: versionNumber });
    if (!version) throw unknownVersion(versionNumber, definition.version);
    const inputs = input.inputs ?? {};
    if (version.inputSchema) {
      const errors = validateJson(version.inputSchema, inputs, 'inputs');
      if (errors.length) throw validationFailed(errors, "The inputs do not match the definition's input schema");
    }
    const run = await this.data.repository(WorkflowRun, organizationId).insert({
      definitionId: definition.id,
      definitionName: definition.name,
      definitionVersion: version.version,
      nodes: version.nodes,
      inputs,
      status: 'pending',
      createdBy: `${principal.type}:${principal.id}`,
      requestedBy: requesterOf(principal),
      correlationId: this.context.correlationId ?? null,
    });
    await this.transitions.createSteps(run);
    await this.events.emit(runEvent(run, 'created'));
    if (input.start !== false) await this.transitions.start(run);
    this.notes.note({
      resourceId: run.id,
      details: { definitionId: definition.id, version: version.version, started: input.start !== false },
    });
    return this.view(organizationId, run.id);
  }

  list(organizationId: string, query: ListWorkflowRunsQuery): Promise<Page<WorkflowRun>> {
    const qb = this.data.repository(WorkflowRun, organizationId).query('r');
    if (query.status?.length) qb.andWhere('r.status IN (:...status)', { status: query.status });
    if (query.definitionId) qb.andWhere('r.definition_id = :definitionId', { definitionId: query.definitionId });
    createdWithin(qb, 'r.created_at', query);
    if (query.q) qb.andWhere('r.definition_name ILIKE :q', { q: `%${query.q}%` });
    return paginate(qb, query, SORTABLE, '-createdAt');
  }

  /** The steps of a page of runs, by run id, each in its definition's node order. */
  async stepsByRun(organizationId: string, runs: WorkflowRun[]): Promise<Map<string, WorkflowRunStep[]>> {
    const steps = runs.length
      ? await this.data.repository(WorkflowRunStep, organizationId).find({ where: { runId: In(runs.map((r) => r.id)) } })
      : [];
    return new Map(
      runs.map((run) => {
        const order = new Map(run.nodes.map((n, i) => [n.id, i]));
        return [run.id, steps.filter((s) => s.runId === run.id).sort((a, b) => order.get(a.nodeId)! - order.get(b.nodeId)!)];
      }),
    );
  }

  async get(organizationId: string, id: string): Promise<WorkflowRun> {
    return this.data.repository(WorkflowRun, organizationId).getById(id, RUN_RESOURCE);
  }

  async view(organizationId: string, id: string): Promise<RunView> {
    const run = await this.get(organizationId, id);
    return { run, steps: await this.transitions.stepsOf(run) };
  }

  /** Each control: lock the run, change it, note it for the audit row, answer the run as it now is. */
  @Transactional()
  async control(
    organizationId: string,
    principal: Principal,
    id: string,
    action: 'start' | 'pause' | 'resume' | 'cancel' | 'retry',
  ): Promise<RunView & { retried?: string[] }> {
    const run = await this.transitions.lockRun(organizationId, id);
    const before = run.status;
    let retried: string[] | undefined;
    if (action === 'start') await this.transitions.start(run);
    else if (action === 'pause') await this.transitions.pause(run);
    else if (action === 'resume') await this.transitions.resume(run);
    else if (action === 'cancel') await this.transitions.cancel(run, `Cancelled by ${principal.type}:${principal.id}`);
    else retried = await this.transitions.retry(run);
    this.notes.note({ details: { from: before, to: run.status, ...(retried && { nodes: retried }) } });
    return { ...(await this.view(organizationId, id)), retried };
  }

  async steps(organizationId: string, id: string): Promise<WorkflowRunStep[]> {
    return (await this.view(organizationId, id)).steps;
  }

  async step(organizationId: string, id: string, nodeId: string): Promise<WorkflowRunStep> {
    await this.get(organizationId, id);
    const step = await this.data.repository(WorkflowRunStep, organizationId).findOne({ runId: id, nodeId });
    if (!step) throw notFound(`Step ${nodeId} of the workflow run`);
    return step;
  }

  async logs(organizationId: string, id: string, nodeId: string, query: ListStepLogsQuery): Promise<Page<WorkflowStepLog>> {
    await this.step(organizationId, id, nodeId);
    const qb = this.data
      .repository(WorkflowStepLog, organizationId)
      .query('l')
      .andWhere('l.run_id = :id AND l.node_id = :nodeId', { id, nodeId });
    if (query.attempt) qb.andWhere('l.attempt = :attempt', { attempt: query.attempt });
    return paginate(qb, query, { at: 'l.id' }, 'at');
  }

  async artifacts(organizationId: string, id: string, nodeId: string, query: PageQuery): Promise<Page<WorkflowStepArtifact>> {
    await this.step(organizationId, id, nodeId);
    const qb = this.data
      .repository(WorkflowStepArtifact, organizationId)
      .query('a')
      .andWhere('a.run_id = :id AND a.node_id = :nodeId', { id, nodeId });
    return paginate(qb, query, { createdAt: 'a.id', name: 'a.name' }, 'createdAt');
  }

  /**
   * An approver's decision on an approval step. The approval engine applies its rules (stages,
   * approvers, no self-approval); the step hears the outcome and the engine moves the run on.
   */
  async decide(
    organizationId: string,
    principal: Principal,
    id: string,
    nodeId: string,
    decision: 'approve' | 'reject',
    comment: string,
  ): Promise<GateView> {
    const step = await this.step(organizationId, id, nodeId);
    const subjectId = step.type === 'approval' && step.status === 'waiting' ? gateSubjectOf(step.externalRef) : null;
    if (!subjectId) throw notAwaitingApproval(`Step ${nodeId} is not waiting for an approval (it is a ${step.type} step, ${step.status})`);
    const view = await this.approvals.decide(
      organizationId,
      principal,
      APPROVAL_SUBJECT,
      subjectId,
      decision,
      comment,
      'Workflow step approval',
    );
    this.notes.note({ details: { nodeId, decision, stage: view.progress.currentStage } });
    return view;
  }
}
