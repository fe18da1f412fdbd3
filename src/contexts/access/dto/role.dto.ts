import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsBoolean, IsString, Length, MaxLength } from 'class-validator';
import { IsOmittable, MatchesPattern } from '../../../kernel/http/validators.js';
import { PageQuery } from '../../../kernel/pagination/page.js';
import type { Role } from '../entities/role.entity.js';

export class RoleDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ example: 'release-manager', description: 'Unique within the organization (system roles: across all)' }) key!: string;
  @ApiProperty({ example: 'Release manager' }) name!: string;
  @ApiProperty() description!: string;
  @ApiProperty({ description: 'Built in: cannot be edited or deleted' }) system!: boolean;
  @ApiProperty({ type: [String], example: ['team.read', 'member.read'] }) permissions!: string[];
  @ApiProperty({ type: String, format: 'uuid', nullable: true, description: 'null for system roles' }) organizationId!: string | null;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
  @ApiProperty({ format: 'date-time' }) updatedAt!: string;

  static from(role: Role): RoleDto {
    return {
      id: role.id,
      key: role.key,
      name: role.name,
      description: role.description,
      system: role.isSystem,
      permissions: [...role.permissions].sort(),
      organizationId: role.organizationId,
      createdAt: role.createdAt.toISOString(),
      updatedAt: role.updatedAt.toISOString(),
    };
  }
}

export const ROLE_KEY_PATTERN = /^[a-z][a-z0-9_-]{1,62}$/;

export class CreateRoleDto {
  @ApiProperty({ example: 'Release manager', maxLength: 100 })
  @IsString()
  @Length(1, 100)
  name!: string;

  @ApiPropertyOptional({ example: 'release-manager', description: 'Derived from the name when omitted' })
  @IsOmittable()
  @MatchesPattern(ROLE_KEY_PATTERN, { message: 'key must be 2-63 lowercase letters, digits, - or _, starting with a letter' })
  @MaxLength(63)
  key?: string;

  @ApiPropertyOptional({ maxLength: 500 })
  @IsOmittable()
  @IsString()
  @MaxLength(500)
  description?: string;

  @ApiProperty({
    type: [String],
    example: ['team.read', 'member.read'],
    description: 'Permissions from GET /api/v1/permissions, all held by the creator',
  })
  @IsArray()
  @ArrayMaxSize(500)
  @IsString({ each: true })
  @MaxLength(100, { each: true })
  permissions!: string[];
}

export class SetRolePermissionsDto {
  @ApiProperty({ type: [String], example: ['team.read'], description: "Replaces the role's permissions; each must be held by the caller" })
  @IsArray()
  @ArrayMaxSize(500)
  @IsString({ each: true })
  @MaxLength(100, { each: true })
  permissions!: string[];
}

export class ListRolesQuery extends PageQuery {
  @ApiPropertyOptional({ description: 'Only system (true) or only custom (false) roles' })
  @IsOmittable()
  @Transform(({ value }: { value: unknown }) => (value === 'true' ? true : value === 'false' ? false : value))
  @IsBoolean()
  system?: boolean;
}
