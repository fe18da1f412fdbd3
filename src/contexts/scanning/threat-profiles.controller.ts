import { Body, Controller, Get, Put } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { Audited } from '../../kernel/audit/audited.decorator.js';
import { CurrentPrincipal } from '../../kernel/auth/current-principal.decorator.js';
import type { Principal } from '../../kernel/auth/principal.js';
import { RequirePermission } from '../../kernel/auth/require-permission.decorator.js';
import { conflict, notFound } from '../../kernel/http/kernel.errors.js';
import { UuidParam } from '../../kernel/http/params.js';
import { ApiErrors, ApiOk } from '../../kernel/http/response.decorators.js';
import { PutThreatProfileDto, ThreatProfileDto } from './dto/threat-profile.dto.js';
import { ThreatProfilesService } from './threat-profiles.service.js';

@ApiTags('Code repositories')
@Controller('api/v1/repositories/:id/threat-profile')
export class ThreatProfilesController {
  constructor(private readonly profiles: ThreatProfilesService) {}

  @Get()
  @RequirePermission('repository.read')
  @ApiOperation({
    summary: "A repository's threat profile",
    description: "The version in force: version 0 and empty lists before the first edit. Another organization's repository is 404.",
  })
  @ApiOk(ThreatProfileDto)
  @ApiErrors(notFound)
  async getThreatProfile(@CurrentPrincipal() principal: Principal, @UuidParam() id: string): Promise<ThreatProfileDto> {
    return ThreatProfileDto.from(id, await this.profiles.current(principal.organizationId, id));
  }

  @Put()
  @RequirePermission('repository.edit')
  @Audited('repository.threat_profile_update', 'repository')
  @ApiOperation({
    summary: "Create or replace a repository's threat profile",
    description:
      "The whole document (a list left out is empty) becomes the next version; earlier versions are kept. With `expectedVersion`, an edit based on an older version is 409 instead of overwriting the newer one. Audited. Another organization's repository is 404.",
  })
  @ApiOk(ThreatProfileDto)
  @ApiErrors(notFound, conflict)
  async putThreatProfile(
    @CurrentPrincipal() principal: Principal,
    @UuidParam() id: string,
    @Body() body: PutThreatProfileDto,
  ): Promise<ThreatProfileDto> {
    return ThreatProfileDto.from(id, await this.profiles.put(principal.organizationId, principal, id, body));
  }
}
