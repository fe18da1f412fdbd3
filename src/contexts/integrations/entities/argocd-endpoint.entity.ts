import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import { TimestampedTenantEntity } from '../../../kernel/tenancy/tenant-owned.entity.js';

/** What the last discovery against an endpoint failed with. */
export interface UpstreamFailure {
  code: string;
  message: string;
}

/**
 * An Argo CD API server Marshal reads applications from, with the bearer token it calls it with.
 * The token is envelope-encrypted at rest, bound to the row; it is never selected unless asked for.
 */
@Entity('argocd_endpoints')
@Index(['organizationId', 'name'], { unique: true })
export class ArgocdEndpoint extends TimestampedTenantEntity {
  @PrimaryColumn('uuid')
  id!: string;

  @Column('text')
  name!: string;

  /** The API server's base URL (http or https), without a trailing slash. */
  @Column('text')
  url!: string;

  /** The bearer token, sealed by EnvelopeCipher with the context `argocd-endpoint:<organization>:<id>`. */
  @Column('bytea', { select: false })
  tokenCiphertext!: Buffer;

  /** `sha256:` and the first 16 hex digits of the token's SHA-256: lets a reader tell tokens apart. */
  @Column('text')
  tokenFingerprint!: string;

  @Column('boolean', { default: true })
  verifyTls!: boolean;

  @Column('boolean', { default: true })
  enabled!: boolean;

  /** When discovery last ran against it. */
  @Column('timestamptz', { nullable: true })
  lastDiscoveryAt!: Date | null;

  /** What that discovery failed with; null when it succeeded. */
  @Column('jsonb', { nullable: true })
  lastError!: UpstreamFailure | null;

  @Column('text', { nullable: true })
  createdBy!: string | null;
}
