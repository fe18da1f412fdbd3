import { Injectable } from '@nestjs/common';
import { AppConfig } from '../../../../kernel/config/app-config.js';
import { OutboundCalls } from '../../../../kernel/outbound/outbound-calls.js';
import { signStandardWebhook } from '../../../../kernel/outbound/standard-webhooks.js';
import { ConfigSecretsService } from '../../../tenancy/index.js';
import type { StepAttempt, StepHandler, StepOutcome, StepStart } from '../step-handler.js';
import { outboundFailure } from './outbound-outcome.js';

/**
 * POSTs `{type, timestamp, data}` to a webhook, signed per Standard Webhooks when `secretRef` names
 * a workspace secret. The message id is the run and node, the same on every attempt, so receivers
 * can tell a retry from a new message. Same target rules as `http`; any 2xx is delivered.
 */
@Injectable()
export class NotifyStep implements StepHandler {
  readonly type = 'notify';

  constructor(
    private readonly config: AppConfig,
    private readonly outbound: OutboundCalls,
    private readonly secrets: ConfigSecretsService,
  ) {}

  start(): Promise<StepStart> {
    return Promise.resolve({ kind: 'call' });
  }

  async execute({ run, node, inputs, log }: StepAttempt, signal: AbortSignal): Promise<StepOutcome> {
    const policy = this.config.workflows.http;
    // Standard Webhooks ids may not contain a dot (the signed content is `id.timestamp.body`).
    const messageId = `${run.id}_${node.id}`;
    const body = JSON.stringify({
      type: inputs.event,
      timestamp: new Date().toISOString(),
      data: {
        runId: run.id,
        nodeId: node.id,
        definitionId: run.definitionId,
        definitionName: run.definitionName,
        definitionVersion: run.definitionVersion,
        status: run.status,
      },
    });
    const headers: Record<string, string> = { 'content-type': 'application/json' };
    if (inputs.secretRef) {
      const secret = await this.secrets.reveal({ organizationId: run.organizationId }, inputs.secretRef as string);
      if (secret === null)
        return {
          kind: 'failed',
          code: 'SECRET_NOT_FOUND',
          message: `No workspace secret "${inputs.secretRef as string}" signs this webhook`,
          final: true,
        };
      Object.assign(headers, signStandardWebhook(secret, messageId, Math.floor(Date.now() / 1000), body));
    }
    try {
      const response = await this.outbound.request({
        url: inputs.url as string,
        method: 'POST',
        headers,
        body,
        timeoutMs: (node.timeoutSeconds ?? policy.timeoutSeconds) * 1000,
        maxResponseBytes: 64 * 1024,
        signal,
      });
      await log('info', `webhook answered ${response.status}`, { messageId, signed: Boolean(inputs.secretRef) });
      if (response.status < 200 || response.status >= 300)
        return { kind: 'failed', code: 'UNEXPECTED_STATUS', message: `The webhook answered ${response.status}` };
      return { kind: 'succeeded', output: { delivered: true, status: response.status, messageId } };
    } catch (error) {
      return outboundFailure(error);
    }
  }
}
