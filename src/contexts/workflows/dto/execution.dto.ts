import { ApiProperty } from '@nestjs/swagger';
import { RUN_STATUSES, type RunStatus, type WorkflowRun } from '../entities/workflow-run.entity.js';

/**
 * Seed 001's view of a workflow run: an execution, with references to where its input, output and
 * evidence can be read instead of the data itself.
 */
export class WorkflowExecutionDto {
  @ApiProperty({ format: 'uuid', description: 'The workflow run id' }) id!: string;
  @ApiProperty({ type: String, format: 'uuid', nullable: true, description: 'The workflow definition' }) workflowId!: string | null;
  @ApiProperty() workflowName!: string;
  @ApiProperty() workflowVersion!: number;
  @ApiProperty({ enum: RUN_STATUSES }) status!: RunStatus;
  @ApiProperty({ example: '/api/v1/workflow-runs/0192…', description: 'Where the inputs are (the run)' }) inputRef!: string;
  @ApiProperty({
    type: String,
    nullable: true,
    example: '/api/v1/workflow-runs/0192…/steps',
    description: 'Where the outputs are, once it succeeded',
  })
  outputRef!: string | null;
  @ApiProperty({ example: '/api/v1/audit-events?resource=workflow_run:0192…', description: 'The audit trail of the run' })
  evidenceRef!: string;
  @ApiProperty({ type: Number, nullable: true, description: 'From start to end (or to now while it runs); null before it starts' })
  durationMs!: number | null;
  @ApiProperty({ description: 'Times the run was retried' }) retryCount!: number;
  @ApiProperty({ type: String, nullable: true, example: 'TIMEOUT' }) failureCode!: string | null;
  @ApiProperty({ type: String, nullable: true }) failureMessage!: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) startedAt!: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) completedAt!: string | null;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;

  static from(run: WorkflowRun, now = new Date()): WorkflowExecutionDto {
    const base = `/api/v1/workflow-runs/${run.id}`;
    return {
      id: run.id,
      workflowId: run.definitionId,
      workflowName: run.definitionName,
      workflowVersion: run.definitionVersion,
      status: run.status,
      inputRef: base,
      outputRef: run.status === 'succeeded' ? `${base}/steps` : null,
      evidenceRef: `/api/v1/audit-events?resource=workflow_run:${run.id}`,
      durationMs: run.startedAt ? (run.finishedAt ?? now).getTime() - run.startedAt.getTime() : null,
      retryCount: run.retryCount,
      failureCode: run.failureCode,
      failureMessage: run.failureMessage,
      startedAt: run.startedAt?.toISOString() ?? null,
      completedAt: run.finishedAt?.toISOString() ?? null,
      createdAt: run.createdAt.toISOString(),
    };
  }
}
