import { Global, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { MembershipDirectory } from '../../kernel/auth/membership-directory.js';
import { OrganizationTiers } from '../../kernel/rate-limit/organization-tiers.js';
import { AccessModule } from '../access/index.js';
import { IdentityModule } from '../identity/index.js';
import { ConfigSecretsService } from './config-secrets.service.js';
import { ConfigSecret } from './entities/config-secret.entity.js';
import { Invitation } from './entities/invitation.entity.js';
import { Membership } from './entities/membership.entity.js';
import { Organization } from './entities/organization.entity.js';
import { PlatformSettings, WorkspaceSettings } from './entities/settings.entity.js';
import { Team, TeamMember } from './entities/team.entity.js';
import { FirstRunSetupService } from './first-run-setup.service.js';
import { InvitationsController } from './invitations.controller.js';
import { InvitationsService } from './invitations.service.js';
import { MembershipsService } from './memberships.service.js';
import { MyTenancyController } from './my-tenancy.controller.js';
import { OrganizationTiersService } from './organization-tiers.service.js';
import { OrganizationsController } from './organizations.controller.js';
import { OrganizationsService } from './organizations.service.js';
import { PlatformController, WorkspaceController } from './settings.controller.js';
import { SettingsService } from './settings.service.js';
import { TeamsController } from './teams.controller.js';
import { TeamsService } from './teams.service.js';

/**
 * Tenancy: organizations, memberships, teams, invitations, settings and configuration secrets.
 * Global because it provides the kernel's MembershipDirectory and OrganizationTiers to every
 * context, without those contexts importing it.
 */
@Global()
@Module({
  imports: [
    TypeOrmModule.forFeature([Organization, Membership, Team, TeamMember, Invitation, WorkspaceSettings, PlatformSettings, ConfigSecret]),
    IdentityModule,
    AccessModule,
  ],
  controllers: [
    OrganizationsController,
    TeamsController,
    InvitationsController,
    MyTenancyController,
    WorkspaceController,
    PlatformController,
  ],
  providers: [
    MembershipsService,
    OrganizationsService,
    TeamsService,
    InvitationsService,
    SettingsService,
    ConfigSecretsService,
    FirstRunSetupService,
    OrganizationTiersService,
    { provide: MembershipDirectory, useExisting: MembershipsService },
    { provide: OrganizationTiers, useExisting: OrganizationTiersService },
  ],
  exports: [MembershipDirectory, OrganizationTiers, FirstRunSetupService, ConfigSecretsService],
})
export class TenancyModule {}
