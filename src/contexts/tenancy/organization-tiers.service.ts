import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { OrganizationTiers, type OrganizationTier } from '../../kernel/rate-limit/organization-tiers.js';
import { Organization } from './entities/organization.entity.js';

const TTL_MS = 60_000;

/**
 * Tiers for the rate limiter, cached a minute per organization: read on every request, changed
 * rarely, and a minute's delay after an upgrade is harmless (unlike a stale permission).
 */
@Injectable()
export class OrganizationTiersService extends OrganizationTiers {
  private readonly cache = new Map<string, { tier: OrganizationTier; until: number }>();

  constructor(@InjectDataSource() private readonly dataSource: DataSource) {
    super();
  }

  async tierOf(organizationId: string): Promise<OrganizationTier> {
    const hit = this.cache.get(organizationId);
    if (hit && hit.until > Date.now()) return hit.tier;
    // The organizations table itself (not tenant-owned), read outside any request transaction.
    const org = await this.dataSource
      .getRepository(Organization)
      .findOne({ where: { id: organizationId }, select: { id: true, tier: true } });
    const tier = org?.tier ?? 'standard';
    if (this.cache.size > 10_000) this.cache.clear();
    this.cache.set(organizationId, { tier, until: Date.now() + TTL_MS });
    return tier;
  }
}
