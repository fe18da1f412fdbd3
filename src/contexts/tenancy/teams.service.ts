import { Injectable } from '@nestjs/common';
import { Transactional } from '@nestjs-cls/transactional';
import { In } from 'typeorm';
import { AuditNotes } from '../../kernel/audit/audit-notes.js';
import type { Principal } from '../../kernel/auth/principal.js';
import { conflict, notFound } from '../../kernel/http/kernel.errors.js';
import { TenantData } from '../../kernel/tenancy/tenant-data.js';
import type { CreateTeamDto } from './dto/team.dto.js';
import { Team, TeamMember } from './entities/team.entity.js';
import { Membership } from './entities/membership.entity.js';

export interface TeamWithMembers {
  team: Team;
  memberIds: string[];
}

@Injectable()
export class TeamsService {
  constructor(
    private readonly data: TenantData,
    private readonly notes: AuditNotes,
  ) {}

  @Transactional()
  async create(organizationId: string, input: CreateTeamDto): Promise<TeamWithMembers> {
    const teams = this.data.repository(Team, organizationId);
    if (await teams.exists({ name: input.name })) throw conflict(`A team named "${input.name}" already exists`);
    const memberIds = [...new Set(input.memberIds ?? [])];
    if (memberIds.length) {
      const members = await this.data.repository(Membership, organizationId).count({ userId: In(memberIds) });
      if (members !== memberIds.length) throw notFound('User');
    }
    const team = await teams.insert({ name: input.name, description: input.description ?? '' });
    const teamMembers = this.data.repository(TeamMember, organizationId);
    for (const userId of memberIds) await teamMembers.insert({ teamId: team.id, userId });
    this.notes.note({ details: { name: team.name, members: memberIds.length } });
    return { team, memberIds };
  }

  async get(organizationId: string, id: string): Promise<TeamWithMembers> {
    const team = await this.data.repository(Team, organizationId).getById(id, 'Team');
    return (await this.withMembers(organizationId, [team]))[0];
  }

  async listForOrganization(organizationId: string, id: string): Promise<TeamWithMembers[]> {
    if (id !== organizationId) throw notFound('Organization');
    const teams = await this.data.repository(Team, organizationId).find({ order: { name: 'ASC' } });
    return this.withMembers(organizationId, teams);
  }

  /** The teams of the organization the caller belongs to (for a key: its user's). */
  async mine(principal: Principal): Promise<TeamWithMembers[]> {
    const userId = principal.type === 'user' ? principal.id : principal.onBehalfOf;
    if (!userId) return [];
    const mine = await this.data.repository(TeamMember, principal.organizationId).find({ where: { userId } });
    if (!mine.length) return [];
    const teams = await this.data
      .repository(Team, principal.organizationId)
      .find({ where: { id: In(mine.map((m) => m.teamId)) }, order: { name: 'ASC' } });
    return this.withMembers(principal.organizationId, teams);
  }

  private async withMembers(organizationId: string, teams: Team[]): Promise<TeamWithMembers[]> {
    if (!teams.length) return [];
    const members = await this.data
      .repository(TeamMember, organizationId)
      .find({ where: { teamId: In(teams.map((t) => t.id)) }, order: { createdAt: 'ASC' } });
    return teams.map((team) => ({ team, memberIds: members.filter((m) => m.teamId === team.id).map((m) => m.userId) }));
  }
}
