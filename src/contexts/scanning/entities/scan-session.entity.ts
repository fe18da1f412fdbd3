import { Column, Entity, PrimaryColumn } from 'typeorm';
import { CreatedTenantEntity } from '../../../kernel/tenancy/tenant-owned.entity.js';

/**
 * A legacy session (seed 004's `/sessions`): an uploaded archive with its own repository and scans.
 * It holds nothing of its own: its id is its repository's id (so every repository route serves it
 * too), and its status, snapshot, scan and events are the repository's and its scans'. The row says
 * which repositories are sessions (a project's repository is not one, whatever its id) and is the
 * row an analysis locks, so two analyses of one session cannot both start a scan.
 */
@Entity('scan_sessions')
export class ScanSession extends CreatedTenantEntity {
  /** The session's repository's id. */
  @PrimaryColumn('uuid')
  id!: string;

  /** Principal type and id of who created it. */
  @Column('text')
  createdBy!: string;
}
