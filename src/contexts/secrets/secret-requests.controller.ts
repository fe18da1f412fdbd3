import { Body, Controller, Get, Header, Post, Query } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { Audited } from '../../kernel/audit/audited.decorator.js';
import { CurrentPrincipal } from '../../kernel/auth/current-principal.decorator.js';
import type { Principal } from '../../kernel/auth/principal.js';
import { RequirePermission } from '../../kernel/auth/require-permission.decorator.js';
import { UuidParam } from '../../kernel/http/params.js';
import { ApiCreated, ApiErrors, ApiOk, ApiPage } from '../../kernel/http/response.decorators.js';
import type { Page } from '../../kernel/pagination/page.js';
import { ApproveDto, RejectDto } from '../approvals/index.js';
import {
  CancelRequestDto,
  CreatePatchRequestDto,
  CreateReadRequestDto,
  ListSecretRequestsQuery,
  RetrievedValueDto,
  SecretRequestDto,
  WrapSummaryDto,
} from './dto/secret-request.dto.js';
import { SecretRequestsService } from './secret-requests.service.js';
import { SecretWrapsService } from './secret-wraps.service.js';
import { GITOPS_OFF, GitopsObservationDto } from '../integrations/index.js';
import { conflict, forbidden, gone, notFound } from '../../kernel/http/kernel.errors.js';
import {
  actorMismatch,
  approverMismatch,
  noAgentForCluster,
  notAPatch,
  notPatched,
  notReleased,
  notTheRequester,
  unknownSecret,
} from './secrets.errors.js';
import { alreadyDecided, noApprovalPolicy, notAnApprover, requestExpired, selfApprovalForbidden } from '../approvals/index.js';

const FLOW =
  'The policy that matches the secret (project, environment, cluster, ref) names the approval workflow. On the final approval a job goes to the agent of the ' +
  "secret's cluster. Unapproved, the request expires after the workflow's requestTtlSeconds (1 h by default).";

@ApiTags('Access requests')
@Controller('api/v1/requests')
export class SecretRequestsController {
  constructor(
    private readonly requests: SecretRequestsService,
    private readonly wraps: SecretWrapsService,
  ) {}

  @Post()
  @RequirePermission('secret_request.create')
  @Audited('secret_request.create', 'secret_request')
  @ApiOperation({
    summary: 'Ask to patch a secret',
    description: `The new value is sealed at once and only the agent ever opens it, once, after the final approval. ${FLOW}`,
  })
  @ApiCreated(SecretRequestDto)
  @ApiErrors(forbidden, unknownSecret, noAgentForCluster, noApprovalPolicy)
  async createPatchRequest(@CurrentPrincipal() principal: Principal, @Body() body: CreatePatchRequestDto): Promise<SecretRequestDto> {
    return SecretRequestDto.from(await this.requests.createPatch(principal.organizationId, principal, body));
  }

  @Post('read')
  @RequirePermission('secret_request.create')
  @Audited('secret_request.create', 'secret_request')
  @ApiOperation({
    summary: 'Ask to read a secret',
    description: `Approved, the agent fetches the value and only you retrieve it, once (GET /requests/{id}/wraps/{wrapId}). ${FLOW}`,
  })
  @ApiCreated(SecretRequestDto)
  @ApiErrors(forbidden, unknownSecret, noAgentForCluster, noApprovalPolicy)
  async createReadRequest(@CurrentPrincipal() principal: Principal, @Body() body: CreateReadRequestDto): Promise<SecretRequestDto> {
    return SecretRequestDto.from(await this.requests.createRead(principal.organizationId, principal, body));
  }

  @Get()
  @RequirePermission('secret_request.read')
  @ApiOperation({
    summary: 'List access requests',
    description: 'Filter by requesterId, status (one or several), kind and secretId; newest first by default.',
  })
  @ApiPage(SecretRequestDto)
  async listSecretRequests(
    @CurrentPrincipal() principal: Principal,
    @Query() query: ListSecretRequestsQuery,
  ): Promise<Page<SecretRequestDto>> {
    const page = await this.requests.list(principal.organizationId, query);
    const views = new Map((await this.requests.views(principal.organizationId, page.items)).map((v) => [v.request.id, v]));
    return page.map((r) => SecretRequestDto.from(views.get(r.id)!));
  }

  @Get(':id')
  @RequirePermission('secret_request.read')
  @ApiOperation({
    summary: 'An access request, with its approvals',
    description:
      "An access request with its approvals and its status. The secret's value never appears here. Another organization's request is 404.",
  })
  @ApiOk(SecretRequestDto)
  @ApiErrors(notFound)
  async getSecretRequest(@CurrentPrincipal() principal: Principal, @UuidParam() id: string): Promise<SecretRequestDto> {
    return SecretRequestDto.from(await this.requests.view(principal.organizationId, id));
  }

  @Post(':id/approve')
  @RequirePermission('approval.decide')
  @Audited('secret_request.approve', 'secret_request')
  @ApiOperation({
    summary: 'Approve an access request',
    description:
      'As the authenticated caller, in the stage now open, which must name you or a role you hold. Your own request: 422 SELF_APPROVAL_FORBIDDEN. ' +
      'Not named: 403 NOT_AN_APPROVER. Twice: 409 ALREADY_DECIDED. The Nth approval passes the stage; the last stage passing sends the job to the agent.',
  })
  @ApiOk(SecretRequestDto)
  @ApiErrors(forbidden, notAnApprover, notFound, conflict, alreadyDecided, requestExpired, approverMismatch, selfApprovalForbidden)
  async approveSecretRequest(
    @CurrentPrincipal() principal: Principal,
    @UuidParam() id: string,
    @Body() body: ApproveDto,
  ): Promise<SecretRequestDto> {
    return SecretRequestDto.from(
      await this.requests.decide(principal.organizationId, principal, id, 'approve', body.comment ?? '', body.approverId),
    );
  }

  @Post(':id/reject')
  @RequirePermission('approval.decide')
  @Audited('secret_request.reject', 'secret_request')
  @ApiOperation({
    summary: 'Reject an access request',
    description: 'With a reason. The first rejection decides the request; the same rules as approving apply.',
  })
  @ApiOk(SecretRequestDto)
  @ApiErrors(forbidden, notAnApprover, notFound, conflict, alreadyDecided, requestExpired, approverMismatch, selfApprovalForbidden)
  async rejectSecretRequest(
    @CurrentPrincipal() principal: Principal,
    @UuidParam() id: string,
    @Body() body: RejectDto,
  ): Promise<SecretRequestDto> {
    return SecretRequestDto.from(
      await this.requests.decide(principal.organizationId, principal, id, 'reject', body.reason, body.approverId),
    );
  }

  @Post(':id/cancel')
  @RequirePermission('secret_request.create')
  @Audited('secret_request.cancel', 'secret_request')
  @ApiOperation({
    summary: 'Withdraw your access request',
    description: "Only the requester, only while pending (409 after). A patch's sealed value is shredded.",
  })
  @ApiOk(SecretRequestDto)
  @ApiErrors(notTheRequester, notFound, conflict, actorMismatch)
  async cancelSecretRequest(
    @CurrentPrincipal() principal: Principal,
    @UuidParam() id: string,
    @Body() body: CancelRequestDto,
  ): Promise<SecretRequestDto> {
    return SecretRequestDto.from(await this.requests.cancel(principal.organizationId, principal, id, body.actorId));
  }

  @Get(':id/wraps')
  @RequirePermission('secret_request.create')
  @ApiOperation({
    summary: "A read request's values, without the values",
    description: 'For the requester only (403 otherwise): what there is to retrieve, until when, and what was retrieved.',
  })
  @ApiOk(WrapSummaryDto, { isArray: true })
  @ApiErrors(forbidden, notTheRequester, notFound)
  async listRequestWraps(@CurrentPrincipal() principal: Principal, @UuidParam() id: string): Promise<WrapSummaryDto[]> {
    const request = await this.requests.get(principal.organizationId, id);
    return (await this.wraps.listForRequester(principal.organizationId, principal, request)).map(WrapSummaryDto.from);
  }

  @Get(':id/wraps/:wrapId')
  @RequirePermission('secret_request.create')
  @Header('Cache-Control', 'no-store')
  @ApiOperation({
    summary: 'Retrieve the value, once',
    description:
      'For the requester only (403 otherwise). The first retrieval answers the value (sealed to your key if the request named one) and shreds it; every later one, and any after the wrap expired ' +
      '(15 min by default), is 410 GONE. Of concurrent retrievals exactly one succeeds. The retrieval is audited, never the value.',
  })
  @ApiOk(RetrievedValueDto)
  @ApiErrors(forbidden, notTheRequester, notFound, notReleased, gone)
  async retrieveRequestWrap(
    @CurrentPrincipal() principal: Principal,
    @UuidParam() id: string,
    @UuidParam('wrapId') wrapId: string,
  ): Promise<RetrievedValueDto> {
    const request = await this.requests.get(principal.organizationId, id);
    const { wrap, value, context } = await this.wraps.retrieveForRequester(principal.organizationId, principal, request, wrapId);
    try {
      return RetrievedValueDto.from(wrap, value, context);
    } finally {
      value.fill(0);
    }
  }

  @Get(':id/gitops')
  @RequirePermission('secret_request.read')
  @ApiOperation({
    summary: 'How the Argo CD applications using a patched secret are doing',
    description:
      'For a completed patch request: the live sync and health of every Argo CD application mapped to the secret (POST /gitops-app-mappings), ' +
      'asked now. An application that cannot be read is listed with its error. 409 before the patch completed, or for a read request. ' +
      GITOPS_OFF.sentence,
  })
  @ApiOk(GitopsObservationDto, { isArray: true })
  @ApiErrors(notFound, notAPatch, notPatched, GITOPS_OFF.response)
  async observeRequestGitops(@CurrentPrincipal() principal: Principal, @UuidParam() id: string): Promise<GitopsObservationDto[]> {
    // With GitOps off the module's GitopsFeatureGate answers 404 before this runs.
    return this.requests.observeGitops(principal.organizationId, id);
  }
}
