import { createHash } from 'node:crypto';
import { Injectable, OnModuleInit } from '@nestjs/common';
import { Transactional } from '@nestjs-cls/transactional';
import { AuditNotes } from '../../kernel/audit/audit-notes.js';
import type { Principal } from '../../kernel/auth/principal.js';
import { BlobStore, type StoredBlob } from '../../kernel/blobs/blob-store.js';
import { EventOutbox } from '../../kernel/events/event-outbox.js';
import { notFound } from '../../kernel/http/kernel.errors.js';
import { newId } from '../../kernel/ids.js';
import { type Page, paginate } from '../../kernel/pagination/page.js';
import { TenantData } from '../../kernel/tenancy/tenant-data.js';
import { UsageMeter } from '../billing/index.js';
import { assertHeld, type Job, JobQueue, JobsService } from '../jobs/index.js';
import type { CreateScanDto, ListScansQuery, ReportScanProgressDto } from './dto/scan.dto.js';
import { FINISHED_SCAN_STATUSES, Scan, type ScanConfiguration, type ScanStatus } from './entities/scan.entity.js';
import { SourceSnapshot } from './entities/source-snapshot.entity.js';
import { FindingsService } from './findings.service.js';
import { RepositoriesService } from './repositories.service.js';
import { readSarif, type SarifLog } from './sarif-log.js';
import { ScanLimits } from './scan-limits.js';
import { noSource, scanFinished, scanLimitReached, scanNotHeld } from './scanning.errors.js';
import { scanEvent } from './scan-events.js';
import { ThreatProfilesService } from './threat-profiles.service.js';

/** The job type scanner agents claim: an agent offers it by listing `scan` among its capabilities. */
export const SCAN_JOB_TYPE = 'scan';
const SCAN_OWNER = 'scan';
/** A scan that takes longer is given up (its job times out, and may be retried once). */
const SCAN_TIMEOUT_SECONDS = 1800;
const SCAN_MAX_ATTEMPTS = 2;

const JOB_ENDS: Partial<Record<Job['status'], ScanStatus>> = {
  succeeded: 'succeeded',
  failed: 'failed',
  expired: 'failed',
  cancelled: 'cancelled',
};

/**
 * Scans of repositories (seed 004). An agent scan is a `scan` job for an agent that runs them:
 * the agent fetches the scan's snapshot, reports progress, uploads SARIF, and completes the job;
 * the scan follows the job and settles when it ends (a succeeded scan fixes the findings of its
 * tools it no longer saw). An imported scan is a SARIF log sent with the request: it settles at once.
 */
@Injectable()
export class ScansService implements OnModuleInit {
  constructor(
    private readonly data: TenantData,
    private readonly notes: AuditNotes,
    private readonly events: EventOutbox,
    private readonly blobs: BlobStore,
    private readonly limits: ScanLimits,
    private readonly usage: UsageMeter,
    private readonly jobs: JobsService,
    private readonly queue: JobQueue,
    private readonly repositories: RepositoriesService,
    private readonly threatProfiles: ThreatProfilesService,
    private readonly findings: FindingsService,
  ) {}

  onModuleInit(): void {
    this.jobs.onFinished((job) => (job.type === SCAN_JOB_TYPE ? this.onJobFinished(job) : Promise.resolve()));
    this.repositories.onDelete((organizationId, repositoryId) => this.deleteForRepository(organizationId, repositoryId));
    this.repositories.keepsSnapshot((organizationId, snapshotId) => this.data.repository(Scan, organizationId).exists({ snapshotId }));
  }

  /** Queues a scan of the repository's newest snapshot for a scanner agent, or imports a SARIF log as a finished scan. */
  @Transactional()
  async create(organizationId: string, principal: Principal, repositoryId: string, input: CreateScanDto): Promise<Scan> {
    const { repository } = await this.repositories.get(organizationId, repositoryId);
    if (!repository.snapshotId) throw noSource();
    const log = input.sarif !== undefined ? readSarif(input.sarif, (await this.limits.for(organizationId)).maxSarifResults) : null;
    const profile = await this.threatProfiles.current(organizationId, repository.id);
    const configuration: ScanConfiguration = {
      scanners: input.scanners ?? [],
      ruleSets: input.ruleSets ?? [],
      paths: input.paths ?? [],
      excludePaths: profile?.document.outOfScopePaths ?? [],
    };
    const scans = this.data.repository(Scan, organizationId);
    const requestedBy = `${principal.type}:${principal.id}`;
    const base = {
      id: newId(),
      repositoryId: repository.id,
      projectId: repository.projectId,
      snapshotId: repository.snapshotId,
      configuration,
      progress: { filesTotal: null, filesDone: null, findings: null, message: null },
      summary: null,
      tools: [],
      artifacts: [],
      error: null,
      requestedBy,
      scannerSeconds: null,
    };
    if (log) {
      const now = new Date();
      const scan = await scans.insert({ ...base, origin: 'import', jobId: null, status: 'running', startedAt: now, finishedAt: null });
      const ingested = await this.ingest(organizationId, scan, log.log, log.bytes);
      const settled = await this.settle(organizationId, ingested, 'succeeded', null);
      this.notes.note({ resourceId: scan.id, details: { repositoryId, origin: 'import', tools: settled.tools, summary: settled.summary } });
      return settled;
    }
    await this.checkQuotas(organizationId);
    const job = await this.jobs.submit(organizationId, {
      type: SCAN_JOB_TYPE,
      payload: {
        scanId: base.id,
        repositoryId: repository.id,
        snapshotId: repository.snapshotId,
        scanners: configuration.scanners,
        ruleSets: configuration.ruleSets,
        paths: configuration.paths,
        excludePaths: configuration.excludePaths,
      },
      timeoutSeconds: SCAN_TIMEOUT_SECONDS,
      maxAttempts: SCAN_MAX_ATTEMPTS,
      createdBy: { type: principal.type, id: principal.id },
    });
    const scan = await scans.insert({ ...base, origin: 'agent', jobId: job.id, status: 'queued', startedAt: null, finishedAt: null });
    this.notes.note({ resourceId: scan.id, details: { repositoryId, origin: 'agent', jobId: job.id, configuration } });
    await this.events.emit(scanEvent(scan, 'scan.queued'));
    return scan;
  }

  /** The repository (404 for another organization's): lists under it need it to exist. */
  async repositoryOf(organizationId: string, repositoryId: string): Promise<void> {
    await this.repositories.get(organizationId, repositoryId);
  }

  list(organizationId: string, scope: { repositoryId?: string; projectId?: string }, query: ListScansQuery): Promise<Page<Scan>> {
    const qb = this.data.repository(Scan, organizationId).query('s');
    if (scope.repositoryId) qb.andWhere('s.repository_id = :repositoryId', { repositoryId: scope.repositoryId });
    if (scope.projectId) qb.andWhere('s.project_id = :projectId', { projectId: scope.projectId });
    if (query.status?.length) qb.andWhere('s.status IN (:...status)', { status: query.status });
    return paginate(qb, query, { createdAt: 's.created_at', finishedAt: 's.finished_at', status: 's.status' }, '-createdAt');
  }

  /** A scan of this repository; one of another repository (or organization) is 404. */
  async get(organizationId: string, repositoryId: string, scanId: string): Promise<Scan> {
    const scan = await this.data.repository(Scan, organizationId).findOne({ id: scanId, repositoryId });
    if (!scan) throw notFound('Scan');
    return scan;
  }

  /** Every scan id of a project, newest first: the resources its event list reads. */
  async idsOfProject(organizationId: string, projectId: string): Promise<string[]> {
    const rows = await this.data.repository(Scan, organizationId).find({ where: { projectId }, order: { createdAt: 'DESC' } });
    return rows.map((s) => s.id);
  }

  /** Cancels a queued or running scan: its job is cancelled, and its agent told to stop. An ended one is 409. */
  @Transactional()
  async cancel(organizationId: string, repositoryId: string, scanId: string): Promise<Scan> {
    const found = await this.get(organizationId, repositoryId, scanId);
    const scan = await this.data.repository(Scan, organizationId).lockById(found.id, 'Scan');
    if (FINISHED_SCAN_STATUSES.includes(scan.status)) throw scanFinished(scan.status);
    // The job's end settles the scan (onJobFinished), in this transaction.
    if (scan.jobId) await this.jobs.cancel(organizationId, scan.jobId);
    const after = await this.data.repository(Scan, organizationId).getById(scan.id, 'Scan');
    const settled = FINISHED_SCAN_STATUSES.includes(after.status)
      ? after
      : await this.settle(organizationId, after, 'cancelled', { code: 'CANCELLED', message: 'Cancelled on request' });
    this.notes.note({ resourceId: scan.id, details: { previousStatus: scan.status } });
    return settled;
  }

  /** The scan a scanner agent holds (through its job), to serve it; 404 for another organization's, 409 when not held. */
  async held(organizationId: string, agent: Principal, scanId: string, leaseId?: string): Promise<Scan> {
    const scan = await this.data.repository(Scan, organizationId).getById(scanId, 'Scan');
    if (!scan.jobId) throw scanNotHeld();
    const job = await this.jobs.get(organizationId, scan.jobId);
    assertHeld(job, { agentId: agent.id, leaseId }, { notHeld: scanNotHeld });
    return scan;
  }

  /** A scanner agent's progress: renews the job's lease (marking it running) and streams a scan.progress event. */
  @Transactional()
  async progress(organizationId: string, agent: Principal, scanId: string, input: ReportScanProgressDto): Promise<Scan> {
    const scan = await this.held(organizationId, agent, scanId, input.leaseId);
    const progress = {
      filesTotal: input.filesTotal ?? scan.progress.filesTotal,
      filesDone: input.filesDone ?? scan.progress.filesDone,
      findings: input.findings ?? scan.progress.findings,
      message: input.message ?? scan.progress.message,
    };
    const percent =
      progress.filesTotal && progress.filesDone !== null
        ? Math.min(100, Math.round((progress.filesDone / progress.filesTotal) * 100))
        : undefined;
    await this.queue.progress(organizationId, agent, scan.jobId!, {
      leaseId: input.leaseId,
      ...(percent !== undefined && { percent }),
      ...(progress.message !== null && { message: progress.message }),
    });
    const updated = await this.start(organizationId, scan, { progress });
    await this.events.emit(scanEvent(updated, 'scan.progress', { progress }));
    return updated;
  }

  /** A SARIF log a scanner agent uploads for the scan it holds: validated, stored, its results ingested. */
  @Transactional()
  async uploadSarif(
    organizationId: string,
    agent: Principal,
    scanId: string,
    leaseId: string,
    sarif: unknown,
  ): Promise<{ scan: Scan; results: number; tools: string[]; sha256: string }> {
    const log = readSarif(sarif, (await this.limits.for(organizationId)).maxSarifResults);
    const scan = await this.held(organizationId, agent, scanId, leaseId);
    const sha256 = createHash('sha256').update(log.bytes).digest('hex');
    const sent = scan.artifacts.find((a) => a.sha256 === sha256);
    // The same log again (an answer lost on the way): the same receipt, nothing ingested twice.
    if (sent) return { scan, results: sent.results, tools: sent.tools, sha256 };
    const started = await this.start(organizationId, scan, {});
    const ingested = await this.ingest(organizationId, started, log.log, log.bytes);
    const artifact = ingested.artifacts[ingested.artifacts.length - 1];
    this.notes.note({ resourceId: scan.id, details: { sha256: artifact.sha256, tools: artifact.tools } });
    return { scan: ingested, results: artifact.results, tools: artifact.tools, sha256: artifact.sha256 };
  }

  /** The snapshot files a held scan reads, to send the agent. */
  async source(organizationId: string, agent: Principal, scanId: string) {
    const scan = await this.held(organizationId, agent, scanId);
    return this.repositories.snapshotArchive(organizationId, scan.snapshotId, scan.configuration.excludePaths);
  }

  /** The scans agents hold now (their jobs leased or running), by agent: what /ops/workers shows. */
  async heldBy(
    organizationId: string,
  ): Promise<Map<string, { scanId: string; repositoryId: string; status: string; startedAt: string | null }[]>> {
    const active = await this.data
      .repository(Scan, organizationId)
      .query('s')
      .andWhere(`s.status IN ('queued', 'running') AND s.job_id IS NOT NULL`)
      .getMany();
    const held = new Map<string, { scanId: string; repositoryId: string; status: string; startedAt: string | null }[]>();
    for (const scan of active) {
      const job = await this.jobs.get(organizationId, scan.jobId!);
      if (!job.leasedBy || !['leased', 'running'].includes(job.status)) continue;
      const list = held.get(job.leasedBy) ?? [];
      list.push({
        scanId: scan.id,
        repositoryId: scan.repositoryId,
        status: scan.status,
        startedAt: scan.startedAt?.toISOString() ?? null,
      });
      held.set(job.leasedBy, list);
    }
    return held;
  }

  /** Scans queued or running at once, and scans started in the last 24 hours, each against its quota. */
  private async checkQuotas(organizationId: string): Promise<void> {
    const { maxConcurrentScans, maxScansPerDay } = await this.limits.for(organizationId);
    const [row] = await this.data
      .repository(Scan, organizationId)
      .query('s')
      .select(`count(*) FILTER (WHERE s.status IN ('queued', 'running'))`, 'active')
      .addSelect(`count(*) FILTER (WHERE s.created_at > now() - interval '1 day' AND s.origin = 'agent')`, 'today')
      .getRawMany<{ active: string; today: string }>();
    if (Number(row.active) >= maxConcurrentScans)
      throw scanLimitReached(
        'SCAN_MAX_CONCURRENT',
        maxConcurrentScans,
        `The organization already has ${maxConcurrentScans} scans queued or running; wait for one to end`,
      );
    if (Number(row.today) >= maxScansPerDay)
      throw scanLimitReached(
        'SCAN_MAX_PER_DAY',
        maxScansPerDay,
        `The organization has started ${maxScansPerDay} scans in the last 24 hours`,
      );
  }

  /** The first sign of life from its agent: queued → running. */
  private async start(organizationId: string, scan: Scan, changes: Partial<Scan>): Promise<Scan> {
    const first = scan.status === 'queued';
    const updated = await this.data
      .repository(Scan, organizationId)
      .apply(scan, { ...changes, ...(first && { status: 'running' as const, startedAt: new Date() }) });
    if (first) await this.events.emit(scanEvent(updated, 'scan.running'));
    return updated;
  }

  /** Stores the log (a blob the scan references) and ingests its results into the repository's findings. */
  private async ingest(organizationId: string, scan: Scan, log: SarifLog, bytes: Buffer): Promise<Scan> {
    const stored: StoredBlob = await this.blobs.put(organizationId, [bytes], { maxBytes: bytes.length, what: 'The SARIF log' });
    await this.blobs.reference(organizationId, { type: SCAN_OWNER, id: scan.id }, [stored.sha256]);
    const outcome = await this.findings.ingest(organizationId, scan, log);
    const summary = scan.summary ?? { results: 0, bySeverity: {}, new: 0, reopened: 0, fixed: 0 };
    const bySeverity = { ...summary.bySeverity };
    for (const [severity, n] of Object.entries(outcome.bySeverity)) bySeverity[severity] = (bySeverity[severity] ?? 0) + n;
    const updated = await this.data.repository(Scan, organizationId).apply(scan, {
      tools: [...new Set([...scan.tools, ...outcome.tools])],
      artifacts: [
        ...scan.artifacts,
        {
          kind: 'sarif',
          sha256: stored.sha256,
          size: stored.size,
          tools: outcome.tools,
          results: outcome.results,
          uploadedAt: new Date().toISOString(),
        },
      ],
      summary: {
        results: summary.results + outcome.results,
        bySeverity,
        new: summary.new + outcome.created,
        reopened: summary.reopened + outcome.reopened,
        fixed: summary.fixed,
      },
      progress: { ...scan.progress, findings: summary.results + outcome.results },
    });
    await this.events.emit(scanEvent(updated, 'scan.results_ingested', { tools: outcome.tools, results: outcome.results }));
    return updated;
  }

  /**
   * A scan's end: a succeeded one fixes the findings of its tools (in its paths) it did not see.
   * A scan that ran (an agent started it, or it was imported) is metered in the same transaction:
   * one `scan`, the snapshot's bytes and its running time. One that ended before it ever started
   * (cancelled or expired in the queue) used no scanner and read nothing: it is not metered.
   */
  private async settle(organizationId: string, scan: Scan, status: ScanStatus, error: Scan['error']): Promise<Scan> {
    const finishedAt = new Date();
    let summary = scan.summary;
    if (status === 'succeeded') {
      const fixed = await this.findings.fixUnseen(organizationId, scan);
      summary = { ...(summary ?? { results: 0, bySeverity: {}, new: 0, reopened: 0 }), fixed };
    }
    const updated = await this.data.repository(Scan, organizationId).apply(scan, {
      status,
      error,
      summary,
      finishedAt,
      scannerSeconds: scan.startedAt ? Math.max(0, Math.round((finishedAt.getTime() - scan.startedAt.getTime()) / 1000)) : 0,
    });
    await this.events.emit(scanEvent(updated, `scan.${status}`, { summary, ...(error && { error }) }));
    if (updated.startedAt) await this.meter(organizationId, updated);
    return updated;
  }

  /** The usage of a scan that ran; recording it again (a retried settle) counts nothing twice. */
  private async meter(organizationId: string, scan: Scan): Promise<void> {
    const snapshot = await this.data.repository(SourceSnapshot, organizationId).findById(scan.snapshotId);
    const common = {
      resource: { type: 'scan', id: scan.id },
      dimensions: {
        repositoryId: scan.repositoryId,
        projectId: scan.projectId,
        origin: scan.origin,
        status: scan.status,
        tools: scan.tools,
      },
      occurredAt: scan.finishedAt ?? new Date(),
    };
    await this.usage.record(
      organizationId,
      { ...common, meter: 'scan', quantity: 1 },
      { ...common, meter: 'scan.bytes', quantity: snapshot?.totalBytes ?? 0 },
      { ...common, meter: 'scan.scanner_seconds', quantity: scan.scannerSeconds ?? 0 },
    );
  }

  /** The job of an agent scan ended: the scan ends the same way, in that transaction. */
  private async onJobFinished(job: Job): Promise<void> {
    const status = JOB_ENDS[job.status];
    if (!status) return;
    const scans = this.data.repository(Scan, job.organizationId);
    const found = await scans.findOne({ jobId: job.id });
    if (!found) return;
    const scan = await scans.lockById(found.id, 'Scan');
    if (FINISHED_SCAN_STATUSES.includes(scan.status)) return;
    const error =
      status === 'succeeded'
        ? null
        : status === 'cancelled'
          ? { code: 'CANCELLED', message: 'The scan was cancelled' }
          : {
              code: job.status === 'expired' ? 'SCANNER_TIMED_OUT' : (job.errorCode ?? 'SCANNER_FAILED'),
              message: job.errorMessage ?? `The scan's job ${job.status}`,
            };
    await this.settle(job.organizationId, scan, status, error);
  }

  /** A repository's scans go with it: their jobs cancelled, their logs released, their findings deleted. */
  private async deleteForRepository(organizationId: string, repositoryId: string): Promise<void> {
    const scans = await this.data.repository(Scan, organizationId).find({ where: { repositoryId } });
    for (const scan of scans) {
      if (scan.jobId && !FINISHED_SCAN_STATUSES.includes(scan.status))
        await this.jobs.abandon(organizationId, scan.jobId, 'The repository was deleted');
      await this.blobs.release(organizationId, { type: SCAN_OWNER, id: scan.id });
    }
    await this.findings.deleteForRepository(organizationId, repositoryId);
    await this.data.repository(Scan, organizationId).delete({ repositoryId });
  }
}
