import { Check, Column, Entity, PrimaryColumn } from 'typeorm';
import type { OrganizationTier } from '../../../kernel/rate-limit/organization-tiers.js';

export type { OrganizationTier };

@Entity('organizations')
@Check('organizations_tier_check', `"tier" IN ('standard', 'premium')`)
export class Organization {
  @PrimaryColumn('uuid')
  id!: string;

  @Column('text')
  name!: string;

  @Column('text', { unique: true })
  slug!: string;

  /** Decides the rate-limit tier. */
  @Column('text', { default: 'standard' })
  tier!: OrganizationTier;

  @Column('timestamptz', { default: () => 'now()' })
  createdAt!: Date;

  @Column('timestamptz', { default: () => 'now()' })
  updatedAt!: Date;
}
