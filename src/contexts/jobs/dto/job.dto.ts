import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  ArrayUnique,
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
  IsNumber,
  IsObject,
  IsString,
  IsUrl,
  IsUUID,
  Length,
  Matches,
  Max,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';
import { repeatedOrCommaSeparated } from '../../../kernel/http/query-lists.js';
import { IDEMPOTENCY_KEY_FORMAT } from '../../../kernel/idempotency/idempotency-headers.js';
import { IsJsonObject, IsLabelMap, IsOmittable, MatchesPattern } from '../../../kernel/http/validators.js';
import { CreatedWindowQuery } from '../../../kernel/pagination/created-window.js';
import type { Job, JobStatus } from '../entities/job.entity.js';
import { type BlockedCode, blockedReason } from '../job-blockage.js';

const STATUSES: JobStatus[] = ['queued', 'leased', 'running', 'succeeded', 'failed', 'cancelled', 'expired'];
export const JOB_TYPE = /^[a-z][a-z0-9_.-]{0,99}$/;
const MAX_PAYLOAD_BYTES = 256 * 1024;

export class CostEstimateDto {
  @ApiProperty({ example: 0.42, minimum: 0 })
  @IsNumber({ allowNaN: false, allowInfinity: false })
  @Min(0)
  @Max(1_000_000)
  amount!: number;

  @ApiProperty({ example: 'USD', description: 'ISO 4217' })
  @Matches(/^[A-Z]{3}$/, { message: 'currency must be an ISO 4217 code such as USD' })
  @MaxLength(3)
  currency!: string;
}

export class UsageDto {
  @ApiPropertyOptional({ minimum: 0 }) @IsOmittable() @IsInt() @Min(0) @Max(Number.MAX_SAFE_INTEGER) durationMs?: number;
  @ApiPropertyOptional({ minimum: 0 }) @IsOmittable() @IsInt() @Min(0) @Max(Number.MAX_SAFE_INTEGER) inputTokens?: number;
  @ApiPropertyOptional({ minimum: 0 }) @IsOmittable() @IsInt() @Min(0) @Max(Number.MAX_SAFE_INTEGER) outputTokens?: number;
  @ApiPropertyOptional({ minimum: 0 }) @IsOmittable() @IsNumber({ allowNaN: false, allowInfinity: false }) @Min(0) cpuSeconds?: number;
  @ApiPropertyOptional({ minimum: 0 }) @IsOmittable() @IsNumber({ allowNaN: false, allowInfinity: false }) @Min(0) costAmount?: number;
  @ApiPropertyOptional({ example: 'USD' })
  @IsOmittable()
  @Matches(/^[A-Z]{3}$/, { message: 'currency must be an ISO 4217 code such as USD' })
  @MaxLength(3)
  currency?: string;
}

export class JobCreatorDto {
  @ApiProperty({
    enum: ['user', 'api_key', 'agent', 'system', 'workflow_run'],
    description: 'Who queued it: a principal, the platform, or a workflow run (then id is the run)',
  })
  type!: string;
  @ApiProperty({ type: String, nullable: true }) id!: string | null;
}

export class JobProgressDto {
  @ApiPropertyOptional({ minimum: 0, maximum: 100 }) percent?: number;
  @ApiPropertyOptional() message?: string;
}

const BLOCKED_CODES: BlockedCode[] = ['NO_CAPABLE_AGENT', 'AGENT_LACKS_CAPABILITY', 'AGENT_LABELS_MISMATCH', 'AGENT_UNAVAILABLE'];

export class JobBlockedDto {
  @ApiProperty({
    enum: BLOCKED_CODES,
    description:
      'NO_CAPABLE_AGENT: no active agent has its type among its capabilities (and its selector among its labels). ' +
      'AGENT_LACKS_CAPABILITY: the agent it targets does not run its type. AGENT_LABELS_MISMATCH: the agent it targets lacks the labels of its selector. ' +
      'AGENT_UNAVAILABLE: the agent it targets is revoked or deleted.',
  })
  code!: BlockedCode;
  @ApiProperty({
    example: 'The agent it is aimed at (0192…) does not run secret.read jobs. It takes the job once it reports that capability…',
  })
  reason!: string;

  static of(job: Job): JobBlockedDto | null {
    return job.blockedCode ? { code: job.blockedCode, reason: blockedReason(job.blockedCode, job) } : null;
  }
}

export class JobDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ example: 'http-check' }) type!: string;
  @ApiProperty({ enum: STATUSES }) status!: JobStatus;
  @ApiProperty({ example: 0, description: 'Higher runs first' }) priority!: number;
  @ApiProperty({ type: 'object', additionalProperties: true }) payload!: Record<string, unknown>;
  @ApiProperty({ type: String, format: 'uuid', nullable: true, description: 'Only this agent may claim it' }) targetAgentId!: string | null;
  @ApiProperty({
    type: 'object',
    additionalProperties: { type: 'string' },
    nullable: true,
    description: 'Labels a claiming agent must carry',
  })
  selector!: Record<string, string> | null;
  @ApiProperty({ type: String, format: 'uuid', nullable: true, description: 'The agent holding (or that last held) it' }) agentId!:
    string | null;
  @ApiProperty({ description: 'Attempts started so far' }) attempts!: number;
  @ApiProperty() maxAttempts!: number;
  @ApiProperty({ description: 'Attempts after the first' }) retryCount!: number;
  @ApiProperty() timeoutSeconds!: number;
  @ApiProperty({ type: CostEstimateDto, nullable: true }) costEstimate!: CostEstimateDto | null;
  @ApiProperty({ type: UsageDto }) usage!: UsageDto;
  @ApiProperty({ type: 'object', additionalProperties: true, nullable: true }) result!: Record<string, unknown> | null;
  @ApiProperty({ type: JobProgressDto, nullable: true }) progress!: JobProgressDto | null;
  @ApiProperty({ type: String, nullable: true, example: 'LEASE_EXPIRED' }) errorCode!: string | null;
  @ApiProperty({ type: String, nullable: true }) errorMessage!: string | null;
  @ApiProperty({ type: String, nullable: true }) artifactUrl!: string | null;
  @ApiProperty({
    type: JobBlockedDto,
    nullable: true,
    description:
      'While queued: why no agent can take it (null when some agent may). It clears by itself once an agent reports what it lacked.',
  })
  blocked!: JobBlockedDto | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) leaseExpiresAt!: string | null;
  @ApiProperty({ format: 'date-time' }) queuedAt!: string;
  @ApiProperty({ format: 'date-time', description: 'Not claimable before (backoff)' }) availableAt!: string;
  @ApiProperty({ type: String, format: 'date-time', nullable: true, description: 'When the current or last attempt was claimed' })
  startedAt!: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) completedAt!: string | null;
  @ApiProperty({ type: JobCreatorDto }) createdBy!: JobCreatorDto;
  @ApiProperty({ type: String, nullable: true }) correlationId!: string | null;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
  @ApiProperty({ format: 'date-time' }) updatedAt!: string;

  static from(job: Job): JobDto {
    return {
      id: job.id,
      type: job.type,
      status: job.status,
      priority: job.priority,
      payload: job.payload,
      targetAgentId: job.targetAgentId,
      selector: job.selector,
      agentId: job.leasedBy,
      attempts: job.attempts,
      maxAttempts: job.maxAttempts,
      retryCount: Math.max(job.attempts - 1, 0),
      timeoutSeconds: job.timeoutSeconds,
      costEstimate: job.costEstimate,
      usage: job.usage,
      result: job.result,
      progress: job.progress,
      errorCode: job.errorCode,
      errorMessage: job.errorMessage,
      artifactUrl: job.artifactUrl,
      blocked: JobBlockedDto.of(job),
      leaseExpiresAt: job.leaseExpiresAt?.toISOString() ?? null,
      queuedAt: job.queuedAt.toISOString(),
      availableAt: job.availableAt.toISOString(),
      startedAt: job.startedAt?.toISOString() ?? null,
      completedAt: job.completedAt?.toISOString() ?? null,
      createdBy: { type: job.createdByType, id: job.createdById },
      correlationId: job.correlationId,
      createdAt: job.createdAt.toISOString(),
      updatedAt: job.updatedAt.toISOString(),
    };
  }
}

export class SubmitJobDto {
  @ApiProperty({ example: 'http-check', description: 'What to do; agents claim the types they declare as capabilities' })
  @MatchesPattern(JOB_TYPE, { message: 'type must be lower-case letters, digits, _ . - (up to 100), starting with a letter' })
  @MaxLength(100)
  type!: string;

  @ApiPropertyOptional({
    type: 'object',
    additionalProperties: true,
    example: { url: 'https://example.com/healthz' },
    description: 'Input for the handler; at most 256 KiB. Never put a secret here.',
  })
  @IsOmittable()
  @IsObject()
  @IsJsonObject(MAX_PAYLOAD_BYTES)
  payload?: Record<string, unknown>;

  @ApiPropertyOptional({ format: 'uuid', description: 'Only this agent may run it' })
  @IsOmittable()
  @IsUUID()
  targetAgentId?: string;

  @ApiPropertyOptional({
    type: 'object',
    additionalProperties: { type: 'string' },
    example: { region: 'eu-west' },
    description: 'Only agents carrying all these labels may run it',
  })
  @IsOmittable()
  @IsObject()
  @IsLabelMap()
  selector?: Record<string, string>;

  @ApiPropertyOptional({ minimum: -100, maximum: 100, default: 0, description: 'Higher runs first' })
  @IsOmittable()
  @IsInt()
  @Min(-100)
  @Max(100)
  priority?: number;

  @ApiPropertyOptional({ minimum: 1, maximum: 20, default: 3 })
  @IsOmittable()
  @IsInt()
  @Min(1)
  @Max(20)
  maxAttempts?: number;

  @ApiPropertyOptional({ minimum: 1, maximum: 86_400, default: 600, description: 'The most one attempt may run, in seconds' })
  @IsOmittable()
  @IsInt()
  @Min(1)
  @Max(86_400)
  timeoutSeconds?: number;

  @ApiPropertyOptional({ type: CostEstimateDto })
  @IsOmittable()
  @ValidateNested()
  @Type(() => CostEstimateDto)
  costEstimate?: CostEstimateDto;
}

export class ListJobsQuery extends CreatedWindowQuery {
  @ApiPropertyOptional({ description: 'One status or several (repeated, or comma-separated)', enum: STATUSES, isArray: true })
  @IsOmittable()
  @Transform(repeatedOrCommaSeparated)
  @IsIn(STATUSES, { each: true, message: `status must be among ${STATUSES.join(', ')}` })
  @ArrayMaxSize(STATUSES.length)
  status?: JobStatus[];

  @ApiPropertyOptional({ example: 'http-check' })
  @IsOmittable()
  @IsString()
  @Length(1, 100)
  type?: string;

  @ApiPropertyOptional({ format: 'uuid', description: 'Jobs held (or last held) by this agent' })
  @IsOmittable()
  @IsUUID()
  agentId?: string;
}

export class ClaimQuery {
  @ApiPropertyOptional({ minimum: 0, maximum: 30, default: 0, description: 'Long-poll: wait up to this many seconds for a matching job' })
  @IsOmittable()
  @Type(() => Number)
  @IsInt()
  @Min(0)
  @Max(30)
  wait?: number;

  @ApiPropertyOptional({ minimum: 1, maximum: 50, default: 1, description: 'Claim up to this many jobs at once' })
  @IsOmittable()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(50)
  max?: number;
}

export class LeaseDto {
  @ApiProperty({ format: 'uuid', description: 'Names this attempt: send it with progress and completion' }) id!: string;
  @ApiProperty({ format: 'date-time', description: 'Heartbeats renew it (up to the timeout)' }) expiresAt!: string;
  @ApiProperty({ description: '1 for the first attempt' }) attempt!: number;
}

export class JobClaimDto {
  @ApiProperty({ type: JobDto }) job!: JobDto;
  @ApiProperty({ type: LeaseDto }) lease!: LeaseDto;
}

export class ClaimedJobsDto {
  @ApiProperty({ type: [JobClaimDto], description: 'At least one; up to `max`' }) claims!: JobClaimDto[];
  @ApiProperty({ type: [String], description: 'Jobs you hold that were cancelled: stop them and complete them as cancelled' })
  cancelJobIds!: string[];
}

export class JobErrorDto {
  @ApiProperty({ example: 'HTTP_503', maxLength: 100 })
  @Matches(/^[A-Za-z0-9_.-]{1,100}$/, { message: 'error.code must be 1–100 letters, digits, _ . -' })
  code!: string;

  @ApiProperty({ maxLength: 2000 })
  @IsString()
  @Length(1, 2000)
  message!: string;

  @ApiPropertyOptional({ default: true, description: 'false: do not retry, whatever attempts remain' })
  @IsOmittable()
  @IsBoolean()
  retryable?: boolean;
}

export class CompleteJobDto {
  @ApiProperty({ format: 'uuid', description: 'The lease of the attempt being completed' })
  @IsUUID()
  leaseId!: string;

  @ApiProperty({ enum: ['succeeded', 'failed', 'cancelled'] })
  @IsIn(['succeeded', 'failed', 'cancelled'])
  status!: 'succeeded' | 'failed' | 'cancelled';

  @ApiPropertyOptional({ type: JobErrorDto, description: 'Why it failed' })
  @IsOmittable()
  @ValidateNested()
  @Type(() => JobErrorDto)
  error?: JobErrorDto;

  @ApiPropertyOptional({ type: 'object', additionalProperties: true, description: 'Output, at most 256 KiB. Never a secret value.' })
  @IsOmittable()
  @IsObject()
  @IsJsonObject(MAX_PAYLOAD_BYTES)
  result?: Record<string, unknown>;

  @ApiPropertyOptional({ type: UsageDto })
  @IsOmittable()
  @ValidateNested()
  @Type(() => UsageDto)
  usage?: UsageDto;

  @ApiPropertyOptional({ example: 'https://artifacts.example.com/run/42.tar.gz' })
  @IsOmittable()
  @IsUrl({ protocols: ['https', 'http', 's3', 'gs'], require_protocol: true, require_tld: false })
  @MaxLength(2048)
  artifactUrl?: string;
}

/** How many jobs one batched submission may carry. */
export const MAX_SUBMISSIONS_PER_BATCH = 100;

export class SubmitJobItemDto extends SubmitJobDto {
  @ApiProperty({
    minLength: 1,
    maxLength: 255,
    pattern: IDEMPOTENCY_KEY_FORMAT.source,
    description:
      "This job's own Idempotency-Key: a batch sent again answers the job each key queued (`replayed`), and the key works as " +
      "an Idempotency-Key of POST /jobs would. The same key with another job is that item's 422 IDEMPOTENCY_KEY_REUSED.",
  })
  @Matches(IDEMPOTENCY_KEY_FORMAT, { message: 'idempotencyKey must be 1 to 255 printable ASCII characters' })
  @Length(1, 255)
  idempotencyKey!: string;
}

export class SubmitJobsDto {
  @ApiProperty({
    type: [SubmitJobItemDto],
    minItems: 1,
    maxItems: MAX_SUBMISSIONS_PER_BATCH,
    description: 'Each with an idempotencyKey of its own (a key named twice is 400); each is judged on its own, as POST /jobs judges one',
  })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(MAX_SUBMISSIONS_PER_BATCH)
  @ArrayUnique((j: SubmitJobItemDto) => j?.idempotencyKey, { message: 'each job must have an idempotencyKey of its own' })
  @ValidateNested({ each: true })
  @Type(() => SubmitJobItemDto)
  jobs!: SubmitJobItemDto[];
}

export const SUBMISSION_REFUSALS = [
  'UNKNOWN_AGENT',
  'AGENT_REVOKED',
  'AGENT_LACKS_CAPABILITY',
  'AGENT_LABELS_MISMATCH',
  'IDEMPOTENCY_KEY_REUSED',
] as const;

export class SubmissionRefusalDto {
  @ApiProperty({ enum: SUBMISSION_REFUSALS, description: 'As POST /jobs would answer it (422)' })
  code!: (typeof SUBMISSION_REFUSALS)[number];
  @ApiProperty() message!: string;
  @ApiPropertyOptional({ type: 'object', additionalProperties: true }) details?: Record<string, unknown>;
}

export class SubmissionResultDto {
  @ApiProperty() idempotencyKey!: string;
  @ApiProperty({
    type: JobDto,
    nullable: true,
    description: 'The job queued (now, or by an earlier request with this key); null when refused',
  })
  job!: JobDto | null;
  @ApiProperty({ description: 'true: the job was queued by an earlier request with this key' }) replayed!: boolean;
  @ApiProperty({ type: SubmissionRefusalDto, nullable: true, description: 'Why nothing was queued; null when a job was' })
  error!: SubmissionRefusalDto | null;
}

export class SubmittedJobsDto {
  @ApiProperty({ type: [SubmissionResultDto], description: 'One result per job sent, in order' })
  results!: SubmissionResultDto[];
}

/** How many completions one batch may carry: the claim's own cap (`max`) twice over. */
export const MAX_COMPLETIONS_PER_BATCH = 100;

export class JobCompletionDto extends CompleteJobDto {
  @ApiProperty({ format: 'uuid', description: 'The job this completion is for' })
  @IsUUID()
  jobId!: string;
}

export class CompleteJobsDto {
  @ApiProperty({
    type: [JobCompletionDto],
    minItems: 1,
    maxItems: MAX_COMPLETIONS_PER_BATCH,
    description: 'One completion per job (a job named twice is 400); each is judged on its own, like a completion of one job',
  })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(MAX_COMPLETIONS_PER_BATCH)
  @ArrayUnique((c: JobCompletionDto) => c?.jobId, { message: 'completions must name each job once' })
  @ValidateNested({ each: true })
  @Type(() => JobCompletionDto)
  completions!: JobCompletionDto[];
}

export class CompletionRefusalDto {
  @ApiProperty({
    enum: ['LEASE_LOST', 'NOT_FOUND'],
    description: 'LEASE_LOST: the lease is no longer yours (drop the job); NOT_FOUND: no such job in your organization',
  })
  code!: 'LEASE_LOST' | 'NOT_FOUND';
  @ApiProperty() message!: string;
}

export class JobCompletionResultDto {
  @ApiProperty({ format: 'uuid' }) jobId!: string;
  @ApiProperty({ description: 'true: recorded now, or already recorded for this lease (a repeat)' }) recorded!: boolean;
  @ApiProperty({ type: CompletionRefusalDto, nullable: true, description: 'Why it was not recorded; null when it was' })
  error!: CompletionRefusalDto | null;
}

export class CompletedJobsDto {
  @ApiProperty({ type: [JobCompletionResultDto], description: 'One result per completion, in the order sent' })
  results!: JobCompletionResultDto[];
}

export class ReportProgressDto {
  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  leaseId!: string;

  @ApiPropertyOptional({ minimum: 0, maximum: 100 })
  @IsOmittable()
  @IsNumber({ allowNaN: false, allowInfinity: false })
  @Min(0)
  @Max(100)
  percent?: number;

  @ApiPropertyOptional({ maxLength: 2000 })
  @IsOmittable()
  @IsString()
  @Length(0, 2000)
  message?: string;
}

export class JobUsageDto {
  @ApiProperty({ format: 'uuid' }) jobId!: string;
  @ApiProperty({ enum: STATUSES }) status!: JobStatus;
  @ApiProperty() attempts!: number;
  @ApiProperty({ type: CostEstimateDto, nullable: true }) costEstimate!: CostEstimateDto | null;
  @ApiProperty({ type: UsageDto, description: 'Reported by agents, summed over attempts' }) usage!: UsageDto;
  @ApiProperty({ type: Number, nullable: true, description: 'From first queued to completed' }) totalMs!: number | null;

  static from(job: Job): JobUsageDto {
    return {
      jobId: job.id,
      status: job.status,
      attempts: job.attempts,
      costEstimate: job.costEstimate,
      usage: job.usage,
      totalMs: job.completedAt ? job.completedAt.getTime() - job.queuedAt.getTime() : null,
    };
  }
}
