import { Injectable } from '@nestjs/common';
import { InjectTransactionHost } from '@nestjs-cls/transactional';
import { ClsService } from 'nestjs-cls';
import { IsNull } from 'typeorm';
import type { Principal } from '../../kernel/auth/principal.js';
import type { Tx } from '../../kernel/database/transactions.js';
import { conflict, notFound, validationFailed } from '../../kernel/http/kernel.errors.js';
import { TenantData } from '../../kernel/tenancy/tenant-data.js';
import { MembershipDirectory } from '../../kernel/auth/membership-directory.js';
import { Role } from './entities/role.entity.js';
import { UserRole } from './entities/user-role.entity.js';
import { PERMISSION_KEYS, PERMISSIONS } from './permission-catalog.js';
import { cannotGrantUnheld } from './access.errors.js';

const PERMISSIONS_BY_KEY = new Map(PERMISSIONS.map((p) => [p.key, p]));

/** Where a permission is checked: organization-wide, or within a project or an environment. */
export interface ResourceScope {
  projectId?: string | null;
  environmentId?: string | null;
}

/** A role held organization-wide (no project, no environment) or within a project or an environment. */
export interface RoleGrant {
  roleId: string;
  projectId: string | null;
  environmentId: string | null;
}

/** Whether a grant applies within a scope: organization-wide ones everywhere, scoped ones within their scope. */
export function grantApplies(grant: RoleGrant, scope: ResourceScope = {}): boolean {
  if (grant.environmentId) return grant.environmentId === scope.environmentId;
  if (grant.projectId) return grant.projectId === scope.projectId;
  return true;
}

const scopeKey = (s?: ResourceScope) => `${s?.projectId ?? ''}/${s?.environmentId ?? ''}`;

/** Refused with 403 and the missing permissions, so the caller sees what they lack. */
const escalation = (missing: string[]) => cannotGrantUnheld(missing);

/**
 * Who may do what. Effective permissions are read from the database on every request (memoised
 * only within it), so a grant or revocation applies on the very next request. Nobody grants a
 * role, a permission or an API key scope beyond what they hold themselves.
 */
@Injectable()
export class AccessService {
  constructor(
    @InjectTransactionHost() private readonly tx: Tx,
    private readonly data: TenantData,
    private readonly memberships: MembershipDirectory,
    private readonly cls: ClsService,
  ) {}

  /** The principal's effective permissions in its organization (and scope). */
  async permissionsOf(principal: Principal, scope?: ResourceScope): Promise<Set<string>> {
    const cacheKey = `permissions:${principal.type}:${principal.id}:${principal.organizationId}:${scopeKey(scope)}`;
    const cached = this.cls.isActive() ? this.cls.get<Set<string> | undefined>(cacheKey) : undefined;
    if (cached) return cached;
    let result: Set<string>;
    if (principal.type === 'user') {
      result = await this.userPermissions(principal.organizationId, principal.id, scope);
    } else if (principal.type === 'api_key' && principal.onBehalfOf) {
      // A key never outgrows its creator: it holds the creator's current permissions, narrowed to its limit.
      const creator = await this.userPermissions(principal.organizationId, principal.onBehalfOf, scope);
      result = principal.permissionLimit ? new Set(principal.permissionLimit.filter((p) => creator.has(p))) : creator;
    } else {
      result = new Set();
    }
    if (this.cls.isActive()) this.cls.set(cacheKey, result);
    return result;
  }

  async has(principal: Principal, permission: string, scope?: ResourceScope): Promise<boolean> {
    return (await this.permissionsOf(principal, scope)).has(permission);
  }

  /** A member's permissions from the roles granted to them; a former member holds none. */
  async userPermissions(organizationId: string, userId: string, scope?: ResourceScope): Promise<Set<string>> {
    const rows = await this.tx.tx.query<{ permission: string }[]>(
      `SELECT DISTINCT p.permission
         FROM user_roles ur
         JOIN memberships m ON m.organization_id = ur.organization_id AND m.user_id = ur.user_id
         JOIN roles r ON r.id = ur.role_id
         CROSS JOIN LATERAL unnest(r.permissions) AS p(permission)
        WHERE ur.organization_id = $1 AND ur.user_id = $2
          AND ((ur.project_id IS NULL AND ur.environment_id IS NULL)
               OR ($3::uuid IS NOT NULL AND ur.project_id = $3 AND ur.environment_id IS NULL)
               OR ($4::uuid IS NOT NULL AND ur.environment_id = $4))`,
      [organizationId, userId, scope?.projectId ?? null, scope?.environmentId ?? null],
    );
    // The catalog's own strings, not copies from each result: a long-lived request (a stream) keeps its set.
    return new Set(rows.map((r) => PERMISSIONS_BY_KEY.get(r.permission)?.key ?? r.permission));
  }

  /** The roles a member holds, each organization-wide or within its project or environment; a former member holds none. */
  async roleGrantsOf(organizationId: string, userId: string): Promise<RoleGrant[]> {
    return this.tx.tx.query<RoleGrant[]>(
      `SELECT DISTINCT ur.role_id AS "roleId", ur.project_id AS "projectId", ur.environment_id AS "environmentId"
         FROM user_roles ur
         JOIN memberships m ON m.organization_id = ur.organization_id AND m.user_id = ur.user_id
        WHERE ur.organization_id = $1 AND ur.user_id = $2`,
      [organizationId, userId],
    );
  }

  /** Refuses (400) any permission that is not in the catalog; `fieldOf(i)` names where the i-th came from. */
  assertKnown(permissions: string[], fieldOf: (i: number) => string = (i) => `permissions[${i}]`): void {
    const unknown = permissions.map((p, i) => [p, i] as const).filter(([p]) => !PERMISSION_KEYS.has(p));
    if (unknown.length) {
      throw validationFailed(
        unknown.map(([p, i]) => ({
          field: fieldOf(i),
          message: `${p} is not a known permission (see GET /api/v1/permissions)`,
          code: 'UNKNOWN_PERMISSION',
        })),
      );
    }
  }

  /** Platform permissions come only with the platform_admin system role: a custom role cannot carry them. */
  assertAssignableToCustomRole(permissions: string[]): void {
    const platform = permissions.map((p, i) => [p, i] as const).filter(([p]) => PERMISSIONS_BY_KEY.get(p)?.platform);
    if (platform.length) {
      throw validationFailed(
        platform.map(([p, i]) => ({
          field: `permissions[${i}]`,
          message: `${p} spans organizations and comes only with the platform_admin role`,
          code: 'PLATFORM_PERMISSION',
        })),
      );
    }
  }

  /** Refuses (403) to grant what the granter does not hold, in the same scope. */
  async assertCanGrant(principal: Principal, permissions: Iterable<string>, scope?: ResourceScope): Promise<void> {
    const held = await this.permissionsOf(principal, scope);
    const missing = [...new Set(permissions)].filter((p) => !held.has(p)).sort();
    if (missing.length) throw escalation(missing);
  }

  /** The roles with these ids visible to the organization (its own and the system ones), or 404. */
  async visibleRoles(organizationId: string, roleIds: string[]): Promise<Role[]> {
    const roles = await this.findVisibleRoles(organizationId, roleIds);
    if (roles.length !== new Set(roleIds).size) throw notFound('Role');
    return roles;
  }

  /** Those of these roles that (still) exist for the organization. */
  async findVisibleRoles(organizationId: string, roleIds: string[]): Promise<Role[]> {
    const unique = [...new Set(roleIds)];
    if (unique.length === 0) return [];
    return this.data.withShared(Role, organizationId).query('r').andWhere('r.id IN (:...ids)', { ids: unique }).getMany();
  }

  async assertMember(organizationId: string, userId: string): Promise<void> {
    if (!(await this.memberships.isMember(organizationId, userId))) throw notFound('User');
  }

  /** Grants roles to a member (first owner, organization creator, accepted invitation); existing grants are kept. */
  async grant(
    organizationId: string,
    userId: string,
    roles: Role[],
    grantedBy: string | null,
    scope: ResourceScope = {},
  ): Promise<UserRole[]> {
    const repo = this.data.repository(UserRole, organizationId);
    const granted: UserRole[] = [];
    for (const role of roles) {
      // TypeORM 1.x refuses `null` in a find: IsNull() says "the org-wide grant" explicitly.
      const existing = await repo.findOne({
        userId,
        roleId: role.id,
        projectId: scope.projectId ?? IsNull(),
        environmentId: scope.environmentId ?? IsNull(),
      });
      granted.push(
        existing ??
          (await repo.insert({
            userId,
            roleId: role.id,
            projectId: scope.projectId ?? null,
            environmentId: scope.environmentId ?? null,
            grantedBy,
          })),
      );
    }
    return granted;
  }

  /** Grants a system role by key (the organization's first owner, its creator). */
  async grantSystemRole(organizationId: string, userId: string, key: string, grantedBy: string | null): Promise<void> {
    // A system role: a shared row (organization_id null), the same for every organization.
    const role = await this.tx.tx.getRepository(Role).findOneBy({ key, isSystem: true });
    if (!role) throw conflict(`System role ${key} is missing; restart to sync system roles`);
    await this.grant(organizationId, userId, [role], grantedBy);
  }
}
