import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsDefined, IsIn, IsObject, IsString, IsUUID, Length, Matches, MaxLength, ValidateIf, ValidateNested } from 'class-validator';
import { defineValidator, IsJsonObject, IsOmittable, MatchesPattern } from '../../../kernel/http/validators.js';

/** A workflow node's id, as workflow definitions declare it. */
const NODE_ID = /^[a-z][a-z0-9_-]{0,62}$/;

/** The same bound as a job's result: an executor's output is a result too. */
const MAX_OUTPUT_BYTES = 256 * 1024;

type CallbackStatus = 'succeeded' | 'failed';

/** A field that belongs to one status only: given with the other, it is refused rather than ignored. */
const OnlyWithStatus = defineValidator({
  name: 'onlyWithStatus',
  documentation: (status: CallbackStatus) => ({
    unstated: `a rule across fields (given only when status is ${status}): the description says it`,
  }),
  validate: (_value, args, status: CallbackStatus) => (args.object as { status?: unknown }).status === status,
  message: (args, status: CallbackStatus) => `${args.property} is given only when status is ${status}`,
});

export class WorkflowCallbackErrorDto {
  @ApiProperty({ example: 'DEPLOY_FAILED', maxLength: 100 })
  @Matches(/^[A-Za-z0-9_.-]{1,100}$/, { message: 'error.code must be 1–100 letters, digits, _ . -' })
  code!: string;

  @ApiProperty({ example: 'The rollout did not become healthy within 10 minutes', maxLength: 2000 })
  @IsString()
  @Length(1, 2000)
  message!: string;
}

/** What an external executor reports when it finishes a `callback` step it was handed. */
export class WorkflowCallbackDto {
  @ApiProperty({ format: 'uuid', description: 'The workflow run (seed 001 calls it the execution)' })
  @IsUUID()
  executionId!: string;

  @ApiProperty({ example: 'deploy', pattern: NODE_ID.source, description: 'The `callback` node of that run that waits for this report' })
  @MatchesPattern(NODE_ID, { message: 'nodeId must be a node id: a lower-case letter, then up to 62 of a-z 0-9 _ -' })
  @MaxLength(63)
  nodeId!: string;

  @ApiProperty({ enum: ['succeeded', 'failed'] })
  @IsIn(['succeeded', 'failed'])
  status!: CallbackStatus;

  @ApiPropertyOptional({
    type: 'object',
    additionalProperties: true,
    example: { revision: '9f1c2e7' },
    description: "With succeeded only: the step's output, a JSON object of at most 256 KiB. Never a secret value.",
  })
  @IsOmittable()
  @IsObject()
  @IsJsonObject(MAX_OUTPUT_BYTES)
  @OnlyWithStatus('succeeded')
  output?: Record<string, unknown>;

  @ApiPropertyOptional({ type: WorkflowCallbackErrorDto, description: 'Required with failed, refused otherwise: why the step failed' })
  @ValidateIf((callback: WorkflowCallbackDto) => callback.status === 'failed' || callback.error !== undefined)
  @IsDefined({ message: 'error is required when status is failed' })
  @OnlyWithStatus('failed')
  @IsObject()
  @ValidateNested()
  @Type(() => WorkflowCallbackErrorDto)
  error?: WorkflowCallbackErrorDto;
}

export class WorkflowCallbackAckDto {
  @ApiProperty({
    description: "true when this delivery id was received before: nothing changed, and the rest is the first delivery's answer",
  })
  duplicate!: boolean;

  @ApiProperty({ format: 'uuid' })
  runId!: string;

  @ApiProperty({ example: 'deploy' })
  nodeId!: string;

  @ApiProperty({
    enum: ['accepted', 'ignored'],
    description: 'accepted: the node took the report; ignored: it had already ended (cancelled, timed out, reported)',
  })
  outcome!: 'accepted' | 'ignored';
}
