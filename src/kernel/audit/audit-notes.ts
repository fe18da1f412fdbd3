import { Injectable } from '@nestjs/common';
import { ClsService } from 'nestjs-cls';

export interface AuditNote {
  resourceId?: string;
  details?: Record<string, unknown>;
}

/**
 * What a handler wants its audit entry to say beyond what the route declares: the id of the
 * resource it created when the response does not carry it at `id`, and details for a reader.
 */
@Injectable()
export class AuditNotes {
  constructor(private readonly cls: ClsService) {}

  note(note: AuditNote): void {
    if (!this.cls.isActive()) return;
    const current = this.cls.get<AuditNote | undefined>('auditNote') ?? {};
    this.cls.set('auditNote', { resourceId: note.resourceId ?? current.resourceId, details: { ...current.details, ...note.details } });
  }

  read(): AuditNote {
    return this.cls.isActive() ? (this.cls.get<AuditNote | undefined>('auditNote') ?? {}) : {};
  }
}
