import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AppConfig } from '../../kernel/config/app-config.js';
import { randomSecret } from '../../kernel/crypto/secret-tokens.js';
import { newId } from '../../kernel/ids.js';
import { UsersService } from '../identity/users.service.js';
import { Membership } from './entities/membership.entity.js';
import { Organization } from './entities/organization.entity.js';
import { slugify } from './slug.js';

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
 * ADMIN_PASSWORD (or a generated password). Does nothing once any organization exists.
 */
@Injectable()
export class FirstRunSetupService {
  constructor(
    private readonly config: AppConfig,
    private readonly users: UsersService,
    @InjectDataSource() private readonly dataSource: DataSource,
  ) {}

  async ensureFirstOrganization(): Promise<FirstRunResult | null> {
    if (await this.dataSource.getRepository(Organization).exists()) return null;
    const { email, organizationName } = this.config.admin;
    const generatedPassword = this.config.admin.password ? undefined : randomSecret(18);
    const password = this.config.admin.password ?? generatedPassword!;

    return this.dataSource.transaction(async (manager) => {
      await manager.query('SELECT pg_advisory_xact_lock($1)', [SETUP_LOCK]);
      // Another replica may have finished setup while we waited for the lock.
      if (await manager.getRepository(Organization).exists()) return null;
      const organization = manager.create(Organization, { id: newId(), name: organizationName, slug: slugify(organizationName), tier: 'standard' });
      await manager.insert(Organization, organization);
      const owner = await this.users.create({ email, displayName: 'Administrator', password }, manager);
      await manager.insert(Membership, { id: newId(), organizationId: organization.id, userId: owner.id });
      return { organizationId: organization.id, email: owner.email, generatedPassword };
    });
  }
}
