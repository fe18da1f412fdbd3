import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsDate, IsString, IsUUID, Matches, MaxLength } from 'class-validator';
import { IsOmittable } from '../../../kernel/http/validators.js';
import type { AuditEvent } from '../../../kernel/audit/audit-event.entity.js';
import { CursorQuery } from '../../../kernel/pagination/cursor-page.js';

export class AuditEventDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid' }) organizationId!: string;
  @ApiProperty({ description: "Position in the organization's hash chain, from 1" }) seq!: number;
  @ApiProperty({ format: 'date-time' }) occurredAt!: string;
  @ApiProperty({ enum: ['user', 'api_key', 'agent', 'system', 'webhook'], description: 'webhook: a signed callback from an external system (actorId names it)' }) actorType!: string;
  @ApiProperty({ type: String, nullable: true }) actorId!: string | null;
  @ApiProperty({ example: 'role.create' }) action!: string;
  @ApiProperty({ type: String, nullable: true, example: 'role' }) resourceType!: string | null;
  @ApiProperty({ type: String, nullable: true }) resourceId!: string | null;
  @ApiProperty({ enum: ['success', 'failure', 'denied'] }) outcome!: string;
  @ApiProperty({ type: String, nullable: true }) correlationId!: string | null;
  @ApiProperty({ type: String, nullable: true }) requestId!: string | null;
  @ApiProperty({ type: String, nullable: true }) ip!: string | null;
  @ApiProperty({ type: String, nullable: true }) userAgent!: string | null;
  @ApiProperty({ type: 'object', additionalProperties: true, description: 'Context for a reader; never a secret' }) details!: Record<string, unknown>;
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

export class AuditEventsQuery extends CursorQuery {
  @ApiPropertyOptional({ description: 'Actor id (a user, API key or agent id)' })
  @IsOmittable() @IsString() @MaxLength(200)
  actor?: string;

  @ApiPropertyOptional({ example: 'role.*', description: 'An action, or a prefix ending in *' })
  @IsOmittable() @Matches(/^[a-z0-9_.]+\*?$/, { message: 'action must be like role.create or role.*' })
  action?: string;

  @ApiPropertyOptional({ example: 'role:01960000-0000-7000-8000-000000000001', description: 'A resource type, or type:id' })
  @IsOmittable() @Matches(/^[a-z0-9_]+(:[A-Za-z0-9._-]+)?$/, { message: 'resource must be like role or role:<id>' })
  resource?: string;

  @ApiPropertyOptional({ name: 'correlation_id', description: "The request's x-correlation-id" })
  @IsOmittable() @IsString() @MaxLength(128)
  correlation_id?: string;

  @ApiPropertyOptional({ format: 'date-time', description: 'From this time (inclusive)' })
  @IsOmittable() @Type(() => Date) @IsDate()
  since?: Date;

  @ApiPropertyOptional({ format: 'date-time', description: 'Before this time' })
  @IsOmittable() @Type(() => Date) @IsDate()
  until?: Date;
}

export class PlatformAuditQuery extends AuditEventsQuery {
  @ApiPropertyOptional({ name: 'organization_id', format: 'uuid', description: 'One organization only' })
  @IsOmittable() @IsUUID()
  organization_id?: string;
}

export class ChainVerificationDto {
  @ApiProperty({ description: 'Every link holds and the head agrees' }) valid!: boolean;
  @ApiProperty() eventsChecked!: number;
  @ApiProperty({ type: 'object', nullable: true, properties: { seq: { type: 'number' }, reason: { type: 'string' } }, description: 'The first event that breaks the chain' })
  firstInvalid!: { seq: number; reason: string } | null;
}
