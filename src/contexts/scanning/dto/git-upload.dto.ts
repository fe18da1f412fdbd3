import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsInt, IsString, IsUUID, Matches, Max, MaxLength, Min } from 'class-validator';
import { IsOmittable } from '../../../kernel/http/validators.js';
import type { GitUpload } from '../entities/git-upload.entity.js';
import { IngestErrorDto } from './repository.dto.js';

/** A branch name git accepts (check-ref-format, in short): no `..`, no leading `-` or `/`, none of ` ~^:?*[\`. */
const BRANCH_PATTERN = '^(?!-)(?!/)(?!.*\\.\\.)(?!.*//)(?!.*@\\{)(?!.*\\.lock$)(?!.*/$)(?!.*\\.$)[^\\x00-\\x20~^:?*\\[\\\\\\x7f]+$';
/** How long a remote may live: a minute to a week (the default is GIT_UPLOAD_TTL_SECONDS). */
const MIN_TTL_SECONDS = 60;
const MAX_TTL_SECONDS = 7 * 24 * 3600;

export const GIT_UPLOAD_VIEW_STATUSES = ['waiting', 'ready', 'failed', 'expired'] as const;
export type GitUploadViewStatus = (typeof GIT_UPLOAD_VIEW_STATUSES)[number];

export class CreateGitUploadDto {
  @ApiProperty({ format: 'uuid', maxLength: 36, description: 'A repository of `sourceType: git-upload` (409 for another)' })
  @IsUUID()
  repositoryId!: string;

  @ApiPropertyOptional({
    example: 'main',
    maxLength: 255,
    pattern: BRANCH_PATTERN,
    description: 'The branch that becomes the snapshot. Omitted: the only branch pushed, or `main` (then `master`) among several',
  })
  @IsOmittable()
  @IsString()
  @MaxLength(255)
  @Matches(new RegExp(BRANCH_PATTERN))
  branch?: string;

  @ApiPropertyOptional({
    minimum: MIN_TTL_SECONDS,
    maximum: MAX_TTL_SECONDS,
    description: 'How long the remote takes pushes. Omitted: GIT_UPLOAD_TTL_SECONDS (an hour by default)',
  })
  @IsOmittable()
  @IsInt()
  @Min(MIN_TTL_SECONDS)
  @Max(MAX_TTL_SECONDS)
  expiresInSeconds?: number;
}

export class GitUploadDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid' }) repositoryId!: string;
  @ApiProperty({
    enum: GIT_UPLOAD_VIEW_STATUSES,
    description:
      'waiting: no push read yet; ready: its last push is the repository’s newest snapshot; failed: its last push was refused (`error` says why); expired: it takes no more pushes',
  })
  status!: GitUploadViewStatus;
  @ApiProperty({
    example: 'https://marshal.example.com/git/0b7e…/source.git',
    description: 'What to `git push` to, with HTTP Basic authentication',
  })
  url!: string;
  @ApiProperty({ example: 'marshal', description: 'The Basic user name to give git (any name is taken: the password is the credential)' })
  username!: string;
  @ApiProperty({ type: String, nullable: true, description: 'The branch that becomes the snapshot, when one was named' })
  branch!: string | null;
  @ApiProperty({ type: String, format: 'date-time' }) expiresAt!: string;
  @ApiProperty({ description: 'Pushes received, read or refused' }) pushes!: number;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) lastPushAt!: string | null;
  @ApiProperty({ type: String, format: 'uuid', nullable: true, description: 'The snapshot its last push read became' })
  snapshotId!: string | null;
  @ApiProperty({ type: String, nullable: true, description: 'The commit its last push read was' }) revision!: string | null;
  @ApiProperty({ type: IngestErrorDto, nullable: true, description: 'Why its last push was refused' }) error!: IngestErrorDto | null;
  @ApiProperty({ type: String, format: 'date-time' }) createdAt!: string;
  @ApiProperty({ type: String, format: 'date-time' }) updatedAt!: string;

  static from(upload: GitUpload, baseUrl: string, now = new Date()): GitUploadDto {
    return {
      id: upload.id,
      repositoryId: upload.repositoryId,
      status: upload.expiresAt <= now ? 'expired' : upload.status,
      url: gitRemoteUrl(baseUrl, upload.id),
      username: GIT_USERNAME,
      branch: upload.branch,
      expiresAt: upload.expiresAt.toISOString(),
      pushes: upload.pushes,
      lastPushAt: upload.lastPushAt?.toISOString() ?? null,
      snapshotId: upload.snapshotId,
      revision: upload.revision,
      error: upload.error,
      createdAt: upload.createdAt.toISOString(),
      updatedAt: upload.updatedAt.toISOString(),
    };
  }
}

export class CreatedGitUploadDto extends GitUploadDto {
  @ApiProperty({
    example: 'mgp_Zk9…',
    description:
      'The Basic password of the remote: answered only now (Marshal keeps its SHA-256). Give it to git by a credential helper, not in the URL',
  })
  password!: string;
}

export const GIT_USERNAME = 'marshal';

/** Where git reaches a remote: under /git, outside the JSON API (the smart HTTP protocol is git's own). */
export function gitRemoteUrl(baseUrl: string, id: string): string {
  return `${baseUrl}/git/${id}/source.git`;
}
