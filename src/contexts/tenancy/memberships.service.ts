import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { MembershipDirectory } from '../../kernel/auth/membership-directory.js';
import { TenantData } from '../../kernel/tenancy/tenant-data.js';
import { Membership } from './entities/membership.entity.js';

@Injectable()
export class MembershipsService implements MembershipDirectory {
  constructor(
    private readonly data: TenantData,
    @InjectDataSource() private readonly dataSource: DataSource,
  ) {}

  /** Across organizations by design: which one a user lands in at login. */
  async defaultOrganizationOf(userId: string): Promise<string | null> {
    // A user's memberships across organizations (before one is chosen): no single organization to scope by.
    const first = await this.dataSource.getRepository(Membership).findOne({ where: { userId }, order: { createdAt: 'ASC', id: 'ASC' } });
    return first?.organizationId ?? null;
  }

  isMember(organizationId: string, userId: string): Promise<boolean> {
    return this.data.repository(Membership, organizationId).exists({ userId });
  }

  /** Adds the membership unless it exists; joins the caller's transaction. */
  async add(organizationId: string, userId: string): Promise<void> {
    const memberships = this.data.repository(Membership, organizationId);
    if (!(await memberships.exists({ userId }))) await memberships.insert({ userId });
  }

  list(organizationId: string): Promise<Membership[]> {
    return this.data.repository(Membership, organizationId).find({ order: { createdAt: 'ASC' } });
  }

  /** Across organizations by design: the organizations a user belongs to. */
  membershipsOf(userId: string): Promise<Membership[]> {
    // A user's memberships across organizations: no single organization to scope by.
    return this.dataSource.getRepository(Membership).find({ where: { userId }, order: { createdAt: 'ASC' } });
  }
}
