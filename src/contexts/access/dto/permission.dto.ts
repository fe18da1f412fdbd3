import { ApiProperty } from '@nestjs/swagger';

export class PermissionDto {
  @ApiProperty({ example: 'role.edit' }) key!: string;
  @ApiProperty({ example: 'role' }) resource!: string;
  @ApiProperty({ example: 'edit' }) action!: string;
  @ApiProperty({ example: 'Create custom roles, change their permissions and delete them' }) description!: string;
  @ApiProperty({ example: 'access', description: 'The context that declares it' }) context!: string;
  @ApiProperty({ description: 'Spans organizations; held only by platform_admin' }) platform!: boolean;
}

export class GrantedRoleDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ example: 'owner' }) key!: string;
  @ApiProperty({ example: 'Owner' }) name!: string;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) projectId!: string | null;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) environmentId!: string | null;
}

export class MyPermissionsDto {
  @ApiProperty({ format: 'uuid' }) organizationId!: string;
  @ApiProperty({ format: 'uuid' }) principalId!: string;
  @ApiProperty({ enum: ['user', 'api_key', 'agent'] }) principalType!: string;
  @ApiProperty({ type: [String], description: 'Organization-wide effective permissions' }) permissions!: string[];
  @ApiProperty({ type: [GrantedRoleDto], description: "The roles behind them (for an API key: its creator's)" }) roles!: GrantedRoleDto[];
}
