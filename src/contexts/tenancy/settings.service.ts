import { Injectable } from '@nestjs/common';
import { InjectTransactionHost, Transactional } from '@nestjs-cls/transactional';
import { AuditNotes } from '../../kernel/audit/audit-notes.js';
import type { Principal } from '../../kernel/auth/principal.js';
import type { Tx } from '../../kernel/database/transactions.js';
import { newId } from '../../kernel/ids.js';
import { TenantData } from '../../kernel/tenancy/tenant-data.js';
import type { SettingsDto } from './dto/settings.dto.js';
import { PlatformSettings, WorkspaceSettings } from './entities/settings.entity.js';
import { PUT_PLATFORM_SETTINGS, PUT_WORKSPACE_SETTINGS } from './tenancy.sql.js';

const by = (p: Principal) => `${p.type}:${p.id}`;

/** Workspace (per organization) and platform settings: JSON documents replaced as a whole. */
@Injectable()
export class SettingsService {
  constructor(
    @InjectTransactionHost() private readonly tx: Tx,
    private readonly data: TenantData,
    private readonly notes: AuditNotes,
  ) {}

  async getWorkspace(organizationId: string): Promise<SettingsDto> {
    const row = await this.data.repository(WorkspaceSettings, organizationId).findOne({});
    return { settings: row?.settings ?? {}, updatedAt: row?.updatedAt.toISOString() ?? null, updatedBy: row?.updatedBy ?? null };
  }

  @Transactional()
  async putWorkspace(organizationId: string, principal: Principal, settings: Record<string, unknown>): Promise<SettingsDto> {
    // One row per organization, written in one statement: concurrent writers serialise on it.
    await this.tx.tx.query(PUT_WORKSPACE_SETTINGS, [newId(), organizationId, settings, by(principal)]);
    this.notes.note({ details: { keys: Object.keys(settings).sort() } });
    return this.getWorkspace(organizationId);
  }

  async getPlatform(): Promise<SettingsDto> {
    // Platform-wide table, no organization.
    const row = await this.tx.tx.getRepository(PlatformSettings).findOneBy({ id: 'platform' });
    return { settings: row?.settings ?? {}, updatedAt: row?.updatedAt.toISOString() ?? null, updatedBy: row?.updatedBy ?? null };
  }

  @Transactional()
  async putPlatform(principal: Principal, settings: Record<string, unknown>): Promise<SettingsDto> {
    await this.tx.tx.query(PUT_PLATFORM_SETTINGS, [settings, by(principal)]);
    this.notes.note({ details: { keys: Object.keys(settings).sort() } });
    return this.getPlatform();
  }
}
