import { Injectable } from '@nestjs/common';
import { InjectTransactionHost, Transactional } from '@nestjs-cls/transactional';
import { In } from 'typeorm';
import { AuditWriter } from '../../kernel/audit/audit-writer.js';
import { AuditNotes } from '../../kernel/audit/audit-notes.js';
import type { Principal } from '../../kernel/auth/principal.js';
import type { Tx } from '../../kernel/database/transactions.js';
import { conflict, forbidden, notFound } from '../../kernel/http/kernel.errors.js';
import { newId } from '../../kernel/ids.js';
import { slugify } from '../../kernel/slug.js';
import { AccessService } from '../access/index.js';
import { UsersService } from '../identity/index.js';
import type { CreateOrganizationDto, MemberDto } from './dto/organization.dto.js';
import { Organization } from './entities/organization.entity.js';
import { MembershipsService } from './memberships.service.js';

/** Organizations: the tenants. Their routes act on the organization the request acts in. */
@Injectable()
export class OrganizationsService {
  constructor(
    @InjectTransactionHost() private readonly tx: Tx,
    private readonly memberships: MembershipsService,
    private readonly access: AccessService,
    private readonly users: UsersService,
    private readonly audit: AuditWriter,
    private readonly notes: AuditNotes,
  ) {}

  /** Creates an organization whose owner is the calling user; it appears in the new one's trail too. */
  @Transactional()
  async create(principal: Principal, input: CreateOrganizationDto): Promise<Organization> {
    if (principal.type !== 'user') throw forbidden('Only a user can create an organization (it becomes its owner)');
    // The organizations table itself: it is not owned by an organization.
    const repo = this.tx.tx.getRepository(Organization);
    const slug = input.slug ?? slugify(input.name, true);
    if (await repo.existsBy({ slug })) throw conflict(`The slug "${slug}" is taken`);
    const org = repo.create({ id: newId(), name: input.name, slug, tier: 'standard' });
    await repo.insert(org);
    await this.memberships.add(org.id, principal.id);
    await this.access.grantSystemRole(org.id, principal.id, 'owner', `${principal.type}:${principal.id}`);
    await this.audit.record({
      organizationId: org.id,
      action: 'organization.create',
      resourceType: 'organization',
      resourceId: org.id,
      details: { name: org.name, slug },
    });
    this.notes.note({ details: { name: org.name, slug } });
    return repo.findOneByOrFail({ id: org.id });
  }

  /** The organization the request acts in; any other id is 404, whatever the caller's memberships. */
  async get(organizationId: string, id: string): Promise<Organization> {
    if (id !== organizationId) throw notFound('Organization');
    // The organizations table itself: it is not owned by an organization.
    return this.tx.tx.getRepository(Organization).findOneByOrFail({ id });
  }

  async members(organizationId: string, id: string): Promise<MemberDto[]> {
    await this.get(organizationId, id);
    const memberships = await this.memberships.list(id);
    const users = new Map((await this.users.findByIds(memberships.map((m) => m.userId))).map((u) => [u.id, u]));
    return memberships.map((m) => {
      const u = users.get(m.userId)!;
      return { userId: u.id, email: u.email, displayName: u.displayName, status: u.status, joinedAt: m.createdAt.toISOString() };
    });
  }

  /** A user's organizations (its memberships); a key or an agent has only its own. */
  async mine(principal: Principal): Promise<Organization[]> {
    // The organizations table itself (not tenant-owned), here the ones the principal belongs to.
    if (principal.type !== 'user') return this.tx.tx.getRepository(Organization).findBy({ id: principal.organizationId });
    const ids = (await this.memberships.membershipsOf(principal.id)).map((m) => m.organizationId);
    // The organizations table itself, as above.
    return this.tx.tx.getRepository(Organization).find({ where: { id: In(ids) }, order: { createdAt: 'ASC' } });
  }
}
