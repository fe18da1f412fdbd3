import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsIn, IsObject, IsString, Length, Matches, MaxLength, ValidateNested } from 'class-validator';
import { repeated, SeedAlias } from '../../../kernel/http/query-lists.js';
import { CLUSTER_NAME, IsLabelMap, IsOmittable, MatchesPattern } from '../../../kernel/http/validators.js';
import { PageQuery } from '../../../kernel/pagination/page.js';
import type { DiscoveredSecret, DiscoveredSecretStatus } from '../entities/discovered-secret.entity.js';

const STATUSES: DiscoveredSecretStatus[] = ['present', 'missing', 'error'];
export const MAX_BULK = 5000;
const PROVIDER = /^[a-z][a-z0-9_.-]{0,49}$/;

export class DiscoveredSecretDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ example: 'prod-eu-1' }) clusterName!: string;
  @ApiProperty({ example: 'payments' }) namespace!: string;
  @ApiProperty({ example: 'kubernetes' }) provider!: string;
  @ApiProperty({ example: 'db-credentials' }) ref!: string;
  @ApiProperty({ type: 'object', additionalProperties: { type: 'string' } }) labels!: Record<string, string>;
  @ApiProperty({ enum: STATUSES }) status!: DiscoveredSecretStatus;
  @ApiProperty({ type: String, nullable: true, example: '42' }) version!: string | null;
  @ApiProperty({ type: String, format: 'uuid', nullable: true, description: 'The agent that reported it last' }) agentId!: string | null;
  @ApiProperty({ format: 'date-time' }) firstSeenAt!: string;
  @ApiProperty({ format: 'date-time' }) lastSeenAt!: string;

  static from(s: DiscoveredSecret): DiscoveredSecretDto {
    return {
      id: s.id,
      clusterName: s.clusterName,
      namespace: s.namespace,
      provider: s.provider,
      ref: s.ref,
      labels: s.labels,
      status: s.status,
      version: s.version,
      agentId: s.agentId,
      firstSeenAt: s.firstSeenAt.toISOString(),
      lastSeenAt: s.lastSeenAt.toISOString(),
    };
  }
}

export class DiscoveredSecretInput {
  @ApiProperty({ example: 'prod-eu-1' })
  @MatchesPattern(CLUSTER_NAME, { message: 'clusterName must be 1–100 letters, digits, _ . -' })
  @MaxLength(100)
  clusterName!: string;

  @ApiPropertyOptional({ example: 'payments', maxLength: 253 })
  @IsOmittable()
  @IsString()
  @Length(0, 253)
  namespace?: string;

  @ApiProperty({ example: 'kubernetes' })
  @MatchesPattern(PROVIDER, { message: 'provider must be lower-case letters, digits, _ . - (up to 50)' })
  @MaxLength(50)
  provider!: string;

  @ApiProperty({ example: 'db-credentials', maxLength: 512 })
  @IsString()
  @Length(1, 512)
  ref!: string;

  @ApiPropertyOptional({ type: 'object', additionalProperties: { type: 'string' } })
  @IsOmittable()
  @IsObject()
  @IsLabelMap()
  labels?: Record<string, string>;

  @ApiPropertyOptional({ enum: STATUSES, default: 'present' })
  @IsOmittable()
  @IsIn(STATUSES)
  status?: DiscoveredSecretStatus;

  @ApiPropertyOptional({ maxLength: 100, example: '42' })
  @IsOmittable()
  @IsString()
  @Length(1, 100)
  version?: string;
}

export class BulkDiscoveredSecretsDto {
  @ApiProperty({
    type: [DiscoveredSecretInput],
    minItems: 1,
    maxItems: MAX_BULK,
    description: 'What the agent found; never a value (a field not listed here is refused)',
  })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(MAX_BULK)
  @ValidateNested({ each: true })
  @Type(() => DiscoveredSecretInput)
  secrets!: DiscoveredSecretInput[];
}

export class BulkResultDto {
  @ApiProperty({ description: 'Distinct secrets in the request (a repeat counts once, the last one wins)' }) received!: number;
  @ApiProperty() inserted!: number;
  @ApiProperty() updated!: number;
}

export class ListDiscoveredSecretsQuery extends PageQuery {
  @ApiPropertyOptional({ example: 'prod-eu-1' })
  @SeedAlias('cluster_name', '000', { type: String, pattern: CLUSTER_NAME.source, maxLength: 100, example: 'prod-eu-1' })
  @IsOmittable()
  @MatchesPattern(CLUSTER_NAME)
  @MaxLength(100)
  clusterName?: string;

  @ApiPropertyOptional({ example: 'kubernetes' })
  @IsOmittable()
  @MatchesPattern(PROVIDER)
  @MaxLength(50)
  provider?: string;

  @ApiPropertyOptional({ example: 'db-', description: 'Refs starting with this' })
  @SeedAlias('ref_prefix', '000', { type: String, minLength: 1, maxLength: 512, example: 'db-' })
  @IsOmittable()
  @IsString()
  @Length(1, 512)
  refPrefix?: string;

  @ApiPropertyOptional({ enum: STATUSES })
  @IsOmittable()
  @IsIn(STATUSES)
  status?: DiscoveredSecretStatus;

  @ApiPropertyOptional({ type: [String], example: ['team:payments'], description: 'key:value, repeatable; every one must match' })
  @IsOmittable()
  @Transform(repeated)
  @ArrayMaxSize(20)
  @Matches(/^[^:]{1,64}:.{0,256}$/, { each: true, message: 'each label must look like key:value' })
  @MaxLength(321, { each: true })
  label?: string[];
}
