import { Body, Controller, Delete, Get, Post, Put, Query } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { Audited } from '../../kernel/audit/audited.decorator.js';
import { CurrentPrincipal } from '../../kernel/auth/current-principal.decorator.js';
import type { Principal } from '../../kernel/auth/principal.js';
import { RequirePermission } from '../../kernel/auth/require-permission.decorator.js';
import { UuidParam } from '../../kernel/http/params.js';
import { ApiCreated, ApiErrors, ApiNoContent, ApiOk, ApiPage } from '../../kernel/http/response.decorators.js';
import type { Page } from '../../kernel/pagination/page.js';
import { ApprovalPoliciesService } from './approval-policies.service.js';
import { ApprovalPolicyDto, CreateApprovalPolicyDto, ListApprovalPoliciesQuery, UpdateApprovalPolicyDto } from './dto/policy.dto.js';
import { conflict, notFound } from '../../kernel/http/kernel.errors.js';
import { defaultPolicyHasCriteria, unknownProject, unknownWorkflow } from './approvals.errors.js';
import { unknownEnvironment } from '../inventory/index.js';

/** What a policy's references and criteria are refused with. */
const POLICY_RULES = [unknownWorkflow, unknownProject, unknownEnvironment, defaultPolicyHasCriteria];

const MATCHING =
  'A request is decided by the workflow of the policy that matches it: every criterion a policy sets (project, environment, cluster, ref glob) must match; ' +
  'among matching policies the lowest priority wins, then the most specific. The default policy catches the rest; with none, requests are refused (422 NO_APPROVAL_POLICY).';

@ApiTags('Approval policies')
@Controller('api/v1/policies')
export class ApprovalPoliciesController {
  constructor(private readonly policies: ApprovalPoliciesService) {}

  @Post()
  @RequirePermission('approval_policy.edit')
  @Audited('approval_policy.create', 'approval_policy')
  @ApiOperation({ summary: 'Create an approval policy', description: MATCHING })
  @ApiCreated(ApprovalPolicyDto)
  @ApiErrors(conflict, ...POLICY_RULES)
  async createApprovalPolicy(@CurrentPrincipal() principal: Principal, @Body() body: CreateApprovalPolicyDto): Promise<ApprovalPolicyDto> {
    return ApprovalPolicyDto.from(await this.policies.create(principal.organizationId, body));
  }

  @Get()
  @RequirePermission('approval_policy.read')
  @ApiOperation({ summary: 'List approval policies', description: 'By priority, lowest first.' })
  @ApiPage(ApprovalPolicyDto)
  async listApprovalPolicies(
    @CurrentPrincipal() principal: Principal,
    @Query() query: ListApprovalPoliciesQuery,
  ): Promise<Page<ApprovalPolicyDto>> {
    return (await this.policies.list(principal.organizationId, query)).map(ApprovalPolicyDto.from);
  }

  @Get(':id')
  @RequirePermission('approval_policy.read')
  @ApiOperation({
    summary: 'An approval policy',
    description:
      "An approval policy: what it matches (project, environment, cluster, ref pattern), its priority and the approval workflow it requires. Another organization's policy is 404.",
  })
  @ApiOk(ApprovalPolicyDto)
  @ApiErrors(notFound)
  async getApprovalPolicy(@CurrentPrincipal() principal: Principal, @UuidParam() id: string): Promise<ApprovalPolicyDto> {
    return ApprovalPolicyDto.from(await this.policies.get(principal.organizationId, id));
  }

  @Put(':id')
  @RequirePermission('approval_policy.edit')
  @Audited('approval_policy.update', 'approval_policy')
  @ApiOperation({ summary: 'Edit an approval policy', description: 'Requests already awaiting approval keep their workflow.' })
  @ApiOk(ApprovalPolicyDto)
  @ApiErrors(notFound, conflict, ...POLICY_RULES)
  async updateApprovalPolicy(
    @CurrentPrincipal() principal: Principal,
    @UuidParam() id: string,
    @Body() body: UpdateApprovalPolicyDto,
  ): Promise<ApprovalPolicyDto> {
    return ApprovalPolicyDto.from(await this.policies.update(principal.organizationId, id, body));
  }

  @Delete(':id')
  @RequirePermission('approval_policy.edit')
  @Audited('approval_policy.delete', 'approval_policy')
  @ApiOperation({
    summary: 'Delete an approval policy',
    description:
      "Deletes an approval policy, so new requests are matched by the policies that remain. Audited. Another organization's policy is 404.",
  })
  @ApiNoContent()
  @ApiErrors(notFound)
  async deleteApprovalPolicy(@CurrentPrincipal() principal: Principal, @UuidParam() id: string): Promise<void> {
    await this.policies.delete(principal.organizationId, id);
  }
}
