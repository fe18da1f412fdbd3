import { Injectable } from '@nestjs/common';
import { ClsService } from 'nestjs-cls';

/** The CLS key of the request's note holder (created once per request, in the CLS set-up). */
export const AUDIT_NOTE = 'auditNote';

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
    const holder = this.cls.get<AuditNote | undefined>(AUDIT_NOTE);
    const merged = { resourceId: note.resourceId ?? holder?.resourceId, details: { ...holder?.details, ...note.details } };
    // Mutate the request's holder: a @Transactional() method runs in a nested CLS context, where a
    // `cls.set` would be lost when it returns, before the interceptor reads the note.
    if (holder) Object.assign(holder, merged);
    else this.cls.set(AUDIT_NOTE, merged);
  }

  /** Forgets what a rolled-back handler noted: it goes with its transaction. */
  discard(): void {
    const holder = this.cls.isActive() ? this.cls.get<AuditNote | undefined>(AUDIT_NOTE) : undefined;
    if (holder) {
      delete holder.resourceId;
      delete holder.details;
    }
  }

  read(): AuditNote {
    return this.cls.isActive() ? (this.cls.get<AuditNote | undefined>(AUDIT_NOTE) ?? {}) : {};
  }
}
