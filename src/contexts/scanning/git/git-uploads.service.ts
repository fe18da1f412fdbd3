import type { IncomingMessage } from 'node:http';
import { PassThrough, type TransformCallback } from 'node:stream';
import { Injectable, Logger, OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { InjectTransactionHost, Transactional } from '@nestjs-cls/transactional';
import { DataSource } from 'typeorm';
import { AuditNotes } from '../../../kernel/audit/audit-notes.js';
import { AuditWriter } from '../../../kernel/audit/audit-writer.js';
import type { Principal } from '../../../kernel/auth/principal.js';
import { AppConfig } from '../../../kernel/config/app-config.js';
import type { Tx } from '../../../kernel/database/transactions.js';
import { randomSecret, secretMatchesDigest, sha256 } from '../../../kernel/crypto/secret-tokens.js';
import { EventOutbox } from '../../../kernel/events/event-outbox.js';
import { AppError } from '../../../kernel/http/app-error.js';
import { conflict } from '../../../kernel/http/kernel.errors.js';
import { TenantData } from '../../../kernel/tenancy/tenant-data.js';
import type { CreateGitUploadDto } from '../dto/git-upload.dto.js';
import { CodeRepository } from '../entities/code-repository.entity.js';
import { GitUpload } from '../entities/git-upload.entity.js';
import { RepositoriesService } from '../repositories.service.js';
import { ScanLimits } from '../scan-limits.js';
import { type SmartHttpAnswer, type SmartHttpRequest, SmartHttpTimeout, runHttpBackend } from './git-http-backend.js';
import { chooseBranch, PushWorkspace, REMOTE_NAME } from './push-workspace.js';

/** What index-pack says of a pack over receive.maxInputSize. */
const TOO_LARGE = /pack exceeds maximum allowed size/;

/** The password's form: `mgp_` and 43 base64url characters (32 random bytes). */
const PASSWORD_PREFIX = 'mgp_';

/** What a push came to, for the git client: the answer to send, and the remote's state after it. */
export interface PushOutcome {
  answer: SmartHttpAnswer;
  /** Why the push was refused, to tell the client instead of git's report; null: it became a snapshot. */
  refusal: { status: number; code: string; message: string } | null;
}

/**
 * Temporary git remotes (seed 004 `/git-uploads`): a remote is a row, with the SHA-256 of a password
 * answered once. A push is received by `git http-backend` into an empty repository of its own, and
 * the branch it brings is archived and read into a snapshot by the rules of an upload.
 */
@Injectable()
export class GitUploadsService implements OnModuleInit {
  private readonly logger = new Logger(GitUploadsService.name);

  constructor(
    private readonly data: TenantData,
    @InjectTransactionHost() private readonly tx: Tx,
    private readonly notes: AuditNotes,
    private readonly audit: AuditWriter,
    private readonly events: EventOutbox,
    private readonly repositories: RepositoriesService,
    private readonly scanLimits: ScanLimits,
    private readonly config: AppConfig,
    @InjectDataSource() private readonly dataSource: DataSource,
  ) {}

  onModuleInit(): void {
    // A repository's remotes go with it, in its deleting transaction.
    this.repositories.onDelete((organizationId, repositoryId) =>
      this.data
        .repository(GitUpload, organizationId)
        .delete({ repositoryId })
        .then(() => undefined),
    );
  }

  @Transactional()
  async create(organizationId: string, principal: Principal, input: CreateGitUploadDto): Promise<{ upload: GitUpload; password: string }> {
    const repository = await this.data.repository(CodeRepository, organizationId).getById(input.repositoryId, 'Repository');
    if (repository.sourceType !== 'git-upload')
      throw conflict(`The repository's source comes by ${repository.sourceType}, not by git push`, { sourceType: repository.sourceType });
    const password = `${PASSWORD_PREFIX}${randomSecret(32)}`;
    const ttlSeconds = input.expiresInSeconds ?? this.config.scanning.gitUploads.ttlSeconds;
    const upload = await this.data.repository(GitUpload, organizationId).insert({
      repositoryId: repository.id,
      passwordHash: sha256(password),
      branch: input.branch ?? null,
      status: 'waiting',
      expiresAt: new Date(Date.now() + ttlSeconds * 1000),
      pushes: 0,
      lastPushAt: null,
      snapshotId: null,
      revision: null,
      error: null,
      createdBy: `${principal.type}:${principal.id}`,
    });
    this.notes.note({ resourceId: upload.id, details: { repositoryId: repository.id, expiresAt: upload.expiresAt.toISOString() } });
    await this.emit(upload, 'git_upload.created', { expiresAt: upload.expiresAt.toISOString() });
    return { upload, password };
  }

  get(organizationId: string, id: string): Promise<GitUpload> {
    return this.data.repository(GitUpload, organizationId).getById(id, 'Git upload');
  }

  @Transactional()
  async delete(organizationId: string, id: string): Promise<void> {
    const upload = await this.get(organizationId, id);
    await this.data.repository(GitUpload, organizationId).delete({ id });
    this.notes.note({ details: { repositoryId: upload.repositoryId } });
    await this.emit(upload, 'git_upload.deleted', {});
  }

  /** Removes the organization's remotes that expired: part of cleanup. Answers how many. */
  async removeExpired(organizationId: string): Promise<number> {
    const [, count] = await this.dataSource.query<[unknown, number]>(
      'DELETE FROM git_uploads WHERE organization_id = $1 AND expires_at <= now()',
      [organizationId],
    );
    return count;
  }

  /**
   * The live remote `id` when `password` is its own (compared in constant time), in any
   * organization: the id and the password are the whole credential. null: no such remote, expired,
   * or another's password, which the caller answers alike.
   */
  async authenticate(id: string, password: string): Promise<GitUpload | null> {
    const [row] = await this.dataSource.query<{ organization_id: string }[]>(
      'SELECT organization_id FROM git_uploads WHERE id = $1 AND expires_at > now()',
      [id],
    );
    if (!row) return null;
    const upload = await this.data.repository(GitUpload, row.organization_id).findOne({ id });
    if (!upload || !secretMatchesDigest(password, upload.passwordHash)) return null;
    return upload;
  }

  /** The ref advertisement of an empty remote: what a push starts with. */
  async advertise(request: Omit<SmartHttpRequest, 'pathInfo'>): Promise<SmartHttpAnswer> {
    const workspace = await PushWorkspace.create(1, this.pushTimeoutMs);
    try {
      return await runHttpBackend(workspace.root, { ...request, pathInfo: `/${REMOTE_NAME}/info/refs` }, this.pushTimeoutMs);
    } finally {
      await workspace.remove();
    }
  }

  /**
   * Receives one push into an empty repository, within the organization's upload limit and the push
   * time limit, and reads the branch it brought into the repository's newest snapshot. Whatever the
   * outcome, the remote says it (status, error) and the workspace is removed.
   */
  async receive(upload: GitUpload, request: Omit<SmartHttpRequest, 'pathInfo'>): Promise<PushOutcome> {
    const limits = await this.scanLimits.for(upload.organizationId);
    const workspace = await PushWorkspace.create(limits.maxUploadBytes, this.pushTimeoutMs);
    try {
      const body = new ProbeDetector();
      request.body.pipe(body);
      // A client that goes away half-way ends git's input with an error, not a wait for the time limit.
      request.body.once('error', (error) => body.destroy(error));
      request.body.once('close', () => {
        if (!(request.body as IncomingMessage).complete) body.destroy(new Error('the client went away'));
      });
      let answer: SmartHttpAnswer;
      try {
        answer = await runHttpBackend(
          workspace.root,
          { ...request, body, pathInfo: `/${REMOTE_NAME}/git-receive-pack` },
          this.pushTimeoutMs,
        );
      } catch (error) {
        if (!(error instanceof SmartHttpTimeout)) throw error;
        return this.refuse(upload, emptyAnswer(), 408, 'PUSH_TIMEOUT', `The push took longer than ${this.pushTimeoutMs / 1000} s`);
      }
      // Before a large push, git asks with an empty request whether it may (see ProbeDetector): not a push.
      if (body.probe && answer.status === 200 && answer.exitCode === 0) return { answer, refusal: null };
      // index-pack says so on receive-pack's side band (to the client), or on stderr without one.
      if (TOO_LARGE.test(answer.stderr) || TOO_LARGE.test(answer.body.toString('latin1')))
        return this.refuse(upload, answer, 413, 'PUSH_TOO_LARGE', `The push is over the upload limit (${limits.maxUploadBytes} bytes)`);
      if (answer.status !== 200 || answer.exitCode !== 0) {
        this.logger.warn({ uploadId: upload.id, status: answer.status, exitCode: answer.exitCode }, 'git http-backend refused a push');
        return this.refuse(upload, answer, 422, 'PUSH_REFUSED', 'git could not read the push');
      }
      const branch = chooseBranch(await workspace.branches(), upload.branch);
      if ('missing' in branch) return this.refuse(upload, answer, 422, 'NO_BRANCH', `Nothing to read: ${branch.missing}`);
      const archive = await workspace.archive(branch.commit);
      try {
        const { snapshot } = await this.repositories.ingestArchive(upload.organizationId, upload.repositoryId, archive.file, {
          origin: 'push',
          revision: branch.commit,
          archiveBytes: archive.size,
          actor: { type: 'git_upload', id: upload.id },
          details: { gitUploadId: upload.id, branch: branch.name },
        });
        await this.settle(upload, { status: 'ready', snapshotId: snapshot?.id ?? null, revision: branch.commit, error: null });
        return { answer, refusal: null };
      } catch (error) {
        if (!(error instanceof AppError) || error.status >= 500) throw error;
        return this.refuse(upload, answer, error.status, error.code, error.message);
      }
    } finally {
      await workspace.remove();
    }
  }

  private async refuse(upload: GitUpload, answer: SmartHttpAnswer, status: number, code: string, message: string): Promise<PushOutcome> {
    await this.settle(upload, { status: 'failed', error: { code, message } });
    return { answer, refusal: { status, code, message } };
  }

  /**
   * Records the push on the remote, in its trail and its events (a remote deleted meanwhile records
   * nothing of its own; a snapshot the push made stays the repository's).
   */
  @Transactional()
  private async settle(
    upload: GitUpload,
    outcome: Partial<Pick<GitUpload, 'status' | 'snapshotId' | 'revision' | 'error'>>,
  ): Promise<void> {
    await this.tx.tx.query(
      `UPDATE git_uploads SET status = $3, snapshot_id = COALESCE($4, snapshot_id), revision = COALESCE($5, revision), error = $6,
         pushes = pushes + 1, last_push_at = now(), updated_at = now()
       WHERE organization_id = $1 AND id = $2`,
      [
        upload.organizationId,
        upload.id,
        outcome.status,
        outcome.snapshotId ?? null,
        outcome.revision ?? null,
        outcome.error ? JSON.stringify(outcome.error) : null,
      ],
    );
    const details = {
      repositoryId: upload.repositoryId,
      ...(outcome.revision && { revision: outcome.revision }),
      ...(outcome.snapshotId && { snapshotId: outcome.snapshotId }),
      ...(outcome.error && { error: outcome.error }),
    };
    await this.audit.record({
      organizationId: upload.organizationId,
      action: 'git_upload.push',
      outcome: outcome.status === 'ready' ? 'success' : 'failure',
      actor: { type: 'git_upload', id: upload.id },
      resourceType: 'git_upload',
      resourceId: upload.id,
      details,
    });
    await this.emit(upload, outcome.status === 'ready' ? 'git_upload.pushed' : 'git_upload.push_refused', details);
  }

  private get pushTimeoutMs(): number {
    return this.config.scanning.gitUploads.pushTimeoutMs;
  }

  private emit(upload: GitUpload, type: string, data: Record<string, unknown>): Promise<unknown> {
    return this.events.emit({
      organizationId: upload.organizationId,
      type,
      resourceType: 'git_upload',
      resourceId: upload.id,
      data: { repositoryId: upload.repositoryId, ...data },
    });
  }
}

/**
 * Passes a request body on and tells whether it was git's probe: before a push too large for one
 * buffer, git sends a request holding only a flush packet (`0000`), to learn that the remote takes
 * it (and its credentials) before it streams the pack.
 */
class ProbeDetector extends PassThrough {
  private head = '';
  private bytes = 0;

  override _transform(chunk: Buffer, encoding: BufferEncoding, callback: TransformCallback): void {
    if (this.bytes < 8) this.head += chunk.subarray(0, 8 - this.bytes).toString('latin1');
    this.bytes += chunk.length;
    super._transform(chunk, encoding, callback);
  }

  get probe(): boolean {
    return this.bytes === 4 && this.head === '0000';
  }
}

function emptyAnswer(): SmartHttpAnswer {
  return { status: 200, headers: {}, body: Buffer.alloc(0), exitCode: null, stderr: '' };
}
