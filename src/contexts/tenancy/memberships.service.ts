import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { MembershipDirectory } from '../../kernel/auth/membership-directory.js';
import { Membership } from './entities/membership.entity.js';

@Injectable()
export class MembershipsService implements MembershipDirectory {
  constructor(@InjectRepository(Membership) private readonly memberships: Repository<Membership>) {}

  async defaultOrganizationOf(userId: string): Promise<string | null> {
    const first = await this.memberships.findOne({ where: { userId }, order: { createdAt: 'ASC', id: 'ASC' } });
    return first?.organizationId ?? null;
  }
}
