import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsDate, IsInt, IsString, IsUUID, Length, Max, Min } from 'class-validator';
import { IsOmittable } from '../../../kernel/http/validators.js';
import { PageQuery } from '../../../kernel/pagination/page.js';
import { AgentDto } from '../../agents/index.js';
import { JobDto } from '../../jobs/index.js';

export class AgentCountsDto {
  @ApiProperty() online!: number;
  @ApiProperty() stale!: number;
  @ApiProperty() offline!: number;
  @ApiProperty() revoked!: number;
}

export class QueueTotalsDto {
  @ApiProperty({ description: 'Claimable now' }) ready!: number;
  @ApiProperty({ description: 'Waiting out a retry backoff' }) delayed!: number;
  @ApiProperty() leased!: number;
  @ApiProperty() running!: number;
  @ApiProperty({ type: Number, nullable: true, description: 'Age of the oldest claimable job' }) oldestReadyAgeSeconds!: number | null;
  @ApiProperty({ description: 'Queued jobs no agent can take (see `blocked`)' }) blocked!: number;
}

export class BlockedWorkDto {
  @ApiProperty({ example: 'secret.read' }) type!: string;
  @ApiProperty({ type: String, format: 'uuid', nullable: true, description: 'The agent these jobs are aimed at, if any' }) targetAgentId!:
    string | null;
  @ApiProperty({ type: 'object', additionalProperties: { type: 'string' }, nullable: true }) selector!: Record<string, string> | null;
  @ApiProperty({
    enum: ['NO_CAPABLE_AGENT', 'AGENT_LACKS_CAPABILITY', 'AGENT_LABELS_MISMATCH', 'AGENT_UNAVAILABLE'],
    description: "As a job's `blocked.code`",
  })
  code!: string;
  @ApiProperty() reason!: string;
  @ApiProperty({ description: 'How many queued jobs wait for this' }) jobs!: number;
  @ApiProperty({ format: 'date-time' }) oldestQueuedAt!: string;
}

export class ReplicaDto {
  @ApiProperty({ description: 'Event streams (SSE) this replica serves' }) eventStreams!: number;
  @ApiProperty({ description: 'WebSocket connections this replica serves' }) webSockets!: number;
}

export class RuntimeHealthDto {
  @ApiProperty({
    enum: ['ok', 'degraded'],
    description: 'degraded: jobs are waiting and no agent is online, the oldest has waited over a minute, or some no agent can take',
  })
  status!: 'ok' | 'degraded';
  @ApiProperty({ type: [String], example: ['3 jobs are waiting and no agent is online'] }) problems!: string[];
  @ApiProperty({ type: AgentCountsDto }) agents!: AgentCountsDto;
  @ApiProperty({ type: QueueTotalsDto }) queue!: QueueTotalsDto;
  @ApiProperty({
    type: [BlockedWorkDto],
    description: 'Queued jobs no agent can take, grouped by what they wait for (type, target, selector), the largest 20 groups',
  })
  blocked!: BlockedWorkDto[];
  @ApiProperty({ description: 'Failed or expired in the last hour' }) failuresLastHour!: number;
  @ApiProperty({ type: ReplicaDto }) replica!: ReplicaDto;
}

export class QueueDto {
  @ApiProperty({ example: 'http-check' }) type!: string;
  @ApiProperty({ description: 'Claimable now' }) ready!: number;
  @ApiProperty({ description: 'Waiting out a retry backoff' }) delayed!: number;
  @ApiProperty() leased!: number;
  @ApiProperty() running!: number;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) oldestReadyAt!: string | null;
  @ApiProperty({ type: Number, nullable: true }) oldestReadyAgeSeconds!: number | null;
}

export class FailuresQuery extends PageQuery {
  @ApiPropertyOptional({ example: 'http-check' })
  @IsOmittable()
  @IsString()
  @Length(1, 100)
  type?: string;

  @ApiPropertyOptional({ format: 'date-time', description: 'Finished at or after' })
  @IsOmittable()
  @Type(() => Date)
  @IsDate()
  since?: Date;
}

export class RuntimeAgentDto extends AgentDto {
  @ApiProperty({ description: 'Jobs it holds now' }) heldJobs!: number;
}

export class SmokeTestDto {
  @ApiPropertyOptional({ minimum: 1, maximum: 30, default: 10, description: 'How long to wait for an agent to run it' })
  @IsOmittable()
  @IsInt()
  @Min(1)
  @Max(30)
  timeoutSeconds?: number;

  @ApiPropertyOptional({ format: 'uuid', description: 'Test this agent; any agent that runs `noop` otherwise' })
  @IsOmittable()
  @IsUUID()
  targetAgentId?: string;
}

export class SmokeResultDto {
  @ApiProperty({
    enum: ['succeeded', 'failed', 'timeout'],
    description: 'timeout: no agent finished it in time (the job is then cancelled)',
  })
  outcome!: 'succeeded' | 'failed' | 'timeout';
  @ApiProperty({ type: JobDto }) job!: JobDto;
  @ApiProperty({ description: 'From queued to finished (or to the timeout)' }) roundTripMs!: number;
}
