import { Injectable } from '@nestjs/common';
import type { StepHandler } from './step-handler.js';
import { ApprovalStep } from './steps/approval.step.js';
import { CallbackStep } from './steps/callback.step.js';
import { ConditionStep } from './steps/condition.step.js';
import { HttpStep } from './steps/http.step.js';
import { JobStep } from './steps/job.step.js';
import { NotifyStep } from './steps/notify.step.js';
import { WaitStep } from './steps/wait.step.js';

export const STEP_HANDLER_PROVIDERS = [ApprovalStep, CallbackStep, ConditionStep, HttpStep, JobStep, NotifyStep, WaitStep];

/** The handler of each step type of the registry (step-types.ts). */
@Injectable()
export class StepHandlers {
  private readonly byType: Map<string, StepHandler>;

  constructor(
    approval: ApprovalStep,
    callback: CallbackStep,
    condition: ConditionStep,
    http: HttpStep,
    job: JobStep,
    notify: NotifyStep,
    wait: WaitStep,
  ) {
    this.byType = new Map([approval, callback, condition, http, job, notify, wait].map((h) => [h.type, h]));
  }

  of(type: string): StepHandler {
    const handler = this.byType.get(type);
    if (!handler) throw new Error(`No handler for step type ${type}`);
    return handler;
  }
}
