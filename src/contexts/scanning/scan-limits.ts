import { Injectable } from '@nestjs/common';
import { InjectTransactionHost } from '@nestjs-cls/transactional';
import type { Principal } from '../../kernel/auth/principal.js';
import { AppConfig } from '../../kernel/config/app-config.js';
import type { Tx } from '../../kernel/database/transactions.js';
import { notFound } from '../../kernel/http/kernel.errors.js';
import { newId } from '../../kernel/ids.js';
import { TenantData } from '../../kernel/tenancy/tenant-data.js';
import { ScanLimitOverride } from './entities/scan-limit-override.entity.js';
import { PATCH_SCAN_LIMIT_OVERRIDES } from './scanning.sql.js';

type ConfiguredLimits = AppConfig['scanning']['limits'];

const GIB = 1024 ** 3;

/**
 * The quotas code scanning enforces, by the name GET /ops/limits gives them: the configuration's
 * key, the variable that sets it, and the bounds an override must keep (the variable's own minimum,
 * and a maximum no organization needs).
 */
export const SCAN_LIMITS = {
  uploadMaxBytes: { key: 'maxUploadBytes', variable: 'SCAN_UPLOAD_MAX_BYTES', min: 1024, max: 16 * GIB },
  snapshotMaxFiles: { key: 'maxFiles', variable: 'SNAPSHOT_MAX_FILES', min: 1, max: 1_000_000 },
  snapshotMaxBytes: { key: 'maxSnapshotBytes', variable: 'SNAPSHOT_MAX_BYTES', min: 1024, max: 64 * GIB },
  fileMaxBytes: { key: 'maxFileBytes', variable: 'SNAPSHOT_MAX_FILE_BYTES', min: 1024, max: 4 * GIB },
  compressionRatioMax: { key: 'maxCompressionRatio', variable: 'ARCHIVE_MAX_COMPRESSION_RATIO', min: 2, max: 10_000 },
  concurrentScansMax: { key: 'maxConcurrentScans', variable: 'SCAN_MAX_CONCURRENT', min: 1, max: 10_000 },
  scansPerDayMax: { key: 'maxScansPerDay', variable: 'SCAN_MAX_PER_DAY', min: 1, max: 1_000_000 },
  sarifResultsMax: { key: 'maxSarifResults', variable: 'SARIF_MAX_RESULTS', min: 1, max: 1_000_000 },
} as const satisfies Record<string, { key: keyof ConfiguredLimits; variable: string; min: number; max: number }>;

export type ScanLimitName = keyof typeof SCAN_LIMITS;
export const SCAN_LIMIT_NAMES = Object.keys(SCAN_LIMITS) as ScanLimitName[];
export type ScanLimitSource = 'configuration' | 'override';

/** The limits in force for one organization, each with where it comes from. */
export interface EffectiveScanLimits extends ConfiguredLimits {
  sources: Record<ScanLimitName, ScanLimitSource>;
  updatedAt: Date | null;
  updatedBy: string | null;
}

/**
 * Every enforcement point reads an organization's limits here: the configuration's, with the
 * platform operator's overrides for that organization on top. Read in the caller's transaction.
 */
@Injectable()
export class ScanLimits {
  constructor(
    private readonly config: AppConfig,
    private readonly data: TenantData,
    @InjectTransactionHost() private readonly tx: Tx,
  ) {}

  async for(organizationId: string): Promise<EffectiveScanLimits> {
    const row = await this.data.repository(ScanLimitOverride, organizationId).findOne({});
    return this.merge(row?.limits ?? {}, row?.updatedAt ?? null, row?.updatedBy ?? null);
  }

  /**
   * Sets (a number) or clears (null) overrides of an organization; a limit not named is left as it
   * is. Call it in a transaction. An organization that does not exist is 404.
   */
  async override(principal: Principal, organizationId: string, changes: Partial<Record<ScanLimitName, number | null>>) {
    const set: Partial<Record<ScanLimitName, number>> = {};
    const clear: ScanLimitName[] = [];
    for (const name of SCAN_LIMIT_NAMES) {
      const value = changes[name];
      if (value === null) clear.push(name);
      else if (value !== undefined) set[name] = value;
    }
    try {
      // Raw: one upsert that merges with what concurrent edits wrote (PATCH_SCAN_LIMIT_OVERRIDES).
      const [row] = await this.tx.tx.query<{ limits: Partial<Record<ScanLimitName, number>>; updated_at: Date; updated_by: string }[]>(
        PATCH_SCAN_LIMIT_OVERRIDES,
        [newId(), organizationId, JSON.stringify(set), clear, `${principal.type}:${principal.id}`],
      );
      return { limits: this.merge(row.limits, row.updated_at, row.updated_by), set, clear };
    } catch (error) {
      // The organization the row would belong to does not exist (its foreign key).
      if ((error as { code?: string }).code === '23503') throw notFound('Organization');
      throw error;
    }
  }

  private merge(overrides: Partial<Record<ScanLimitName, number>>, updatedAt: Date | null, updatedBy: string | null) {
    const limits: ConfiguredLimits = { ...this.config.scanning.limits };
    const sources = {} as Record<ScanLimitName, ScanLimitSource>;
    for (const name of SCAN_LIMIT_NAMES) {
      const value = overrides[name];
      const overridden = typeof value === 'number';
      if (overridden) limits[SCAN_LIMITS[name].key] = value;
      sources[name] = overridden ? 'override' : 'configuration';
    }
    return { ...limits, sources, updatedAt, updatedBy };
  }
}
