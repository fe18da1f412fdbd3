import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayUnique, IsArray, IsIn, IsInt, IsString, Length, Max, Min, ValidateNested } from 'class-validator';
import { IsOmittable } from '../../../kernel/http/validators.js';
import type { ThreatProfileDocument, ThreatProfileVersion } from '../entities/threat-profile.entity.js';

const SENSITIVITIES = ['low', 'medium', 'high', 'critical'] as const;
const ENTRY_KINDS = ['http', 'cli', 'queue', 'file', 'other'] as const;
export const DATA_CLASSES = ['public', 'internal', 'confidential', 'secret', 'personal', 'payment', 'health', 'credentials'] as const;

export class ThreatAssetDto {
  @ApiProperty({ example: 'card vault', maxLength: 200 })
  @IsString()
  @Length(1, 200)
  name!: string;

  @ApiPropertyOptional({ maxLength: 2000, default: '' })
  @IsOmittable()
  @IsString()
  @Length(0, 2000)
  description?: string;

  @ApiProperty({ enum: SENSITIVITIES })
  @IsIn(SENSITIVITIES)
  sensitivity!: (typeof SENSITIVITIES)[number];
}

export class EntryPointDto {
  @ApiProperty({ example: 'public REST API', maxLength: 200 })
  @IsString()
  @Length(1, 200)
  name!: string;

  @ApiProperty({ enum: ENTRY_KINDS })
  @IsIn(ENTRY_KINDS)
  kind!: (typeof ENTRY_KINDS)[number];

  @ApiPropertyOptional({ maxLength: 2000, default: '' })
  @IsOmittable()
  @IsString()
  @Length(0, 2000)
  description?: string;
}

export class TrustBoundaryDto {
  @ApiProperty({ example: 'internet → API gateway', maxLength: 200 })
  @IsString()
  @Length(1, 200)
  name!: string;

  @ApiPropertyOptional({ maxLength: 2000, default: '' })
  @IsOmittable()
  @IsString()
  @Length(0, 2000)
  description?: string;
}

/** The editable document: PUT sends it whole (a list left out is empty). */
export class PutThreatProfileDto {
  @ApiPropertyOptional({ type: [ThreatAssetDto], maxItems: 100, default: [] })
  @IsOmittable()
  @IsArray()
  @ArrayMaxSize(100)
  @ValidateNested({ each: true })
  @Type(() => ThreatAssetDto)
  assets?: ThreatAssetDto[];

  @ApiPropertyOptional({ type: [EntryPointDto], maxItems: 100, default: [] })
  @IsOmittable()
  @IsArray()
  @ArrayMaxSize(100)
  @ValidateNested({ each: true })
  @Type(() => EntryPointDto)
  entryPoints?: EntryPointDto[];

  @ApiPropertyOptional({ type: [TrustBoundaryDto], maxItems: 100, default: [] })
  @IsOmittable()
  @IsArray()
  @ArrayMaxSize(100)
  @ValidateNested({ each: true })
  @Type(() => TrustBoundaryDto)
  trustBoundaries?: TrustBoundaryDto[];

  @ApiPropertyOptional({ enum: DATA_CLASSES, isArray: true, maxItems: DATA_CLASSES.length, uniqueItems: true, default: [] })
  @IsOmittable()
  @IsArray()
  @ArrayMaxSize(DATA_CLASSES.length)
  @ArrayUnique()
  @IsIn(DATA_CLASSES, { each: true })
  dataClasses?: (typeof DATA_CLASSES)[number][];

  @ApiPropertyOptional({
    type: [String],
    maxItems: 200,
    example: ['vendor/', 'test/fixtures/'],
    default: [],
    description: 'Path prefixes of the tree that scans leave out',
  })
  @IsOmittable()
  @IsArray()
  @ArrayMaxSize(200)
  @IsString({ each: true })
  @Length(1, 1024, { each: true })
  outOfScopePaths?: string[];

  @ApiPropertyOptional({
    minimum: 0,
    maximum: 1_000_000,
    description: 'The version this edit is based on: when another edit came first, 409 instead of overwriting it',
  })
  @IsOmittable()
  @IsInt()
  @Min(0)
  @Max(1_000_000)
  expectedVersion?: number;
}

export class ThreatProfileDto {
  @ApiProperty({ format: 'uuid' }) repositoryId!: string;
  @ApiProperty({ description: '0 before the first edit (an empty profile); each edit is the next version' }) version!: number;
  @ApiProperty({ type: [ThreatAssetDto] }) assets!: ThreatAssetDto[];
  @ApiProperty({ type: [EntryPointDto] }) entryPoints!: EntryPointDto[];
  @ApiProperty({ type: [TrustBoundaryDto] }) trustBoundaries!: TrustBoundaryDto[];
  @ApiProperty({ enum: DATA_CLASSES, isArray: true }) dataClasses!: string[];
  @ApiProperty({ type: [String] }) outOfScopePaths!: string[];
  @ApiProperty({ type: String, nullable: true, description: 'Principal type and id of who made this version' }) updatedBy!: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) updatedAt!: string | null;

  static from(repositoryId: string, v: ThreatProfileVersion | null): ThreatProfileDto {
    const d: ThreatProfileDocument = v?.document ?? {
      assets: [],
      entryPoints: [],
      trustBoundaries: [],
      dataClasses: [],
      outOfScopePaths: [],
    };
    return {
      repositoryId,
      version: v?.version ?? 0,
      ...d,
      updatedBy: v?.createdBy ?? null,
      updatedAt: v ? v.createdAt.toISOString() : null,
    };
  }
}
