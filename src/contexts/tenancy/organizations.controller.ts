import { Body, Controller, Get, Post } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { Audited } from '../../kernel/audit/audited.decorator.js';
import { CurrentPrincipal } from '../../kernel/auth/current-principal.decorator.js';
import type { Principal } from '../../kernel/auth/principal.js';
import { AnyPrincipal, RequirePermission } from '../../kernel/auth/require-permission.decorator.js';
import { UuidParam } from '../../kernel/http/params.js';
import { ApiCreated, ApiErrors, ApiOk } from '../../kernel/http/response.decorators.js';
import { CreateOrganizationDto, MemberDto, OrganizationDto } from './dto/organization.dto.js';
import { TeamDto } from './dto/team.dto.js';
import { OrganizationsService } from './organizations.service.js';
import { TeamsService } from './teams.service.js';
import { conflict, notFound } from '../../kernel/http/kernel.errors.js';

@ApiTags('Tenancy')
@Controller('api/v1/organizations')
export class OrganizationsController {
  constructor(
    private readonly organizations: OrganizationsService,
    private readonly teams: TeamsService,
  ) {}

  @Post()
  @AnyPrincipal('any user may create an organization; they become its owner')
  @Audited('organization.create', 'organization')
  @ApiOperation({
    summary: 'Create an organization',
    description: 'The calling user becomes its owner. Act in it with x-workspace-id. API keys cannot create organizations.',
  })
  @ApiCreated(OrganizationDto)
  @ApiErrors(conflict)
  async createOrganization(@CurrentPrincipal() principal: Principal, @Body() body: CreateOrganizationDto): Promise<OrganizationDto> {
    return OrganizationDto.from(await this.organizations.create(principal, body));
  }

  @Get(':id')
  @RequirePermission('organization.read')
  @ApiOperation({ summary: 'Get the organization', description: 'The organization the request acts in; any other id is 404.' })
  @ApiOk(OrganizationDto)
  @ApiErrors(notFound)
  async getOrganization(@CurrentPrincipal() principal: Principal, @UuidParam() id: string): Promise<OrganizationDto> {
    return OrganizationDto.from(await this.organizations.get(principal.organizationId, id));
  }

  @Get(':id/teams')
  @RequirePermission('team.read')
  @ApiOperation({
    summary: "The organization's teams",
    description:
      "The organization's teams, each with its member ids. The organization the request acts in (x-workspace-id picks another of yours); any other id is 404.",
  })
  @ApiOk(TeamDto, { isArray: true })
  @ApiErrors(notFound)
  async listOrganizationTeams(@CurrentPrincipal() principal: Principal, @UuidParam() id: string): Promise<TeamDto[]> {
    return (await this.teams.listForOrganization(principal.organizationId, id)).map(({ team, memberIds }) => TeamDto.from(team, memberIds));
  }

  @Get(':id/members')
  @RequirePermission('member.read')
  @ApiOperation({
    summary: "The organization's members",
    description:
      "The organization's members. The organization the request acts in (x-workspace-id picks another of yours); any other id is 404.",
  })
  @ApiOk(MemberDto, { isArray: true })
  @ApiErrors(notFound)
  listOrganizationMembers(@CurrentPrincipal() principal: Principal, @UuidParam() id: string): Promise<MemberDto[]> {
    return this.organizations.members(principal.organizationId, id);
  }
}
