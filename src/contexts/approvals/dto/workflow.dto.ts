import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsInt, IsString, IsUUID, Length, Max, Min, ValidateNested } from 'class-validator';
import { IsOmittable } from '../../../kernel/http/validators.js';
import { PageQuery } from '../../../kernel/pagination/page.js';
import type { ApprovalStage, ApprovalWorkflow } from '../entities/approval-workflow.entity.js';

export class ApprovalStageDto {
  @ApiProperty({ example: 'Security review', maxLength: 100 })
  @IsString()
  @Length(1, 100)
  name!: string;

  @ApiProperty({ minimum: 1, maximum: 20, example: 1, description: 'Approvals needed; the first rejection decides the stage' })
  @IsInt()
  @Min(1)
  @Max(20)
  requiredApprovals!: number;

  @ApiProperty({ type: [String], format: 'uuid', description: 'Holders of any of these roles may approve' })
  @IsArray()
  @ArrayMaxSize(20)
  @IsUUID('all', { each: true })
  roleIds!: string[];

  @ApiProperty({ type: [String], format: 'uuid', description: 'These members may approve' })
  @IsArray()
  @ArrayMaxSize(100)
  @IsUUID('all', { each: true })
  userIds!: string[];

  static from(s: ApprovalStage): ApprovalStageDto {
    return { name: s.name, requiredApprovals: s.requiredApprovals, roleIds: s.roleIds, userIds: s.userIds };
  }
}

export class ApprovalWorkflowDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ example: 'Production secrets' }) name!: string;
  @ApiProperty() description!: string;
  @ApiProperty({ type: [ApprovalStageDto], description: 'Decided in order' }) stages!: ApprovalStageDto[];
  @ApiProperty({ description: 'How long one approval counts' }) approvalTtlSeconds!: number;
  @ApiProperty({ description: 'How long a request may wait for its decision before it expires' }) requestTtlSeconds!: number;
  @ApiProperty({ type: String, nullable: true, description: 'principal type and id of its creator' }) createdBy!: string | null;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
  @ApiProperty({ format: 'date-time' }) updatedAt!: string;

  static from(w: ApprovalWorkflow): ApprovalWorkflowDto {
    return {
      id: w.id,
      name: w.name,
      description: w.description,
      stages: w.stages.map(ApprovalStageDto.from),
      approvalTtlSeconds: w.approvalTtlSeconds,
      requestTtlSeconds: w.requestTtlSeconds,
      createdBy: w.createdBy,
      createdAt: w.createdAt.toISOString(),
      updatedAt: w.updatedAt.toISOString(),
    };
  }
}

export class CreateApprovalWorkflowDto {
  @ApiProperty({ example: 'Production secrets', maxLength: 100 })
  @IsString()
  @Length(1, 100)
  name!: string;

  @ApiPropertyOptional({ maxLength: 2000 })
  @IsOmittable()
  @IsString()
  @Length(0, 2000)
  description?: string;

  @ApiProperty({ type: [ApprovalStageDto], minItems: 1, maxItems: 10 })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(10)
  @ValidateNested({ each: true })
  @Type(() => ApprovalStageDto)
  stages!: ApprovalStageDto[];

  @ApiPropertyOptional({ minimum: 60, maximum: 604800, default: 3600, description: 'How long one approval counts' })
  @IsOmittable()
  @IsInt()
  @Min(60)
  @Max(604_800)
  approvalTtlSeconds?: number;

  @ApiPropertyOptional({ minimum: 60, maximum: 604800, default: 3600, description: 'How long a request may wait for its decision' })
  @IsOmittable()
  @IsInt()
  @Min(60)
  @Max(604_800)
  requestTtlSeconds?: number;
}

export class UpdateApprovalWorkflowDto {
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

  @ApiPropertyOptional({
    type: [ApprovalStageDto],
    minItems: 1,
    maxItems: 10,
    description: 'Replaces the stages; requests already open keep theirs',
  })
  @IsOmittable()
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(10)
  @ValidateNested({ each: true })
  @Type(() => ApprovalStageDto)
  stages?: ApprovalStageDto[];

  @ApiPropertyOptional({ minimum: 60, maximum: 604800 })
  @IsOmittable()
  @IsInt()
  @Min(60)
  @Max(604_800)
  approvalTtlSeconds?: number;

  @ApiPropertyOptional({ minimum: 60, maximum: 604800 })
  @IsOmittable()
  @IsInt()
  @Min(60)
  @Max(604_800)
  requestTtlSeconds?: number;
}

export class ListApprovalWorkflowsQuery extends PageQuery {}
