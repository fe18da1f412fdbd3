import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

/** What a context emits: `job.queued` about job 0190…, with a small, secret-free payload. */
export interface EventEntry {
  organizationId: string;
  /** `<resource>.<what happened>`, e.g. `job.succeeded`. */
  type: string;
  resourceType: string;
  resourceId: string;
  /** Never a secret value: events reach streams, dashboards and webhooks. */
  data?: Record<string, unknown>;
}

/** An event as stored and as streamed. */
export class DomainEvent {
  @ApiProperty({ format: 'uuid' }) id!: string;
  /** Stream position: the SSE event id, and what `Last-Event-ID` / `after` take. */
  @ApiProperty({ example: '7312-88410', description: 'Stream position; send it back as Last-Event-ID to resume after this event' })
  cursor!: string;
  @ApiProperty({ format: 'uuid' }) organizationId!: string;
  @ApiProperty({ example: 'job.succeeded' }) type!: string;
  @ApiProperty({ example: 'job' }) resourceType!: string;
  @ApiProperty() resourceId!: string;
  @ApiProperty({ enum: ['user', 'api_key', 'agent', 'system'] }) actorType!: string;
  @ApiPropertyOptional({ nullable: true, type: String }) actorId!: string | null;
  @ApiPropertyOptional({ nullable: true, type: String }) correlationId!: string | null;
  @ApiProperty({ type: 'object', additionalProperties: true }) data!: Record<string, unknown>;
  @ApiProperty({ format: 'date-time' }) occurredAt!: Date;
}
