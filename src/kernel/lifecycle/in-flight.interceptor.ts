import { CallHandler, ExecutionContext, Injectable, NestInterceptor } from '@nestjs/common';
import { finalize, Observable } from 'rxjs';
import { LifecycleState } from './lifecycle-state.js';

/** Counts running handlers, so that shutdown waits for them (see LifecycleState.idle). */
@Injectable()
export class InFlightInterceptor implements NestInterceptor {
  constructor(private readonly lifecycle: LifecycleState) {}

  intercept(_context: ExecutionContext, next: CallHandler): Observable<unknown> {
    this.lifecycle.enter();
    return next.handle().pipe(finalize(() => this.lifecycle.leave()));
  }
}
