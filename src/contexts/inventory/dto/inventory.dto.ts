import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMaxSize, IsArray, IsIn, IsObject, IsString, IsUUID, Length, Matches, MaxLength } from 'class-validator';
import { CLUSTER_NAME, IsLabelMap, IsOmittable, MatchesPattern } from '../../../kernel/http/validators.js';
import { PageQuery } from '../../../kernel/pagination/page.js';
import type { Environment, EnvironmentTier } from '../entities/environment.entity.js';
import type { FreezeWindow } from '../entities/freeze-window.entity.js';
import type { Project, ProjectStatus } from '../entities/project.entity.js';

const TIERS: EnvironmentTier[] = ['development', 'testing', 'staging', 'production', 'other'];
const LOCAL_TIME = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])T([01]\d|2[0-3]):[0-5]\d(:[0-5]\d)?$/;

export class ProjectDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ example: 'Payments' }) name!: string;
  @ApiProperty({ example: 'payments' }) slug!: string;
  @ApiProperty() description!: string;
  @ApiProperty({ enum: ['active', 'archived'] }) status!: ProjectStatus;
  @ApiProperty({ type: String, nullable: true, description: 'principal type and id of its creator' }) createdBy!: string | null;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
  @ApiProperty({ format: 'date-time' }) updatedAt!: string;

  static from(p: Project): ProjectDto {
    return {
      id: p.id,
      name: p.name,
      slug: p.slug,
      description: p.description,
      status: p.status,
      createdBy: p.createdBy,
      createdAt: p.createdAt.toISOString(),
      updatedAt: p.updatedAt.toISOString(),
    };
  }
}

export class CreateProjectDto {
  @ApiProperty({ example: 'Payments', maxLength: 100 })
  @IsString()
  @Length(1, 100)
  name!: string;

  @ApiPropertyOptional({ example: 'payments', description: 'Lower-case letters, digits and dashes; from the name when omitted' })
  @IsOmittable()
  @Matches(/^[a-z0-9]([a-z0-9-]{0,62}[a-z0-9])?$/, { message: 'slug must be lower-case letters, digits and dashes (1–64)' })
  @MaxLength(64)
  slug?: string;

  @ApiPropertyOptional({ maxLength: 2000 })
  @IsOmittable()
  @IsString()
  @Length(0, 2000)
  description?: string;
}

export class UpdateProjectDto {
  @ApiPropertyOptional({ example: 'Payments', maxLength: 100 })
  @IsOmittable()
  @IsString()
  @Length(1, 100)
  name?: string;

  @ApiPropertyOptional({ maxLength: 2000 })
  @IsOmittable()
  @IsString()
  @Length(0, 2000)
  description?: string;
}

export class ProjectStatusDto {
  @ApiProperty({ enum: ['active', 'archived'], description: 'archived: kept, read-only for new work' })
  @IsIn(['active', 'archived'])
  status!: ProjectStatus;
}

export class ListProjectsQuery extends PageQuery {
  @ApiPropertyOptional({ enum: ['active', 'archived'] })
  @IsOmittable()
  @IsIn(['active', 'archived'])
  status?: ProjectStatus;
}

export class EnvironmentDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ type: String, format: 'uuid', nullable: true, description: 'null: an organization-wide environment' }) projectId!:
    string | null;
  @ApiProperty({ example: 'production' }) name!: string;
  @ApiProperty({ enum: TIERS }) tier!: EnvironmentTier;
  @ApiProperty() description!: string;
  @ApiProperty({ type: [String], example: ['prod-eu-1'], description: 'The clusters it spans' }) clusters!: string[];
  @ApiProperty({ type: 'object', additionalProperties: { type: 'string' } }) labels!: Record<string, string>;
  @ApiProperty({ description: 'A freeze window is in force now' }) frozen!: boolean;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
  @ApiProperty({ format: 'date-time' }) updatedAt!: string;

  static from(e: Environment, frozen: boolean): EnvironmentDto {
    return {
      id: e.id,
      projectId: e.projectId,
      name: e.name,
      tier: e.tier,
      description: e.description,
      clusters: e.clusters,
      labels: e.labels,
      frozen,
      createdAt: e.createdAt.toISOString(),
      updatedAt: e.updatedAt.toISOString(),
    };
  }
}

class EnvironmentFields {
  @ApiPropertyOptional({ enum: TIERS, default: 'other' })
  @IsOmittable()
  @IsIn(TIERS)
  tier?: EnvironmentTier;

  @ApiPropertyOptional({ maxLength: 2000 })
  @IsOmittable()
  @IsString()
  @Length(0, 2000)
  description?: string;

  @ApiPropertyOptional({ type: [String], example: ['prod-eu-1'] })
  @IsOmittable()
  @IsArray()
  @ArrayMaxSize(50)
  @Matches(CLUSTER_NAME, { each: true, message: 'each cluster must be 1–100 letters, digits, _ . -' })
  @MaxLength(100, { each: true })
  clusters?: string[];

  @ApiPropertyOptional({ type: 'object', additionalProperties: { type: 'string' } })
  @IsOmittable()
  @IsObject()
  @IsLabelMap()
  labels?: Record<string, string>;
}

export class CreateEnvironmentDto extends EnvironmentFields {
  @ApiProperty({ example: 'production', maxLength: 100 })
  @IsString()
  @Length(1, 100)
  name!: string;

  @ApiPropertyOptional({ format: 'uuid', description: 'The project it belongs to; organization-wide when omitted' })
  @IsOmittable()
  @IsUUID()
  projectId?: string;
}

export class UpdateEnvironmentDto extends EnvironmentFields {
  @ApiPropertyOptional({ example: 'production', maxLength: 100 })
  @IsOmittable()
  @IsString()
  @Length(1, 100)
  name?: string;
}

export class ListEnvironmentsQuery extends PageQuery {
  @ApiPropertyOptional({ format: 'uuid' })
  @IsOmittable()
  @IsUUID()
  projectId?: string;

  @ApiPropertyOptional({ enum: TIERS })
  @IsOmittable()
  @IsIn(TIERS)
  tier?: EnvironmentTier;

  @ApiPropertyOptional({ description: 'Environments spanning this cluster' })
  @IsOmittable()
  @MatchesPattern(CLUSTER_NAME)
  @MaxLength(100)
  cluster?: string;
}

export class FreezeWindowDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid' }) environmentId!: string;
  @ApiProperty({ example: 'Year-end freeze' }) reason!: string;
  @ApiProperty({ example: '2026-12-24T18:00', description: 'Local time in timeZone, as given' }) start!: string;
  @ApiProperty({ example: '2027-01-02T08:00' }) end!: string;
  @ApiProperty({ example: 'Europe/Paris' }) timeZone!: string;
  @ApiProperty({ format: 'date-time', description: 'The UTC instant start means' }) startsAt!: string;
  @ApiProperty({ format: 'date-time' }) endsAt!: string;
  @ApiProperty({ description: 'In force now' }) active!: boolean;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;

  static from(w: FreezeWindow, now = Date.now()): FreezeWindowDto {
    return {
      id: w.id,
      environmentId: w.environmentId,
      reason: w.reason,
      start: w.startLocal,
      end: w.endLocal,
      timeZone: w.timeZone,
      startsAt: w.startsAt.toISOString(),
      endsAt: w.endsAt.toISOString(),
      active: w.startsAt.getTime() <= now && now < w.endsAt.getTime(),
      createdAt: w.createdAt.toISOString(),
    };
  }
}

export class CreateFreezeWindowDto {
  @ApiProperty({ example: 'Year-end freeze', maxLength: 500 })
  @IsString()
  @Length(1, 500)
  reason!: string;

  @ApiProperty({ example: '2026-12-24T18:00', description: 'Local date-time in timeZone, without offset' })
  @MatchesPattern(LOCAL_TIME, { message: 'start must be a local date-time such as 2026-12-24T18:00' })
  @MaxLength(19)
  start!: string;

  @ApiProperty({ example: '2027-01-02T08:00' })
  @MatchesPattern(LOCAL_TIME, { message: 'end must be a local date-time such as 2027-01-02T08:00' })
  @MaxLength(19)
  end!: string;

  @ApiProperty({ example: 'Europe/Paris', description: 'An IANA time zone' })
  @IsString()
  @Length(1, 64)
  timeZone!: string;
}

export class ListFreezeWindowsQuery extends PageQuery {
  @ApiPropertyOptional({ enum: ['active', 'upcoming', 'past'] })
  @IsOmittable()
  @IsIn(['active', 'upcoming', 'past'])
  when?: 'active' | 'upcoming' | 'past';
}
