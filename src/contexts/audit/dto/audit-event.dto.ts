import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsDate, IsString, IsUUID, Matches, MaxLength } from 'class-validator';
import { IsOmittable, MatchesPattern } from '../../../kernel/http/validators.js';
import { CHECKPOINT_TOKEN_PATTERN, checkpointStatement, checkpointToken } from '../../../kernel/audit/audit-checkpoint.js';
import type { AuditCheckpoint, AuditEvent } from '../../../kernel/audit/audit-event.entity.js';
import { CHAIN_FAILURES, type ChainFailure } from '../../../kernel/audit/audit-store.js';
import { CursorQuery } from '../../../kernel/pagination/cursor-page.js';
import { SeedAlias } from '../../../kernel/http/query-lists.js';

/** Who can act in the trail: principals, the system, and callers proven by a credential of their own (a webhook's signature, a git remote's password). */
const ACTOR_TYPES_OF_TRAIL = ['user', 'api_key', 'agent', 'system', 'webhook', 'git_upload'] as const;

export class AuditEventDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid' }) organizationId!: string;
  @ApiProperty({ description: "Position in the organization's hash chain, from 1" }) seq!: number;
  @ApiProperty({ format: 'date-time' }) occurredAt!: string;
  @ApiProperty({
    enum: ACTOR_TYPES_OF_TRAIL,
    description:
      'webhook: a signed callback from an external system (actorId names it); git_upload: a `git push` to a temporary remote, proven by its password (actorId is the remote)',
  })
  actorType!: string;
  @ApiProperty({ type: String, nullable: true }) actorId!: string | null;
  @ApiProperty({ example: 'role.create' }) action!: string;
  @ApiProperty({ type: String, nullable: true, example: 'role' }) resourceType!: string | null;
  @ApiProperty({ type: String, nullable: true }) resourceId!: string | null;
  @ApiProperty({ enum: ['success', 'failure', 'denied'] }) outcome!: string;
  @ApiProperty({ type: String, nullable: true }) correlationId!: string | null;
  @ApiProperty({ type: String, nullable: true }) requestId!: string | null;
  @ApiProperty({ type: String, nullable: true }) ip!: string | null;
  @ApiProperty({ type: String, nullable: true }) userAgent!: string | null;
  @ApiProperty({ type: 'object', additionalProperties: true, description: 'Context for a reader; never a secret' }) details!: Record<
    string,
    unknown
  >;
  @ApiProperty({ description: 'Hex SHA-256 linking this event to the previous one' }) hash!: string;

  static from(e: AuditEvent): AuditEventDto {
    return {
      id: e.id,
      organizationId: e.organizationId,
      seq: e.seq,
      occurredAt: e.occurredAt.toISOString(),
      actorType: e.actorType,
      actorId: e.actorId,
      action: e.action,
      resourceType: e.resourceType,
      resourceId: e.resourceId,
      outcome: e.outcome,
      correlationId: e.correlationId,
      requestId: e.requestId,
      ip: e.ip,
      userAgent: e.userAgent,
      details: e.details,
      hash: e.hash.toString('hex'),
    };
  }
}

/** The actor types the trail records; `actor=<type>:<id>` names one of them. */
export const ACTOR_TYPES = ACTOR_TYPES_OF_TRAIL;
const ACTOR_FILTER = new RegExp(`^((${ACTOR_TYPES.join('|')}):)?[^\\s:]{1,200}$`);

export class AuditEventsQuery extends CursorQuery {
  @ApiPropertyOptional({
    example: 'user:01960000-0000-7000-8000-000000000001',
    pattern: ACTOR_FILTER.source,
    description:
      'An actor as the trail records it: `<type>:<id>` (`user:<id>`, `api_key:<id>`, `agent:<id>`, `system:<name>` such as `system:job-reaper`, `webhook:<source>`), or a bare id of any type',
  })
  @IsOmittable()
  @IsString()
  @MatchesPattern(ACTOR_FILTER, { message: `actor must be an id, or <type>:<id> with type one of ${ACTOR_TYPES.join(', ')}` })
  @MaxLength(300)
  actor?: string;

  @ApiPropertyOptional({ example: 'role.*', description: 'An action, or a prefix ending in *' })
  @IsOmittable()
  @Matches(/^[a-z0-9_.]+\*?$/, { message: 'action must be like role.create or role.*' })
  @MaxLength(200)
  action?: string;

  @ApiPropertyOptional({ example: 'role:01960000-0000-7000-8000-000000000001', description: 'A resource type, or type:id' })
  @IsOmittable()
  @Matches(/^[a-z0-9_]+(:[A-Za-z0-9._-]+)?$/, { message: 'resource must be like role or role:<id>' })
  @MaxLength(300)
  resource?: string;

  @ApiPropertyOptional({ description: "The request's x-correlation-id", maxLength: 128 })
  @SeedAlias('correlation_id', '000', { type: String, maxLength: 128 })
  @IsOmittable()
  @IsString()
  @MaxLength(128)
  correlationId?: string;

  @ApiPropertyOptional({ format: 'date-time', description: 'From this time (inclusive)' })
  @IsOmittable()
  @Type(() => Date)
  @IsDate()
  since?: Date;

  @ApiPropertyOptional({ format: 'date-time', description: 'Before this time' })
  @IsOmittable()
  @Type(() => Date)
  @IsDate()
  until?: Date;
}

export class PlatformAuditQuery extends AuditEventsQuery {
  @ApiPropertyOptional({ format: 'uuid', description: 'One organization only' })
  @IsOmittable()
  @IsUUID()
  organizationId?: string;
}

export class VerifyAuditChainQuery {
  @ApiPropertyOptional({
    description:
      'A checkpoint token kept from POST /audit-events/checkpoints or the checkpoint list (`<base64url statement>.<base64url signature>`): ' +
      'the trail must still hold the event it signed, with the same hash (docs/audit-trail.md)',
    maxLength: 1100,
    pattern: CHECKPOINT_TOKEN_PATTERN.source,
  })
  @IsOmittable()
  @IsString()
  @MaxLength(1100)
  @MatchesPattern(CHECKPOINT_TOKEN_PATTERN, { message: 'checkpoint must be a checkpoint token: <base64url>.<base64url>' })
  checkpoint?: string;
}

class CheckpointCheckDto {
  @ApiProperty({ description: 'The event the checkpoint signed' }) seq!: number;
  @ApiProperty({ description: 'Its hash, hex, as the checkpoint states it' }) hash!: string;
  @ApiProperty({ format: 'date-time' }) signedAt!: string;
  @ApiProperty() keyId!: string;
  @ApiProperty({ description: 'The trail still holds that event with that hash, and the chain from it to the head verifies' })
  extended!: boolean;
}

export class ChainVerificationDto {
  @ApiProperty({ description: 'Every link holds, the head agrees, and the trail extends the newest stored checkpoint and the one given' })
  valid!: boolean;
  @ApiProperty({ description: 'Links that held, from the first' }) eventsChecked!: number;
  @ApiProperty({
    type: 'object',
    nullable: true,
    properties: { seq: { type: 'number' }, reason: { type: 'string' } },
    required: ['seq', 'reason'],
    description: 'The first event that breaks the chain',
  })
  firstInvalid!: { seq: number; reason: string } | null;
  @ApiPropertyOptional({
    enum: CHAIN_FAILURES,
    description:
      'Present when valid is false. EVENTS_MISSING (a gap), LINK_BROKEN (a previous-hash that does not match), CONTENT_MISMATCH (an edited or forged event), ' +
      'UNKEYED_AFTER_KEYED (an event claiming the unkeyed scheme after a keyed one), UNKNOWN_CHAIN_KEY (chained under a master key this server does not hold), ' +
      "UNKNOWN_CHAIN_VERSION, HEAD_MISMATCH (the head records missing events), TRUNCATED (a checkpoint's event is gone), REWRITTEN (it has another hash), " +
      'CHECKPOINT_FORGED (a stored checkpoint whose signature does not verify)',
  })
  failure?: ChainFailure;
  @ApiPropertyOptional({ type: CheckpointCheckDto, description: 'Present when a checkpoint was given' })
  checkpoint?: CheckpointCheckDto;
}

export class AuditCheckpointDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid' }) organizationId!: string;
  @ApiProperty({ description: 'The chain head signed: the position of the newest event' }) seq!: number;
  @ApiProperty({ description: "That event's hash, hex" }) hash!: string;
  @ApiProperty({ format: 'date-time' }) signedAt!: string;
  @ApiProperty({ description: 'The signing key: a kid of /.well-known/audit-checkpoint-keys' }) keyId!: string;
  @ApiProperty({ enum: ['scheduled', 'requested'] }) origin!: string;
  @ApiProperty({ description: 'Ed25519 signature of the statement, base64url (64 bytes)' }) signature!: string;
  @ApiProperty({
    description: 'Statement and signature in one string to keep outside Marshal and give back to GET /audit-events/verify?checkpoint=',
  })
  token!: string;
  @ApiProperty({ description: 'The exact signed text (docs/audit-trail.md)' }) statement!: string;

  static from(c: AuditCheckpoint): AuditCheckpointDto {
    return {
      id: c.id,
      organizationId: c.organizationId,
      seq: c.seq,
      hash: c.hash.toString('hex'),
      signedAt: c.signedAt.toISOString(),
      keyId: c.keyId,
      origin: c.origin,
      signature: c.signature.toString('base64url'),
      token: checkpointToken(c, c.signature),
      statement: checkpointStatement(c),
    };
  }
}
