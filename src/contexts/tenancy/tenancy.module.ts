import { Global, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { MembershipDirectory } from '../../kernel/auth/membership-directory.js';
import { IdentityModule } from '../identity/identity.module.js';
import { Membership } from './entities/membership.entity.js';
import { Organization } from './entities/organization.entity.js';
import { FirstRunSetupService } from './first-run-setup.service.js';
import { MembershipsService } from './memberships.service.js';

/**
 * Tenancy: organizations and memberships. Global because every context scopes by organization,
 * and because it provides identity's MembershipDirectory without identity importing it.
 */
@Global()
@Module({
  imports: [TypeOrmModule.forFeature([Organization, Membership]), IdentityModule],
  providers: [MembershipsService, FirstRunSetupService, { provide: MembershipDirectory, useExisting: MembershipsService }],
  exports: [MembershipDirectory, FirstRunSetupService],
})
export class TenancyModule {}
