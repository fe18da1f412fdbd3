import { definePermissions } from '../../kernel/auth/permission-set.js';

export const TENANCY_PERMISSIONS = definePermissions({
  'organization.read': 'See the organization',
  'member.read': "See the organization's members",
  'team.read': 'See teams and their members',
  'team.create': 'Create teams',
  'invitation.create': 'Invite people, with roles the inviter holds',
  'invitation.revoke': 'Revoke pending invitations',
  'settings.read': 'See workspace settings',
  'settings.write': 'Change workspace settings',
  'secret.read': 'See the names and metadata of workspace secrets (never their values)',
  'secret.write': 'Set workspace secret values',
  'platform.settings.read': 'See platform-wide settings',
  'platform.settings.write': 'Change platform-wide settings',
  'platform.secrets.read': 'See the names and metadata of platform secrets (never their values)',
  'platform.secrets.write': 'Set platform secret values',
});
