import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AgentAuthenticator } from '../../kernel/auth/agent-authenticator.js';
import type { Principal } from '../../kernel/auth/principal.js';
import { AppConfig } from '../../kernel/config/app-config.js';
import { secretMatchesDigest } from '../../kernel/crypto/secret-tokens.js';
import { unauthenticated } from '../../kernel/http/kernel.errors.js';
import { parseSecret } from './agent-secrets.js';

interface AuthenticationRow {
  id: string;
  organization_id: string;
  secret_hash: Buffer;
  status: string;
  last_seen_at: Date | null;
  capabilities: string[];
}

/**
 * The kernel's AgentAuthenticator for `X-Agent-Secret`. Its own provider (not AgentsService) so that the
 * authentication guard depends on this one query and nothing else of the agents context.
 */
@Injectable()
export class AgentSecretAuthenticator extends AgentAuthenticator {
  private readonly logger = new Logger(AgentSecretAuthenticator.name);

  constructor(
    private readonly config: AppConfig,
    @InjectDataSource() private readonly dataSource: DataSource,
  ) {
    super();
  }

  /**
   * `X-Agent-Secret`: well-formed, known, matching in constant time, not revoked. Any failure is
   * the same 401, and a revoked agent is refused from its very next request.
   */
  async authenticate(presented: string): Promise<Principal> {
    const parsed = parseSecret('mas', presented);
    const invalid = () => unauthenticated('The agent secret is not valid');
    if (!parsed) throw invalid();
    const [row] = await this.dataSource.query<AuthenticationRow[]>(
      'SELECT id, organization_id, secret_hash, status, last_seen_at, capabilities FROM agents WHERE id = $1',
      [parsed.id],
    );
    if (!row || !secretMatchesDigest(parsed.secret, row.secret_hash)) throw invalid();
    if (row.status !== 'active') throw unauthenticated('This agent has been revoked');
    // Any request is a sign of life; recording it at most every half heartbeat keeps it off the hot path.
    const freshEnoughMs = (this.config.agents.heartbeatIntervalSeconds * 1000) / 2;
    if (!row.last_seen_at || Date.now() - row.last_seen_at.getTime() >= freshEnoughMs) this.touch(row.id);
    return { type: 'agent', id: row.id, organizationId: row.organization_id, capabilities: row.capabilities };
  }

  private touch(id: string): void {
    this.dataSource
      .query('UPDATE agents SET last_seen_at = now() WHERE id = $1', [id])
      .catch((error: unknown) => this.logger.warn({ message: (error as Error).message }, 'could not record agent activity'));
  }
}
