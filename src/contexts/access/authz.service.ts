import { Injectable } from '@nestjs/common';
import { AuditWriter } from '../../kernel/audit/audit-writer.js';
import type { Principal } from '../../kernel/auth/principal.js';
import { forbidden } from '../../kernel/http/kernel.errors.js';
import { AccessService, type ResourceScope } from './access.service.js';
import type { AuthzCheckDto, AuthzDecisionDto } from './dto/authz.dto.js';

/** Permission checks for callers deciding what to show or allow: one, or up to 100 at once. */
@Injectable()
export class AuthzService {
  constructor(
    private readonly access: AccessService,
    private readonly audit: AuditWriter,
  ) {}

  /** `batch`: the checks came as `checks[]`, which is where a bad one is reported. */
  async checkAll(caller: Principal, checks: AuthzCheckDto[], batch: boolean): Promise<AuthzDecisionDto[]> {
    this.access.assertKnown(
      checks.map((c) => c.permission),
      (i) => (batch ? `checks[${i}].permission` : 'permission'),
    );
    const others = [...new Set(checks.map((c) => c.principalId).filter((id): id is string => Boolean(id) && id !== caller.id))];
    if (others.length > 0) {
      if (!(await this.access.has(caller, 'authz.check'))) {
        // Refused like any route's permission: recorded as a denial.
        await this.audit.record({
          organizationId: caller.organizationId,
          action: 'authz.denied',
          outcome: 'denied',
          details: { permission: 'authz.check', checked: others },
        });
        throw forbidden("Checking another principal's permissions needs authz.check");
      }
      for (const id of others) await this.access.assertMember(caller.organizationId, id);
    }
    // One permission read per (principal, scope), however many checks share it.
    const memo = new Map<string, Promise<Set<string>>>();
    const permissionsFor = (principalId: string, scope: ResourceScope) => {
      const key = `${principalId}|${scope.projectId ?? ''}|${scope.environmentId ?? ''}`;
      let found = memo.get(key);
      if (!found) {
        found =
          principalId === caller.id
            ? this.access.permissionsOf(caller, scope)
            : this.access.userPermissions(caller.organizationId, principalId, scope);
        memo.set(key, found);
      }
      return found;
    };
    return Promise.all(
      checks.map(async (c) => {
        const principalId = c.principalId ?? caller.id;
        const scope = { projectId: c.projectId ?? null, environmentId: c.environmentId ?? null };
        return {
          permission: c.permission,
          principalId,
          principalType: principalId === caller.id ? caller.type : 'user',
          allowed: (await permissionsFor(principalId, scope)).has(c.permission),
          projectId: scope.projectId,
          environmentId: scope.environmentId,
        };
      }),
    );
  }
}
