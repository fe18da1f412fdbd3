import { request as httpsRequest } from 'node:https';
import { Injectable } from '@nestjs/common';
import { AppConfig } from '../../kernel/config/app-config.js';
import { AppError } from '../../kernel/http/app-error.js';
import type { ArgocdApplicationDto } from './dto/gitops.dto.js';

/** Where and how to call one Argo CD API server. */
export interface ArgocdTarget {
  url: string;
  token: string;
  verifyTls: boolean;
}

export const UPSTREAM_UNAVAILABLE = 'UPSTREAM_UNAVAILABLE';
export const UPSTREAM_UNAUTHORIZED = 'UPSTREAM_UNAUTHORIZED';
export const APPLICATION_NOT_FOUND = 'APPLICATION_NOT_FOUND';

/** The most of a response body read from Argo CD; an application list of a large installation fits. */
const MAX_BODY_BYTES = 32 * 1024 * 1024;

/** A failure of the Argo CD API: 502 with a code of its own. Its message names the server, never the token. */
export const upstreamFailure = (code: string, message: string, upstreamStatus?: number) =>
  new AppError(502, code, message, upstreamStatus === undefined ? undefined : { upstreamStatus });

const origin = (url: string) => new URL(url).origin;

interface RawAnswer {
  status: number;
  body: string;
}

/**
 * Reads applications from the Argo CD REST API (`/api/v1/applications`) with the endpoint's bearer
 * token, within GITOPS_TIMEOUT_MS. Redirects are not followed (the token stays with the server it
 * was given for). A server with a certificate nobody vouches for is reached only when the endpoint
 * says verifyTls: false; global fetch cannot skip verification per request, so node:https does it.
 */
@Injectable()
export class ArgocdClient {
  constructor(private readonly config: AppConfig) {}

  async listApplications(target: ArgocdTarget): Promise<ArgocdApplicationDto[]> {
    const body = await this.getJson(target, '/api/v1/applications');
    // Argo CD answers `"items": null` when there are none.
    const items = (body as { items?: unknown } | null)?.items ?? [];
    if (!Array.isArray(items)) throw upstreamFailure(UPSTREAM_UNAVAILABLE, `Argo CD at ${origin(target.url)} answered an application list without items`);
    return items.map(toApplication);
  }

  async getApplication(target: ArgocdTarget, name: string): Promise<ArgocdApplicationDto> {
    return toApplication(await this.getJson(target, `/api/v1/applications/${encodeURIComponent(name)}`, name));
  }

  private async getJson(target: ArgocdTarget, path: string, applicationName?: string): Promise<unknown> {
    const server = origin(target.url);
    const answer = await this.get(target, path).catch((error: unknown) => {
      throw error instanceof AppError ? error : unreachable(server, error, this.config.gitops.timeoutMs);
    });
    const { status } = answer;
    if (status === 401 || status === 403) {
      const what = applicationName ? `the token, or the token may not read application "${applicationName}" (or it does not exist)` : 'the token';
      throw upstreamFailure(UPSTREAM_UNAUTHORIZED, `Argo CD at ${server} refused ${what} (HTTP ${status})`, status);
    }
    if (status === 404 && applicationName) throw upstreamFailure(APPLICATION_NOT_FOUND, `Argo CD at ${server} has no application "${applicationName}"`, status);
    if (status >= 300 && status < 400) throw upstreamFailure(UPSTREAM_UNAVAILABLE, `Argo CD at ${server} redirected (HTTP ${status}); give the API server's own URL`, status);
    if (status < 200 || status >= 300) throw upstreamFailure(UPSTREAM_UNAVAILABLE, `Argo CD at ${server} answered HTTP ${status}`, status);
    try {
      return JSON.parse(answer.body) as unknown;
    } catch {
      throw upstreamFailure(UPSTREAM_UNAVAILABLE, `Argo CD at ${server} answered something other than JSON`, status);
    }
  }

  private async get(target: ArgocdTarget, path: string): Promise<RawAnswer> {
    const url = target.url + path;
    const headers = { authorization: `Bearer ${target.token}`, accept: 'application/json' };
    const timeoutMs = this.config.gitops.timeoutMs;
    if (!target.verifyTls && url.startsWith('https:')) return insecureGet(url, headers, timeoutMs);
    const res = await fetch(url, { headers, redirect: 'manual', signal: AbortSignal.timeout(timeoutMs) });
    return { status: res.status, body: await readLimited(res, origin(url)) };
  }
}

function tooLarge(server: string): AppError {
  return upstreamFailure(UPSTREAM_UNAVAILABLE, `Argo CD at ${server} answered more than ${MAX_BODY_BYTES / 1024 / 1024} MiB`);
}

async function readLimited(res: Response, server: string): Promise<string> {
  if (Number(res.headers.get('content-length')) > MAX_BODY_BYTES) {
    await res.body?.cancel();
    throw tooLarge(server);
  }
  if (!res.body) return '';
  const chunks: Uint8Array[] = [];
  let size = 0;
  for await (const chunk of res.body as AsyncIterable<Uint8Array>) {
    size += chunk.byteLength;
    if (size > MAX_BODY_BYTES) throw tooLarge(server);
    chunks.push(chunk);
  }
  return Buffer.concat(chunks).toString('utf8');
}

/** A GET that accepts any server certificate, for endpoints configured with verifyTls: false. */
function insecureGet(url: string, headers: Record<string, string>, timeoutMs: number): Promise<RawAnswer> {
  return new Promise((resolve, reject) => {
    const req = httpsRequest(url, { method: 'GET', headers, rejectUnauthorized: false, signal: AbortSignal.timeout(timeoutMs) }, (res) => {
      const chunks: Buffer[] = [];
      let size = 0;
      res.on('data', (chunk: Buffer) => {
        size += chunk.length;
        if (size > MAX_BODY_BYTES) req.destroy(tooLarge(origin(url)));
        else chunks.push(chunk);
      });
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8') }));
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end();
  });
}

/** Why the server could not be asked, in words that hold no request data. */
function unreachable(server: string, error: unknown, timeoutMs: number): AppError {
  const name = (error as { name?: string } | null)?.name;
  if (name === 'TimeoutError' || name === 'AbortError') return upstreamFailure(UPSTREAM_UNAVAILABLE, `Argo CD at ${server} did not answer within ${timeoutMs} ms`);
  const cause = (error as { cause?: { code?: unknown } } | null)?.cause;
  const code = typeof cause?.code === 'string' ? cause.code : (error as { code?: unknown } | null)?.code;
  return upstreamFailure(UPSTREAM_UNAVAILABLE, `Argo CD at ${server} could not be reached${typeof code === 'string' && /^[A-Z0-9_]+$/.test(code) ? ` (${code})` : ''}`);
}

const text = (value: unknown): string | null => (typeof value === 'string' && value !== '' ? value : null);

type Source = { repoURL?: unknown; path?: unknown; chart?: unknown; targetRevision?: unknown };
type ArgoApplication = {
  metadata?: { name?: unknown; namespace?: unknown };
  spec?: { project?: unknown; destination?: { server?: unknown; name?: unknown; namespace?: unknown }; source?: Source; sources?: Source[] };
  status?: { sync?: { status?: unknown; revision?: unknown; revisions?: unknown[] }; health?: { status?: unknown }; reconciledAt?: unknown };
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
