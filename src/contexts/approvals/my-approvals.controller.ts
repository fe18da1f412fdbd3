import { Controller, Get, Query } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal } from '../../kernel/auth/current-principal.decorator.js';
import type { Principal } from '../../kernel/auth/principal.js';
import { RequirePermission } from '../../kernel/auth/require-permission.decorator.js';
import { ApiErrors, ApiPage } from '../../kernel/http/response.decorators.js';
import { type Page, PageQuery } from '../../kernel/pagination/page.js';
import { ApprovalsService } from './approvals.service.js';
import { PendingApprovalDto } from './dto/approval.dto.js';
import { forbidden } from '../../kernel/http/kernel.errors.js';

@ApiTags('Approvals')
@Controller('api/v1/my/pending-approvals')
export class MyApprovalsController {
  constructor(private readonly approvals: ApprovalsService) {}

  @Get()
  @RequirePermission('approval.decide')
  @ApiOperation({
    summary: 'What I may approve now',
    description:
      "Pending requests, not your own, that you have not decided yet, whose open stage names you or a role you hold (organization-wide, or in the request's project or environment). Soonest to expire first.",
  })
  @ApiPage(PendingApprovalDto)
  @ApiErrors(forbidden)
  async listMyPendingApprovals(@CurrentPrincipal() principal: Principal, @Query() query: PageQuery): Promise<Page<PendingApprovalDto>> {
    return (await this.approvals.pendingFor(principal.organizationId, principal, query)).map(PendingApprovalDto.from);
  }
}
