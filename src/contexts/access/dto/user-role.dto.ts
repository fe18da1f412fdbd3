import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsUUID } from 'class-validator';
import { IsOmittable } from '../../../kernel/http/validators.js';
import { PageQuery } from '../../../kernel/pagination/page.js';
import type { Role } from '../entities/role.entity.js';
import type { UserRole } from '../entities/user-role.entity.js';

export class UserRoleDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid' }) userId!: string;
  @ApiProperty({ format: 'uuid' }) roleId!: string;
  @ApiProperty({ example: 'viewer' }) roleKey!: string;
  @ApiProperty({ example: 'Viewer' }) roleName!: string;
  @ApiProperty({ type: String, format: 'uuid', nullable: true, description: 'Narrowed to this project' }) projectId!: string | null;
  @ApiProperty({ type: String, format: 'uuid', nullable: true, description: 'Narrowed to this environment' }) environmentId!: string | null;
  @ApiProperty({ type: String, nullable: true, description: 'principal type and id of the granter' }) grantedBy!: string | null;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;

  static from(grant: UserRole, role: Pick<Role, 'key' | 'name'>): UserRoleDto {
    return {
      id: grant.id,
      userId: grant.userId,
      roleId: grant.roleId,
      roleKey: role.key,
      roleName: role.name,
      projectId: grant.projectId,
      environmentId: grant.environmentId,
      grantedBy: grant.grantedBy,
      createdAt: grant.createdAt.toISOString(),
    };
  }
}

export class CreateUserRoleDto {
  @ApiProperty({ format: 'uuid', description: 'A member of the organization' })
  @IsUUID()
  userId!: string;

  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  roleId!: string;

  @ApiPropertyOptional({ format: 'uuid', description: 'Narrow the grant to one project' })
  @IsOmittable()
  @IsUUID()
  projectId?: string;

  @ApiPropertyOptional({ format: 'uuid', description: 'Narrow the grant to one environment' })
  @IsOmittable()
  @IsUUID()
  environmentId?: string;
}

export class ListUserRolesQuery extends PageQuery {
  @ApiPropertyOptional({ format: 'uuid' }) @IsOmittable() @IsUUID() userId?: string;
  @ApiPropertyOptional({ format: 'uuid' }) @IsOmittable() @IsUUID() roleId?: string;
  @ApiPropertyOptional({ format: 'uuid' }) @IsOmittable() @IsUUID() projectId?: string;
  @ApiPropertyOptional({ format: 'uuid' }) @IsOmittable() @IsUUID() environmentId?: string;
}
