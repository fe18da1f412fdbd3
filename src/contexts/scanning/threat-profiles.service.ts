import { Injectable } from '@nestjs/common';
import { Transactional } from '@nestjs-cls/transactional';
import type { Principal } from '../../kernel/auth/principal.js';
import { AuditNotes } from '../../kernel/audit/audit-notes.js';
import { EventOutbox } from '../../kernel/events/event-outbox.js';
import { conflict } from '../../kernel/http/kernel.errors.js';
import { TenantData } from '../../kernel/tenancy/tenant-data.js';
import type { PutThreatProfileDto } from './dto/threat-profile.dto.js';
import { CodeRepository } from './entities/code-repository.entity.js';
import { type ThreatProfileDocument, ThreatProfileVersion } from './entities/threat-profile.entity.js';

/**
 * A repository's threat profile: what it holds worth protecting, where it is entered, where trust
 * changes, what data it handles and which paths are out of scope. Every edit is a new version.
 */
@Injectable()
export class ThreatProfilesService {
  constructor(
    private readonly data: TenantData,
    private readonly notes: AuditNotes,
    private readonly events: EventOutbox,
  ) {}

  /** The version in force, or null before the first edit. */
  async current(organizationId: string, repositoryId: string): Promise<ThreatProfileVersion | null> {
    await this.data.repository(CodeRepository, organizationId).getById(repositoryId, 'Repository');
    return this.newest(organizationId, repositoryId);
  }

  @Transactional()
  async put(organizationId: string, principal: Principal, repositoryId: string, input: PutThreatProfileDto): Promise<ThreatProfileVersion> {
    // The lock makes edits of one repository take turns, so `expectedVersion` is judged against the newest.
    await this.data.repository(CodeRepository, organizationId).lockById(repositoryId, 'Repository');
    const newest = await this.newest(organizationId, repositoryId);
    const version = newest?.version ?? 0;
    if (input.expectedVersion !== undefined && input.expectedVersion !== version)
      throw conflict(`The threat profile is at version ${version}, not ${input.expectedVersion}: read it and edit that`, { version });
    const document: ThreatProfileDocument = {
      assets: (input.assets ?? []).map((a) => ({ name: a.name, description: a.description ?? '', sensitivity: a.sensitivity })),
      entryPoints: (input.entryPoints ?? []).map((e) => ({ name: e.name, kind: e.kind, description: e.description ?? '' })),
      trustBoundaries: (input.trustBoundaries ?? []).map((b) => ({ name: b.name, description: b.description ?? '' })),
      dataClasses: input.dataClasses ?? [],
      outOfScopePaths: input.outOfScopePaths ?? [],
    };
    const saved = await this.data.repository(ThreatProfileVersion, organizationId).insert({
      repositoryId,
      version: version + 1,
      document,
      createdBy: `${principal.type}:${principal.id}`,
    });
    this.notes.note({ resourceId: repositoryId, details: { version: saved.version } });
    await this.events.emit({
      organizationId,
      type: 'repository.threat_profile_updated',
      resourceType: 'repository',
      resourceId: repositoryId,
      data: { version: saved.version },
    });
    return saved;
  }

  /** Part of deleting a repository. */
  async deleteFor(organizationId: string, repositoryId: string): Promise<void> {
    await this.data.repository(ThreatProfileVersion, organizationId).delete({ repositoryId });
  }

  private async newest(organizationId: string, repositoryId: string): Promise<ThreatProfileVersion | null> {
    const [newest] = await this.data
      .repository(ThreatProfileVersion, organizationId)
      .find({ where: { repositoryId }, order: { version: 'DESC' }, take: 1 });
    return newest ?? null;
  }
}
