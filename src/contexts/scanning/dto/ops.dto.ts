import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsInt, Max, Min, ValidateIf } from 'class-validator';
import { AgentDto } from '../../agents/index.js';
import type { AppConfig } from '../../../kernel/config/app-config.js';
import { SARIF_BODY_LIMIT } from '../sarif-log.js';
import { type EffectiveScanLimits, SCAN_LIMITS, type ScanLimitName, type ScanLimitSource } from '../scan-limits.js';

const SOURCE = {
  enum: ['configuration', 'override'],
  description:
    '`configuration`: the variable in force for every organization; `override`: set for this organization by the platform operator',
};

/** Where each limit in force comes from. */
export class ScanLimitSourcesDto {
  @ApiProperty(SOURCE) uploadMaxBytes!: ScanLimitSource;
  @ApiProperty(SOURCE) snapshotMaxFiles!: ScanLimitSource;
  @ApiProperty(SOURCE) snapshotMaxBytes!: ScanLimitSource;
  @ApiProperty(SOURCE) fileMaxBytes!: ScanLimitSource;
  @ApiProperty(SOURCE) compressionRatioMax!: ScanLimitSource;
  @ApiProperty(SOURCE) concurrentScansMax!: ScanLimitSource;
  @ApiProperty(SOURCE) scansPerDayMax!: ScanLimitSource;
  @ApiProperty(SOURCE) sarifResultsMax!: ScanLimitSource;
}

/** The quotas in force for code scanning in an organization: what an upload or a snapshot may be before it is refused. */
export class ScanLimitsDto {
  @ApiProperty({ description: 'The largest source archive an upload may send (413 above; SCAN_UPLOAD_MAX_BYTES)' }) uploadMaxBytes!: number;
  @ApiProperty({ description: 'Files and links in one snapshot (422 TOO_MANY_ENTRIES above; SNAPSHOT_MAX_FILES)' })
  snapshotMaxFiles!: number;
  @ApiProperty({ description: "A snapshot's bytes, unpacked (422 UNPACKED_TOO_LARGE above; SNAPSHOT_MAX_BYTES)" })
  snapshotMaxBytes!: number;
  @ApiProperty({ description: 'One file of a snapshot (413 BLOB_TOO_LARGE above; SNAPSHOT_MAX_FILE_BYTES)' }) fileMaxBytes!: number;
  @ApiProperty({
    description:
      "Unpacked bytes may reach this many times the archive's size, past 16 MiB (422 COMPRESSION_RATIO above; ARCHIVE_MAX_COMPRESSION_RATIO)",
  })
  compressionRatioMax!: number;
  @ApiProperty({ description: 'How long stored content nothing uses is kept before cleanup removes it (BLOB_GRACE_SECONDS)' })
  blobGraceSeconds!: number;
  @ApiProperty({ enum: ['postgres', 's3'], description: 'Where new content is stored (BLOB_STORE)' }) blobStore!: 'postgres' | 's3';
  @ApiProperty({ description: 'Scans of the organization queued or running at once (429 SCAN_LIMIT_REACHED above; SCAN_MAX_CONCURRENT)' })
  concurrentScansMax!: number;
  @ApiProperty({ description: 'Agent scans the organization may start in 24 hours (429 SCAN_LIMIT_REACHED above; SCAN_MAX_PER_DAY)' })
  scansPerDayMax!: number;
  @ApiProperty({ description: 'Results in one SARIF log (422 SARIF_INVALID above; SARIF_MAX_RESULTS)' }) sarifResultsMax!: number;
  @ApiProperty({ description: 'A scan request or SARIF upload body, with its log (413 above)', example: '32mb' }) sarifBodyMax!: string;
  @ApiProperty({ type: ScanLimitSourcesDto, description: 'Where each overridable limit comes from' }) sources!: ScanLimitSourcesDto;
  @ApiProperty({ type: String, format: 'date-time', nullable: true, description: "When the organization's overrides last changed" })
  overridesUpdatedAt!: string | null;
  @ApiProperty({ type: String, nullable: true, description: 'Who last changed them (principal type and id)', example: 'user:0190…' })
  overridesUpdatedBy!: string | null;

  static from(config: AppConfig, limits: EffectiveScanLimits): ScanLimitsDto {
    return {
      uploadMaxBytes: limits.maxUploadBytes,
      snapshotMaxFiles: limits.maxFiles,
      snapshotMaxBytes: limits.maxSnapshotBytes,
      fileMaxBytes: limits.maxFileBytes,
      compressionRatioMax: limits.maxCompressionRatio,
      blobGraceSeconds: config.blobs.graceSeconds,
      blobStore: config.blobs.backend,
      concurrentScansMax: limits.maxConcurrentScans,
      scansPerDayMax: limits.maxScansPerDay,
      sarifResultsMax: limits.maxSarifResults,
      sarifBodyMax: SARIF_BODY_LIMIT,
      sources: { ...limits.sources },
      overridesUpdatedAt: limits.updatedAt?.toISOString() ?? null,
      overridesUpdatedBy: limits.updatedBy,
    };
  }
}

const bounds = (name: ScanLimitName) => SCAN_LIMITS[name];
/** A body field that may be left out (unchanged), null (cleared) or a whole number within the limit's bounds. */
const Overridable = (name: ScanLimitName, what: string): PropertyDecorator => {
  const { min, max, variable } = bounds(name);
  const decorators = [
    ApiPropertyOptional({
      type: 'integer',
      nullable: true,
      minimum: min,
      maximum: max,
      description: `${what}, replacing ${variable} for this organization; null clears the override, left out leaves it as it is`,
    }),
    ValidateIf((_object, value) => value !== undefined && value !== null),
    IsInt(),
    Min(min),
    Max(max),
  ];
  return (target, key) => decorators.forEach((d) => d(target, key));
};

/** Changes to an organization's limit overrides: each field optional, null clears it. */
export class UpdateScanLimitOverridesDto {
  @Overridable('uploadMaxBytes', 'The largest source archive an upload may send') uploadMaxBytes?: number | null;
  @Overridable('snapshotMaxFiles', 'Files and links in one snapshot') snapshotMaxFiles?: number | null;
  @Overridable('snapshotMaxBytes', "A snapshot's bytes, unpacked") snapshotMaxBytes?: number | null;
  @Overridable('fileMaxBytes', 'One file of a snapshot') fileMaxBytes?: number | null;
  @Overridable('compressionRatioMax', 'The compression ratio an archive may reach') compressionRatioMax?: number | null;
  @Overridable('concurrentScansMax', 'Scans queued or running at once') concurrentScansMax?: number | null;
  @Overridable('scansPerDayMax', 'Agent scans started in 24 hours') scansPerDayMax?: number | null;
  @Overridable('sarifResultsMax', 'Results in one SARIF log') sarifResultsMax?: number | null;
}

export class CleanupResultDto {
  @ApiProperty({ description: 'Temporary git remotes that had expired, removed now' }) gitUploadsRemoved!: number;
  @ApiProperty({ description: "The organization's stored files and archives nothing used any more, removed now" }) blobsRemoved!: number;
  @ApiProperty({ description: 'Their bytes' }) bytesRemoved!: number;
}

export class WorkerScanDto {
  @ApiProperty({ format: 'uuid' }) scanId!: string;
  @ApiProperty({ format: 'uuid' }) repositoryId!: string;
  @ApiProperty({ enum: ['queued', 'running'], description: 'queued: its job is leased and the agent has not reported yet' })
  status!: string;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) startedAt!: string | null;
}

export class ScanWorkerDto {
  @ApiProperty({ type: AgentDto, description: 'The agent: its heartbeat (lastSeenAt, connectivity), capabilities and labels' })
  agent!: AgentDto;
  @ApiProperty({ type: [WorkerScanDto], description: 'The scans it holds now' }) scans!: WorkerScanDto[];
}
