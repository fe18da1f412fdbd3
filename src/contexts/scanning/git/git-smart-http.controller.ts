import { Controller, Get, Post, Query, Req, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { NotAudited } from '../../../kernel/audit/audited.decorator.js';
import { Public } from '../../../kernel/auth/public.decorator.js';
import { forbidden, unauthenticated } from '../../../kernel/http/kernel.errors.js';
import type { GitUpload } from '../entities/git-upload.entity.js';
import type { SmartHttpAnswer, SmartHttpRequest } from './git-http-backend.js';
import { GitUploadsService } from './git-uploads.service.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const REALM = 'Basic realm="Marshal git upload", charset="UTF-8"';

/**
 * git's smart HTTP protocol for temporary remotes (POST /api/v1/git-uploads answers their URLs), as
 * `git push` speaks it: the ref advertisement, then receive-pack. Not in the OpenAPI document: its
 * client is git, and its bodies are git's pkt-lines, not JSON. Authenticated here, by the remote's
 * id and its password (HTTP Basic); a remote that does not exist, has expired, or belongs to no
 * one the password opens is 401 alike, so a guess learns nothing. Fetching is not served.
 */
@ApiExcludeController()
@Controller('git/:id/source.git')
export class GitSmartHttpController {
  constructor(private readonly uploads: GitUploadsService) {}

  @Get('info/refs')
  @Public()
  async advertiseGitRefs(@Req() req: Request, @Res() res: Response, @Query('service') service: unknown): Promise<void> {
    await this.authenticate(req, res);
    if (service !== 'git-receive-pack') throw pushOnly();
    send(res, await this.uploads.advertise(this.request(req)));
  }

  @Post('git-receive-pack')
  @Public()
  @NotAudited('audited by the service once the push is read (git_upload.push, repository.source_upload)')
  async receiveGitPack(@Req() req: Request, @Res() res: Response): Promise<void> {
    const upload = await this.authenticate(req, res);
    const { answer, refusal } = await this.uploads.receive(upload, this.request(req));
    if (!refusal) return send(res, answer);
    if (isSideBand(answer.body)) {
      // git shows a band-3 message as "remote error: …" and fails the push: the reason reaches the person pushing.
      res.status(200).type('application/x-git-receive-pack-result').setHeader('Cache-Control', 'no-cache');
      res.end(
        Buffer.concat([
          pktLine(Buffer.concat([Buffer.from([3]), Buffer.from(`Marshal refused the push (${refusal.code}): ${refusal.message}\n`)])),
          FLUSH,
        ]),
      );
      return;
    }
    res.status(refusal.status).type('text/plain').end(`Marshal refused the push (${refusal.code}): ${refusal.message}\n`);
  }

  @Post('git-upload-pack')
  @Public()
  @NotAudited('refused: a temporary remote serves no fetch')
  async refuseGitFetch(@Req() req: Request, @Res() res: Response): Promise<void> {
    await this.authenticate(req, res);
    throw pushOnly();
  }

  /** The remote the request's Basic credentials open, or 401 with a challenge git answers with them. */
  private async authenticate(req: Request, res: Response): Promise<GitUpload> {
    const id = String(req.params.id);
    const credentials = basicPassword(req.headers.authorization);
    const upload = credentials && UUID.test(id) ? await this.uploads.authenticate(id.toLowerCase(), credentials) : null;
    if (!upload) {
      res.setHeader('WWW-Authenticate', REALM);
      throw unauthenticated(
        credentials ? 'The git remote does not exist, has expired, or the password is not its own' : 'Give the remote’s password',
      );
    }
    return upload;
  }

  private request(req: Request): Omit<SmartHttpRequest, 'pathInfo'> {
    const query = req.originalUrl.includes('?') ? req.originalUrl.slice(req.originalUrl.indexOf('?') + 1) : '';
    return {
      method: req.method,
      query,
      headers: req.headers,
      body: req,
      remoteUser: String(req.params.id),
      remoteAddress: req.ip ?? '',
    };
  }
}

/** The password of `Authorization: Basic base64(user:password)`; any user name is taken. */
function basicPassword(header: string | undefined): string | null {
  const match = /^Basic\s+([A-Za-z0-9+/=]+)\s*$/i.exec(header ?? '');
  if (!match) return null;
  const decoded = Buffer.from(match[1], 'base64').toString('utf8');
  const colon = decoded.indexOf(':');
  return colon >= 0 && colon < decoded.length - 1 ? decoded.slice(colon + 1) : null;
}

function pushOnly() {
  return forbidden('A temporary git remote takes pushes only: it serves no fetch or clone');
}

function send(res: Response, answer: SmartHttpAnswer): void {
  res.status(answer.status);
  for (const [name, value] of Object.entries(answer.headers)) res.setHeader(name, value);
  res.end(answer.body);
}

const FLUSH = Buffer.from('0000');

function pktLine(payload: Buffer): Buffer {
  return Buffer.concat([Buffer.from((payload.length + 4).toString(16).padStart(4, '0')), payload]);
}

/** Whether receive-pack answered on side bands: its first packet's payload starts with band 1, 2 or 3. */
function isSideBand(body: Buffer): boolean {
  if (body.length < 5) return false;
  const length = Number.parseInt(body.subarray(0, 4).toString('latin1'), 16);
  return Number.isFinite(length) && length > 4 && body[4] >= 1 && body[4] <= 3;
}
