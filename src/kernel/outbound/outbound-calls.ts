import { Injectable } from '@nestjs/common';
import { AppConfig } from '../config/app-config.js';
import { isPrivateHost } from './private-addresses.js';
import {
  type CheckedTarget,
  isHostAllowed,
  OutboundRefused,
  type OutboundRequest,
  type OutboundResponse,
  resolveTarget,
  safeRequest,
} from './safe-request.js';

/**
 * The one way a context makes an outbound call that a user can aim (a URL in a workflow definition,
 * an Argo CD endpoint, every later integration): `safeRequest` under the deployment's policy,
 * OUTBOUND_ALLOW_PRIVATE and OUTBOUND_ALLOWED_HOSTS. A caller may narrow the policy (an http step
 * whose node did not ask for a private target) but never widen it.
 */
@Injectable()
export class OutboundCalls {
  constructor(private readonly config: AppConfig) {}

  /** Whether the deployment lets calls reach loopback, link-local and private addresses. */
  get allowsPrivate(): boolean {
    return this.config.outbound.allowPrivate;
  }

  /**
   * What can be told of a URL before any call, for refusing it where it is configured (400 at the
   * field): a host off the allow-list, or a literal private one (localhost, 10.0.0.1) the deployment
   * does not allow. A name that resolves to a private address is caught at call time.
   */
  refusal(url: string): OutboundRefused | null {
    let host: string;
    try {
      host = new URL(url).hostname.replace(/^\[(.*)\]$/, '$1');
    } catch {
      return new OutboundRefused('INVALID_URL', 'The URL is not valid');
    }
    if (!isHostAllowed(host, this.config.outbound.allowedHosts))
      return new OutboundRefused('HOST_NOT_ALLOWED', `${host} is not an allowed host (OUTBOUND_ALLOWED_HOSTS)`);
    if (!this.config.outbound.allowPrivate && isPrivateHost(host)) {
      return new OutboundRefused(
        'PRIVATE_TARGET',
        `${host} is a loopback, private or link-local address, which this deployment does not call (OUTBOUND_ALLOW_PRIVATE)`,
      );
    }
    return null;
  }

  /** Throws OutboundRefused (not sent) or OutboundFailed (no complete answer). */
  request(request: OutboundRequest, narrow: { allowPrivate?: boolean } = {}): Promise<OutboundResponse> {
    const { allowPrivate, allowedHosts } = this.config.outbound;
    return safeRequest(request, { allowPrivate: allowPrivate && narrow.allowPrivate !== false, allowedHosts });
  }

  /**
   * For a client that is not Node's (the `git` binary): the URL checked and resolved under the policy,
   * with the addresses the client must be pinned to. Throws OutboundRefused or OutboundFailed.
   */
  resolve(url: string, timeoutMs: number): Promise<CheckedTarget> {
    const { allowPrivate, allowedHosts } = this.config.outbound;
    return resolveTarget(url, { allowPrivate, allowedHosts }, timeoutMs);
  }
}
