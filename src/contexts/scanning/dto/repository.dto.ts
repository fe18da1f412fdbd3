import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsString, Length, Matches, MaxLength } from 'class-validator';
import { IsOmittable } from '../../../kernel/http/validators.js';
import { PageQuery } from '../../../kernel/pagination/page.js';
import {
  type CodeRepository,
  INGEST_STATUSES,
  type IngestStatus,
  SOURCE_TYPES,
  type SourceType,
} from '../entities/code-repository.entity.js';
import type { SnapshotFile, SnapshotOrigin, SourceSnapshot } from '../entities/source-snapshot.entity.js';

/** The media types an archive may be sent as; which format it is is told by its first bytes. */
export const ARCHIVE_MEDIA_TYPES = [
  'application/gzip',
  'application/x-gzip',
  'application/x-tar',
  'application/zip',
  'application/octet-stream',
];

/** What this release accepts on creation: `url` (clone) is yet to come. */
export const CREATABLE_SOURCE_TYPES: SourceType[] = ['upload', 'git-upload', 'url'];

export class IngestErrorDto {
  @ApiProperty({ example: 'ARCHIVE_REFUSED' }) code!: string;
  @ApiProperty() message!: string;
}

export class SnapshotSummaryDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ enum: ['upload', 'clone', 'push'] }) origin!: SnapshotOrigin;
  @ApiProperty({ type: String, nullable: true, description: 'The commit, when the source came from git' }) revision!: string | null;
  @ApiProperty({ description: 'Files and links in the tree' }) fileCount!: number;
  @ApiProperty({ description: "The files' bytes, unpacked" }) totalBytes!: number;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;

  static from(s: SourceSnapshot): SnapshotSummaryDto {
    return {
      id: s.id,
      origin: s.origin,
      revision: s.revision,
      fileCount: s.fileCount,
      totalBytes: s.totalBytes,
      createdAt: s.createdAt.toISOString(),
    };
  }
}

export class RepositoryDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({
    type: String,
    format: 'uuid',
    nullable: true,
    description: 'Null for a legacy session (POST /sessions) made without a project',
  })
  projectId!: string | null;
  @ApiProperty({ example: 'payments-api' }) name!: string;
  @ApiProperty() description!: string;
  @ApiProperty({
    enum: SOURCE_TYPES,
    description: 'How its source arrives: an uploaded archive (`upload`), a clone (`url`) or a push (`git-upload`)',
  })
  sourceType!: SourceType;
  @ApiProperty({ type: String, nullable: true, description: 'For `url`: what is cloned' }) sourceUrl!: string | null;
  @ApiProperty({
    enum: INGEST_STATUSES,
    description:
      '`pending`: no source yet; `ingesting`: an upload is being read; `ready`: `snapshot` is its source; `failed`: the last upload was refused (`ingestError`), and `snapshot`, if any, is the one before',
  })
  ingestStatus!: IngestStatus;
  @ApiProperty({ type: IngestErrorDto, nullable: true }) ingestError!: IngestErrorDto | null;
  @ApiProperty({ type: SnapshotSummaryDto, nullable: true, description: 'Its newest source; null until one is uploaded' })
  snapshot!: SnapshotSummaryDto | null;
  @ApiProperty({ description: 'Principal type and id of its creator', example: 'user:0190…' }) createdBy!: string;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
  @ApiProperty({ format: 'date-time' }) updatedAt!: string;

  static from(r: CodeRepository, snapshot: SourceSnapshot | null): RepositoryDto {
    return {
      id: r.id,
      projectId: r.projectId,
      name: r.name,
      description: r.description,
      sourceType: r.sourceType,
      sourceUrl: r.sourceUrl,
      ingestStatus: r.ingestStatus,
      ingestError: r.ingestError,
      snapshot: snapshot ? SnapshotSummaryDto.from(snapshot) : null,
      createdBy: r.createdBy,
      createdAt: r.createdAt.toISOString(),
      updatedAt: r.updatedAt.toISOString(),
    };
  }
}

const NAME_RULE = { min: 1, max: 100 };
/** A git branch name: no leading `-` (never an option), no `..`, no space or control character. */
const BRANCH_PATTERN = /^(?!-)(?!.*\.\.)[A-Za-z0-9._/-]+$/;

export class CreateRepositoryDto {
  @ApiProperty({ example: 'payments-api', maxLength: NAME_RULE.max, description: 'Unique in the project' })
  @IsString()
  @Length(NAME_RULE.min, NAME_RULE.max)
  name!: string;

  @ApiPropertyOptional({ maxLength: 2000 })
  @IsOmittable()
  @IsString()
  @Length(0, 2000)
  description?: string;

  @ApiProperty({
    enum: CREATABLE_SOURCE_TYPES,
    description:
      '`url`: Marshal clones `sourceUrl` (http or https, through the outbound rules) when the repository is created, and its default branch or `branch` becomes the first snapshot. `upload`: the source is an archive sent to `PUT /repositories/{id}/source` (again for each new version). `git-upload`: the source is pushed with `git push` to a temporary remote made by `POST /git-uploads`',
  })
  @IsIn(CREATABLE_SOURCE_TYPES)
  sourceType!: SourceType;

  @ApiPropertyOptional({
    example: 'https://github.com/example/payments-api.git',
    maxLength: 2000,
    description:
      'Required for `url`, refused for the others. An http(s) git URL without credentials (a public repository); it must pass the outbound rules (OUTBOUND_ALLOWED_HOSTS, OUTBOUND_ALLOW_PRIVATE). Cloned shallow (depth 1), bare, without submodules, tags or redirects, within GIT_CLONE_TIMEOUT_SECONDS and the upload size limit',
  })
  @IsOmittable()
  @IsString()
  @Length(1, 2000)
  sourceUrl?: string;

  @ApiPropertyOptional({
    example: 'main',
    maxLength: 200,
    pattern: BRANCH_PATTERN.source,
    description: "For `url`: the branch to clone (default: the remote's default branch)",
  })
  @IsOmittable()
  @IsString()
  @Length(1, 200)
  @Matches(BRANCH_PATTERN)
  branch?: string;
}

export class UpdateRepositoryDto {
  @ApiPropertyOptional({ example: 'payments-api', maxLength: NAME_RULE.max })
  @IsOmittable()
  @IsString()
  @Length(NAME_RULE.min, NAME_RULE.max)
  name?: string;

  @ApiPropertyOptional({ maxLength: 2000 })
  @IsOmittable()
  @IsString()
  @Length(0, 2000)
  description?: string;
}

export class ListRepositoriesQuery extends PageQuery {
  @ApiPropertyOptional({ enum: INGEST_STATUSES })
  @IsOmittable()
  @IsIn(INGEST_STATUSES)
  ingestStatus?: IngestStatus;
}

export class SourceEntryDto {
  @ApiProperty({ example: 'src/index.ts', description: 'Relative, `/`-separated' }) path!: string;
  @ApiProperty({ enum: ['file', 'symlink'] }) kind!: 'file' | 'symlink';
  @ApiProperty({ description: 'Bytes (0 for a link)' }) size!: number;
  @ApiProperty({ type: String, nullable: true, description: "SHA-256 of the file's bytes, lowercase hex (null for a link)" }) sha256!:
    string | null;
  @ApiProperty({ type: String, nullable: true, description: "A link's target, relative, inside the tree" }) linkTarget!: string | null;
  @ApiProperty({ description: 'Not text: a NUL byte, or not UTF-8, in its first 8 KiB' }) binary!: boolean;
  @ApiProperty() executable!: boolean;

  static from(f: SnapshotFile): SourceEntryDto {
    return {
      path: f.path,
      kind: f.kind,
      size: f.size,
      sha256: f.sha256 ? f.sha256.toString('hex') : null,
      linkTarget: f.linkTarget,
      binary: f.binary,
      executable: f.executable,
    };
  }
}

export class SourceTreeQuery extends PageQuery {
  @ApiPropertyOptional({ example: 'src/', maxLength: 1024, description: 'Only paths that start with this' })
  @IsOmittable()
  @IsString()
  @MaxLength(1024)
  prefix?: string;
}
