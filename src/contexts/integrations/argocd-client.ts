import { Injectable } from '@nestjs/common';
import { AppConfig } from '../../kernel/config/app-config.js';
import { AppError } from '../../kernel/http/app-error.js';
import { applicationNotFound, OUTBOUND_REFUSALS, upstreamUnauthorized, upstreamUnavailable } from './integrations.errors.js';
import { OutboundCalls } from '../../kernel/outbound/outbound-calls.js';
import { OutboundFailed, OutboundRefused, type OutboundResponse } from '../../kernel/outbound/safe-request.js';
import type { ArgocdApplicationDto } from './dto/gitops.dto.js';

/** Where and how to call one Argo CD API server. */
export interface ArgocdTarget {
  url: string;
  token: string;
  verifyTls: boolean;
}

/** The most of a response body read from Argo CD; an application list of a large installation fits. */
const MAX_BODY_BYTES = 32 * 1024 * 1024;

const origin = (url: string) => new URL(url).origin;

/**
 * Reads applications from the Argo CD REST API (`/api/v1/applications`) with the endpoint's bearer
 * token, within GITOPS_TIMEOUT_MS, through the kernel's outbound rules: a target the deployment does
 * not allow (loopback, private or link-local unless OUTBOUND_ALLOW_PRIVATE, a host not in
 * OUTBOUND_ALLOWED_HOSTS) is refused with 422 before anything is sent. Redirects are not followed (the
 * token stays with the server it was given for). A server with a certificate nobody vouches for is
 * reached only when the endpoint says verifyTls: false.
 */
@Injectable()
export class ArgocdClient {
  constructor(
    private readonly config: AppConfig,
    private readonly outbound: OutboundCalls,
  ) {}

  async listApplications(target: ArgocdTarget): Promise<ArgocdApplicationDto[]> {
    const body = await this.getJson(target, '/api/v1/applications');
    // Argo CD answers `"items": null` when there are none.
    const items = (body as { items?: unknown } | null)?.items ?? [];
    if (!Array.isArray(items)) throw upstreamUnavailable(`Argo CD at ${origin(target.url)} answered an application list without items`);
    return items.map(toApplication);
  }

  async getApplication(target: ArgocdTarget, name: string): Promise<ArgocdApplicationDto> {
    return toApplication(await this.getJson(target, `/api/v1/applications/${encodeURIComponent(name)}`, name));
  }

  private async getJson(target: ArgocdTarget, path: string, applicationName?: string): Promise<unknown> {
    const server = origin(target.url);
    const answer = await this.get(target, path).catch((error: unknown) => {
      if (error instanceof OutboundRefused) throw refusedTarget(error);
      throw unreachable(server, error, this.config.gitops.timeoutMs);
    });
    const { status } = answer;
    if (answer.truncated) throw upstreamUnavailable(`Argo CD at ${server} answered more than ${MAX_BODY_BYTES / 1024 / 1024} MiB`);
    if (status === 401 || status === 403) {
      const what = applicationName
        ? `the token, or the token may not read application "${applicationName}" (or it does not exist)`
        : 'the token';
      throw upstreamUnauthorized(`Argo CD at ${server} refused ${what} (HTTP ${status})`, status);
    }
    if (status === 404 && applicationName)
      throw applicationNotFound(`Argo CD at ${server} has no application "${applicationName}"`, status);
    if (status >= 300 && status < 400)
      throw upstreamUnavailable(`Argo CD at ${server} redirected (HTTP ${status}); give the API server's own URL`, status);
    if (status < 200 || status >= 300) throw upstreamUnavailable(`Argo CD at ${server} answered HTTP ${status}`, status);
    try {
      return JSON.parse(answer.body.toString('utf8')) as unknown;
    } catch {
      throw upstreamUnavailable(`Argo CD at ${server} answered something other than JSON`, status);
    }
  }

  private get(target: ArgocdTarget, path: string): Promise<OutboundResponse> {
    return this.outbound.request({
      url: target.url + path,
      method: 'GET',
      headers: { authorization: `Bearer ${target.token}`, accept: 'application/json' },
      timeoutMs: this.config.gitops.timeoutMs,
      maxResponseBytes: MAX_BODY_BYTES,
      verifyTls: target.verifyTls,
    });
  }
}

/** A call that failed upstream (502) or that the outbound rules refused (422): recorded on the endpoint, shown per observation. */
export function isCallFailure(error: unknown): error is AppError {
  return error instanceof AppError && (error.status === 502 || error.status === 422);
}

/** The deployment's outbound rules refused the endpoint's URL: the endpoint needs changing, not retrying. */
function refusedTarget(error: OutboundRefused): AppError {
  return OUTBOUND_REFUSALS[error.code](
    `${error.message}; the deployment's outbound rules (OUTBOUND_ALLOW_PRIVATE, OUTBOUND_ALLOWED_HOSTS) do not let Marshal call it`,
  );
}

/** Why the server could not be asked, in words that hold no request data (OutboundFailed messages name the host and a system code only). */
function unreachable(server: string, error: unknown, timeoutMs: number): AppError {
  if (!(error instanceof OutboundFailed)) throw error;
  if (error.code === 'TIMEOUT') return upstreamUnavailable(`Argo CD at ${server} did not answer within ${timeoutMs} ms`);
  return upstreamUnavailable(`Argo CD at ${server} could not be reached (${error.systemCode ?? 'connection closed'})`);
}

const text = (value: unknown): string | null => (typeof value === 'string' && value !== '' ? value : null);

type Source = { repoURL?: unknown; path?: unknown; chart?: unknown; targetRevision?: unknown };
type ArgoApplication = {
  metadata?: { name?: unknown; namespace?: unknown };
  spec?: {
    project?: unknown;
    destination?: { server?: unknown; name?: unknown; namespace?: unknown };
    source?: Source;
    sources?: Source[];
  };
  status?: {
    sync?: { status?: unknown; revision?: unknown; revisions?: unknown[] };
    health?: { status?: unknown };
    reconciledAt?: unknown;
  };
};

/** The fields Marshal shows of an Argo CD Application resource. */
export function toApplication(raw: unknown): ArgocdApplicationDto {
  const app = (raw && typeof raw === 'object' ? raw : {}) as ArgoApplication;
  const source: Source = app.spec?.source ?? (Array.isArray(app.spec?.sources) ? (app.spec.sources[0] ?? {}) : {});
  const reconciledAt = text(app.status?.reconciledAt);
  return {
    name: text(app.metadata?.name) ?? '',
    project: text(app.spec?.project),
    namespace: text(app.metadata?.namespace),
    destinationServer: text(app.spec?.destination?.server),
    destinationName: text(app.spec?.destination?.name),
    destinationNamespace: text(app.spec?.destination?.namespace),
    syncStatus: text(app.status?.sync?.status),
    healthStatus: text(app.status?.health?.status),
    revision: text(app.status?.sync?.revision) ?? (Array.isArray(app.status?.sync?.revisions) ? text(app.status.sync.revisions[0]) : null),
    repoUrl: text(source.repoURL),
    path: text(source.path) ?? text(source.chart),
    targetRevision: text(source.targetRevision),
    reconciledAt: reconciledAt && !Number.isNaN(Date.parse(reconciledAt)) ? new Date(reconciledAt).toISOString() : null,
  };
}
