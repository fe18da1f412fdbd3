import { Controller, Get, Query } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal } from '../../kernel/auth/current-principal.decorator.js';
import type { Principal } from '../../kernel/auth/principal.js';
import { RequirePermission } from '../../kernel/auth/require-permission.decorator.js';
import { ApiPage } from '../../kernel/http/response.decorators.js';
import type { Page } from '../../kernel/pagination/page.js';
import { CredentialsService } from './credentials.service.js';
import { CredentialDto, ListCredentialsQuery } from './dto/credential.dto.js';

@ApiTags('Agent runtime')
@Controller('api/v1/audit-credentials')
export class CredentialsController {
  constructor(private readonly credentials: CredentialsService) {}

  @Get()
  @RequirePermission('credential.read')
  @ApiOperation({
    summary: "Audit the organization's credentials",
    description:
      'API keys, agent secrets and enrollment tokens with creation, last use, expiry and state; never a secret. Sort by createdAt, lastUsedAt, expiresAt, name, kind or state.',
  })
  @ApiPage(CredentialDto, { cursor: false })
  listAuditCredentials(@CurrentPrincipal() principal: Principal, @Query() query: ListCredentialsQuery): Promise<Page<CredentialDto>> {
    return this.credentials.list(principal.organizationId, query);
  }
}
