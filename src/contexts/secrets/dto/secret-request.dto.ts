import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { ArrayMaxSize, IsBase64, IsIn, IsString, IsUUID, Length, MaxLength } from 'class-validator';
import { IsOmittable } from '../../../kernel/http/validators.js';
import { repeatedOrCommaSeparated, SeedAlias } from '../../../kernel/http/query-lists.js';
import { PageQuery } from '../../../kernel/pagination/page.js';
import { ApprovalStateDto } from '../../approvals/index.js';
import { JobBlockedDto } from '../../jobs/index.js';
import type { RequestView } from '../request-view.js';
import type { SecretRequestKind, SecretRequestStatus } from '../entities/secret-request.entity.js';
import type { SecretWrap } from '../entities/secret-wrap.entity.js';

const STATUSES: SecretRequestStatus[] = ['pending', 'approved', 'completed', 'failed', 'rejected', 'cancelled', 'expired'];
const KINDS: SecretRequestKind[] = ['read', 'patch'];
/** A secret value: up to 64 KiB of text. */
export const MAX_VALUE_LENGTH = 65_536;

export class CreateRequestDto {
  @ApiProperty({ format: 'uuid', description: 'The discovered secret (GET /secrets)' })
  @IsUUID()
  secretId!: string;

  @ApiProperty({
    minLength: 3,
    maxLength: 2000,
    example: 'INC-4211: rotate the payments DB password',
    description: 'Why: approvers see it',
  })
  @IsString()
  @Length(3, 2000)
  reason!: string;
}

export class CreateReadRequestDto extends CreateRequestDto {
  @ApiPropertyOptional({
    example: 'hSDwCYkwp1R0i33ctD73Wg2_Og0mOBr066SpjqqbTmo',
    description:
      'Your X25519 public key (base64url, base64 or PEM). Given, the value is released to you only as a wire envelope sealed to it ' +
      '(docs/wire-envelope.md), so nothing between Marshal and your client (a proxy, a log) sees it.',
  })
  @IsOmittable()
  @IsString()
  @MaxLength(500)
  recipientPublicKey?: string;
}

export class CreatePatchRequestDto extends CreateRequestDto {
  @ApiProperty({
    maxLength: MAX_VALUE_LENGTH,
    writeOnly: true,
    description: 'The new value. Sealed at once (envelope encryption); only the agent that writes it ever opens it, once.',
  })
  @IsString()
  @Length(1, MAX_VALUE_LENGTH)
  value!: string;
}

export class CancelRequestDto {
  @ApiPropertyOptional({ format: 'uuid', description: 'Optional; when given it must be the caller' })
  @IsOmittable()
  @IsUUID()
  actorId?: string;
}

export class ListSecretRequestsQuery extends PageQuery {
  @ApiPropertyOptional({ format: 'uuid' })
  @SeedAlias('requester_id', '000', { type: String, format: 'uuid', maxLength: 36 })
  @IsOmittable()
  @IsUUID()
  requesterId?: string;

  @ApiPropertyOptional({ description: 'One status or several (repeated, or comma-separated)', enum: STATUSES, isArray: true })
  @IsOmittable()
  @Transform(repeatedOrCommaSeparated)
  @IsIn(STATUSES, { each: true, message: `status must be among ${STATUSES.join(', ')}` })
  @ArrayMaxSize(STATUSES.length)
  status?: SecretRequestStatus[];

  @ApiPropertyOptional({ enum: KINDS })
  @IsOmittable()
  @IsIn(KINDS)
  kind?: SecretRequestKind;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOmittable()
  @IsUUID()
  secretId?: string;
}

export class SecretLocationDto {
  @ApiProperty({ format: 'uuid' }) secretId!: string;
  @ApiProperty({ example: 'prod-eu-1' }) clusterName!: string;
  @ApiProperty({ example: 'payments' }) namespace!: string;
  @ApiProperty({ example: 'kubernetes' }) provider!: string;
  @ApiProperty({ example: 'db-password' }) ref!: string;
}

export class SecretRequestDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ enum: KINDS }) kind!: SecretRequestKind;
  @ApiProperty({
    enum: STATUSES,
    description: 'pending → approved (the job is with the agent) → completed | failed; or rejected, cancelled, expired',
  })
  status!: SecretRequestStatus;
  @ApiProperty({ type: SecretLocationDto }) secret!: SecretLocationDto;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) projectId!: string | null;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) environmentId!: string | null;
  @ApiProperty({ format: 'uuid', description: 'The agent of the cluster that fetches or writes it' }) agentId!: string;
  @ApiProperty({ format: 'uuid' }) requesterId!: string;
  @ApiProperty() reason!: string;
  @ApiProperty({ description: 'The value is released sealed to the key the requester gave' }) sealedForRecipient!: boolean;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) jobId!: string | null;
  @ApiProperty({
    type: JobBlockedDto,
    nullable: true,
    description:
      'Approved, while its job waits because the agent cannot take it (say, it does not report the capability): why. It clears by itself once it can.',
  })
  blocked!: JobBlockedDto | null;
  @ApiProperty({ type: String, nullable: true, example: 'NO_AGENT_FOR_CLUSTER' }) failureCode!: string | null;
  @ApiProperty({ type: String, nullable: true }) failureMessage!: string | null;
  @ApiProperty({ type: ApprovalStateDto, nullable: true, description: 'The approval, with every decision' })
  approval!: ApprovalStateDto | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) decidedAt!: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) completedAt!: string | null;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
  @ApiProperty({ format: 'date-time' }) updatedAt!: string;

  static from({ request: r, approval, blocked }: RequestView): SecretRequestDto {
    return {
      id: r.id,
      kind: r.kind,
      status: r.status,
      secret: { secretId: r.secretId, clusterName: r.clusterName, namespace: r.namespace, provider: r.provider, ref: r.ref },
      projectId: r.projectId,
      environmentId: r.environmentId,
      agentId: r.agentId,
      requesterId: r.requesterId,
      reason: r.reason,
      sealedForRecipient: r.recipientPublicKey !== null,
      jobId: r.jobId,
      blocked,
      failureCode: r.failureCode,
      failureMessage: r.failureMessage,
      approval: approval ? ApprovalStateDto.from(approval) : null,
      decidedAt: r.decidedAt?.toISOString() ?? null,
      completedAt: r.completedAt?.toISOString() ?? null,
      createdAt: r.createdAt.toISOString(),
      updatedAt: r.updatedAt.toISOString(),
    };
  }
}

export class WrapSummaryDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ enum: ['available', 'consumed', 'expired', 'withdrawn'] }) state!: string;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) expiresAt!: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) consumedAt!: string | null;

  static from(w: SecretWrap): WrapSummaryDto {
    const state = w.consumedAt
      ? 'consumed'
      : w.shredReason === 'expired' || (w.expiresAt && w.expiresAt <= new Date())
        ? 'expired'
        : w.shreddedAt
          ? 'withdrawn'
          : 'available';
    return {
      id: w.id,
      state,
      createdAt: w.createdAt.toISOString(),
      expiresAt: w.expiresAt?.toISOString() ?? null,
      consumedAt: w.consumedAt?.toISOString() ?? null,
    };
  }
}

export class RetrievedValueDto {
  @ApiProperty({ format: 'uuid' }) wrapId!: string;
  @ApiProperty({ format: 'uuid' }) requestId!: string;
  @ApiProperty({
    description:
      'The secret value, shown this once, never again (the wrap is shredded); with a recipient key, the wire envelope (base64url)',
  })
  value!: string;
  @ApiProperty({
    enum: ['utf8', 'base64', 'wire-envelope'],
    description: 'base64 when the value is not valid UTF-8; wire-envelope when the request named a recipient key',
  })
  encoding!: 'utf8' | 'base64' | 'wire-envelope';
  @ApiPropertyOptional({ description: 'For a wire envelope: the context it is bound to (UTF-8)' }) context?: string;

  /** A sealed value as base64url with its context; text as it is; other bytes as base64. */
  static from(wrap: SecretWrap, value: Buffer, context?: string): RetrievedValueDto {
    const base = { wrapId: wrap.id, requestId: wrap.requestId };
    if (context) return { ...base, value: value.toString('base64url'), encoding: 'wire-envelope', context };
    try {
      return { ...base, value: new TextDecoder('utf-8', { fatal: true }).decode(value), encoding: 'utf8' };
    } catch {
      return { ...base, value: value.toString('base64'), encoding: 'base64' };
    }
  }
}

export class IssueDataKeyDto {
  @ApiProperty({ format: 'uuid', description: 'The secret.read job this agent holds' })
  @IsUUID()
  jobId!: string;
}

export class DataKeyDto {
  @ApiProperty({
    description:
      "The 32-byte AES-256-GCM data key in a wire envelope sealed to this agent's registered X25519 key (base64url; docs/wire-envelope.md). " +
      'Open it with your private key and `keyEnvelopeContext`; use the key once, then forget it.',
  })
  keyEnvelope!: string;
  @ApiProperty({ example: 'marshal/data-key/v1/0192f0a1-…', description: 'The context the key envelope is bound to (UTF-8)' })
  keyEnvelopeContext!: string;
  @ApiProperty({ description: 'The same key wrapped by the KMS, base64: send it back unchanged with the ciphertext' }) wrappedKey!: string;
  @ApiProperty({ example: 'marshal/secret-value/v1/…', description: 'The additional authenticated data to seal with (UTF-8)' })
  context!: string;
  @ApiProperty({ enum: ['AES-256-GCM'] }) algorithm!: 'AES-256-GCM';
}

export class PostWrapDto {
  @ApiProperty({ format: 'uuid', description: 'The secret.read job this agent holds' })
  @IsUUID()
  jobId!: string;

  @ApiProperty({ description: 'wrappedKey from POST /agents/{id}/dek, unchanged (base64)' })
  @IsBase64()
  @MaxLength(512)
  wrappedKey!: string;

  @ApiProperty({ description: 'The 12-byte IV (base64)' })
  @IsBase64()
  @MaxLength(32)
  iv!: string;

  @ApiProperty({ description: 'The 16-byte GCM tag (base64)' })
  @IsBase64()
  @MaxLength(32)
  tag!: string;

  @ApiProperty({ description: 'The value sealed with AES-256-GCM under the data key, with `context` as additional data (base64)' })
  @IsBase64()
  @MaxLength(Math.ceil((MAX_VALUE_LENGTH * 4) / 3) + 4)
  ciphertext!: string;
}

export class PostedWrapDto {
  @ApiProperty({ format: 'uuid' }) wrapId!: string;
  @ApiProperty({ format: 'uuid' }) requestId!: string;
  @ApiProperty({ format: 'date-time', description: 'Unretrieved by then, it is shredded' }) expiresAt!: string;
}

export class AgentWrapDto {
  @ApiProperty({ format: 'uuid' }) wrapId!: string;
  @ApiProperty({ format: 'uuid' }) requestId!: string;
  @ApiProperty({
    description: "The new value in a wire envelope sealed to this agent's registered X25519 key (base64url; docs/wire-envelope.md)",
  })
  envelope!: string;
  @ApiProperty({ description: 'The context the envelope is bound to (UTF-8)' }) context!: string;
}
