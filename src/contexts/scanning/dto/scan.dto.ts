import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayUnique,
  IsArray,
  IsIn,
  IsInt,
  IsObject,
  IsString,
  IsUUID,
  Length,
  Matches,
  Max,
  MaxLength,
  Min,
} from 'class-validator';
import { repeatedOrCommaSeparated } from '../../../kernel/http/query-lists.js';
import { IsOmittable } from '../../../kernel/http/validators.js';
import { PageQuery } from '../../../kernel/pagination/page.js';
import { SCAN_STATUSES, type Scan, type ScanArtifact, type ScanStatus } from '../entities/scan.entity.js';

/** A scanner's or a rule set's name, as agents name them. */
const NAME = /^[a-z0-9][a-z0-9@/._-]{0,99}$/;
/** A relative path prefix of the tree (no `..`, not absolute); checked again as a tree path by the service. */
const PATH_PREFIX = /^(?!\/)(?!.*(^|\/)\.\.(\/|$))[^\0]{1,1024}$/;

export class ScanConfigurationDto {
  @ApiPropertyOptional({
    type: [String],
    maxItems: 20,
    example: ['secretlint', 'eslint-security'],
    description: 'Scanners to run (the reference agent runs `secretlint` and `eslint-security`); every scanner the agent offers when empty',
    items: { type: 'string', pattern: NAME.source, maxLength: 100 },
  })
  @IsOmittable()
  @IsArray()
  @ArrayMaxSize(20)
  @ArrayUnique()
  @Matches(NAME, { each: true, message: 'each scanner must be a lowercase name such as secretlint' })
  @MaxLength(100, { each: true })
  scanners?: string[];

  @ApiPropertyOptional({
    type: [String],
    maxItems: 20,
    description: "Rule sets to apply, as the scanners name them; the scanners' defaults when empty",
    items: { type: 'string', pattern: NAME.source, maxLength: 100 },
  })
  @IsOmittable()
  @IsArray()
  @ArrayMaxSize(20)
  @ArrayUnique()
  @Matches(NAME, { each: true, message: 'each rule set must be a lowercase name' })
  @MaxLength(100, { each: true })
  ruleSets?: string[];

  @ApiPropertyOptional({
    type: [String],
    maxItems: 100,
    example: ['src/'],
    description:
      "Relative path prefixes to scan; the whole tree when empty. The repository's threat profile's out-of-scope paths are never scanned. A finding outside them is neither seen nor fixed by this scan.",
    items: { type: 'string', pattern: PATH_PREFIX.source, minLength: 1, maxLength: 1024 },
  })
  @IsOmittable()
  @IsArray()
  @ArrayMaxSize(100)
  @ArrayUnique()
  @Matches(PATH_PREFIX, { each: true, message: 'each path must be a relative path prefix inside the tree (no .., not absolute)' })
  @Length(1, 1024, { each: true })
  paths?: string[];
}

export class ScanConfigurationViewDto {
  @ApiProperty({ type: [String] }) scanners!: string[];
  @ApiProperty({ type: [String] }) ruleSets!: string[];
  @ApiProperty({ type: [String] }) paths!: string[];
  @ApiProperty({ type: [String], description: "Never scanned: the threat profile's out-of-scope paths when the scan was made" })
  excludePaths!: string[];
}

export class CreateScanDto extends ScanConfigurationDto {
  @ApiPropertyOptional({
    type: 'object',
    additionalProperties: true,
    description:
      'A SARIF 2.1.0 log from any tool, to import instead of running scanners: the scan is created succeeded with its results (the tools of its runs are its scope). Validated against the SARIF 2.1.0 schema: a log that is not valid is 422 SARIF_INVALID naming the JSON path, and nothing is stored. At most 32 MiB with the rest of the body.',
  })
  @IsOmittable()
  @IsObject()
  sarif?: Record<string, unknown>;
}

export class ScanProgressDto {
  @ApiProperty({ type: Number, nullable: true }) filesTotal!: number | null;
  @ApiProperty({ type: Number, nullable: true }) filesDone!: number | null;
  @ApiProperty({ type: Number, nullable: true, description: 'Results reported so far' }) findings!: number | null;
  @ApiProperty({ type: String, nullable: true }) message!: string | null;
}

export class ScanSummaryDto {
  @ApiProperty({ description: 'Results its SARIF logs held' }) results!: number;
  @ApiProperty({
    type: 'object',
    additionalProperties: { type: 'integer' },
    example: { critical: 0, high: 2, medium: 1, low: 0, info: 0 },
    description: 'Results by severity',
  })
  bySeverity!: Record<string, number>;
  @ApiProperty({ description: 'Findings it saw first' }) new!: number;
  @ApiProperty({ description: 'Fixed findings it saw again (reopened)' }) reopened!: number;
  @ApiProperty({ description: 'Open or confirmed findings of its tools it no longer saw (now fixed)' }) fixed!: number;
}

export class ScanArtifactDto {
  @ApiProperty({ enum: ['sarif'] }) kind!: 'sarif';
  @ApiProperty({ description: "The log's SHA-256 in the blob store (hex)", example: 'e3b0c442…' }) sha256!: string;
  @ApiProperty() size!: number;
  @ApiProperty({ type: [String], description: 'The tools of its runs' }) tools!: string[];
  @ApiProperty({ description: 'Results it held' }) results!: number;
  @ApiProperty({ format: 'date-time' }) uploadedAt!: string;
}

export class ScanErrorDto {
  @ApiProperty({ example: 'SCANNER_FAILED' }) code!: string;
  @ApiProperty() message!: string;
}

export class ScanDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid' }) repositoryId!: string;
  @ApiProperty({
    type: String,
    format: 'uuid',
    nullable: true,
    description: 'Null for a legacy session (POST /sessions) made without a project',
  })
  projectId!: string | null;
  @ApiProperty({ format: 'uuid', description: 'The snapshot it scans (kept as long as the scan is)' }) snapshotId!: string;
  @ApiProperty({ enum: ['agent', 'import'], description: 'Run by a scanner agent, or imported from a SARIF log' }) origin!:
    'agent' | 'import';
  @ApiProperty({ enum: SCAN_STATUSES }) status!: ScanStatus;
  @ApiProperty({ type: String, format: 'uuid', nullable: true, description: 'The `scan` job an agent runs it as' }) jobId!: string | null;
  @ApiProperty({ type: ScanConfigurationViewDto }) configuration!: ScanConfigurationViewDto;
  @ApiProperty({ type: ScanProgressDto }) progress!: ScanProgressDto;
  @ApiProperty({ type: ScanSummaryDto, nullable: true, description: 'Once results are in' }) summary!: ScanSummaryDto | null;
  @ApiProperty({ type: [String], description: 'The tools whose results it holds' }) tools!: string[];
  @ApiProperty({ type: [ScanArtifactDto], description: 'Its SARIF logs, in the blob store' }) artifacts!: ScanArtifactDto[];
  @ApiProperty({ type: ScanErrorDto, nullable: true }) error!: ScanErrorDto | null;
  @ApiProperty({ example: 'user:0192…' }) requestedBy!: string;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) startedAt!: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) finishedAt!: string | null;
  @ApiProperty({ type: Number, nullable: true, description: 'Seconds a scanner spent on it' }) scannerSeconds!: number | null;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
  @ApiProperty({ format: 'date-time' }) updatedAt!: string;

  static from(s: Scan): ScanDto {
    return {
      id: s.id,
      repositoryId: s.repositoryId,
      projectId: s.projectId,
      snapshotId: s.snapshotId,
      origin: s.origin,
      status: s.status,
      jobId: s.jobId,
      configuration: s.configuration,
      progress: s.progress,
      summary: s.summary,
      tools: s.tools,
      artifacts: s.artifacts.map((a: ScanArtifact) => ({ ...a })),
      error: s.error,
      requestedBy: s.requestedBy,
      startedAt: s.startedAt?.toISOString() ?? null,
      finishedAt: s.finishedAt?.toISOString() ?? null,
      scannerSeconds: s.scannerSeconds,
      createdAt: s.createdAt.toISOString(),
      updatedAt: s.updatedAt.toISOString(),
    };
  }
}

export class ListScansQuery extends PageQuery {
  @ApiPropertyOptional({ type: [String], enum: SCAN_STATUSES, description: 'Repeat or comma-separate' })
  @IsOmittable()
  @Transform(repeatedOrCommaSeparated)
  @IsArray()
  @ArrayMaxSize(SCAN_STATUSES.length)
  @IsIn(SCAN_STATUSES, { each: true })
  status?: ScanStatus[];
}

export class ScanEventsQuery {
  @ApiPropertyOptional({
    maxLength: 64,
    description: 'An event cursor: only events after it, to poll for new progress (the `cursor` of the last event you have)',
  })
  @IsOmittable()
  @IsString()
  @MaxLength(64)
  after?: string;

  @ApiPropertyOptional({ minimum: 1, maximum: 500, default: 100 })
  @IsOmittable()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(500)
  limit?: number;
}

/** What a scanner agent reports while it scans. */
export class ReportScanProgressDto {
  @ApiProperty({ format: 'uuid', description: "The job's lease: progress renews it" })
  @IsUUID()
  leaseId!: string;

  @ApiPropertyOptional({ minimum: 0, maximum: 10_000_000 }) @IsOmittable() @IsInt() @Min(0) @Max(10_000_000) filesTotal?: number;
  @ApiPropertyOptional({ minimum: 0, maximum: 10_000_000 }) @IsOmittable() @IsInt() @Min(0) @Max(10_000_000) filesDone?: number;
  @ApiPropertyOptional({ minimum: 0, maximum: 10_000_000, description: 'Results so far' })
  @IsOmittable()
  @IsInt()
  @Min(0)
  @Max(10_000_000)
  findings?: number;

  @ApiPropertyOptional({ maxLength: 2000 }) @IsOmittable() @IsString() @Length(0, 2000) message?: string;
}

/** A SARIF log a scanner agent uploads for the scan it holds. */
export class UploadScanSarifDto {
  @ApiProperty({ format: 'uuid', description: "The job's lease" })
  @IsUUID()
  leaseId!: string;

  @ApiProperty({
    type: 'object',
    additionalProperties: true,
    description: 'A SARIF 2.1.0 log; 422 SARIF_INVALID naming the JSON path when it is not valid, and nothing is stored',
  })
  @IsObject()
  sarif!: Record<string, unknown>;
}

export class SarifReceiptDto {
  @ApiProperty({ description: 'Results ingested from the log' }) results!: number;
  @ApiProperty({ type: [String] }) tools!: string[];
  @ApiProperty({ description: "The log's SHA-256 in the blob store" }) sha256!: string;
}
