import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsUUID } from 'class-validator';
import { IsOmittable } from '../../../kernel/http/validators.js';
import type { CodeRepository } from '../entities/code-repository.entity.js';
import type { Scan, ScanStatus } from '../entities/scan.entity.js';
import { SCAN_STATUSES } from '../entities/scan.entity.js';
import type { ScanSession } from '../entities/scan-session.entity.js';
import type { SourceSnapshot } from '../entities/source-snapshot.entity.js';
import { SnapshotSummaryDto } from './repository.dto.js';
import { ScanDto, ScanSummaryDto } from './scan.dto.js';

/** `uploaded` until a first analysis; from then on, the status of its newest scan. */
export type SessionStatus = 'uploaded' | ScanStatus;
export const SESSION_STATUSES: readonly SessionStatus[] = ['uploaded', ...SCAN_STATUSES];

export class CreateSessionQuery {
  @ApiPropertyOptional({
    format: 'uuid',
    maxLength: 36,
    description:
      "The project the session's repository belongs to, if any: then the project's rollups include it and deleting the project deletes it. Without one, it belongs to no project",
  })
  @IsOmittable()
  @IsUUID()
  projectId?: string;
}

export class SessionDto {
  @ApiProperty({ format: 'uuid', description: "The session's id: its repository's id as well" }) id!: string;
  @ApiProperty({ format: 'uuid', description: 'The repository that holds its source: GET /repositories/{id} and its routes serve it too' })
  repositoryId!: string;
  @ApiProperty({ type: String, format: 'uuid', nullable: true, description: "The repository's project; null when made without one" })
  projectId!: string | null;
  @ApiProperty({
    enum: SESSION_STATUSES,
    description: '`uploaded`: its archive is read and no analysis was asked for; then the status of its newest scan',
  })
  status!: SessionStatus;
  @ApiProperty({ type: SnapshotSummaryDto, description: 'The uploaded source: files and links, unpacked bytes' })
  snapshot!: SnapshotSummaryDto;
  @ApiProperty({ type: String, format: 'uuid', nullable: true, description: 'Its newest scan, once analyzed' }) scanId!: string | null;
  @ApiProperty({ type: ScanSummaryDto, nullable: true, description: "The newest scan's findings, once its results are in" })
  summary!: ScanSummaryDto | null;
  @ApiProperty({ type: ScanDto, nullable: true, description: 'Its newest scan, with its progress and error' }) scan!: ScanDto | null;
  @ApiProperty({ description: 'Principal type and id of its creator', example: 'user:0190…' }) createdBy!: string;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
  @ApiProperty({ format: 'date-time', description: 'When its repository or its newest scan last changed' }) updatedAt!: string;

  static from(session: ScanSession, repository: CodeRepository, snapshot: SourceSnapshot, scan: Scan | null): SessionDto {
    const updated = scan && scan.updatedAt > repository.updatedAt ? scan.updatedAt : repository.updatedAt;
    return {
      id: session.id,
      repositoryId: repository.id,
      projectId: repository.projectId,
      status: scan?.status ?? 'uploaded',
      snapshot: SnapshotSummaryDto.from(snapshot),
      scanId: scan?.id ?? null,
      summary: scan?.summary ?? null,
      scan: scan ? ScanDto.from(scan) : null,
      createdBy: session.createdBy,
      createdAt: session.createdAt.toISOString(),
      updatedAt: updated.toISOString(),
    };
  }
}
