import { Injectable } from '@nestjs/common';
import { Transactional } from '@nestjs-cls/transactional';
import { IsNull } from 'typeorm';
import type { Principal } from '../../kernel/auth/principal.js';
import { conflict, notFound, validationFailed } from '../../kernel/http/kernel.errors.js';
import { type Page, paginate } from '../../kernel/pagination/page.js';
import { TenantData } from '../../kernel/tenancy/tenant-data.js';
import { AuditNotes } from '../../kernel/audit/audit-notes.js';
import { slugify } from '../../kernel/slug.js';
import { AccessService } from './access.service.js';
import { type CreateRoleDto, type ListRolesQuery, ROLE_KEY_PATTERN } from './dto/role.dto.js';
import type { CreateUserRoleDto, ListUserRolesQuery } from './dto/user-role.dto.js';
import { Role } from './entities/role.entity.js';
import { UserRole } from './entities/user-role.entity.js';
import { SYSTEM_ROLE_KEYS } from './system-roles.js';
import { lastOwner, systemRoleImmutable } from './access.errors.js';

const immutable = systemRoleImmutable;
const principalRef = (p: Principal) => `${p.type}:${p.id}`;

/** Custom roles and role grants, within the caller's organization. */
@Injectable()
export class RolesService {
  constructor(
    private readonly data: TenantData,
    private readonly access: AccessService,
    private readonly notes: AuditNotes,
  ) {}

  list(organizationId: string, query: ListRolesQuery): Promise<Page<Role>> {
    const qb = this.data.withShared(Role, organizationId).query('r');
    if (query.system !== undefined) qb.andWhere('r.is_system = :system', { system: query.system });
    if (query.q) qb.andWhere('(r.name ILIKE :q OR r.key ILIKE :q)', { q: `%${query.q}%` });
    return paginate(qb, query, { name: 'r.name', key: 'r.key', createdAt: 'r.created_at' }, 'key');
  }

  get(organizationId: string, id: string): Promise<Role> {
    return this.data.withShared(Role, organizationId).getById(id, 'Role');
  }

  async create(organizationId: string, principal: Principal, input: CreateRoleDto): Promise<Role> {
    this.access.assertKnown(input.permissions);
    this.access.assertAssignableToCustomRole(input.permissions);
    await this.access.assertCanGrant(principal, input.permissions);
    const key = input.key ?? slugify(input.name);
    if (!ROLE_KEY_PATTERN.test(key)) {
      throw validationFailed([
        { field: 'key', message: `No usable key derives from this name ("${key}"): give one, like release-manager`, code: 'INVALID_KEY' },
      ]);
    }
    if (SYSTEM_ROLE_KEYS.has(key)) throw conflict(`"${key}" is the key of a system role`);
    const roles = this.data.withShared(Role, organizationId).own();
    if (await roles.exists({ key })) throw conflict(`A role with key "${key}" already exists`);
    const role = await roles.insert({
      key,
      name: input.name,
      description: input.description ?? '',
      isSystem: false,
      permissions: [...new Set(input.permissions)].sort(),
    });
    this.notes.note({ details: { key, permissions: role.permissions } });
    return role;
  }

  @Transactional()
  async setPermissions(organizationId: string, principal: Principal, id: string, permissions: string[]): Promise<Role> {
    const role = await this.get(organizationId, id);
    if (role.isSystem) throw immutable();
    this.access.assertKnown(permissions);
    this.access.assertAssignableToCustomRole(permissions);
    // Adding needs the permission; so does removing one: an editor cannot strip a grant they could not give.
    const before = new Set(role.permissions);
    const after = new Set(permissions);
    const changed = [...after].filter((p) => !before.has(p)).concat([...before].filter((p) => !after.has(p)));
    await this.access.assertCanGrant(principal, changed);
    const next = [...after].sort();
    const updated = await this.data.withShared(Role, organizationId).own().updateByIdReturning(id, { permissions: next }, 'Role');
    this.notes.note({ details: { added: next.filter((p) => !before.has(p)), removed: [...before].filter((p) => !after.has(p)).sort() } });
    return updated;
  }

  @Transactional()
  async delete(organizationId: string, principal: Principal, id: string): Promise<void> {
    // Locked: a grant of this role racing the deletion waits, then finds it gone (404).
    const role = await this.data.withShared(Role, organizationId).lockById(id, 'Role');
    if (role.isSystem) throw immutable();
    await this.access.assertCanGrant(principal, role.permissions);
    const grants = await this.data.repository(UserRole, organizationId).count({ roleId: id });
    if (grants > 0) throw conflict(`The role is granted ${grants} time(s); revoke those grants first`, { grants });
    await this.data.withShared(Role, organizationId).own().delete({ id });
    this.notes.note({ details: { key: role.key } });
  }

  async listGrants(organizationId: string, query: ListUserRolesQuery): Promise<Page<{ grant: UserRole; role: Role }>> {
    const qb = this.data.repository(UserRole, organizationId).query('ur');
    if (query.userId) qb.andWhere('ur.user_id = :userId', { userId: query.userId });
    if (query.roleId) qb.andWhere('ur.role_id = :roleId', { roleId: query.roleId });
    if (query.projectId) qb.andWhere('ur.project_id = :projectId', { projectId: query.projectId });
    if (query.environmentId) qb.andWhere('ur.environment_id = :environmentId', { environmentId: query.environmentId });
    const page = await paginate(qb, query, { createdAt: 'ur.created_at' }, '-createdAt');
    const roles = await this.access.visibleRoles(
      organizationId,
      page.items.map((g) => g.roleId),
    );
    const byId = new Map(roles.map((r) => [r.id, r]));
    return page.map((grant) => ({ grant, role: byId.get(grant.roleId)! }));
  }

  async grantsOf(organizationId: string, userId: string): Promise<{ grant: UserRole; role: Role }[]> {
    await this.access.assertMember(organizationId, userId);
    const grants = await this.data.repository(UserRole, organizationId).find({ where: { userId }, order: { createdAt: 'ASC' } });
    const roles = await this.access.visibleRoles(
      organizationId,
      grants.map((g) => g.roleId),
    );
    const byId = new Map(roles.map((r) => [r.id, r]));
    return grants.map((grant) => ({ grant, role: byId.get(grant.roleId)! }));
  }

  @Transactional()
  async grant(organizationId: string, principal: Principal, input: CreateUserRoleDto): Promise<{ grant: UserRole; role: Role }> {
    await this.access.assertMember(organizationId, input.userId);
    // Share-locked until the grant commits: the role cannot be deleted under it.
    const role = await this.data
      .withShared(Role, organizationId)
      .query('r')
      .andWhere('r.id = :id', { id: input.roleId })
      .setLock('pessimistic_read')
      .getOne();
    if (!role) throw notFound('Role');
    const scope = { projectId: input.projectId ?? null, environmentId: input.environmentId ?? null };
    await this.access.assertCanGrant(principal, role.permissions, scope);
    const grants = this.data.repository(UserRole, organizationId);
    if (
      await grants.exists({
        userId: input.userId,
        roleId: role.id,
        projectId: scope.projectId ?? IsNull(),
        environmentId: scope.environmentId ?? IsNull(),
      })
    ) {
      throw conflict('The member already holds this role in this scope');
    }
    const grant = await grants.insert({ userId: input.userId, roleId: role.id, ...scope, grantedBy: principalRef(principal) });
    this.notes.note({ details: { userId: input.userId, role: role.key, ...scope } });
    return { grant, role };
  }

  @Transactional()
  async revoke(organizationId: string, principal: Principal, id: string): Promise<void> {
    const grants = this.data.repository(UserRole, organizationId);
    const grant = await grants.getById(id, 'Role grant');
    const [role] = await this.access.visibleRoles(organizationId, [grant.roleId]);
    await this.access.assertCanGrant(principal, role.permissions, { projectId: grant.projectId, environmentId: grant.environmentId });
    if (role.key === 'owner' && role.isSystem && !grant.projectId && !grant.environmentId) {
      // Lock every org-wide owner grant: of two concurrent revocations, the second sees the first's result.
      const owners = await grants
        .query('ur')
        .andWhere('ur.role_id = :roleId AND ur.project_id IS NULL AND ur.environment_id IS NULL', { roleId: role.id })
        .setLock('pessimistic_write')
        .getMany();
      if (owners.length <= 1) throw lastOwner();
    }
    if ((await grants.delete({ id })) === 0) throw notFound('Role grant');
    this.notes.note({ details: { userId: grant.userId, role: role.key } });
  }
}
