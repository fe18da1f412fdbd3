import type { Principal } from './principal.js';

/**
 * Verifies an agent's `X-Agent-Secret` and answers its principal (or throws 401). Declared here so
 * the authentication guard can accept agents without depending on the agents context, which
 * implements it.
 */
export abstract class AgentAuthenticator {
  abstract authenticate(secret: string): Promise<Principal>;
}
