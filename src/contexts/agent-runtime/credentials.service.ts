import { Injectable } from '@nestjs/common';
import { validationFailed } from '../../kernel/http/kernel.errors.js';
import { type Page, pageOf, requestedSort } from '../../kernel/pagination/page.js';
import { AgentsService, EnrollmentService } from '../agents/index.js';
import { ApiKeysService } from '../identity/index.js';
import type { CredentialDto, ListCredentialsQuery } from './dto/credential.dto.js';

const SORTABLE = new Set(['createdAt', 'lastUsedAt', 'expiresAt', 'name', 'kind', 'state']);

const hint = (prefix: string, id: string) => `${prefix}_${id.replace(/-/g, '').slice(0, 8)}…`;

/**
 * One view over every kind of credential an organization has issued, from the contexts that own
 * them: API keys (identity), agent secrets and enrollment tokens (agents). Never a secret.
 */
@Injectable()
export class CredentialsService {
  constructor(
    private readonly apiKeys: ApiKeysService,
    private readonly agents: AgentsService,
    private readonly enrollment: EnrollmentService,
  ) {}

  async list(organizationId: string, query: ListCredentialsQuery): Promise<Page<CredentialDto>> {
    const all: CredentialDto[] = [];
    if (!query.kind || query.kind === 'api_key') {
      for (const k of await this.apiKeys.all(organizationId)) {
        all.push({
          id: k.id,
          kind: 'api_key',
          name: k.name,
          hint: hint('mk', k.id),
          state: k.status,
          ownerId: k.createdBy,
          createdAt: k.createdAt.toISOString(),
          lastUsedAt: k.lastUsedAt?.toISOString() ?? null,
          expiresAt: k.expiresAt?.toISOString() ?? null,
        });
      }
    }
    if (!query.kind || query.kind === 'agent_secret') {
      for (const a of await this.agents.all(organizationId)) {
        all.push({
          id: a.id,
          kind: 'agent_secret',
          name: a.name,
          hint: hint('mas', a.id),
          state: a.status === 'revoked' ? 'revoked' : 'active',
          ownerId: a.createdBy,
          createdAt: a.createdAt.toISOString(),
          lastUsedAt: a.lastSeenAt?.toISOString() ?? null,
          expiresAt: null,
        });
      }
    }
    if (!query.kind || query.kind === 'enrollment_token') {
      for (const t of await this.enrollment.all(organizationId)) {
        all.push({
          id: t.id,
          kind: 'enrollment_token',
          name: t.environmentId ? `environment ${t.environmentId}` : 'organization',
          hint: hint('met', t.id),
          state: t.state,
          ownerId: t.createdBy,
          createdAt: t.createdAt.toISOString(),
          lastUsedAt: t.lastUsedAt?.toISOString() ?? null,
          expiresAt: t.expiresAt.toISOString(),
        });
      }
    }
    let items = all;
    if (query.state) items = items.filter((c) => c.state === query.state);
    if (query.q) {
      const q = query.q.toLowerCase();
      items = items.filter((c) => c.name.toLowerCase().includes(q));
    }
    items.sort(comparator(requestedSort(query) ?? '-createdAt'));
    return pageOf(items, query);
  }
}

function comparator(sort: string): (a: CredentialDto, b: CredentialDto) => number {
  const fields = sort.split(',').map((f) => ({ name: f.replace(/^-/, ''), desc: f.startsWith('-') }));
  for (const f of fields) {
    if (!SORTABLE.has(f.name))
      throw validationFailed([{ field: 'sort', message: `sort must use the fields ${[...SORTABLE].join(', ')}`, code: 'INVALID_SORT' }]);
  }
  return (a, b) => {
    for (const f of fields) {
      const [x, y] = [a[f.name as keyof CredentialDto] ?? '', b[f.name as keyof CredentialDto] ?? ''];
      if (x !== y) return (x < y ? -1 : 1) * (f.desc ? -1 : 1);
    }
    return a.id.localeCompare(b.id);
  };
}
