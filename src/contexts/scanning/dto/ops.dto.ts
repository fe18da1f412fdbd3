import { ApiProperty } from '@nestjs/swagger';
import { AgentDto } from '../../agents/index.js';
import type { AppConfig } from '../../../kernel/config/app-config.js';
import { SARIF_BODY_LIMIT } from '../sarif-log.js';

/** The quotas in force for code scanning: what an upload or a snapshot may be before it is refused. */
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

  static from(config: AppConfig): ScanLimitsDto {
    const limits = config.scanning.limits;
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
    };
  }
}

export class CleanupResultDto {
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
