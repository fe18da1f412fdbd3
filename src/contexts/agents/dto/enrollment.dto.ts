import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsUUID, Max, Min } from 'class-validator';
import { IsOmittable } from '../../../kernel/http/validators.js';
import type { EnrollmentToken, EnrollmentTokenState } from '../entities/enrollment-token.entity.js';

export class EnrollmentTokenDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({
    type: String,
    format: 'uuid',
    nullable: true,
    description: 'The environment agents registering with it join; null: the organization',
  })
  environmentId!: string | null;
  @ApiProperty({ enum: ['active', 'expired', 'revoked'] }) state!: EnrollmentTokenState;
  @ApiProperty({ example: 'met_0192ab12…', description: 'Enough to recognise the token; never the token' }) hint!: string;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
  @ApiProperty({ format: 'date-time' }) expiresAt!: string;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) lastUsedAt!: string | null;
  @ApiProperty({ description: 'Agents registered with it' }) registrations!: number;
  @ApiProperty({ format: 'uuid' }) createdBy!: string;

  static from(token: EnrollmentToken): EnrollmentTokenDto {
    return {
      id: token.id,
      environmentId: token.environmentId,
      state: token.state,
      hint: `met_${token.id.replace(/-/g, '').slice(0, 8)}…`,
      createdAt: token.createdAt.toISOString(),
      expiresAt: token.expiresAt.toISOString(),
      lastUsedAt: token.lastUsedAt?.toISOString() ?? null,
      registrations: token.registrations,
      createdBy: token.createdBy,
    };
  }
}

export class EnrollmentDto {
  @ApiProperty({ type: EnrollmentTokenDto, nullable: true, description: 'The current token; null until the first rotation' })
  token!: EnrollmentTokenDto | null;
  @ApiProperty({ example: '/api/v1/agents/register', description: 'Where agents register with the token' }) registerPath!: string;
}

export class RotatedEnrollmentDto {
  @ApiProperty({ type: EnrollmentTokenDto }) token!: EnrollmentTokenDto;
  @ApiProperty({ example: 'met_0192…_…', description: 'The enrollment token. Shown this once: give it to the agents you install.' })
  enrollmentToken!: string;
}

export class EnrollmentQuery {
  @ApiPropertyOptional({ format: 'uuid', description: "An environment's token instead of the organization's" })
  @IsOmittable()
  @IsUUID()
  environmentId?: string;
}

export class RotateEnrollmentDto extends EnrollmentQuery {
  @ApiPropertyOptional({
    minimum: 300,
    maximum: 7_776_000,
    default: 604_800,
    description: 'Lifetime in seconds (default 7 days, at most 90)',
  })
  @IsOmittable()
  @Type(() => Number)
  @IsInt()
  @Min(300)
  @Max(7_776_000)
  ttlSeconds?: number;
}
