import { Injectable } from '@nestjs/common';
import { Transactional } from '@nestjs-cls/transactional';
import type { Principal } from '../../kernel/auth/principal.js';
import { AuditNotes } from '../../kernel/audit/audit-notes.js';
import { MembershipDirectory } from '../../kernel/auth/membership-directory.js';
import { EventOutbox } from '../../kernel/events/event-outbox.js';
import { type FieldError } from '../../kernel/http/app-error.js';
import { conflict, validationFailed } from '../../kernel/http/kernel.errors.js';
import { type Page, paginate, type PageQuery } from '../../kernel/pagination/page.js';
import { TenantData } from '../../kernel/tenancy/tenant-data.js';
import { AccessService } from '../access/index.js';
import type { ApprovalStageDto, CreateApprovalWorkflowDto, UpdateApprovalWorkflowDto } from './dto/workflow.dto.js';
import { ApprovalPolicy } from './entities/approval-policy.entity.js';
import { type ApprovalStage, ApprovalWorkflow } from './entities/approval-workflow.entity.js';
import { unsatisfiableStage } from './approvals.errors.js';

/** Approval workflows: who must approve, in which order, and for how long approvals count. */
@Injectable()
export class ApprovalWorkflowsService {
  constructor(
    private readonly data: TenantData,
    private readonly access: AccessService,
    private readonly memberships: MembershipDirectory,
    private readonly notes: AuditNotes,
    private readonly events: EventOutbox,
  ) {}

  @Transactional()
  async create(organizationId: string, principal: Principal, input: CreateApprovalWorkflowDto): Promise<ApprovalWorkflow> {
    const workflows = this.data.repository(ApprovalWorkflow, organizationId);
    if (await workflows.exists({ name: input.name })) throw conflict(`An approval workflow named "${input.name}" already exists`);
    const stages = await this.checkStages(organizationId, input.stages);
    const workflow = await workflows.insert({
      name: input.name,
      description: input.description ?? '',
      stages,
      approvalTtlSeconds: input.approvalTtlSeconds ?? 3600,
      requestTtlSeconds: input.requestTtlSeconds ?? 3600,
      createdBy: `${principal.type}:${principal.id}`,
    });
    this.notes.note({ resourceId: workflow.id, details: { name: workflow.name, stages: stages.length } });
    await this.events.emit({
      organizationId,
      type: 'approval_workflow.created',
      resourceType: 'approval_workflow',
      resourceId: workflow.id,
      data: { name: workflow.name },
    });
    return workflow;
  }

  list(organizationId: string, query: PageQuery): Promise<Page<ApprovalWorkflow>> {
    const qb = this.data.repository(ApprovalWorkflow, organizationId).query('w');
    if (query.q) qb.andWhere('w.name ILIKE :q', { q: `%${query.q}%` });
    return paginate(qb, query, { name: 'w.name', createdAt: 'w.created_at', updatedAt: 'w.updated_at' }, 'name');
  }

  get(organizationId: string, id: string): Promise<ApprovalWorkflow> {
    return this.data.repository(ApprovalWorkflow, organizationId).getById(id, 'Approval workflow');
  }

  async update(organizationId: string, id: string, input: UpdateApprovalWorkflowDto): Promise<ApprovalWorkflow> {
    const workflows = this.data.repository(ApprovalWorkflow, organizationId);
    const workflow = await workflows.getById(id, 'Approval workflow');
    if (input.name && input.name !== workflow.name && (await workflows.exists({ name: input.name })))
      throw conflict(`An approval workflow named "${input.name}" already exists`);
    const stages = input.stages ? await this.checkStages(organizationId, input.stages) : undefined;
    const updated = await workflows.updateByIdReturning(
      id,
      {
        ...(input.name !== undefined && { name: input.name }),
        ...(input.description !== undefined && { description: input.description }),
        ...(stages && { stages }),
        ...(input.approvalTtlSeconds !== undefined && { approvalTtlSeconds: input.approvalTtlSeconds }),
        ...(input.requestTtlSeconds !== undefined && { requestTtlSeconds: input.requestTtlSeconds }),
      },
      'Approval workflow',
    );
    this.notes.note({ details: { fields: Object.keys(input) } });
    return updated;
  }

  /** Requests already open keep the stages they opened with; a workflow a policy uses cannot go. */
  @Transactional()
  async delete(organizationId: string, id: string): Promise<void> {
    const workflows = this.data.repository(ApprovalWorkflow, organizationId);
    const workflow = await workflows.getById(id, 'Approval workflow');
    const policies = await this.data.repository(ApprovalPolicy, organizationId).find({ where: { workflowId: id } });
    if (policies.length)
      throw conflict('Policies still use this workflow: point them elsewhere first', { policyIds: policies.map((p) => p.id) });
    await workflows.delete({ id });
    this.notes.note({ details: { name: workflow.name } });
    await this.events.emit({
      organizationId,
      type: 'approval_workflow.deleted',
      resourceType: 'approval_workflow',
      resourceId: id,
      data: { name: workflow.name },
    });
  }

  /**
   * Every stage names approvers that exist in this organization (its roles, the system ones, its
   * members), and can be satisfied: a stage of named users alone needs no more approvals than names.
   */
  private async checkStages(organizationId: string, stages: ApprovalStageDto[]): Promise<ApprovalStage[]> {
    const errors: FieldError[] = [];
    const roles = new Set(
      (
        await this.access.findVisibleRoles(
          organizationId,
          stages.flatMap((s) => s.roleIds),
        )
      ).map((r) => r.id),
    );
    for (const [i, stage] of stages.entries()) {
      if (stage.roleIds.length === 0 && stage.userIds.length === 0)
        errors.push({ field: `stages[${i}]`, message: 'a stage names at least one role or user', code: 'NO_APPROVERS' });
      stage.roleIds.forEach(
        (id, j) =>
          roles.has(id) ||
          errors.push({ field: `stages[${i}].roleIds[${j}]`, message: `${id} is not a role of this organization`, code: 'UNKNOWN_ROLE' }),
      );
      for (const [j, id] of stage.userIds.entries()) {
        if (!(await this.memberships.isMember(organizationId, id)))
          errors.push({ field: `stages[${i}].userIds[${j}]`, message: `${id} is not a member of this organization`, code: 'UNKNOWN_USER' });
      }
    }
    if (errors.length) throw validationFailed(errors);
    const unsatisfiable = stages.findIndex((s) => s.roleIds.length === 0 && new Set(s.userIds).size < s.requiredApprovals);
    if (unsatisfiable !== -1) throw unsatisfiableStage(unsatisfiable);
    return stages.map((s) => ({
      name: s.name,
      requiredApprovals: s.requiredApprovals,
      roleIds: [...new Set(s.roleIds)],
      userIds: [...new Set(s.userIds)],
    }));
  }
}
