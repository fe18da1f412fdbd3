import type { Readable } from 'node:stream';
import { Injectable, OnModuleInit } from '@nestjs/common';
import { Transactional } from '@nestjs-cls/transactional';
import { AuditWriter } from '../../kernel/audit/audit-writer.js';
import type { Principal } from '../../kernel/auth/principal.js';
import type { DomainEvent } from '../../kernel/events/domain-event.js';
import type { EventCursor } from '../../kernel/events/event-cursor.js';
import { EventHub } from '../../kernel/events/event-hub.js';
import { newId } from '../../kernel/ids.js';
import { TenantData } from '../../kernel/tenancy/tenant-data.js';
import type { CreateScanDto } from './dto/scan.dto.js';
import { SessionDto } from './dto/session.dto.js';
import { FINISHED_SCAN_STATUSES, Scan } from './entities/scan.entity.js';
import { ScanSession } from './entities/scan-session.entity.js';
import { RepositoriesService } from './repositories.service.js';
import { ScansService } from './scans.service.js';
import { scanInProgress } from './scanning.errors.js';

const CREATE_ACTION = 'session.create';

/**
 * The legacy `/sessions` API (seed 004) over the same concepts as the rest: a session is an upload
 * repository made for it, with the scans its analyses start. What it answers (status, snapshot,
 * findings, events) is read from them, never kept twice; ScanSession only marks the repository.
 */
@Injectable()
export class SessionsService implements OnModuleInit {
  constructor(
    private readonly data: TenantData,
    private readonly audit: AuditWriter,
    private readonly repositories: RepositoriesService,
    private readonly scans: ScansService,
    private readonly hub: EventHub,
  ) {}

  onModuleInit(): void {
    // Deleting the repository (DELETE /repositories/{id}, or its project) ends the session.
    this.repositories.onDelete(async (organizationId, repositoryId) => {
      await this.data.repository(ScanSession, organizationId).delete({ id: repositoryId });
    });
  }

  /**
   * A session from an uploaded archive. Audited here, not by the interceptor: no transaction may
   * span an upload. A refusal (413, 415, 422) leaves no session and no repository, only its audit entry.
   */
  async create(
    organizationId: string,
    principal: Principal,
    projectId: string | null,
    body: Readable,
    contentType: string | undefined,
  ): Promise<SessionDto> {
    const id = newId();
    let session: ScanSession | undefined;
    try {
      const { repository, snapshot } = await this.repositories.createFromArchive(
        organizationId,
        principal,
        { id, projectId, name: `session-${id}` },
        body,
        contentType,
        async (repository) => {
          session = await this.data.repository(ScanSession, organizationId).insert({ id, createdBy: repository.createdBy });
          await this.audit.record({
            organizationId,
            action: CREATE_ACTION,
            resourceType: 'session',
            resourceId: id,
            details: { repositoryId: id, projectId },
          });
        },
      );
      if (!session || !snapshot) throw new Error('a session was made without its row or its snapshot');
      return SessionDto.from(session, repository, snapshot, null);
    } catch (error) {
      await this.audit.recordFailure({ organizationId, action: CREATE_ACTION, resourceType: 'session' }, error);
      throw error;
    }
  }

  async get(organizationId: string, id: string): Promise<SessionDto> {
    const session = await this.data.repository(ScanSession, organizationId).getById(id, 'Session');
    return this.view(organizationId, session, await this.newestScan(organizationId, id));
  }

  /**
   * Starts a scan of the session's source (as POST /repositories/{id}/scans does, the same body).
   * The session's row is locked first, so of two analyses at once one starts a scan and the other
   * sees it: 409 SCAN_IN_PROGRESS while the newest scan is queued or running.
   */
  @Transactional()
  async analyze(organizationId: string, principal: Principal, id: string, input: CreateScanDto): Promise<SessionDto> {
    const session = await this.data.repository(ScanSession, organizationId).lockById(id, 'Session');
    const newest = await this.newestScan(organizationId, id);
    if (newest && !FINISHED_SCAN_STATUSES.includes(newest.status)) throw scanInProgress(newest.id, newest.status);
    const scan = await this.scans.create(organizationId, principal, id, input);
    return this.view(organizationId, session, scan);
  }

  /** The events of its repository and of every scan of it, oldest first, in one stream order. */
  async events(organizationId: string, id: string, after: EventCursor, limit: number): Promise<DomainEvent[]> {
    await this.data.repository(ScanSession, organizationId).getById(id, 'Session');
    const scans = await this.data.repository(Scan, organizationId).find({ where: { repositoryId: id } });
    const resources = [{ type: 'repository', id }, ...scans.map((s) => ({ type: 'scan', id: s.id }))];
    return this.hub.read({ organizationId, resources }, after, limit);
  }

  /** Its newest scan, whichever route started it: ids are UUIDv7, so they break a tie of creation times. */
  private async newestScan(organizationId: string, repositoryId: string): Promise<Scan | null> {
    const [scan] = await this.data
      .repository(Scan, organizationId)
      .find({ where: { repositoryId }, order: { createdAt: 'DESC', id: 'DESC' }, take: 1 });
    return scan ?? null;
  }

  private async view(organizationId: string, session: ScanSession, scan: Scan | null): Promise<SessionDto> {
    const { repository, snapshot } = await this.repositories.get(organizationId, session.id);
    // A session is made with its snapshot, and an upload only ever replaces it.
    if (!snapshot) throw new Error(`session ${session.id} has no snapshot`);
    return SessionDto.from(session, repository, snapshot, scan);
  }
}
