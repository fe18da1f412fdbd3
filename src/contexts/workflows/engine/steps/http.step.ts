import { Injectable } from '@nestjs/common';
import { AppConfig } from '../../../../kernel/config/app-config.js';
import { OutboundCalls } from '../../../../kernel/outbound/outbound-calls.js';
import { ConfigSecretsService } from '../../../tenancy/index.js';
import { SECRET_REFERENCE } from '../references.js';
import type { StepAttempt, StepHandler, StepOutcome, StepStart } from '../step-handler.js';
import { outboundFailure, readBody } from './outbound-outcome.js';

const MAX_RESPONSE_BYTES = 1024 * 1024;

/**
 * An outbound HTTP call. The target is checked where it matters, after name resolution: a
 * loopback, link-local or private address is refused unless the node asks (allowPrivate) and the
 * deployment permits it (OUTBOUND_ALLOW_PRIVATE), and OUTBOUND_ALLOWED_HOSTS, when set,
 * is the only list of hosts reachable. Redirects are not followed. A refused target fails the step
 * for good; a network failure or an unexpected status follows the retry policy. Header values
 * may name workspace secrets (`Authorization: Bearer ${secrets.API_TOKEN}`): put in for the call
 * only, so the definition, the step and its log show the reference, never the value.
 */
@Injectable()
export class HttpStep implements StepHandler {
  readonly type = 'http';

  constructor(
    private readonly config: AppConfig,
    private readonly outbound: OutboundCalls,
    private readonly secrets: ConfigSecretsService,
  ) {}

  start(): Promise<StepStart> {
    return Promise.resolve({ kind: 'call' });
  }

  async execute({ run, inputs, node, artifact, log }: StepAttempt, signal: AbortSignal): Promise<StepOutcome> {
    const policy = this.config.workflows.http;
    const body = inputs.body === undefined ? undefined : JSON.stringify(inputs.body);
    const given = await this.withSecrets(run.organizationId, (inputs.headers as Record<string, string> | undefined) ?? {});
    if ('missing' in given)
      return {
        kind: 'failed',
        code: 'SECRET_NOT_FOUND',
        message: `No workspace secret "${given.missing}" for the call's headers`,
        final: true,
      };
    const headers = { ...(body !== undefined && { 'content-type': 'application/json' }), ...given.headers };
    const method = (inputs.method as string | undefined) ?? 'GET';
    try {
      const response = await this.outbound.request(
        {
          url: inputs.url as string,
          method,
          headers,
          body,
          timeoutMs: (node.timeoutSeconds ?? policy.timeoutSeconds) * 1000,
          maxResponseBytes: MAX_RESPONSE_BYTES,
          signal,
        },
        { allowPrivate: inputs.allowPrivate === true },
      );
      const output = {
        status: response.status,
        contentType: response.headers['content-type'] ?? null,
        body: readBody(response),
        truncated: response.truncated,
      };
      await artifact('response', 'application/json', output);
      await log('info', `${method} answered ${response.status}`, { address: response.address, bytes: response.body.length });
      const expected = (inputs.expectStatus as number[] | undefined) ?? null;
      const ok = expected ? expected.includes(response.status) : response.status >= 200 && response.status < 300;
      if (!ok)
        return {
          kind: 'failed',
          code: 'UNEXPECTED_STATUS',
          message: `The call answered ${response.status}${expected ? `, not one of ${expected.join(', ')}` : ''}`,
        };
      return { kind: 'succeeded', output };
    } catch (error) {
      return outboundFailure(error);
    }
  }

  /** Header values with their `${secrets.<key>}` put in: read now, used for this call, kept nowhere. */
  private async withSecrets(
    organizationId: string,
    headers: Record<string, string>,
  ): Promise<{ headers: Record<string, string> } | { missing: string }> {
    const out: Record<string, string> = {};
    for (const [name, value] of Object.entries(headers)) {
      let resolved = value;
      for (const [reference, key] of value.matchAll(SECRET_REFERENCE)) {
        const secret = await this.secrets.reveal({ organizationId }, key);
        if (secret === null) return { missing: key };
        resolved = resolved.replace(reference, () => secret);
      }
      out[name] = resolved;
    }
    return { headers: out };
  }
}
