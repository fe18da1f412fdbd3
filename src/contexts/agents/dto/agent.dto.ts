import { applyDecorators } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMaxSize, IsArray, IsIn, IsObject, IsString, IsUUID, Length, Matches, MaxLength } from 'class-validator';
import { IsLabelMap, IsOmittable } from '../../../kernel/http/validators.js';
import { PageQuery } from '../../../kernel/pagination/page.js';
import { type Agent, type AgentConnectivity, type AgentStatus, connectivityOf } from '../entities/agent.entity.js';

/** Job types, or `*` for any. */
const CAPABILITY = /^(\*|[a-z][a-z0-9_.-]{0,99})$/;

/** An optional list of capabilities in a body, its rules in the document. */
function CapabilityList(description: string, example: string[]) {
  return applyDecorators(
    ApiPropertyOptional({ type: [String], example, description, maxItems: 100, items: { type: 'string', pattern: CAPABILITY.source } }),
    IsOmittable(),
    IsArray(),
    ArrayMaxSize(100),
    Matches(CAPABILITY, { each: true, message: 'each capability must be a job type (lower-case letters, digits, _ . -) or *' }),
    MaxLength(100, { each: true }),
  );
}

export class AgentDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ example: 'edge-paris-01' }) name!: string;
  @ApiProperty({ type: String, nullable: true }) description!: string | null;
  @ApiProperty({ enum: ['active', 'revoked'] }) status!: AgentStatus;
  @ApiProperty({
    enum: ['online', 'stale', 'offline'],
    description: 'From lastSeenAt: online within 3 heartbeat intervals, stale within 10',
  })
  connectivity!: AgentConnectivity;
  @ApiProperty({ type: 'object', additionalProperties: { type: 'string' }, example: { region: 'eu-west', cluster: 'prod' } })
  labels!: Record<string, string>;
  @ApiProperty({
    type: [String],
    example: ['noop', 'shell', 'http-check'],
    description:
      'Job types it runs; `*` (or none) for any. What the agent last reported itself, or else the list given at mint time or by an edit.',
  })
  capabilities!: string[];
  @ApiProperty({
    type: String,
    format: 'date-time',
    nullable: true,
    description:
      'When the agent last reported its capabilities (at registration or heartbeat); null: they are the ones given at mint time or by an edit since',
  })
  capabilitiesReportedAt!: string | null;
  @ApiProperty({ type: String, nullable: true, description: 'X25519 public key for wire envelopes (base64url, 32 bytes)' }) publicKey!:
    string | null;
  @ApiProperty({ type: String, nullable: true }) version!: string | null;
  @ApiProperty({ type: String, nullable: true }) hostname!: string | null;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) environmentId!: string | null;
  @ApiProperty({ enum: ['mint', 'enrollment'] }) enrolledVia!: 'mint' | 'enrollment';
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) lastSeenAt!: string | null;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
  @ApiProperty({ format: 'date-time' }) updatedAt!: string;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) revokedAt!: string | null;

  static from(agent: Agent, heartbeatIntervalSeconds: number): AgentDto {
    return {
      id: agent.id,
      name: agent.name,
      description: agent.description,
      status: agent.status,
      connectivity: agent.status === 'revoked' ? 'offline' : connectivityOf(agent.lastSeenAt, heartbeatIntervalSeconds),
      labels: agent.labels,
      capabilities: agent.capabilities,
      capabilitiesReportedAt: agent.capabilitiesReportedAt?.toISOString() ?? null,
      publicKey: agent.publicKey,
      version: agent.version,
      hostname: agent.hostname,
      environmentId: agent.environmentId,
      enrolledVia: agent.enrolledVia,
      lastSeenAt: agent.lastSeenAt?.toISOString() ?? null,
      createdAt: agent.createdAt.toISOString(),
      updatedAt: agent.updatedAt.toISOString(),
      revokedAt: agent.revokedAt?.toISOString() ?? null,
    };
  }
}

/** What the server wants of an agent's timing. */
export class AgentTimingDto {
  @ApiProperty({ example: 10, description: 'Send a heartbeat this often' }) heartbeatIntervalSeconds!: number;
  @ApiProperty({ example: 5, description: 'Between claims when not long-polling' }) pollIntervalSeconds!: number;
  @ApiProperty({ example: 30, description: 'How long a claim holds a job without a heartbeat' }) leaseSeconds!: number;
}

export class AgentCredentialsDto {
  @ApiProperty({ type: AgentDto }) agent!: AgentDto;
  @ApiProperty({ example: 'mas_0192…_…', description: 'The agent secret, for `X-Agent-Secret`. Shown this once: store it now.' })
  agentSecret!: string;
  @ApiProperty({ type: AgentTimingDto }) timing!: AgentTimingDto;
}

class AgentDescription {
  @ApiPropertyOptional({ maxLength: 500 })
  @IsOmittable()
  @IsString()
  @Length(0, 500)
  description?: string;

  @ApiPropertyOptional({ type: 'object', additionalProperties: { type: 'string' }, example: { region: 'eu-west' } })
  @IsOmittable()
  @IsObject()
  @IsLabelMap()
  labels?: Record<string, string>;

  @CapabilityList('Job types it runs (lower-case), or `*`. An agent that reports its own (at registration or heartbeat) replaces them.', [
    'noop',
    'shell',
  ])
  capabilities?: string[];
}

export class MintAgentDto extends AgentDescription {
  @ApiProperty({ example: 'edge-paris-01', maxLength: 100 })
  @IsString()
  @Matches(/^[A-Za-z0-9][A-Za-z0-9_.-]{0,99}$/, { message: 'name must be 1–100 letters, digits, _ . -, starting with a letter or digit' })
  name!: string;

  @ApiPropertyOptional({ format: 'uuid', description: 'The environment it serves, if any' })
  @IsOmittable()
  @IsUUID()
  environmentId?: string;
}

export class UpdateAgentDto extends AgentDescription {
  @ApiPropertyOptional({ example: 'edge-paris-01', maxLength: 100 })
  @IsOmittable()
  @IsString()
  @Matches(/^[A-Za-z0-9][A-Za-z0-9_.-]{0,99}$/, { message: 'name must be 1–100 letters, digits, _ . -, starting with a letter or digit' })
  name?: string;
}

export class RegisterAgentDto extends MintAgentDto {
  @ApiProperty({ description: 'The enrollment token from POST /api/v1/edge-agent/enrollment/rotate', example: 'met_0192…_…' })
  @IsString()
  @Length(1, 200)
  enrollmentToken!: string;

  @ApiPropertyOptional({ maxLength: 100, example: '1.4.2' })
  @IsOmittable()
  @IsString()
  @Length(1, 100)
  version?: string;

  @ApiPropertyOptional({ maxLength: 255 })
  @IsOmittable()
  @IsString()
  @Length(1, 255)
  hostname?: string;

  @ApiPropertyOptional({ description: 'X25519 public key (base64url or base64 of 32 bytes)' })
  @IsOmittable()
  @IsString()
  @Length(1, 200)
  publicKey?: string;
}

export class PublicKeyDto {
  @ApiProperty({
    description: 'X25519 public key: base64url or base64 of its 32 raw bytes, or a PEM (SPKI)',
    example: 'hSDwCYkwp1R0i33ctD73Wg2_Og0mOBr066SpjqqbTmo',
  })
  @IsString()
  @Length(1, 1000)
  publicKey!: string;
}

export class HeartbeatDto {
  @ApiPropertyOptional({
    type: [String],
    format: 'uuid',
    description:
      'The jobs this agent process holds now. When given, only their leases are renewed, and any other job the agent holds is ' +
      'released at once (a restarted agent has forgotten it). When omitted, every lease the agent holds is renewed.',
  })
  @IsOmittable()
  @IsArray()
  @ArrayMaxSize(200)
  @IsUUID('all', { each: true })
  jobIds?: string[];

  @ApiPropertyOptional({ maxLength: 100, example: '1.4.2' })
  @IsOmittable()
  @IsString()
  @Length(1, 100)
  version?: string;

  @ApiPropertyOptional({ maxLength: 255 })
  @IsOmittable()
  @IsString()
  @Length(1, 255)
  hostname?: string;

  @CapabilityList(
    'The job types this agent process runs, from the handlers it has. When given, they replace its capabilities (those given at mint time, ' +
      'by an edit, or reported before); a change is an agent.capabilities_changed event and an audit entry. Omitted: unchanged.',
    ['noop', 'http-check', 'secret.read'],
  )
  capabilities?: string[];
}

export class ListAgentsQuery extends PageQuery {
  @ApiPropertyOptional({ enum: ['active', 'revoked'] })
  @IsOmittable()
  @IsIn(['active', 'revoked'])
  status?: AgentStatus;

  @ApiPropertyOptional({ enum: ['online', 'stale', 'offline'] })
  @IsOmittable()
  @IsIn(['online', 'stale', 'offline'])
  connectivity?: AgentConnectivity;

  @ApiPropertyOptional({ description: 'Agents declaring this capability (job type)' })
  @IsOmittable()
  @IsString()
  @Length(1, 100)
  capability?: string;

  @ApiPropertyOptional({ description: 'A label, `key=value`', example: 'region=eu-west' })
  @IsOmittable()
  @Matches(/^[^=]{1,64}=.{0,256}$/, { message: 'label must look like key=value' })
  @MaxLength(321)
  label?: string;
}
