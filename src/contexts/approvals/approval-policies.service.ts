import { Injectable } from '@nestjs/common';
import { Transactional } from '@nestjs-cls/transactional';
import { AuditNotes } from '../../kernel/audit/audit-notes.js';
import { EventOutbox } from '../../kernel/events/event-outbox.js';
import { conflict } from '../../kernel/http/kernel.errors.js';
import { type Page, paginate } from '../../kernel/pagination/page.js';
import { TenantData } from '../../kernel/tenancy/tenant-data.js';
import { EnvironmentsService, ProjectsService } from '../inventory/index.js';
import { globMatches } from './approval-progress.js';
import type { CreateApprovalPolicyDto, ListApprovalPoliciesQuery, UpdateApprovalPolicyDto } from './dto/policy.dto.js';
import { ApprovalPolicy } from './entities/approval-policy.entity.js';
import { ApprovalWorkflow } from './entities/approval-workflow.entity.js';
import { defaultPolicyHasCriteria, noApprovalPolicy, unknownProject, unknownWorkflow } from './approvals.errors.js';

/** What a policy is matched against: where the subject of an approval lives. */
export interface PolicySubject {
  projectId: string | null;
  environmentId: string | null;
  clusterName: string | null;
  ref: string | null;
}

const CRITERIA = ['projectId', 'environmentId', 'clusterName', 'refPattern'] as const;
const criteriaCount = (p: ApprovalPolicy) => CRITERIA.filter((c) => p[c] !== null).length;

/** Approval policies: which workflow decides which request. */
@Injectable()
export class ApprovalPoliciesService {
  constructor(
    private readonly data: TenantData,
    private readonly projects: ProjectsService,
    private readonly environments: EnvironmentsService,
    private readonly notes: AuditNotes,
    private readonly events: EventOutbox,
  ) {}

  @Transactional()
  async create(organizationId: string, input: CreateApprovalPolicyDto): Promise<ApprovalPolicy> {
    const policies = this.data.repository(ApprovalPolicy, organizationId);
    if (await policies.exists({ name: input.name })) throw conflict(`A policy named "${input.name}" already exists`);
    const values = {
      projectId: input.projectId ?? null,
      environmentId: input.environmentId ?? null,
      clusterName: input.clusterName ?? null,
      refPattern: input.refPattern ?? null,
    };
    await this.checkReferences(organizationId, { ...values, workflowId: input.workflowId, isDefault: input.isDefault ?? false });
    const policy = await policies.insert({
      name: input.name,
      description: input.description ?? '',
      workflowId: input.workflowId,
      priority: input.priority ?? 100,
      isDefault: input.isDefault ?? false,
      ...values,
    });
    this.notes.note({ resourceId: policy.id, details: { name: policy.name, workflowId: policy.workflowId, isDefault: policy.isDefault } });
    await this.events.emit({
      organizationId: organizationId,
      type: 'approval_policy.created',
      resourceType: 'approval_policy',
      resourceId: policy.id,
      data: { name: policy.name, workflowId: policy.workflowId },
    });
    return policy;
  }

  list(organizationId: string, query: ListApprovalPoliciesQuery): Promise<Page<ApprovalPolicy>> {
    const qb = this.data.repository(ApprovalPolicy, organizationId).query('p');
    if (query.workflowId) qb.andWhere('p.workflow_id = :workflowId', { workflowId: query.workflowId });
    if (query.q) qb.andWhere('p.name ILIKE :q', { q: `%${query.q}%` });
    return paginate(qb, query, { priority: 'p.priority', name: 'p.name', createdAt: 'p.created_at' }, 'priority');
  }

  get(organizationId: string, id: string): Promise<ApprovalPolicy> {
    return this.data.repository(ApprovalPolicy, organizationId).getById(id, 'Policy');
  }

  async update(organizationId: string, id: string, input: UpdateApprovalPolicyDto): Promise<ApprovalPolicy> {
    const policies = this.data.repository(ApprovalPolicy, organizationId);
    const policy = await policies.getById(id, 'Policy');
    if (input.name && input.name !== policy.name && (await policies.exists({ name: input.name })))
      throw conflict(`A policy named "${input.name}" already exists`);
    const next = { ...policy, ...Object.fromEntries(Object.entries(input).filter(([, v]) => v !== undefined)) } as ApprovalPolicy;
    await this.checkReferences(organizationId, next, id);
    const updated = await policies.updateByIdReturning(
      id,
      {
        name: next.name,
        description: next.description,
        workflowId: next.workflowId,
        priority: next.priority,
        isDefault: next.isDefault,
        projectId: next.projectId,
        environmentId: next.environmentId,
        clusterName: next.clusterName,
        refPattern: next.refPattern,
      },
      'Policy',
    );
    this.notes.note({ details: { fields: Object.keys(input) } });
    return updated;
  }

  @Transactional()
  async delete(organizationId: string, id: string): Promise<void> {
    const policies = this.data.repository(ApprovalPolicy, organizationId);
    const policy = await policies.getById(id, 'Policy');
    await policies.delete({ id });
    this.notes.note({ details: { name: policy.name } });
    await this.events.emit({
      organizationId,
      type: 'approval_policy.deleted',
      resourceType: 'approval_policy',
      resourceId: id,
      data: { name: policy.name },
    });
  }

  /**
   * The policy that decides a subject, with its workflow: among those whose every criterion
   * matches, the lowest priority, then the most specific, then the oldest; else the default.
   * None at all is 422 NO_APPROVAL_POLICY: nothing is released without someone deciding how.
   */
  async match(organizationId: string, subject: PolicySubject): Promise<{ policy: ApprovalPolicy; workflow: ApprovalWorkflow }> {
    const all = await this.data.repository(ApprovalPolicy, organizationId).find();
    const matches = (p: ApprovalPolicy) =>
      (p.projectId === null || p.projectId === subject.projectId) &&
      (p.environmentId === null || p.environmentId === subject.environmentId) &&
      (p.clusterName === null || p.clusterName === subject.clusterName) &&
      (p.refPattern === null || (subject.ref !== null && globMatches(p.refPattern, subject.ref)));
    const [policy] = all
      .filter((p) => !p.isDefault && matches(p))
      .sort((a, b) => a.priority - b.priority || criteriaCount(b) - criteriaCount(a) || a.createdAt.getTime() - b.createdAt.getTime());
    const chosen = policy ?? all.find((p) => p.isDefault);
    if (!chosen) throw noApprovalPolicy();
    const workflow = await this.data.repository(ApprovalWorkflow, organizationId).getById(chosen.workflowId, 'Approval workflow');
    return { policy: chosen, workflow };
  }

  /** The workflow, project and environment exist here; a default policy has no criteria, and is the only default. */
  private async checkReferences(
    organizationId: string,
    p: {
      workflowId: string;
      isDefault: boolean;
      projectId: string | null;
      environmentId: string | null;
      clusterName: string | null;
      refPattern: string | null;
    },
    id?: string,
  ): Promise<void> {
    if (!(await this.data.repository(ApprovalWorkflow, organizationId).exists({ id: p.workflowId }))) throw unknownWorkflow();
    if (p.projectId && !(await this.projects.get(organizationId, p.projectId).catch(() => null))) throw unknownProject();
    if (p.environmentId) await this.environments.assertExists(organizationId, p.environmentId);
    if (p.isDefault) {
      if (CRITERIA.some((c) => p[c] !== null)) throw defaultPolicyHasCriteria();
      const existing = await this.data.repository(ApprovalPolicy, organizationId).findOne({ isDefault: true });
      if (existing && existing.id !== id) throw conflict('The organization already has a default policy', { policyId: existing.id });
    }
  }
}
