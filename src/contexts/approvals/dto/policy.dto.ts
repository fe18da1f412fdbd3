import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsInt, IsString, IsUUID, Length, Max, MaxLength, Min, ValidateIf } from 'class-validator';
import { CLUSTER_NAME, IsOmittable, MatchesPattern } from '../../../kernel/http/validators.js';
import { PageQuery } from '../../../kernel/pagination/page.js';
import type { ApprovalPolicy } from '../entities/approval-policy.entity.js';

export class ApprovalPolicyDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ example: 'Production databases' }) name!: string;
  @ApiProperty() description!: string;
  @ApiProperty({ format: 'uuid' }) workflowId!: string;
  @ApiProperty({ description: 'Lower wins among matching policies' }) priority!: number;
  @ApiProperty({ description: 'Catches requests no other policy matches' }) isDefault!: boolean;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) projectId!: string | null;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) environmentId!: string | null;
  @ApiProperty({ type: String, nullable: true }) clusterName!: string | null;
  @ApiProperty({ type: String, nullable: true, example: 'prod/db/*' }) refPattern!: string | null;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
  @ApiProperty({ format: 'date-time' }) updatedAt!: string;

  static from(p: ApprovalPolicy): ApprovalPolicyDto {
    return {
      id: p.id,
      name: p.name,
      description: p.description,
      workflowId: p.workflowId,
      priority: p.priority,
      isDefault: p.isDefault,
      projectId: p.projectId,
      environmentId: p.environmentId,
      clusterName: p.clusterName,
      refPattern: p.refPattern,
      createdAt: p.createdAt.toISOString(),
      updatedAt: p.updatedAt.toISOString(),
    };
  }
}

/** What a policy matches on; every criterion left empty (null) matches anything. */
export class PolicyCriteriaDto {
  @ApiPropertyOptional({ type: String, format: 'uuid', nullable: true })
  @IsOmittable()
  @ValidateIf((_, v) => v !== null)
  @IsUUID()
  projectId?: string | null;

  @ApiPropertyOptional({ type: String, format: 'uuid', nullable: true })
  @IsOmittable()
  @ValidateIf((_, v) => v !== null)
  @IsUUID()
  environmentId?: string | null;

  @ApiPropertyOptional({ type: String, nullable: true, example: 'prod-eu-1' })
  @IsOmittable()
  @ValidateIf((_, v) => v !== null)
  @MatchesPattern(CLUSTER_NAME, { message: 'clusterName must be a cluster name (letters, digits, dots, dashes, underscores)' })
  @MaxLength(100)
  clusterName?: string | null;

  @ApiPropertyOptional({
    type: String,
    nullable: true,
    example: 'prod/db/*',
    description: '`*` matches any run of characters, `?` one',
    maxLength: 500,
  })
  @IsOmittable()
  @ValidateIf((_, v) => v !== null)
  @IsString()
  @Length(1, 500)
  refPattern?: string | null;
}

export class CreateApprovalPolicyDto extends PolicyCriteriaDto {
  @ApiProperty({ example: 'Production databases', maxLength: 100 })
  @IsString()
  @Length(1, 100)
  name!: string;

  @ApiPropertyOptional({ maxLength: 2000 })
  @IsOmittable()
  @IsString()
  @Length(0, 2000)
  description?: string;

  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  workflowId!: string;

  @ApiPropertyOptional({ minimum: 0, maximum: 10000, default: 100 })
  @IsOmittable()
  @IsInt()
  @Min(0)
  @Max(10_000)
  priority?: number;

  @ApiPropertyOptional({
    default: false,
    description: 'The default policy matches everything; it takes no criteria, and there is one per organization',
  })
  @IsOmittable()
  @IsBoolean()
  isDefault?: boolean;
}

export class UpdateApprovalPolicyDto extends PolicyCriteriaDto {
  @ApiPropertyOptional({ maxLength: 100 })
  @IsOmittable()
  @IsString()
  @Length(1, 100)
  name?: string;

  @ApiPropertyOptional({ maxLength: 2000 })
  @IsOmittable()
  @IsString()
  @Length(0, 2000)
  description?: string;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOmittable()
  @IsUUID()
  workflowId?: string;

  @ApiPropertyOptional({ minimum: 0, maximum: 10000 })
  @IsOmittable()
  @IsInt()
  @Min(0)
  @Max(10_000)
  priority?: number;

  @ApiPropertyOptional()
  @IsOmittable()
  @IsBoolean()
  isDefault?: boolean;
}

export class ListApprovalPoliciesQuery extends PageQuery {
  @ApiPropertyOptional({ format: 'uuid' })
  @IsOmittable()
  @IsUUID()
  workflowId?: string;
}
