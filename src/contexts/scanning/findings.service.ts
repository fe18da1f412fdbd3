import { Injectable } from '@nestjs/common';
import { InjectTransactionHost, Transactional } from '@nestjs-cls/transactional';
import { AuditNotes } from '../../kernel/audit/audit-notes.js';
import type { Principal } from '../../kernel/auth/principal.js';
import type { Tx } from '../../kernel/database/transactions.js';
import type { EventEntry } from '../../kernel/events/domain-event.js';
import { EventOutbox } from '../../kernel/events/event-outbox.js';
import { conflict, notFound, validationFailed } from '../../kernel/http/kernel.errors.js';
import { newId } from '../../kernel/ids.js';
import { type Page, paginate } from '../../kernel/pagination/page.js';
import { TenantData } from '../../kernel/tenancy/tenant-data.js';
import type { ListFindingsQuery, TriageFindingDto } from './dto/finding.dto.js';
import { Finding, FindingChange, FindingRule, type FindingStatus, SEVERITIES, type Severity } from './entities/finding.entity.js';
import type { Scan } from './entities/scan.entity.js';
import { extractFindings, type SarifLog } from './sarif-log.js';

/** Rows per statement while ingesting: well under PostgreSQL's parameter and memory limits. */
const BATCH = 1000;

export interface IngestOutcome {
  results: number;
  bySeverity: Partial<Record<Severity, number>>;
  created: number;
  reopened: number;
  tools: string[];
}

interface ResultRow {
  id: string;
  tool: string;
  fingerprint: string;
  rule_id: string;
  severity: Severity;
  severity_rank: number;
  level: string;
  message: string;
  path: string | null;
  start_line: number | null;
  start_column: number | null;
  end_line: number | null;
  end_column: number | null;
  snippet: string | null;
}

const RECORDSET = `r(id uuid, tool text, fingerprint text, rule_id text, severity text, severity_rank int, level text, message text,
                     path text, start_line int, start_column int, end_line int, end_column int, snippet text)`;

/**
 * A finding is a tool's result with the same fingerprint in the same repository. This upsert records
 * a scan's sighting of each: new ones open; one seen again keeps its triage and takes the newest
 * location and text; a fixed one seen again reopens.
 */
const UPSERT = `
  INSERT INTO findings (id, organization_id, repository_id, project_id, tool, fingerprint, rule_id, severity, severity_rank, level,
                        message, path, start_line, start_column, end_line, end_column, snippet, status, first_scan_id, last_scan_id,
                        first_seen_at, last_seen_at)
  SELECT r.id, $1, $2, $3, r.tool, r.fingerprint, r.rule_id, r.severity, r.severity_rank, r.level, r.message, r.path, r.start_line,
         r.start_column, r.end_line, r.end_column, r.snippet, 'open', $4, $4, now(), now()
    FROM jsonb_to_recordset($5::jsonb) AS ${RECORDSET}
  ON CONFLICT (organization_id, repository_id, tool, fingerprint) DO UPDATE SET
    rule_id = EXCLUDED.rule_id, severity = EXCLUDED.severity, severity_rank = EXCLUDED.severity_rank, level = EXCLUDED.level,
    message = EXCLUDED.message, path = EXCLUDED.path, start_line = EXCLUDED.start_line, start_column = EXCLUDED.start_column,
    end_line = EXCLUDED.end_line, end_column = EXCLUDED.end_column, snippet = EXCLUDED.snippet,
    last_scan_id = EXCLUDED.last_scan_id, last_seen_at = now(), updated_at = now(),
    status = CASE WHEN findings.status = 'fixed' THEN 'open' ELSE findings.status END,
    fixed_scan_id = NULL
  RETURNING id`;

/**
 * Open and confirmed findings of the scan's tools, within its paths and outside its excluded ones,
 * that it did not see: fixed, unless a newer scan saw them. Dismissed ones stay dismissed: a
 * person decided about them, and they are judged again only if they reappear.
 */
const FIX_UNSEEN = `
  WITH gone AS (
    SELECT f.id, f.status FROM findings f
     WHERE f.organization_id = $1 AND f.repository_id = $2 AND f.tool = ANY($3::text[]) AND f.status IN ('open', 'confirmed')
       AND f.last_scan_id <> $4
       AND (cardinality($5::text[]) = 0 OR EXISTS (SELECT 1 FROM unnest($5::text[]) AS p WHERE starts_with(f.path, p)))
       AND NOT EXISTS (SELECT 1 FROM unnest($6::text[]) AS p WHERE starts_with(f.path, p))
       AND NOT EXISTS (SELECT 1 FROM scans s WHERE s.id = f.last_scan_id AND s.created_at > $7)
     FOR UPDATE OF f)
  UPDATE findings f SET status = 'fixed', fixed_scan_id = $4, updated_at = now() FROM gone WHERE f.id = gone.id
  RETURNING f.id, f.tool, f.rule_id, f.severity, f.path, gone.status AS from_status`;

const SORTABLE = {
  severity: 'f.severity_rank',
  lastSeenAt: 'f.last_seen_at',
  firstSeenAt: 'f.first_seen_at',
  updatedAt: 'f.updated_at',
  path: 'f.path',
};

const findingEvent = (organizationId: string, type: string, id: string, data: Record<string, unknown>): EventEntry => ({
  organizationId,
  type,
  resourceType: 'finding',
  resourceId: id,
  data,
});

/** Findings of repositories: what scans' SARIF logs report, kept across scans by fingerprint, and triaged. */
@Injectable()
export class FindingsService {
  constructor(
    private readonly data: TenantData,
    @InjectTransactionHost() private readonly tx: Tx,
    private readonly events: EventOutbox,
    private readonly notes: AuditNotes,
  ) {}

  /** Records a scan's results (in the caller's transaction): rules once per tool, findings by fingerprint, sightings, changes and events. */
  async ingest(organizationId: string, scan: Scan, log: SarifLog): Promise<IngestOutcome> {
    const runs = extractFindings(log);
    const outcome: IngestOutcome = { results: 0, bySeverity: {}, created: 0, reopened: 0, tools: [] };
    const rows = new Map<string, ResultRow>();
    for (const run of runs) {
      const tool = run.tool.name;
      if (!outcome.tools.includes(tool)) outcome.tools.push(tool);
      await this.upsertRules(organizationId, tool, run.rules);
      // A result suppressed in the source (`// eslint-disable…`, accepted) is the code's own dismissal: not a finding.
      for (const r of run.results.filter((result) => !result.suppressed)) {
        outcome.results++;
        outcome.bySeverity[r.severity] = (outcome.bySeverity[r.severity] ?? 0) + 1;
        // Two runs of one tool may report the same result: it is one finding.
        const key = `${tool}\u0000${r.fingerprint}`;
        if (rows.has(key)) continue;
        rows.set(key, {
          id: newId(),
          tool,
          fingerprint: r.fingerprint,
          rule_id: r.ruleId,
          severity: r.severity,
          severity_rank: SEVERITIES.indexOf(r.severity),
          level: r.level,
          message: r.message,
          path: r.path,
          start_line: r.startLine,
          start_column: r.startColumn,
          end_line: r.endLine,
          end_column: r.endColumn,
          snippet: r.snippet,
        });
      }
    }
    const all = [...rows.values()];
    for (let at = 0; at < all.length; at += BATCH) {
      const { created, reopened } = await this.upsertFindings(organizationId, scan, all.slice(at, at + BATCH));
      outcome.created += created;
      outcome.reopened += reopened;
    }
    return outcome;
  }

  private async upsertRules(
    organizationId: string,
    tool: string,
    rules: ReturnType<typeof extractFindings>[number]['rules'],
  ): Promise<void> {
    const unique = [...new Map(rules.map((r) => [r.ruleId, r])).values()];
    for (let at = 0; at < unique.length; at += BATCH) {
      const batch = unique.slice(at, at + BATCH).map((r) => ({
        id: newId(),
        rule_id: r.ruleId,
        name: r.name,
        short_description: r.shortDescription,
        help_text: r.helpText,
        help_uri: r.helpUri,
        tags: r.tags,
        cwe: r.cwe,
        security_severity: r.securitySeverity,
      }));
      await this.tx.tx.query(
        `INSERT INTO finding_rules (id, organization_id, tool, rule_id, name, short_description, help_text, help_uri, tags, cwe, security_severity)
         SELECT r.id, $1, $2, r.rule_id, r.name, r.short_description, r.help_text, r.help_uri,
                ARRAY(SELECT jsonb_array_elements_text(r.tags)), ARRAY(SELECT jsonb_array_elements_text(r.cwe)), r.security_severity
           FROM jsonb_to_recordset($3::jsonb) AS r(id uuid, rule_id text, name text, short_description text, help_text text, help_uri text,
                                                   tags jsonb, cwe jsonb, security_severity real)
         ON CONFLICT (organization_id, tool, rule_id) DO UPDATE SET
           name = EXCLUDED.name, short_description = EXCLUDED.short_description, help_text = EXCLUDED.help_text,
           help_uri = EXCLUDED.help_uri, tags = EXCLUDED.tags, cwe = EXCLUDED.cwe, security_severity = EXCLUDED.security_severity,
           updated_at = now()`,
        [organizationId, tool, JSON.stringify(batch)],
      );
    }
  }

  /** One batch: what each finding was before (new, fixed, or anything else), the upsert, its sightings, changes and events. */
  private async upsertFindings(organizationId: string, scan: Scan, batch: ResultRow[]): Promise<{ created: number; reopened: number }> {
    const before = await this.tx.tx.query<{ tool: string; fingerprint: string; id: string; status: FindingStatus }[]>(
      `SELECT f.tool, f.fingerprint, f.id, f.status FROM findings f
         JOIN jsonb_to_recordset($3::jsonb) AS r(tool text, fingerprint text) ON r.tool = f.tool AND r.fingerprint = f.fingerprint
        WHERE f.organization_id = $1 AND f.repository_id = $2`,
      [organizationId, scan.repositoryId, JSON.stringify(batch.map((r) => ({ tool: r.tool, fingerprint: r.fingerprint })))],
    );
    const known = new Map(before.map((f) => [`${f.tool}\u0000${f.fingerprint}`, f]));
    const ids = await this.tx.tx.query<{ id: string }[]>(UPSERT, [
      organizationId,
      scan.repositoryId,
      scan.projectId,
      scan.id,
      JSON.stringify(batch),
    ]);
    await this.tx.tx.query(
      `INSERT INTO finding_sightings (organization_id, scan_id, finding_id) SELECT $1, $2, unnest($3::uuid[]) ON CONFLICT DO NOTHING`,
      [organizationId, scan.id, ids.map((r) => r.id)],
    );
    const changes: Partial<FindingChange>[] = [];
    const events: EventEntry[] = [];
    let created = 0;
    let reopened = 0;
    for (const row of batch) {
      const was = known.get(`${row.tool}\u0000${row.fingerprint}`);
      const data = {
        repositoryId: scan.repositoryId,
        scanId: scan.id,
        tool: row.tool,
        ruleId: row.rule_id,
        severity: row.severity,
        path: row.path,
      };
      if (!was) {
        created++;
        changes.push(this.change(row.id, null, 'open', scan));
        events.push(findingEvent(organizationId, 'finding.created', row.id, data));
      } else if (was.status === 'fixed') {
        reopened++;
        changes.push(this.change(was.id, 'fixed', 'open', scan));
        events.push(findingEvent(organizationId, 'finding.reopened', was.id, data));
      }
    }
    if (changes.length) await this.data.repository(FindingChange, organizationId).insertMany(changes);
    await this.events.emit(...events);
    return { created, reopened };
  }

  private change(findingId: string, fromStatus: FindingStatus | null, toStatus: FindingStatus, scan: Scan): Partial<FindingChange> {
    return { id: newId(), findingId, fromStatus, toStatus, reason: null, comment: null, actor: `scan:${scan.id}`, scanId: scan.id };
  }

  /** A succeeded scan's verdict on what it no longer saw; answers how many findings it fixed. */
  async fixUnseen(organizationId: string, scan: Scan): Promise<number> {
    if (!scan.tools.length) return 0;
    const [rows] = await this.tx.tx.query<
      [{ id: string; tool: string; rule_id: string; severity: string; path: string | null; from_status: FindingStatus }[], number]
    >(FIX_UNSEEN, [
      organizationId,
      scan.repositoryId,
      scan.tools,
      scan.id,
      scan.configuration.paths,
      scan.configuration.excludePaths,
      scan.createdAt,
    ]);
    if (!rows.length) return 0;
    await this.data.repository(FindingChange, organizationId).insertMany(rows.map((f) => this.change(f.id, f.from_status, 'fixed', scan)));
    await this.events.emit(
      ...rows.map((f) =>
        findingEvent(organizationId, 'finding.fixed', f.id, {
          repositoryId: scan.repositoryId,
          scanId: scan.id,
          tool: f.tool,
          ruleId: f.rule_id,
          severity: f.severity,
          path: f.path,
        }),
      ),
    );
    return rows.length;
  }

  list(organizationId: string, scope: { repositoryId?: string; projectId?: string }, query: ListFindingsQuery): Promise<Page<Finding>> {
    const qb = this.data.repository(Finding, organizationId).query('f');
    if (scope.repositoryId) qb.andWhere('f.repository_id = :repositoryId', { repositoryId: scope.repositoryId });
    if (scope.projectId) qb.andWhere('f.project_id = :projectId', { projectId: scope.projectId });
    if (query.severity?.length) qb.andWhere('f.severity IN (:...severity)', { severity: query.severity });
    if (query.status?.length) qb.andWhere('f.status IN (:...status)', { status: query.status });
    if (query.ruleId) qb.andWhere('f.rule_id = :ruleId', { ruleId: query.ruleId });
    if (query.tool) qb.andWhere('f.tool = :tool', { tool: query.tool });
    if (query.pathPrefix) qb.andWhere('starts_with(f.path, :pathPrefix)', { pathPrefix: query.pathPrefix });
    if (query.scanId)
      qb.andWhere('EXISTS (SELECT 1 FROM finding_sightings s WHERE s.finding_id = f.id AND s.scan_id = :scanId)', { scanId: query.scanId });
    return paginate(qb, query, SORTABLE, 'severity,-lastSeenAt');
  }

  /** Open findings by severity for each repository: what project and repository views summarise. */
  async openBySeverity(organizationId: string, scope: { projectId: string }): Promise<Record<Severity, number>> {
    const rows = await this.data
      .repository(Finding, organizationId)
      .query('f')
      .select('f.severity', 'severity')
      .addSelect('count(*)', 'n')
      .andWhere('f.project_id = :projectId', { projectId: scope.projectId })
      .andWhere(`f.status IN ('open', 'confirmed')`)
      .groupBy('f.severity')
      .getRawMany<{ severity: Severity; n: string }>();
    const summary = Object.fromEntries(SEVERITIES.map((s) => [s, 0])) as Record<Severity, number>;
    for (const row of rows) summary[row.severity] = Number(row.n);
    return summary;
  }

  /** A finding of this repository, with its rule and history; another repository's (or organization's) is 404. */
  async get(
    organizationId: string,
    repositoryId: string,
    id: string,
  ): Promise<{ finding: Finding; rule: FindingRule | null; history: FindingChange[] }> {
    const finding = await this.data.repository(Finding, organizationId).findOne({ id, repositoryId });
    if (!finding) throw notFound('Finding');
    const [rule, history] = await Promise.all([
      this.data.repository(FindingRule, organizationId).findOne({ tool: finding.tool, ruleId: finding.ruleId }),
      this.data.repository(FindingChange, organizationId).find({ where: { findingId: id }, order: { createdAt: 'ASC', id: 'ASC' } }),
    ]);
    return { finding, rule, history };
  }

  /** A person's triage: open, confirmed, or dismissed with a reason and a comment. A fixed finding is the scans' to reopen (409). */
  @Transactional()
  async triage(organizationId: string, principal: Principal, repositoryId: string, id: string, input: TriageFindingDto) {
    if (input.status !== 'dismissed' && (input.reason !== undefined || input.comment !== undefined))
      throw validationFailed([{ field: 'reason', message: 'reason and comment are taken only to dismiss', code: 'NOT_DISMISSING' }]);
    const found = await this.data.repository(Finding, organizationId).findOne({ id, repositoryId });
    if (!found) throw notFound('Finding');
    const finding = await this.data.repository(Finding, organizationId).lockById(found.id, 'Finding');
    if (finding.status === 'fixed') throw conflict('The finding is fixed: a scan reopens it if it comes back', { status: finding.status });
    const dismissed = input.status === 'dismissed';
    // apply() updates the row it is given: what it was is read first.
    const previous = finding.status;
    const updated = await this.data.repository(Finding, organizationId).apply(finding, {
      status: input.status,
      dismissedReason: dismissed ? input.reason! : null,
      dismissedComment: dismissed ? input.comment! : null,
    });
    await this.data.repository(FindingChange, organizationId).insert({
      id: newId(),
      findingId: id,
      fromStatus: previous,
      toStatus: input.status,
      reason: dismissed ? input.reason! : null,
      comment: dismissed ? input.comment! : null,
      actor: `${principal.type}:${principal.id}`,
      scanId: null,
    });
    this.notes.note({
      resourceId: id,
      details: { repositoryId, from: previous, to: input.status, ...(dismissed && { reason: input.reason }) },
    });
    await this.events.emit(
      findingEvent(organizationId, 'finding.triaged', id, {
        repositoryId,
        from: previous,
        to: input.status,
        ...(dismissed && { reason: input.reason }),
      }),
    );
    return this.get(organizationId, repositoryId, updated.id);
  }

  /** A repository's findings, their sightings and history: part of deleting it. */
  async deleteForRepository(organizationId: string, repositoryId: string): Promise<void> {
    await this.tx.tx.query(
      `DELETE FROM finding_changes c USING findings f WHERE c.finding_id = f.id AND f.organization_id = $1 AND f.repository_id = $2`,
      [organizationId, repositoryId],
    );
    await this.tx.tx.query(
      `DELETE FROM finding_sightings s USING findings f WHERE s.finding_id = f.id AND f.organization_id = $1 AND f.repository_id = $2`,
      [organizationId, repositoryId],
    );
    await this.data.repository(Finding, organizationId).delete({ repositoryId });
  }
}
