import type { Request } from 'express';
import type { Principal } from '../auth/principal.js';

/** What Marshal's middleware and guards attach to every request. */
export interface MarshalRequest extends Request {
  requestId: string;
  correlationId: string;
  principal?: Principal;
}

export function asMarshalRequest(req: Request): MarshalRequest {
  return req as MarshalRequest;
}
