import { Injectable } from '@nestjs/common';
import { compare, type ConditionOp } from '../references.js';
import type { StepAttempt, StepHandler, StepStart } from '../step-handler.js';

/** Compares two values (references already resolved): `{result}`; nodes behind a false result are skipped. */
@Injectable()
export class ConditionStep implements StepHandler {
  readonly type = 'condition';
  readonly writesNothing = true;

  start({ inputs }: StepAttempt): Promise<StepStart> {
    const outcome = compare(inputs.left, inputs.op as ConditionOp, inputs.right);
    if ('error' in outcome) return Promise.resolve({ kind: 'failed', code: 'INVALID_OPERANDS', message: outcome.error, final: true });
    return Promise.resolve({ kind: 'succeeded', output: { result: outcome.result } });
  }
}
