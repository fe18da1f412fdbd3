import { Body, Controller, Delete, Get, Post, Req } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Request } from 'express';
import { Audited } from '../../../kernel/audit/audited.decorator.js';
import { CurrentPrincipal } from '../../../kernel/auth/current-principal.decorator.js';
import type { Principal } from '../../../kernel/auth/principal.js';
import { RequirePermission } from '../../../kernel/auth/require-permission.decorator.js';
import { AppConfig } from '../../../kernel/config/app-config.js';
import { conflict, notFound } from '../../../kernel/http/kernel.errors.js';
import { UuidParam } from '../../../kernel/http/params.js';
import { ApiCreated, ApiErrors, ApiNoContent, ApiOk } from '../../../kernel/http/response.decorators.js';
import { CreateGitUploadDto, CreatedGitUploadDto, GitUploadDto } from '../dto/git-upload.dto.js';
import { GitUploadsService } from './git-uploads.service.js';

/** Temporary git remotes of `git-upload` repositories (seed 004 `/git-uploads`). */
@ApiTags('Code repositories')
@Controller('api/v1/git-uploads')
export class GitUploadsController {
  constructor(
    private readonly uploads: GitUploadsService,
    private readonly config: AppConfig,
  ) {}

  @Post()
  @RequirePermission('repository.edit')
  @Audited('git_upload.create', 'git_upload')
  @ApiOperation({
    summary: 'Create a temporary git remote',
    description: [
      'For a repository of `sourceType: git-upload` (409 for another): answers the URL to `git push` to and its Basic password, answered only',
      'now. Each push is read whole (the remote holds nothing between pushes, so a push always sends its whole branch): the branch it brings',
      '(`branch`, or the only one, or `main`) becomes the repository’s newest snapshot, by the rules and limits of an archive upload',
      '(SCAN_UPLOAD_MAX_BYTES for the pack, then the snapshot limits), before `git push` returns. A refused push fails in git with Marshal’s',
      'reason, and the remote says it (`status: failed`, `error`). The remote serves no fetch or clone, and takes pushes until it expires',
      "(GIT_UPLOAD_TTL_SECONDS, or `expiresInSeconds`) or is deleted. Audited. Another organization's repository is 404.",
    ].join(' '),
  })
  @ApiCreated(CreatedGitUploadDto)
  @ApiErrors(notFound, conflict)
  async createGitUpload(
    @CurrentPrincipal() principal: Principal,
    @Body() body: CreateGitUploadDto,
    @Req() req: Request,
  ): Promise<CreatedGitUploadDto> {
    const { upload, password } = await this.uploads.create(principal.organizationId, principal, body);
    return { ...GitUploadDto.from(upload, this.baseUrl(req)), password };
  }

  @Get(':id')
  @RequirePermission('repository.read')
  @ApiOperation({
    summary: 'A temporary git remote',
    description:
      "Whether a push was read (`status`, the snapshot and commit it became, or why it was refused), and until when it takes pushes; never its password. Another organization's remote is 404.",
  })
  @ApiOk(GitUploadDto)
  @ApiErrors(notFound)
  async getGitUpload(@CurrentPrincipal() principal: Principal, @UuidParam() id: string, @Req() req: Request): Promise<GitUploadDto> {
    return GitUploadDto.from(await this.uploads.get(principal.organizationId, id), this.baseUrl(req));
  }

  @Delete(':id')
  @RequirePermission('repository.edit')
  @Audited('git_upload.delete', 'git_upload')
  @ApiOperation({
    summary: 'Delete a temporary git remote',
    description:
      "It takes no more pushes from now on; the snapshots its pushes made stay the repository's. Audited. Another organization's remote is 404.",
  })
  @ApiNoContent()
  @ApiErrors(notFound)
  async deleteGitUpload(@CurrentPrincipal() principal: Principal, @UuidParam() id: string): Promise<void> {
    await this.uploads.delete(principal.organizationId, id);
  }

  /** PUBLIC_URL, or where this request reached Marshal (its protocol and Host, as TRUST_PROXY lets them be seen). */
  private baseUrl(req: Request): string {
    return this.config.http.publicUrl ?? `${req.protocol}://${req.get('host') ?? `127.0.0.1:${this.config.port}`}`;
  }
}
