import { Injectable } from '@nestjs/common';
import { AppConfig } from '../../kernel/config/app-config.js';
import { routeNotFound } from '../../kernel/http/kernel.errors.js';
import { TenantData } from '../../kernel/tenancy/tenant-data.js';
import { ArgocdClient, isCallFailure } from './argocd-client.js';
import { ArgocdTokens } from './argocd-tokens.js';
import { ArgocdEndpoint } from './entities/argocd-endpoint.entity.js';
import { GitopsAppMapping } from './entities/gitops-app-mapping.entity.js';

/** Where a secret lives, as a discovered secret names it (namespace '' when the provider has none). */
export interface SecretLocation {
  clusterName: string;
  namespace: string;
  ref: string;
}

/** What one mapped Argo CD application looked like when asked (see GitopsObservationDto). */
export interface GitopsObservation {
  mappingId: string;
  endpointId: string;
  endpointName: string;
  applicationName: string;
  syncStatus: string | null;
  healthStatus: string | null;
  revision: string | null;
  reconciledAt: string | null;
  observedAt: string;
  /** Present when the application could not be read; the status fields are then null. */
  error?: { code: string; message: string };
}

/** Argo CD calls made at once for one observation. */
const CONCURRENCY = 8;

/**
 * What other contexts use of GitOps: whether it is on, and the live state of the Argo CD
 * applications mapped to a secret's location.
 */
@Injectable()
export class GitopsService {
  constructor(
    private readonly config: AppConfig,
    private readonly data: TenantData,
    private readonly tokens: ArgocdTokens,
    private readonly client: ArgocdClient,
  ) {}

  /** GITOPS_ENABLED: when false, GitOps routes answer 404 as if absent. */
  get enabled(): boolean {
    return this.config.gitops.enabled;
  }

  /** For a route of another context that exists only with GitOps: throws the unmatched-route 404 when it is off. */
  assertEnabled(): void {
    if (!this.enabled) throw routeNotFound();
  }

  /**
   * For every mapping of `location` on an enabled endpoint, the application as Argo CD reports it
   * now (`GET /api/v1/applications/{name}`), ordered by endpoint and application name. A failing
   * endpoint gives observations with `error` instead of failing the whole; none when GitOps is off.
   * Makes HTTP calls: do not call it inside a database transaction.
   */
  async observe(organizationId: string, location: SecretLocation): Promise<GitopsObservation[]> {
    if (!this.enabled) return [];
    const rows = await this.data
      .repository(GitopsAppMapping, organizationId)
      .query('m')
      .innerJoin(ArgocdEndpoint, 'e', 'e.id = m.endpoint_id AND e.organization_id = m.organization_id')
      .andWhere('m.cluster_name = :clusterName AND m.namespace = :namespace AND m.ref = :ref', {
        clusterName: location.clusterName,
        namespace: location.namespace,
        ref: location.ref,
      })
      .andWhere('e.enabled = true')
      .select('m.id', 'mapping_id')
      .addSelect('m.application_name', 'application_name')
      .addSelect('e.id', 'endpoint_id')
      .addSelect('e.name', 'endpoint_name')
      .addSelect('e.url', 'url')
      .addSelect('e.verify_tls', 'verify_tls')
      .addSelect('e.token_ciphertext', 'token_ciphertext')
      .orderBy('e.name', 'ASC')
      .addOrderBy('m.application_name', 'ASC')
      .getRawMany<{
        mapping_id: string;
        application_name: string;
        endpoint_id: string;
        endpoint_name: string;
        url: string;
        verify_tls: boolean;
        token_ciphertext: Buffer;
      }>();

    const tokens = new Map<string, string>();
    const tokenOf = (row: (typeof rows)[number]) => {
      if (!tokens.has(row.endpoint_id))
        tokens.set(row.endpoint_id, this.tokens.open(organizationId, row.endpoint_id, row.token_ciphertext));
      return tokens.get(row.endpoint_id)!;
    };

    return mapConcurrently(rows, CONCURRENCY, async (row): Promise<GitopsObservation> => {
      const base = {
        mappingId: row.mapping_id,
        endpointId: row.endpoint_id,
        endpointName: row.endpoint_name,
        applicationName: row.application_name,
      };
      try {
        const app = await this.client.getApplication(
          { url: row.url, verifyTls: row.verify_tls, token: tokenOf(row) },
          row.application_name,
        );
        return {
          ...base,
          syncStatus: app.syncStatus,
          healthStatus: app.healthStatus,
          revision: app.revision,
          reconciledAt: app.reconciledAt,
          observedAt: new Date().toISOString(),
        };
      } catch (error) {
        if (!isCallFailure(error)) throw error;
        return {
          ...base,
          syncStatus: null,
          healthStatus: null,
          revision: null,
          reconciledAt: null,
          observedAt: new Date().toISOString(),
          error: { code: error.code, message: error.message },
        };
      }
    });
  }
}

/** `fn` over `items`, at most `limit` at a time, results in the items' order. */
async function mapConcurrently<T, R>(items: T[], limit: number, fn: (item: T) => Promise<R>): Promise<R[]> {
  const results = new Array<R>(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const i = next++;
      results[i] = await fn(items[i]);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return results;
}
