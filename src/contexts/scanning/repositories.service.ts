import type { Readable } from 'node:stream';
import { Injectable, OnModuleInit } from '@nestjs/common';
import { InjectTransactionHost, Transactional } from '@nestjs-cls/transactional';
import type { Principal } from '../../kernel/auth/principal.js';
import { AuditNotes } from '../../kernel/audit/audit-notes.js';
import { AuditWriter } from '../../kernel/audit/audit-writer.js';
import { BlobStore } from '../../kernel/blobs/blob-store.js';
import { AppConfig } from '../../kernel/config/app-config.js';
import type { Tx } from '../../kernel/database/transactions.js';
import { EventOutbox } from '../../kernel/events/event-outbox.js';
import { AppError } from '../../kernel/http/app-error.js';
import { conflict, validationFailed } from '../../kernel/http/kernel.errors.js';
import { OutboundCalls } from '../../kernel/outbound/outbound-calls.js';
import { spoolUpload } from '../../kernel/http/spooled-upload.js';
import { newId } from '../../kernel/ids.js';
import { type Page, paginate } from '../../kernel/pagination/page.js';
import { TenantData } from '../../kernel/tenancy/tenant-data.js';
import { ProjectsService } from '../inventory/index.js';
import {
  ARCHIVE_MEDIA_TYPES,
  type CreateRepositoryDto,
  type ListRepositoriesQuery,
  type SourceTreeQuery,
  type UpdateRepositoryDto,
} from './dto/repository.dto.js';
import { CodeRepository, type SourceType } from './entities/code-repository.entity.js';
import { SnapshotFile, type SnapshotOrigin, SourceSnapshot } from './entities/source-snapshot.entity.js';
import { ArchiveRefusal } from './ingest/archive.js';
import { snapshotTar } from './ingest/snapshot-archive.js';
import { type IngestedTree, SnapshotIngest } from './ingest/snapshot-ingest.js';
import { treePath } from './ingest/tree-paths.js';
import { ScanLimits } from './scan-limits.js';
import { ThreatProfilesService } from './threat-profiles.service.js';
import { archiveRefused, cloneFailed, noSource, notAFile, sourceUrlRefused, unsupportedArchiveType } from './scanning.errors.js';
import { CloneFailure, CloneWorkspace } from './git/clone-workspace.js';

/** 415 unless the upload is sent as one of the archive media types (which format it is, its first bytes tell). */
function checkArchiveType(contentType: string | undefined): void {
  const type = contentType?.split(';')[0].trim().toLowerCase();
  if (!type || !ARCHIVE_MEDIA_TYPES.includes(type))
    throw unsupportedArchiveType(`Send the archive as one of ${ARCHIVE_MEDIA_TYPES.join(', ')} (got ${type ?? 'no Content-Type'})`);
}

/** A repository with its newest snapshot, as its views show it. */
export interface RepositoryView {
  repository: CodeRepository;
  snapshot: SourceSnapshot | null;
}

/** Where a new snapshot's archive came from, for its row and its trail. */
export interface SnapshotSource {
  origin: SnapshotOrigin;
  /** The commit, for a revision of git. */
  revision: string | null;
  archiveBytes: number;
  /** Who brought it, when not the request's principal (a push authenticates as its remote). */
  actor?: { type: string; id: string };
  /** More for the trail: the remote it was pushed to. */
  details?: Record<string, unknown>;
}

/** The repositories whose source each origin fills. */
const SOURCE_TYPE_OF: Record<SnapshotOrigin, SourceType> = { upload: 'upload', push: 'git-upload', clone: 'url' };

function requireSourceType(repository: CodeRepository, expected: SourceType): void {
  if (repository.sourceType !== expected)
    throw conflict(`The repository's source comes by ${repository.sourceType}, not by ${expected}`, { sourceType: repository.sourceType });
}

/** Rows per INSERT of a snapshot's files: well under PostgreSQL's 65,535 parameters. */
const FILES_PER_INSERT = 1000;
const SNAPSHOT_OWNER = 'snapshot';
const UPLOAD_ACTION = 'repository.source_upload';
const CREATE_ACTION = 'repository.create';

/** A CloneFailure as the 422 it answers; anything else as it is. */
function asCloneFailed(error: unknown): never {
  if (error instanceof CloneFailure) throw cloneFailed(error.reason, error.message);
  throw error;
}

/** What a new repository is made of. */
interface NewRepository {
  id: string;
  projectId: string | null;
  name: string;
  description: string;
  sourceType: SourceType;
  sourceUrl: string | null;
}

/** `sourceUrl` and `branch` belong to a `url` repository, which needs its URL (400 at the field otherwise). */
function checkSourceFields(input: CreateRepositoryDto): void {
  const fault = (field: string, message: string) => validationFailed([{ field, message, code: 'SOURCE_TYPE_MISMATCH' }], message);
  if (input.sourceType === 'url') {
    if (input.sourceUrl === undefined) throw fault('sourceUrl', 'A `url` repository needs the sourceUrl to clone');
    return;
  }
  if (input.sourceUrl !== undefined)
    throw fault('sourceUrl', `Only a \`url\` repository has a sourceUrl (this one is ${input.sourceType})`);
  if (input.branch !== undefined)
    throw fault('branch', `Only a \`url\` repository has a branch to clone (this one is ${input.sourceType})`);
}

/**
 * Code repositories of projects (seed 004) and their source: an uploaded archive becomes an
 * immutable snapshot whose files are blobs of the kernel's store. A repository holds its newest
 * snapshot; the one it replaces is removed with it (its blobs released), until scans keep theirs.
 */
/** Told, in the deleting transaction, that a repository goes: its scans and findings go with it. */
export type RepositoryDeleteListener = (organizationId: string, repositoryId: string) => Promise<void>;
/** Whether something (a scan) still reads a snapshot that a newer upload replaces. */
export type SnapshotKeeper = (organizationId: string, snapshotId: string) => Promise<boolean>;

@Injectable()
export class RepositoriesService implements OnModuleInit {
  private readonly deleteListeners: RepositoryDeleteListener[] = [];
  private readonly snapshotKeepers: SnapshotKeeper[] = [];

  constructor(
    private readonly data: TenantData,
    @InjectTransactionHost() private readonly tx: Tx,
    private readonly notes: AuditNotes,
    private readonly audit: AuditWriter,
    private readonly events: EventOutbox,
    private readonly projects: ProjectsService,
    private readonly blobs: BlobStore,
    private readonly ingest: SnapshotIngest,
    private readonly threatProfiles: ThreatProfilesService,
    private readonly config: AppConfig,
    private readonly scanLimits: ScanLimits,
    private readonly outbound: OutboundCalls,
  ) {}

  onModuleInit(): void {
    // Deleting a project deletes its repositories, in the project's own transaction.
    this.projects.onDelete((organizationId, projectId) => this.deleteForProject(organizationId, projectId));
  }

  /** Registers what else goes when a repository is deleted. */
  onDelete(listener: RepositoryDeleteListener): void {
    this.deleteListeners.push(listener);
  }

  /** Registers a use of snapshots that keeps a replaced one until the repository goes. */
  keepsSnapshot(keeper: SnapshotKeeper): void {
    this.snapshotKeepers.push(keeper);
  }

  /**
   * A new repository. `upload` and `git-upload` start `pending`, waiting for their source; `url` is
   * cloned first, outside any transaction, and the repository is recorded with its first snapshot
   * only once the clone is read, so a refused URL or a failed clone leaves nothing. Audited here
   * (`repository.create`), not by the interceptor: no transaction may span a clone.
   */
  async create(organizationId: string, principal: Principal, projectId: string, input: CreateRepositoryDto): Promise<RepositoryView> {
    try {
      checkSourceFields(input);
      return input.sourceType === 'url'
        ? await this.createCloned(organizationId, principal, projectId, input)
        : await this.createPending(organizationId, principal, projectId, input);
    } catch (error) {
      await this.audit.recordFailure({ organizationId, action: CREATE_ACTION, resourceType: 'repository', details: { projectId } }, error);
      throw error;
    }
  }

  @Transactional()
  private async createPending(
    organizationId: string,
    principal: Principal,
    projectId: string,
    input: CreateRepositoryDto,
  ): Promise<RepositoryView> {
    await this.projects.get(organizationId, projectId);
    const repository = await this.insertRepository(organizationId, principal, {
      id: newId(),
      projectId,
      name: input.name,
      description: input.description ?? '',
      sourceType: input.sourceType,
      sourceUrl: null,
    });
    return { repository, snapshot: null };
  }

  /** Clones the URL through the kernel's outbound rules, then records the repository with the clone as its first snapshot. */
  private async createCloned(
    organizationId: string,
    principal: Principal,
    projectId: string,
    input: CreateRepositoryDto,
  ): Promise<RepositoryView> {
    await this.projects.get(organizationId, projectId);
    // Before the clone: a taken name is told at once, not after minutes of fetching.
    await this.checkNameFree(organizationId, projectId, input.name);
    const sourceUrl = input.sourceUrl as string;
    const limits = await this.scanLimits.for(organizationId);
    // One budget for resolving, fetching and archiving: each step gets what is left of it.
    const deadline = Date.now() + this.config.scanning.cloneTimeoutMs;
    const left = () => Math.max(1, deadline - Date.now());
    const target = await this.outbound.resolve(sourceUrl, left()).catch((error: unknown) => {
      throw sourceUrlRefused(error, sourceUrl);
    });
    const clone = await CloneWorkspace.clone(target, input.branch ?? null, {
      maxBytes: limits.maxUploadBytes,
      timeoutMs: left(),
    }).catch(asCloneFailed);
    try {
      const revision = await clone.head(left()).catch(asCloneFailed);
      const archive = await clone.archive(revision, left()).catch(asCloneFailed);
      const tree = await this.readTree(organizationId, archive.file);
      try {
        return await this.recordNew(
          organizationId,
          principal,
          { id: newId(), projectId, name: input.name, description: input.description ?? '', sourceType: 'url', sourceUrl },
          tree,
          { origin: 'clone', revision, archiveBytes: archive.size, details: { sourceUrl, ...(input.branch && { branch: input.branch }) } },
          async () => {},
        );
      } catch (error) {
        await this.blobs.discard(organizationId, tree.stored);
        throw error;
      }
    } finally {
      await clone.remove();
    }
  }

  private async checkNameFree(organizationId: string, projectId: string, name: string): Promise<void> {
    if (await this.data.repository(CodeRepository, organizationId).exists({ projectId, name }))
      throw conflict(`The project already has a repository named "${name}"`);
  }

  /** Inserts a `pending` repository, audits its creation and tells it: in the caller's transaction. */
  private async insertRepository(organizationId: string, principal: Principal, input: NewRepository): Promise<CodeRepository> {
    if (input.projectId) await this.checkNameFree(organizationId, input.projectId, input.name);
    const repository = await this.data.repository(CodeRepository, organizationId).insert({
      ...input,
      ingestStatus: 'pending',
      ingestError: null,
      snapshotId: null,
      createdBy: `${principal.type}:${principal.id}`,
    });
    await this.audit.record({
      organizationId,
      action: CREATE_ACTION,
      resourceType: 'repository',
      resourceId: repository.id,
      details: {
        projectId: input.projectId,
        name: repository.name,
        sourceType: repository.sourceType,
        ...(input.sourceUrl !== null && { sourceUrl: input.sourceUrl }),
      },
    });
    await this.emit(organizationId, 'repository.created', repository, { projectId: input.projectId, name: repository.name });
    return repository;
  }

  async list(organizationId: string, projectId: string, query: ListRepositoriesQuery): Promise<Page<RepositoryView>> {
    await this.projects.get(organizationId, projectId);
    const qb = this.data.repository(CodeRepository, organizationId).query('r').andWhere('r.project_id = :projectId', { projectId });
    if (query.ingestStatus) qb.andWhere('r.ingest_status = :status', { status: query.ingestStatus });
    if (query.q) qb.andWhere('r.name ILIKE :q', { q: `%${query.q.replace(/[%_\\]/g, '\\$&')}%` });
    const page = await paginate(qb, query, { name: 'r.name', createdAt: 'r.created_at', updatedAt: 'r.updated_at' }, 'name');
    const snapshots = await this.snapshotsOf(organizationId, page.items);
    return page.map((repository) => ({ repository, snapshot: snapshots.get(repository.snapshotId ?? '') ?? null }));
  }

  async get(organizationId: string, id: string): Promise<RepositoryView> {
    const repository = await this.data.repository(CodeRepository, organizationId).getById(id, 'Repository');
    const snapshots = await this.snapshotsOf(organizationId, [repository]);
    return { repository, snapshot: snapshots.get(repository.snapshotId ?? '') ?? null };
  }

  @Transactional()
  async update(organizationId: string, id: string, input: UpdateRepositoryDto): Promise<RepositoryView> {
    const repositories = this.data.repository(CodeRepository, organizationId);
    const repository = await repositories.getById(id, 'Repository');
    if (
      input.name !== undefined &&
      input.name !== repository.name &&
      // Names are unique within a project; a session's repository without one has none to clash with.
      repository.projectId !== null &&
      (await repositories.exists({ projectId: repository.projectId, name: input.name }))
    )
      throw conflict(`The project already has a repository named "${input.name}"`);
    const updated = await repositories.updateByIdReturning(
      id,
      { ...(input.name !== undefined && { name: input.name }), ...(input.description !== undefined && { description: input.description }) },
      'Repository',
    );
    this.notes.note({ details: { fields: Object.keys(input) } });
    await this.emit(organizationId, 'repository.updated', updated, { fields: Object.keys(input) });
    return this.get(organizationId, id);
  }

  @Transactional()
  async delete(organizationId: string, id: string): Promise<void> {
    const repository = await this.data.repository(CodeRepository, organizationId).getById(id, 'Repository');
    await this.remove(organizationId, repository);
    this.notes.note({ details: { name: repository.name, projectId: repository.projectId } });
  }

  /** Every repository of a project, with its snapshots: part of deleting the project. */
  private async deleteForProject(organizationId: string, projectId: string): Promise<void> {
    const repositories = await this.data.repository(CodeRepository, organizationId).find({ where: { projectId } });
    for (const repository of repositories) await this.remove(organizationId, repository);
  }

  private async remove(organizationId: string, repository: CodeRepository): Promise<void> {
    for (const listener of this.deleteListeners) await listener(organizationId, repository.id);
    const snapshots = await this.data.repository(SourceSnapshot, organizationId).find({ where: { repositoryId: repository.id } });
    for (const snapshot of snapshots) await this.removeSnapshot(organizationId, snapshot.id);
    await this.threatProfiles.deleteFor(organizationId, repository.id);
    await this.data.repository(CodeRepository, organizationId).delete({ id: repository.id });
    await this.emit(organizationId, 'repository.deleted', repository, { projectId: repository.projectId, name: repository.name });
  }

  /** A snapshot's rows go, and its blobs are released: the sweep removes those nothing else uses. */
  private async removeSnapshot(organizationId: string, snapshotId: string): Promise<void> {
    await this.data.repository(SnapshotFile, organizationId).delete({ snapshotId });
    await this.data.repository(SourceSnapshot, organizationId).delete({ id: snapshotId });
    await this.blobs.release(organizationId, { type: SNAPSHOT_OWNER, id: snapshotId });
  }

  /**
   * Reads an uploaded archive (streamed to a temporary file within the upload limit, then checked
   * entry by entry) into a new snapshot that becomes the repository's source. A refused archive is
   * 422 ARCHIVE_REFUSED with nothing of it kept, and the repository says so (`failed`, ingestError)
   * while keeping the snapshot it had.
   */
  async uploadSource(organizationId: string, id: string, body: Readable, contentType: string | undefined): Promise<RepositoryView> {
    try {
      return await this.ingestUpload(organizationId, id, body, contentType);
    } catch (error) {
      // As the mutation interceptor audits a failed change: anything but input that never validated.
      if (error instanceof AppError && error.status !== 400 && !(error.code === 'ARCHIVE_REFUSED'))
        await this.recordFailure(organizationId, id, { status: error.status, code: error.code });
      throw error;
    }
  }

  private async ingestUpload(organizationId: string, id: string, body: Readable, contentType: string | undefined): Promise<RepositoryView> {
    const repository = await this.data.repository(CodeRepository, organizationId).getById(id, 'Repository');
    checkArchiveType(contentType);
    requireSourceType(repository, 'upload');
    const limits = await this.scanLimits.for(organizationId);
    const upload = await spoolUpload(body, limits.maxUploadBytes, 'The archive', 'SCAN_UPLOAD_MAX_BYTES');
    try {
      return await this.snapshotFrom(organizationId, repository, upload.file, {
        origin: 'upload',
        revision: null,
        archiveBytes: upload.size,
      });
    } finally {
      await upload.remove();
    }
  }

  /**
   * Reads an archive already on this replica's disk (a pushed or cloned revision, archived by git)
   * into a new snapshot of the repository, by the rules and limits an upload is read by. A refused
   * archive is 422 ARCHIVE_REFUSED with nothing of it kept, and the repository says so.
   */
  async ingestArchive(organizationId: string, id: string, file: string, source: SnapshotSource): Promise<RepositoryView> {
    const repository = await this.data.repository(CodeRepository, organizationId).getById(id, 'Repository');
    requireSourceType(repository, SOURCE_TYPE_OF[source.origin]);
    return this.snapshotFrom(organizationId, repository, file, source);
  }

  /**
   * A new `upload` repository whose first source is this archive (a legacy session's, POST /sessions).
   * The archive is read before anything is written, so a refused one (the same 413, 415 and 422 as an
   * upload) leaves no repository; the repository, its snapshot and what `alongside` writes are one
   * transaction. The caller audits: this writes only the upload's own entry.
   */
  async createFromArchive(
    organizationId: string,
    principal: Principal,
    input: { id: string; projectId: string | null; name: string },
    body: Readable,
    contentType: string | undefined,
    alongside: (repository: CodeRepository) => Promise<void>,
  ): Promise<RepositoryView> {
    if (input.projectId) await this.projects.get(organizationId, input.projectId);
    checkArchiveType(contentType);
    const limits = await this.scanLimits.for(organizationId);
    const upload = await spoolUpload(body, limits.maxUploadBytes, 'The archive', 'SCAN_UPLOAD_MAX_BYTES');
    try {
      const tree = await this.readTree(organizationId, upload.file);
      try {
        return await this.recordNew(
          organizationId,
          principal,
          { ...input, description: '', sourceType: 'upload', sourceUrl: null },
          tree,
          { origin: 'upload', revision: null, archiveBytes: upload.size },
          alongside,
        );
      } catch (error) {
        await this.blobs.discard(organizationId, tree.stored);
        throw error;
      }
    } finally {
      await upload.remove();
    }
  }

  @Transactional()
  private async recordNew(
    organizationId: string,
    principal: Principal,
    input: NewRepository,
    tree: IngestedTree,
    source: SnapshotSource,
    alongside: (repository: CodeRepository) => Promise<void>,
  ): Promise<RepositoryView> {
    const repository = await this.insertRepository(organizationId, principal, input);
    await alongside(repository);
    return this.recordSnapshot(organizationId, repository, tree, source);
  }

  /** A new snapshot of the repository from the archive file; a refusal is on the repository and in its trail. */
  private async snapshotFrom(
    organizationId: string,
    repository: CodeRepository,
    file: string,
    source: SnapshotSource,
  ): Promise<RepositoryView> {
    const tree = await this.readTree(organizationId, file, (refusal) => this.recordRefusal(organizationId, repository.id, refusal, source));
    try {
      return await this.recordSnapshot(organizationId, repository, tree, source);
    } catch (error) {
      await this.blobs.discard(organizationId, tree.stored);
      throw error;
    }
  }

  /**
   * Reads an archive file entry by entry into the blob store, within the organization's limits. A
   * refusal is told to `refused`, if given (nothing of the archive kept), then thrown as 422
   * ARCHIVE_REFUSED; the blobs of an archive read are the caller's to record or discard.
   */
  private async readTree(
    organizationId: string,
    file: string,
    refused?: (refusal: ArchiveRefusal) => Promise<void>,
  ): Promise<IngestedTree> {
    const limits = await this.scanLimits.for(organizationId);
    try {
      return await this.ingest.fromArchive(organizationId, file, {
        maxEntries: limits.maxFiles,
        maxUnpackedBytes: limits.maxSnapshotBytes,
        maxFileBytes: limits.maxFileBytes,
        maxRatio: limits.maxCompressionRatio,
      });
    } catch (error) {
      if (!(error instanceof ArchiveRefusal)) throw error;
      await refused?.(error);
      throw archiveRefused(error.reason, error.message, error.entry);
    }
  }

  @Transactional()
  private async recordFailure(organizationId: string, id: string, details: Record<string, unknown>): Promise<void> {
    await this.audit.record({
      organizationId,
      action: UPLOAD_ACTION,
      outcome: 'failure',
      resourceType: 'repository',
      resourceId: id,
      details,
    });
  }

  /** The repository says why its last upload was refused; the refusal is in the audit trail. */
  @Transactional()
  private async recordRefusal(organizationId: string, id: string, refusal: ArchiveRefusal, source: SnapshotSource): Promise<void> {
    await this.data
      .repository(CodeRepository, organizationId)
      .update({ id }, { ingestStatus: 'failed', ingestError: { code: 'ARCHIVE_REFUSED', message: refusal.message } });
    await this.audit.record({
      organizationId,
      action: UPLOAD_ACTION,
      outcome: 'failure',
      actor: source.actor,
      resourceType: 'repository',
      resourceId: id,
      details: {
        ...source.details,
        origin: source.origin,
        status: 422,
        code: 'ARCHIVE_REFUSED',
        reason: refusal.reason,
        ...(refusal.entry !== undefined && { entry: refusal.entry }),
      },
    });
  }

  @Transactional()
  private async recordSnapshot(
    organizationId: string,
    repository: CodeRepository,
    tree: IngestedTree,
    source: SnapshotSource,
  ): Promise<RepositoryView> {
    // Locks the repository: two uploads at once become one snapshot after the other.
    const current = await this.data.repository(CodeRepository, organizationId).lockById(repository.id, 'Repository');
    const snapshot = await this.data.repository(SourceSnapshot, organizationId).insert({
      repositoryId: repository.id,
      origin: source.origin,
      revision: source.revision,
      fileCount: tree.entries.length,
      totalBytes: tree.totalBytes,
    });
    const files = this.data.repository(SnapshotFile, organizationId);
    for (let at = 0; at < tree.entries.length; at += FILES_PER_INSERT) {
      await files.insertMany(
        tree.entries.slice(at, at + FILES_PER_INSERT).map((e) => ({
          id: newId(),
          snapshotId: snapshot.id,
          path: e.path,
          kind: e.kind,
          size: e.size,
          sha256: e.sha256 ? Buffer.from(e.sha256, 'hex') : null,
          linkTarget: e.linkTarget,
          binary: e.binary,
          executable: e.executable,
        })),
      );
    }
    await this.blobs.reference(
      organizationId,
      { type: SNAPSHOT_OWNER, id: snapshot.id },
      tree.entries.flatMap((e) => (e.sha256 ? [e.sha256] : [])),
    );
    if (current.snapshotId && !(await this.snapshotKept(organizationId, current.snapshotId)))
      await this.removeSnapshot(organizationId, current.snapshotId);
    const updated = await this.data
      .repository(CodeRepository, organizationId)
      .updateByIdReturning(repository.id, { snapshotId: snapshot.id, ingestStatus: 'ready', ingestError: null }, 'Repository');
    const summary = {
      snapshotId: snapshot.id,
      origin: source.origin,
      ...(source.revision !== null && { revision: source.revision }),
      fileCount: snapshot.fileCount,
      totalBytes: snapshot.totalBytes,
      archiveBytes: source.archiveBytes,
    };
    await this.audit.record({
      organizationId,
      action: UPLOAD_ACTION,
      actor: source.actor,
      resourceType: 'repository',
      resourceId: repository.id,
      details: { ...source.details, ...summary },
    });
    await this.emit(organizationId, 'repository.source_ingested', updated, summary);
    return { repository: updated, snapshot };
  }

  /** A page of the repository's source tree, by path; `prefix` keeps the paths that start with it. */
  async tree(organizationId: string, id: string, query: SourceTreeQuery): Promise<Page<SnapshotFile>> {
    const { repository } = await this.get(organizationId, id);
    if (!repository.snapshotId) throw noSource();
    const qb = this.data
      .repository(SnapshotFile, organizationId)
      .query('f')
      .andWhere('f.snapshot_id = :snapshotId', { snapshotId: repository.snapshotId });
    if (query.prefix) qb.andWhere('starts_with(f.path, :prefix)', { prefix: query.prefix });
    return paginate(qb, query, { path: 'f.path', size: 'f.size' }, 'path');
  }

  /** One file of the source, with its bytes to stream. */
  async file(organizationId: string, id: string, requested: string): Promise<{ entry: SnapshotFile; stream: Readable | null }> {
    const { repository } = await this.get(organizationId, id);
    if (!repository.snapshotId) throw noSource();
    const path = treePath(requested);
    if (path === null || path !== requested.replace(/\/+$/, '')) throw notAFile(requested);
    const entry = await this.data.repository(SnapshotFile, organizationId).findOne({ snapshotId: repository.snapshotId, path });
    if (!entry) throw notAFile(path);
    if (entry.kind !== 'file' || !entry.sha256) return { entry, stream: null };
    const blob = await this.blobs.open(organizationId, entry.sha256.toString('hex'));
    if (!blob) throw new Error(`the blob of ${path} in snapshot ${repository.snapshotId} is missing`);
    return { entry, stream: blob.stream };
  }

  private async snapshotKept(organizationId: string, snapshotId: string): Promise<boolean> {
    for (const keeper of this.snapshotKeepers) if (await keeper(organizationId, snapshotId)) return true;
    return false;
  }

  /** A snapshot's files and links as a tar stream (what a scanner agent reads), without the paths under `excluded`. */
  snapshotArchive(organizationId: string, snapshotId: string, excluded: readonly string[]): Readable {
    return snapshotTar(organizationId, this.blobs, (after, limit) => {
      const qb = this.data.repository(SnapshotFile, organizationId).query('f').andWhere('f.snapshot_id = :snapshotId', { snapshotId });
      if (after !== null) qb.andWhere('f.path > :after', { after });
      if (excluded.length)
        qb.andWhere('NOT EXISTS (SELECT 1 FROM unnest(CAST(:excluded AS text[])) AS p WHERE starts_with(f.path, p))', { excluded });
      return qb.orderBy('f.path', 'ASC').limit(limit).getMany();
    });
  }

  private async snapshotsOf(organizationId: string, repositories: CodeRepository[]): Promise<Map<string, SourceSnapshot>> {
    const ids = repositories.flatMap((r) => (r.snapshotId ? [r.snapshotId] : []));
    if (!ids.length) return new Map();
    const snapshots = await this.data
      .repository(SourceSnapshot, organizationId)
      .query('s')
      .andWhere('s.id IN (:...ids)', { ids })
      .getMany();
    return new Map(snapshots.map((s) => [s.id, s]));
  }

  private emit(organizationId: string, type: string, repository: CodeRepository, data: Record<string, unknown>): Promise<unknown> {
    return this.events.emit({ organizationId, type, resourceType: 'repository', resourceId: repository.id, data });
  }
}
