import { Injectable } from '@nestjs/common';
import type { StepAttempt, StepHandler, StepStart } from '../step-handler.js';

/**
 * Waits for an external executor to report, through POST /webhooks/workflow-completed, that the
 * work it was handed finished. The report settles the step directly; until then (or the node's
 * timeout) it waits.
 */
@Injectable()
export class CallbackStep implements StepHandler {
  readonly type = 'callback';

  start(attempt: StepAttempt): Promise<StepStart> {
    return Promise.resolve({ kind: 'waiting', externalRef: `callback:${attempt.run.id}:${attempt.node.id}:${attempt.attempt}` });
  }
}
