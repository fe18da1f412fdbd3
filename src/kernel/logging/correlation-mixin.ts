import { ClsServiceManager } from 'nestjs-cls';

/**
 * pino's mixin for every line: the correlation id of the request (or job) the calling code runs
 * in, read from the request context when a line is written, so that a request pays nothing for it
 * until it logs.
 */
export function correlationMixin(): object {
  const cls = ClsServiceManager.getClsService();
  const correlationId = cls.isActive() ? cls.get<string | undefined>('correlationId') : undefined;
  return correlationId ? { correlationId } : {};
}
