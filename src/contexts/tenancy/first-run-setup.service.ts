import { Injectable } from '@nestjs/common';
import { InjectTransactionHost } from '@nestjs-cls/transactional';
import { AuditWriter } from '../../kernel/audit/audit-writer.js';
import { AppConfig } from '../../kernel/config/app-config.js';
import { randomSecret } from '../../kernel/crypto/secret-tokens.js';
import type { Tx } from '../../kernel/database/transactions.js';
import { newId } from '../../kernel/ids.js';
import { slugify } from '../../kernel/slug.js';
import { AccessService } from '../access/index.js';
import { UsersService } from '../identity/index.js';
import { Organization } from './entities/organization.entity.js';
import { MembershipsService } from './memberships.service.js';

/** Arbitrary, fixed: serialises first-run setup across replicas starting on an empty database. */
const SETUP_LOCK = 7_246_002;

export interface FirstRunResult {
  organizationId: string;
  email: string;
  /** Present only when Marshal generated the password: the caller prints it once. */
  generatedPassword?: string;
}

/**
 * On an empty database, creates the first organization and its owner from ADMIN_EMAIL and
 * ADMIN_PASSWORD (or a generated password). The owner is also the first platform administrator.
 * Does nothing once any organization exists.
 */
@Injectable()
export class FirstRunSetupService {
  constructor(
    private readonly config: AppConfig,
    private readonly users: UsersService,
    private readonly memberships: MembershipsService,
    private readonly access: AccessService,
    private readonly audit: AuditWriter,
    @InjectTransactionHost() private readonly tx: Tx,
  ) {}

  async ensureFirstOrganization(): Promise<FirstRunResult | null> {
    // The organizations table itself: it is not owned by an organization.
    if (await this.tx.tx.getRepository(Organization).exists()) return null;
    const { email, organizationName } = this.config.admin;
    const generatedPassword = this.config.admin.password ? undefined : randomSecret(18);
    const password = this.config.admin.password ?? generatedPassword!;

    return this.tx.withTransaction(async () => {
      const manager = this.tx.tx;
      await manager.query('SELECT pg_advisory_xact_lock($1)', [SETUP_LOCK]);
      // Another replica may have finished setup while we waited for the lock.
      // The organizations table itself, in the set-up's own transaction.
      if (await manager.getRepository(Organization).exists()) return null;
      const organization = manager.create(Organization, {
        id: newId(),
        name: organizationName,
        slug: slugify(organizationName),
        tier: 'standard',
      });
      await manager.insert(Organization, organization);
      const owner = await this.users.create({ email, displayName: 'Administrator', password }, manager);
      await this.memberships.add(organization.id, owner.id);
      await this.access.grantSystemRole(organization.id, owner.id, 'owner', 'system:first-run');
      await this.access.grantSystemRole(organization.id, owner.id, 'platform_admin', 'system:first-run');
      await this.audit.record({
        organizationId: organization.id,
        action: 'organization.create',
        actor: { type: 'system', id: 'first-run' },
        resourceType: 'organization',
        resourceId: organization.id,
        details: { firstRun: true, owner: owner.email },
      });
      return { organizationId: organization.id, email: owner.email, generatedPassword };
    });
  }
}
