import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import { ArrayMaxSize, IsBoolean, IsIn, IsInt, IsString, IsUUID, Length, Max, Min } from 'class-validator';
import { repeatedOrCommaSeparated } from '../../../kernel/http/query-lists.js';
import { IsJsonObject, IsOmittable } from '../../../kernel/http/validators.js';
import { CreatedWindowQuery } from '../../../kernel/pagination/created-window.js';
import { PageQuery } from '../../../kernel/pagination/page.js';
import { RUN_STATUSES, type RunStatus, type WorkflowRun } from '../entities/workflow-run.entity.js';
import { STEP_STATUSES, type StepStatus, type WorkflowRunStep } from '../entities/workflow-run-step.entity.js';
import type { WorkflowStepArtifact } from '../entities/workflow-step-artifact.entity.js';
import type { StepLogLevel, WorkflowStepLog } from '../entities/workflow-step-log.entity.js';

const iso = (d: Date | null) => (d ? d.toISOString() : null);

export class CreateWorkflowRunDto {
  @ApiProperty({ format: 'uuid', description: 'The workflow definition (template) to run' })
  @IsUUID()
  definitionId!: string;

  @ApiPropertyOptional({ minimum: 1, description: 'A version of the definition; its current one unless given' })
  @IsOmittable()
  @IsInt()
  @Min(1)
  @Max(2_147_483_647)
  version?: number;

  @ApiPropertyOptional({
    type: 'object',
    additionalProperties: true,
    example: { service: 'billing' },
    description: "Checked against the definition's input schema; nodes read them as `${inputs.<path>}`. At most 64 KiB",
  })
  @IsOmittable()
  @IsJsonObject(65_536)
  inputs?: Record<string, unknown>;

  @ApiPropertyOptional({ default: true, description: 'Start at once (default), or create it pending and start it with POST /{id}/start' })
  @IsOmittable()
  @IsBoolean()
  start?: boolean;
}

export class ListWorkflowRunsQuery extends CreatedWindowQuery {
  @ApiPropertyOptional({ enum: RUN_STATUSES, isArray: true, description: 'One status or several (repeated, or comma-separated)' })
  @IsOmittable()
  @Transform(repeatedOrCommaSeparated)
  @IsIn(RUN_STATUSES, { each: true, message: `status must be among ${RUN_STATUSES.join(', ')}` })
  @ArrayMaxSize(RUN_STATUSES.length)
  status?: RunStatus[];

  @ApiPropertyOptional({ format: 'uuid', description: 'Runs of this definition' })
  @IsOmittable()
  @IsUUID()
  definitionId?: string;
}

export class ListStepLogsQuery extends PageQuery {
  @ApiPropertyOptional({ minimum: 1, description: 'Lines of this attempt only' })
  @IsOmittable()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(1_000_000)
  attempt?: number;
}

export class ApproveStepDto {
  @ApiPropertyOptional({ maxLength: 2000 })
  @IsOmittable()
  @IsString()
  @Length(0, 2000)
  comment?: string;
}

export class RejectStepDto {
  @ApiProperty({ minLength: 3, maxLength: 2000, description: 'Why: the run fails with it' })
  @IsString()
  @Length(3, 2000)
  reason!: string;
}

export class StepSummaryDto {
  @ApiProperty({ example: 'approve' }) nodeId!: string;
  @ApiProperty({ example: 'approval' }) type!: string;
  @ApiProperty({ enum: STEP_STATUSES }) status!: StepStatus;
  @ApiProperty({ description: 'Attempts started, retries of the run included' }) attempts!: number;
  @ApiProperty({ type: String, nullable: true }) errorCode!: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) startedAt!: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) finishedAt!: string | null;

  static from(s: WorkflowRunStep): StepSummaryDto {
    return {
      nodeId: s.nodeId,
      type: s.type,
      status: s.status,
      attempts: s.attempts,
      errorCode: s.errorCode,
      startedAt: iso(s.startedAt),
      finishedAt: iso(s.finishedAt),
    };
  }
}

export class WorkflowStepDto extends StepSummaryDto {
  @ApiProperty({ type: String, nullable: true }) errorMessage!: string | null;
  @ApiProperty({
    type: 'object',
    additionalProperties: true,
    nullable: true,
    description: 'The inputs of the current or last attempt, references resolved; values under secret-looking keys are redacted',
  })
  inputs!: Record<string, unknown> | null;
  @ApiProperty({ nullable: true, description: 'What the step produced (any JSON), once it succeeded' }) output!: unknown;
  @ApiProperty({
    type: String,
    nullable: true,
    example: 'job:0192…',
    description: 'What the step waits on: `job:<id>`, `approval:<subject id>` or `callback:…`',
  })
  externalRef!: string | null;
  @ApiProperty({
    type: String,
    format: 'date-time',
    nullable: true,
    description: 'When the engine looks at it next (a timer, a retry, a deadline)',
  })
  dueAt!: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true, description: 'When the current attempt times out' }) deadlineAt!:
    string | null;
  @ApiProperty({ format: 'date-time' }) updatedAt!: string;

  static override from(s: WorkflowRunStep): WorkflowStepDto {
    return {
      ...StepSummaryDto.from(s),
      errorMessage: s.errorMessage,
      inputs: s.inputs,
      output: s.output ?? null,
      externalRef: s.externalRef,
      dueAt: iso(s.dueAt),
      deadlineAt: iso(s.deadlineAt),
      updatedAt: s.updatedAt.toISOString(),
    };
  }
}

export class WorkflowRunDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ type: String, format: 'uuid', nullable: true, description: 'Null once the definition was deleted' }) definitionId!:
    string | null;
  @ApiProperty() definitionName!: string;
  @ApiProperty({ description: 'The definition version the run follows' }) definitionVersion!: number;
  @ApiProperty({ enum: RUN_STATUSES }) status!: RunStatus;
  @ApiProperty({ type: 'object', additionalProperties: true }) inputs!: Record<string, unknown>;
  @ApiProperty({
    type: 'object',
    additionalProperties: true,
    nullable: true,
    description: 'Outputs of the nodes nothing depends on, by node id, once succeeded',
  })
  output!: Record<string, unknown> | null;
  @ApiProperty({ type: [StepSummaryDto] }) steps!: StepSummaryDto[];
  @ApiProperty({ description: 'Times the run was retried' }) retryCount!: number;
  @ApiProperty({ type: String, nullable: true, example: 'APPROVAL_REJECTED' }) failureCode!: string | null;
  @ApiProperty({ type: String, nullable: true }) failureMessage!: string | null;
  @ApiProperty({ type: String, nullable: true, description: 'The node whose failure failed the run' }) failedNodeId!: string | null;
  @ApiProperty({ example: 'user:0192…' }) createdBy!: string;
  @ApiProperty({ type: String, nullable: true }) correlationId!: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) startedAt!: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) finishedAt!: string | null;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
  @ApiProperty({ format: 'date-time' }) updatedAt!: string;

  static from(run: WorkflowRun, steps: WorkflowRunStep[]): WorkflowRunDto {
    return {
      id: run.id,
      definitionId: run.definitionId,
      definitionName: run.definitionName,
      definitionVersion: run.definitionVersion,
      status: run.status,
      inputs: run.inputs,
      output: run.output,
      steps: steps.map(StepSummaryDto.from),
      retryCount: run.retryCount,
      failureCode: run.failureCode,
      failureMessage: run.failureMessage,
      failedNodeId: run.failedNodeId,
      createdBy: run.createdBy,
      correlationId: run.correlationId,
      startedAt: iso(run.startedAt),
      finishedAt: iso(run.finishedAt),
      createdAt: run.createdAt.toISOString(),
      updatedAt: run.updatedAt.toISOString(),
    };
  }
}

export class RunRetryDto extends WorkflowRunDto {
  @ApiProperty({ type: [String], description: 'The nodes that start over' }) retriedNodes!: string[];
}

export class StepLogDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() attempt!: number;
  @ApiProperty({ enum: ['debug', 'info', 'warn', 'error'] }) level!: StepLogLevel;
  @ApiProperty() message!: string;
  @ApiProperty({ type: 'object', additionalProperties: true, nullable: true }) data!: Record<string, unknown> | null;
  @ApiProperty({ format: 'date-time' }) at!: string;

  static from(l: WorkflowStepLog): StepLogDto {
    return { id: l.id, attempt: l.attempt, level: l.level, message: l.message, data: l.data, at: l.at.toISOString() };
  }
}

export class StepArtifactDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() attempt!: number;
  @ApiProperty({ example: 'response' }) name!: string;
  @ApiProperty({ example: 'application/json' }) contentType!: string;
  @ApiProperty() sizeBytes!: number;
  @ApiProperty({ description: 'The content (JSON)' }) content!: unknown;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;

  static from(a: WorkflowStepArtifact): StepArtifactDto {
    return {
      id: a.id,
      attempt: a.attempt,
      name: a.name,
      contentType: a.contentType,
      sizeBytes: a.sizeBytes,
      content: a.content,
      createdAt: a.createdAt.toISOString(),
    };
  }
}
