import { Injectable } from '@nestjs/common';
import type { StepAttempt, StepHandler, StepStart } from '../step-handler.js';

/** A durable timer: the wake-up time is stored, so a restart neither loses nor restarts the wait. */
@Injectable()
export class WaitStep implements StepHandler {
  readonly type = 'wait';
  readonly writesNothing = true;

  start({ inputs, step }: StepAttempt): Promise<StepStart> {
    const wakeAt = inputs.until
      ? new Date(inputs.until as string)
      : new Date((step.startedAt ?? new Date()).getTime() + (inputs.durationSeconds as number) * 1000);
    if (wakeAt.getTime() <= Date.now()) return Promise.resolve({ kind: 'succeeded', output: { waitedUntil: wakeAt.toISOString() } });
    return Promise.resolve({ kind: 'waiting', wakeAt });
  }

  check({ step }: StepAttempt) {
    return Promise.resolve({ kind: 'succeeded' as const, output: { waitedUntil: (step.dueAt ?? new Date()).toISOString() } });
  }
}
