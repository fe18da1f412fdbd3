import { Body, Controller, Post } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { NotAudited } from '../../kernel/audit/audited.decorator.js';
import { CurrentPrincipal } from '../../kernel/auth/current-principal.decorator.js';
import type { Principal } from '../../kernel/auth/principal.js';
import { AnyPrincipal } from '../../kernel/auth/require-permission.decorator.js';
import { ApiErrors, ApiOk } from '../../kernel/http/response.decorators.js';
import { AuthzService } from './authz.service.js';
import { AuthzBatchDto, AuthzBatchResultDto, AuthzCheckDto, AuthzDecisionDto } from './dto/authz.dto.js';
import { notFound } from '../../kernel/http/kernel.errors.js';

@ApiTags('Access')
@Controller('api/v1/authz')
export class AuthzController {
  constructor(private readonly authz: AuthzService) {}

  @Post('check')
  @AnyPrincipal('checking your own permissions needs none; checking another member needs authz.check')
  @NotAudited('a read over POST: it decides and changes nothing')
  @ApiOperation({
    summary: 'Check one permission',
    description: 'For yourself, or (with authz.check) for another member; optionally within a project or environment.',
  })
  @ApiOk(AuthzDecisionDto)
  @ApiErrors(notFound)
  async checkPermission(@CurrentPrincipal() principal: Principal, @Body() body: AuthzCheckDto): Promise<AuthzDecisionDto> {
    const [decision] = await this.authz.checkAll(principal, [body], false);
    return decision;
  }

  @Post('check-batch')
  @AnyPrincipal('checking your own permissions needs none; checking another member needs authz.check')
  @NotAudited('a read over POST: it decides and changes nothing')
  @ApiOperation({ summary: 'Check up to 100 permissions at once', description: 'Decisions come back in the order of the checks.' })
  @ApiOk(AuthzBatchResultDto)
  @ApiErrors(notFound)
  async checkPermissions(@CurrentPrincipal() principal: Principal, @Body() body: AuthzBatchDto): Promise<AuthzBatchResultDto> {
    return { results: await this.authz.checkAll(principal, body.checks, true) };
  }
}
