import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsString, IsUUID, Length } from 'class-validator';
import { IsOmittable } from '../../../kernel/http/validators.js';
import type { GateView } from '../approvals.service.js';
import type { ApprovalDecision } from '../entities/approval-decision.entity.js';

export class ApprovalDecisionDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid' }) approverId!: string;
  @ApiProperty({ enum: ['approve', 'reject'] }) decision!: 'approve' | 'reject';
  @ApiProperty({ description: 'The stage it was made in (0-based)' }) stage!: number;
  @ApiProperty({ description: "The approver's comment, or the rejection's reason" }) comment!: string;
  @ApiProperty({ type: String, format: 'date-time', nullable: true, description: 'When an approval stops counting' }) expiresAt!:
    string | null;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;

  static from(d: ApprovalDecision): ApprovalDecisionDto {
    return {
      id: d.id,
      approverId: d.approverId,
      decision: d.decision,
      stage: d.stage,
      comment: d.comment,
      expiresAt: d.expiresAt?.toISOString() ?? null,
      createdAt: d.createdAt.toISOString(),
    };
  }
}

export class StageProgressDto {
  @ApiProperty() name!: string;
  @ApiProperty() requiredApprovals!: number;
  @ApiProperty({ description: 'Approvals that still count' }) approvals!: number;
  @ApiProperty({ type: [String], format: 'uuid' }) roleIds!: string[];
  @ApiProperty({ type: [String], format: 'uuid' }) userIds!: string[];
}

export class ApprovalStateDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ enum: ['pending', 'approved', 'rejected', 'expired', 'cancelled'] }) status!: string;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) policyId!: string | null;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) workflowId!: string | null;
  @ApiProperty() workflowName!: string;
  @ApiProperty({ description: 'The stage awaiting decisions (0-based); the number of stages once approved' }) currentStage!: number;
  @ApiProperty({ type: [StageProgressDto] }) stages!: StageProgressDto[];
  @ApiProperty({ format: 'date-time', description: 'Undecided by then, the request expires' }) expiresAt!: string;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) decidedAt!: string | null;
  @ApiProperty({ type: [ApprovalDecisionDto] }) decisions!: ApprovalDecisionDto[];

  static from(view: GateView): ApprovalStateDto {
    const { gate, decisions, progress } = view;
    return {
      id: gate.id,
      status: gate.status,
      policyId: gate.policyId,
      workflowId: gate.workflowId,
      workflowName: gate.workflowName,
      currentStage: gate.status === 'pending' ? progress.currentStage : gate.currentStage,
      stages: gate.stages.map((s, i) => ({
        name: s.name,
        requiredApprovals: s.requiredApprovals,
        approvals: progress.stages[i].approvals,
        roleIds: s.roleIds,
        userIds: s.userIds,
      })),
      expiresAt: gate.expiresAt.toISOString(),
      decidedAt: gate.decidedAt?.toISOString() ?? null,
      decisions: decisions.map(ApprovalDecisionDto.from),
    };
  }
}

export class PendingApprovalDto {
  @ApiProperty({ example: 'secret_request', description: 'What awaits the decision' }) subjectType!: string;
  @ApiProperty({ format: 'uuid' }) subjectId!: string;
  @ApiProperty({ type: 'object', additionalProperties: true, description: 'What the subject is (never a value)' }) summary!: Record<
    string,
    unknown
  >;
  @ApiProperty({ format: 'uuid' }) requestedBy!: string;
  @ApiProperty({ format: 'date-time' }) requestedAt!: string;
  @ApiProperty({ type: ApprovalStateDto }) approval!: ApprovalStateDto;

  static from(view: GateView): PendingApprovalDto {
    return {
      subjectType: view.gate.subjectType,
      subjectId: view.gate.subjectId,
      summary: view.gate.summary,
      requestedBy: view.gate.requestedBy,
      requestedAt: view.gate.createdAt.toISOString(),
      approval: ApprovalStateDto.from(view),
    };
  }
}

export class ApproveDto {
  @ApiPropertyOptional({
    format: 'uuid',
    description: 'Optional; when given it must be the caller — the approver is always the authenticated person',
  })
  @IsOmittable()
  @IsUUID()
  approverId?: string;

  @ApiPropertyOptional({ maxLength: 2000 })
  @IsOmittable()
  @IsString()
  @Length(0, 2000)
  comment?: string;
}

export class RejectDto {
  @ApiPropertyOptional({ format: 'uuid', description: 'Optional; when given it must be the caller' })
  @IsOmittable()
  @IsUUID()
  approverId?: string;

  @ApiProperty({ minLength: 3, maxLength: 2000, description: 'Why: the requester sees it' })
  @IsString()
  @Length(3, 2000)
  reason!: string;
}
