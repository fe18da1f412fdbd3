import { pipeline } from 'node:stream/promises';
import { Body, Controller, Delete, Get, Headers, Param, Post, Put, Query, Req, Res } from '@nestjs/common';
import { ApiBody, ApiConsumes, ApiOperation, ApiParam, ApiResponse, ApiTags } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { Audited, NotAudited } from '../../kernel/audit/audited.decorator.js';
import { DEFAULT_SCAN_UPLOAD_MAX_BYTES } from '../../kernel/config/environment.js';
import { blobTooLarge } from '../../kernel/blobs/blobs.errors.js';
import { CurrentPrincipal } from '../../kernel/auth/current-principal.decorator.js';
import type { Principal } from '../../kernel/auth/principal.js';
import { RequirePermission } from '../../kernel/auth/require-permission.decorator.js';
import { IdempotentByDesign } from '../../kernel/idempotency/idempotency.decorator.js';
import { conflict, notFound, payloadTooLarge, serviceUnavailable } from '../../kernel/http/kernel.errors.js';
import { UuidParam } from '../../kernel/http/params.js';
import { ApiCreated, ApiErrors, ApiNoContent, ApiOk, ApiPage, RawResponse } from '../../kernel/http/response.decorators.js';
import type { Page } from '../../kernel/pagination/page.js';
import {
  ARCHIVE_MEDIA_TYPES,
  CreateRepositoryDto,
  ListRepositoriesQuery,
  RepositoryDto,
  SourceEntryDto,
  SourceTreeQuery,
  UpdateRepositoryDto,
} from './dto/repository.dto.js';
import { RepositoriesService } from './repositories.service.js';
import { archiveRefused, cloneFailed, noSource, sourceUrlRefusedError, unsupportedArchiveType } from './scanning.errors.js';

const view = (v: { repository: Parameters<typeof RepositoryDto.from>[0]; snapshot: Parameters<typeof RepositoryDto.from>[1] }) =>
  RepositoryDto.from(v.repository, v.snapshot);

@ApiTags('Code repositories')
@Controller('api/v1')
export class RepositoriesController {
  constructor(private readonly repositories: RepositoriesService) {}

  @Post('projects/:id/repositories')
  @RequirePermission('repository.create')
  @NotAudited('audited by the service (repository.create): no transaction may span the clone of a `url` repository')
  @ApiOperation({
    summary: 'Add a code repository to a project',
    description:
      "With `sourceType: upload` or `git-upload`, the repository starts `pending`: its source is then sent as an archive to `PUT /repositories/{id}/source`, or pushed to a remote from `POST /git-uploads`. With `sourceType: url`, Marshal clones `sourceUrl` first (shallow, bare, http(s) only, through the deployment's outbound rules, within GIT_CLONE_TIMEOUT_SECONDS and the upload size limit) and reads it by the same rules as an upload; the repository is answered `ready` with that snapshot, or not made at all (422 SOURCE_URL_REFUSED, CLONE_FAILED or ARCHIVE_REFUSED, nothing kept). The name is unique in the project (409). Audited (`repository.create`, and the clone as `repository.source_upload`). Another organization's project is 404.",
  })
  @ApiParam({ name: 'id', description: 'The project', format: 'uuid' })
  @ApiCreated(RepositoryDto)
  @ApiErrors(notFound, conflict, sourceUrlRefusedError, cloneFailed, archiveRefused, serviceUnavailable)
  async createRepository(
    @CurrentPrincipal() principal: Principal,
    @UuidParam() projectId: string,
    @Body() body: CreateRepositoryDto,
  ): Promise<RepositoryDto> {
    return view(await this.repositories.create(principal.organizationId, principal, projectId, body));
  }

  @Get('projects/:id/repositories')
  @RequirePermission('repository.read')
  @ApiOperation({
    summary: "A project's code repositories",
    description:
      "Paged; filter by ingest status, search names with `q`; sort by name, createdAt or updatedAt. Another organization's project is 404.",
  })
  @ApiParam({ name: 'id', description: 'The project', format: 'uuid' })
  @ApiPage(RepositoryDto)
  @ApiErrors(notFound)
  async listProjectRepositories(
    @CurrentPrincipal() principal: Principal,
    @UuidParam() projectId: string,
    @Query() query: ListRepositoriesQuery,
  ): Promise<Page<RepositoryDto>> {
    return (await this.repositories.list(principal.organizationId, projectId, query)).map(view);
  }

  @Get('repositories/:id')
  @RequirePermission('repository.read')
  @ApiOperation({
    summary: 'A code repository',
    description: "With its ingest status and its newest snapshot. Another organization's repository is 404.",
  })
  @ApiOk(RepositoryDto)
  @ApiErrors(notFound)
  async getRepository(@CurrentPrincipal() principal: Principal, @UuidParam() id: string): Promise<RepositoryDto> {
    return view(await this.repositories.get(principal.organizationId, id));
  }

  @Put('repositories/:id')
  @RequirePermission('repository.edit')
  @Audited('repository.update', 'repository')
  @ApiOperation({
    summary: "Edit a code repository's name or description",
    description: "The name stays unique in the project (409). Audited. Another organization's repository is 404.",
  })
  @ApiOk(RepositoryDto)
  @ApiErrors(notFound, conflict)
  async updateRepository(
    @CurrentPrincipal() principal: Principal,
    @UuidParam() id: string,
    @Body() body: UpdateRepositoryDto,
  ): Promise<RepositoryDto> {
    return view(await this.repositories.update(principal.organizationId, id, body));
  }

  @Delete('repositories/:id')
  @RequirePermission('repository.delete')
  @Audited('repository.delete', 'repository')
  @ApiOperation({
    summary: 'Delete a code repository',
    description:
      "With its snapshots: their files' bytes are removed by the blob sweep once nothing else uses them. Audited. Another organization's repository is 404.",
  })
  @ApiNoContent()
  @ApiErrors(notFound)
  async deleteRepository(@CurrentPrincipal() principal: Principal, @UuidParam() id: string): Promise<void> {
    await this.repositories.delete(principal.organizationId, id);
  }

  @Put('repositories/:id/source')
  @RequirePermission('repository.edit')
  @NotAudited('audited by the service once the archive is read (repository.source_upload): no transaction may span an upload')
  @IdempotentByDesign('the archive decides the snapshot: sending the same archive again makes a snapshot of the same files')
  @ApiOperation({
    summary: "Upload a repository's source as an archive",
    description: [
      'The body is the archive itself, streamed: `.tar.gz`, `.tar` or `.zip`, told by its first bytes whatever the media type among those listed.',
      'It becomes a new immutable snapshot, the repository’s source (the one before is removed), each file stored once by its SHA-256.',
      'Refused with 413 over the upload limit (`SCAN_UPLOAD_MAX_BYTES`) or a file over `SNAPSHOT_MAX_FILE_BYTES`, and with 422 ARCHIVE_REFUSED',
      '(`error.details.reason`) for an entry that leaves the root (zip-slip), a link out of the tree, a device, a path given twice, more entries',
      'than `SNAPSHOT_MAX_FILES`, more bytes unpacked than `SNAPSHOT_MAX_BYTES`, a compression ratio over `ARCHIVE_MAX_COMPRESSION_RATIO`',
      '(a decompression bomb), something that is not an archive, or one that cannot be read. A refused archive leaves nothing stored, and the',
      'repository keeps the snapshot it had, with `ingestStatus: failed` and `ingestError`. Audited. Another organization’s repository is 404.',
    ].join(' '),
  })
  @ApiConsumes(...ARCHIVE_MEDIA_TYPES)
  @ApiBody({
    schema: {
      type: 'string',
      format: 'binary',
      maxLength: DEFAULT_SCAN_UPLOAD_MAX_BYTES,
      description: `The archive's bytes: at most SCAN_UPLOAD_MAX_BYTES (${DEFAULT_SCAN_UPLOAD_MAX_BYTES} by default; GET /ops/limits says what is in force)`,
    },
  })
  @ApiOk(RepositoryDto)
  @ApiErrors(notFound, conflict, payloadTooLarge, blobTooLarge, unsupportedArchiveType, archiveRefused, serviceUnavailable)
  async uploadRepositorySource(
    @CurrentPrincipal() principal: Principal,
    @UuidParam() id: string,
    @Headers('content-type') contentType: string | undefined,
    @Req() req: Request,
  ): Promise<RepositoryDto> {
    return view(await this.repositories.uploadSource(principal.organizationId, id, req, contentType));
  }

  @Get('repositories/:id/source-tree')
  @RequirePermission('repository.read')
  @ApiOperation({
    summary: "A repository's source tree",
    description:
      "The files and links of its newest snapshot, by path (or by size), paged; `prefix` keeps the paths that start with it. 409 NO_SOURCE before any upload. Another organization's repository is 404.",
  })
  @ApiPage(SourceEntryDto)
  @ApiErrors(notFound, noSource)
  async listRepositorySourceTree(
    @CurrentPrincipal() principal: Principal,
    @UuidParam() id: string,
    @Query() query: SourceTreeQuery,
  ): Promise<Page<SourceEntryDto>> {
    return (await this.repositories.tree(principal.organizationId, id, query)).map(SourceEntryDto.from);
  }

  @Get('repositories/:id/source-files/*path')
  @RequirePermission('repository.read')
  @ApiOperation({
    summary: 'One file of a repository’s source',
    description: [
      'The bytes of the file at `path` in the newest snapshot (slashes as they are, or each `%2F`). A text file is `text/plain; charset=utf-8`,',
      'a binary one `application/octet-stream`; the strong ETag is its SHA-256, and `If-None-Match` with it answers 304. A link answers 200 with',
      'an empty body and its target in `X-Link-Target`. A path with `..`, or none in the tree, is 404. 409 NO_SOURCE before any upload.',
      "Another organization's repository is 404.",
    ].join(' '),
  })
  @ApiParam({
    name: 'path',
    description: 'The file, relative to the root (`src/index.ts`)',
    schema: { type: 'string', minLength: 1, maxLength: 4096 },
  })
  @RawResponse({
    description: "The file's bytes",
    contentType: ['text/plain', 'application/octet-stream'],
    schema: { type: 'string', format: 'binary' },
  })
  @ApiResponse({ status: 304, description: 'Not modified: the If-None-Match given is the ETag of the file' })
  @ApiErrors(notFound, noSource)
  async getRepositorySourceFile(
    @CurrentPrincipal() principal: Principal,
    @UuidParam() id: string,
    @Param('path') path: string[] | string,
    @Headers('if-none-match') ifNoneMatch: string | undefined,
    @Res() res: Response,
  ): Promise<void> {
    const requested = Array.isArray(path) ? path.join('/') : path;
    const { entry, stream } = await this.repositories.file(principal.organizationId, id, requested);
    const etag = entry.sha256 ? `"${entry.sha256.toString('hex')}"` : undefined;
    if (etag) res.setHeader('ETag', etag);
    if (etag && ifNoneMatch?.split(',').some((t) => t.trim() === etag)) {
      stream?.destroy();
      res.status(304).end();
      return;
    }
    res.setHeader('Cache-Control', 'private, max-age=0');
    res.setHeader('X-Content-Type-Options', 'nosniff');
    if (!stream) {
      res.setHeader('X-Link-Target', encodeURI(entry.linkTarget ?? ''));
      res.status(200).type('application/octet-stream').end();
      return;
    }
    res.status(200);
    res.setHeader('Content-Type', entry.binary ? 'application/octet-stream' : 'text/plain; charset=utf-8');
    res.setHeader('Content-Length', String(entry.size));
    await pipeline(stream, res);
  }
}
