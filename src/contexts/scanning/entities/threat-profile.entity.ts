import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import { CreatedTenantEntity } from '../../../kernel/tenancy/tenant-owned.entity.js';

/** What a threat profile says of a repository (its DTO is the validated shape). */
export interface ThreatProfileDocument {
  assets: { name: string; description: string; sensitivity: 'low' | 'medium' | 'high' | 'critical' }[];
  entryPoints: { name: string; kind: 'http' | 'cli' | 'queue' | 'file' | 'other'; description: string }[];
  trustBoundaries: { name: string; description: string }[];
  dataClasses: string[];
  outOfScopePaths: string[];
}

/**
 * One version of a repository's threat profile. Versions are never changed: an edit is the next
 * version, and the newest is the profile in force; the unique (repository, version) makes two
 * concurrent edits of the same version one success and one 409.
 */
@Entity('threat_profile_versions')
@Index(['repositoryId', 'version'], { unique: true })
export class ThreatProfileVersion extends CreatedTenantEntity {
  @PrimaryColumn('uuid')
  id!: string;

  @Column('uuid')
  repositoryId!: string;

  @Column('integer')
  version!: number;

  @Column('jsonb')
  document!: ThreatProfileDocument;

  @Column('text')
  createdBy!: string;
}
