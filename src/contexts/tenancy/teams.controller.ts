import { Body, Controller, Get, Post } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { Audited } from '../../kernel/audit/audited.decorator.js';
import { CurrentPrincipal } from '../../kernel/auth/current-principal.decorator.js';
import type { Principal } from '../../kernel/auth/principal.js';
import { RequirePermission } from '../../kernel/auth/require-permission.decorator.js';
import { UuidParam } from '../../kernel/http/params.js';
import { ApiCreated, ApiErrors, ApiOk } from '../../kernel/http/response.decorators.js';
import { CreateTeamDto, TeamDto } from './dto/team.dto.js';
import { TeamsService } from './teams.service.js';
import { conflict, notFound } from '../../kernel/http/kernel.errors.js';

@ApiTags('Tenancy')
@Controller('api/v1/teams')
export class TeamsController {
  constructor(private readonly teams: TeamsService) {}

  @Post()
  @RequirePermission('team.create')
  @Audited('team.create', 'team')
  @ApiOperation({ summary: 'Create a team', description: 'Optionally with members, who must belong to the organization.' })
  @ApiCreated(TeamDto)
  @ApiErrors(notFound, conflict)
  async createTeam(@CurrentPrincipal() principal: Principal, @Body() body: CreateTeamDto): Promise<TeamDto> {
    const { team, memberIds } = await this.teams.create(principal.organizationId, body);
    return TeamDto.from(team, memberIds);
  }

  @Get(':id')
  @RequirePermission('team.read')
  @ApiOperation({
    summary: 'Get a team with its members',
    description: "A team of the organization you act in, with its member ids. Another organization's team is 404.",
  })
  @ApiOk(TeamDto)
  @ApiErrors(notFound)
  async getTeam(@CurrentPrincipal() principal: Principal, @UuidParam() id: string): Promise<TeamDto> {
    const { team, memberIds } = await this.teams.get(principal.organizationId, id);
    return TeamDto.from(team, memberIds);
  }
}
