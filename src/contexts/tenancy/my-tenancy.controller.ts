import { Controller, Get } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal } from '../../kernel/auth/current-principal.decorator.js';
import type { Principal } from '../../kernel/auth/principal.js';
import { AnyPrincipal } from '../../kernel/auth/require-permission.decorator.js';
import { ApiOk } from '../../kernel/http/response.decorators.js';
import { OrganizationDto } from './dto/organization.dto.js';
import { TeamDto } from './dto/team.dto.js';
import { OrganizationsService } from './organizations.service.js';
import { TeamsService } from './teams.service.js';

@ApiTags('Tenancy')
@Controller('api/v1/me')
export class MyTenancyController {
  constructor(
    private readonly organizations: OrganizationsService,
    private readonly teams: TeamsService,
  ) {}

  @Get('organizations')
  @AnyPrincipal('a principal may always see where it belongs')
  @ApiOperation({
    summary: 'Your organizations',
    description: "A user's memberships (act in one with x-workspace-id); an API key's own organization.",
  })
  @ApiOk(OrganizationDto, { isArray: true })
  async listMyOrganizations(@CurrentPrincipal() principal: Principal): Promise<OrganizationDto[]> {
    return (await this.organizations.mine(principal)).map(OrganizationDto.from);
  }

  @Get('teams')
  @AnyPrincipal('a principal may always see where it belongs')
  @ApiOperation({
    summary: 'Your teams in the organization you act in',
    description: 'The teams of the organization you act in that you belong to.',
  })
  @ApiOk(TeamDto, { isArray: true })
  async listMyTeams(@CurrentPrincipal() principal: Principal): Promise<TeamDto[]> {
    return (await this.teams.mine(principal)).map(({ team, memberIds }) => TeamDto.from(team, memberIds));
  }
}
