import type { EventEntry } from '../../kernel/events/domain-event.js';
import type { Scan } from './entities/scan.entity.js';

/** Events that end a scan's stream (a scan that ended does not start again). */
export const SCAN_END_EVENTS: ReadonlySet<string> = new Set(['scan.succeeded', 'scan.failed', 'scan.cancelled']);

/** A scan's event: its resource is the scan; the data name its repository and project, so rollups can show where it happened. */
export function scanEvent(scan: Scan, type: string, data: Record<string, unknown> = {}): EventEntry {
  return {
    organizationId: scan.organizationId,
    type,
    resourceType: 'scan',
    resourceId: scan.id,
    data: { repositoryId: scan.repositoryId, projectId: scan.projectId, status: scan.status, ...data },
  };
}
