import { ApiProperty, ApiPropertyOptional, OmitType } from '@nestjs/swagger';
import { IsIn } from 'class-validator';
import { IsOmittable } from '../../../kernel/http/validators.js';
import { PageQuery } from '../../../kernel/pagination/page.js';

export type CredentialKind = 'api_key' | 'agent_secret' | 'enrollment_token';
export type CredentialState = 'active' | 'disabled' | 'revoked' | 'expired';

/** One credential of the organization, as an auditor sees it: never the secret. */
export class CredentialDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ enum: ['api_key', 'agent_secret', 'enrollment_token'] }) kind!: CredentialKind;
  @ApiProperty({
    example: 'ci-deployer',
    description: "The key's or agent's name; the environment (or organization) of an enrollment token",
  })
  name!: string;
  @ApiProperty({ example: 'mk_0192ab12…', description: 'Enough to recognise it; never the secret' }) hint!: string;
  @ApiProperty({ enum: ['active', 'disabled', 'revoked', 'expired'] }) state!: CredentialState;
  @ApiProperty({ type: String, nullable: true, description: 'The user it acts for or who issued it' }) ownerId!: string | null;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) lastUsedAt!: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) expiresAt!: string | null;
}

/** Assembled in memory from three contexts: paged by page or offset, not by cursor. */
export class ListCredentialsQuery extends OmitType(PageQuery, ['cursor'] as const) {
  @ApiPropertyOptional({ enum: ['api_key', 'agent_secret', 'enrollment_token'] })
  @IsOmittable()
  @IsIn(['api_key', 'agent_secret', 'enrollment_token'])
  kind?: CredentialKind;

  @ApiPropertyOptional({ enum: ['active', 'disabled', 'revoked', 'expired'] })
  @IsOmittable()
  @IsIn(['active', 'disabled', 'revoked', 'expired'])
  state?: CredentialState;
}
