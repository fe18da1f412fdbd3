import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsDate, IsIn, IsString, IsUUID, Length, MaxLength, MinDate } from 'class-validator';
import { IsOmittable } from '../../../kernel/http/validators.js';
import { PageQuery } from '../../../kernel/pagination/page.js';
import type { ApiKey, ApiKeyStatus } from '../entities/api-key.entity.js';

export class ApiKeyDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ example: 'ci-deployer' }) name!: string;
  @ApiProperty({ example: 'mk_01a2b3c4…', description: 'Enough to recognise the key; never the secret' }) hint!: string;
  @ApiProperty({ enum: ['active', 'disabled', 'revoked', 'expired'] }) status!: ApiKeyStatus;
  @ApiProperty({ type: [String], nullable: true, description: "The subset of the creator's permissions it may use; null: all of them" })
  permissions!: string[] | null;
  @ApiProperty({ format: 'uuid', description: 'The user it acts for' }) createdBy!: string;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) expiresAt!: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true, description: 'Updated at most once a minute' }) lastUsedAt!:
    string | null;

  static from(key: ApiKey): ApiKeyDto {
    return {
      id: key.id,
      name: key.name,
      hint: `mk_${key.id.replace(/-/g, '').slice(0, 8)}…`,
      status: key.status,
      permissions: key.permissions,
      createdBy: key.createdBy,
      createdAt: key.createdAt.toISOString(),
      expiresAt: key.expiresAt?.toISOString() ?? null,
      lastUsedAt: key.lastUsedAt?.toISOString() ?? null,
    };
  }
}

export class CreatedApiKeyDto {
  @ApiProperty({ type: ApiKeyDto }) apiKey!: ApiKeyDto;
  @ApiProperty({
    example: 'mk_0192…_…',
    description: 'The key itself. Shown this once: store it now. Send as `Authorization: Bearer <key>` or `X-API-Key: <key>`.',
  })
  secret!: string;
}

export class CreateApiKeyDto {
  @ApiProperty({ example: 'ci-deployer', maxLength: 100 })
  @IsString()
  @Length(1, 100)
  name!: string;

  @ApiPropertyOptional({
    type: [String],
    example: ['team.read'],
    description: 'Limit the key to these permissions (each held by you); omitted: all of yours, as they change',
  })
  @IsOmittable()
  @IsArray()
  @ArrayMaxSize(500)
  @IsString({ each: true })
  @MaxLength(100, { each: true })
  permissions?: string[];

  @ApiPropertyOptional({ format: 'date-time', description: 'When the key stops working; never when omitted' })
  @IsOmittable()
  @Type(() => Date)
  @IsDate()
  @MinDate(() => new Date(), { message: 'expiresAt must be in the future' })
  expiresAt?: Date;
}

export class ListApiKeysQuery extends PageQuery {
  @ApiPropertyOptional({ enum: ['active', 'disabled', 'revoked', 'expired'] })
  @IsOmittable()
  @IsIn(['active', 'disabled', 'revoked', 'expired'])
  status?: ApiKeyStatus;

  @ApiPropertyOptional({ format: 'uuid', description: 'Keys acting for this user' })
  @IsOmittable()
  @IsUUID()
  createdBy?: string;
}
