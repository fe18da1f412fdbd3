import { Injectable } from '@nestjs/common';
import { ClsService, ClsStore } from 'nestjs-cls';
import type { Principal } from '../auth/principal.js';

export interface MarshalClsStore extends ClsStore {
  correlationId: string;
  ip?: string;
  userAgent?: string;
  principal?: Principal;
}

/**
 * The current request's identity for code far from the controller (audit, events, logs):
 * request id, correlation id and, once authenticated, the principal. Backed by nestjs-cls.
 * Outside a request (background work) every getter answers undefined.
 */
@Injectable()
export class RequestContext {
  constructor(private readonly cls: ClsService<MarshalClsStore>) {}

  get requestId(): string | undefined {
    return this.cls.isActive() ? this.cls.getId() : undefined;
  }

  get correlationId(): string | undefined {
    return this.cls.isActive() ? this.cls.get('correlationId') : undefined;
  }

  get ip(): string | undefined {
    return this.cls.isActive() ? this.cls.get('ip') : undefined;
  }

  get userAgent(): string | undefined {
    return this.cls.isActive() ? this.cls.get('userAgent') : undefined;
  }

  get principal(): Principal | undefined {
    return this.cls.isActive() ? this.cls.get('principal') : undefined;
  }

  setPrincipal(principal: Principal): void {
    if (this.cls.isActive()) this.cls.set('principal', principal);
  }
}
