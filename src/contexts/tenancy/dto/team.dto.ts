import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMaxSize, IsArray, IsString, IsUUID, Length, MaxLength } from 'class-validator';
import { IsOmittable } from '../../../kernel/http/validators.js';
import type { Team } from '../entities/team.entity.js';

export class TeamDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid' }) organizationId!: string;
  @ApiProperty({ example: 'Platform on-call' }) name!: string;
  @ApiProperty() description!: string;
  @ApiProperty({ type: [String], format: 'uuid', description: 'Member user ids' }) memberIds!: string[];
  @ApiProperty({ format: 'date-time' }) createdAt!: string;

  static from(team: Team, memberIds: string[]): TeamDto {
    return {
      id: team.id,
      organizationId: team.organizationId,
      name: team.name,
      description: team.description,
      memberIds,
      createdAt: team.createdAt.toISOString(),
    };
  }
}

export class CreateTeamDto {
  @ApiProperty({ example: 'Platform on-call', maxLength: 100 })
  @IsString()
  @Length(1, 100)
  name!: string;

  @ApiPropertyOptional({ maxLength: 500 })
  @IsOmittable()
  @IsString()
  @MaxLength(500)
  description?: string;

  @ApiPropertyOptional({ type: [String], format: 'uuid', description: 'Members of the organization to put in the team' })
  @IsOmittable()
  @IsArray()
  @ArrayMaxSize(500)
  @IsUUID('all', { each: true })
  memberIds?: string[];
}
