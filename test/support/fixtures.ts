import { randomBytes, randomUUID } from 'node:crypto';
import type { MarshalSchemas } from '../../client/index.js';
import type { TestServer } from './server.js';

/** Builders for the principals and resources suites need, through the public API only (the typed client). */

export const uniqueEmail = (prefix = 'user') => `${prefix}-${randomBytes(4).toString('hex')}@marshal.test`;

/**
 * The headers a set-up call sends besides its token: the organization it acts in, and for changes
 * an Idempotency-Key, so that the builders work against a server with IDEMPOTENCY_REQUIRED=true.
 */
const change = (workspace?: string) => ({ 'Idempotency-Key': randomUUID(), ...(workspace ? { 'x-workspace-id': workspace } : {}) });

/** The answer's data, or an error naming the call and what it answered. */
function answered<T>(what: string, result: { data?: T; error?: unknown; response: Response }): T {
  if (result.data === undefined) throw new Error(`${what} answered ${result.response.status}: ${JSON.stringify(result.error)}`);
  return result.data;
}

export async function roleIdByKey(t: TestServer, token: string, key: string, workspace?: string): Promise<string> {
  const body = answered(
    'GET /api/v1/roles',
    await t
      .as(token)
      .GET('/api/v1/roles', { params: { query: { q: key, pageSize: 100 }, header: workspace ? { 'x-workspace-id': workspace } : {} } }),
  );
  const role = body.data.find((r) => r.key === key);
  if (!role) throw new Error(`no role ${key}`);
  return role.id;
}

export async function createRole(t: TestServer, token: string, name: string, permissions: string[], workspace?: string): Promise<string> {
  return answered(
    'POST /api/v1/roles',
    await t.as(token).POST('/api/v1/roles', { params: { header: change(workspace) }, body: { name, permissions } }),
  ).data.id;
}

export interface Member {
  userId: string;
  email: string;
  password: string;
  accessToken: string;
  refreshToken: string;
}

/**
 * Invites a new user into the organization `inviterToken` acts in (or `workspace`), with the roles
 * named by key or id, accepts, and logs the user in. With no roles the member holds no permission.
 */
export async function addMember(t: TestServer, inviterToken: string, roles: string[] = [], workspace?: string): Promise<Member> {
  const roleIds: string[] = [];
  for (const r of roles) roleIds.push(/^[0-9a-f-]{36}$/.test(r) ? r : await roleIdByKey(t, inviterToken, r, workspace));
  const email = uniqueEmail();
  const password = `pw-${randomBytes(9).toString('base64url')}`;
  // expiresInHours is optional (the document lists only email and roleIds as required), but the generated
  // type makes a property with a default required: left out, as before, the server's 168 h apply.
  const invitation = { email, roleIds } as MarshalSchemas['CreateInvitationDto'];
  const created = answered(
    'POST /api/v1/invitations',
    await t.as(inviterToken).POST('/api/v1/invitations', { params: { header: change(workspace) }, body: invitation }),
  ).data;
  const accepted = answered(
    'POST /api/v1/invitations/{id}/accept',
    await t.api.POST('/api/v1/invitations/{id}/accept', {
      params: { path: { id: created.invitation.id } },
      body: { token: created.acceptToken, password, displayName: 'Test member' },
    }),
  ).data;
  const { accessToken, refreshToken } = await t.login(email, password);
  return { userId: accepted.userId, email, password, accessToken, refreshToken };
}

/**
 * A second organization with an owner who belongs to it alone: the "other tenant" of isolation
 * tests. The server owner creates it, invites the new owner, then leaves it be.
 */
export async function otherOrganization(t: TestServer, ownerToken: string): Promise<{ organizationId: string; owner: Member }> {
  const org = answered(
    'POST /api/v1/organizations',
    await t
      .as(ownerToken)
      .POST('/api/v1/organizations', { params: { header: change() }, body: { name: `Other ${randomBytes(3).toString('hex')}` } }),
  );
  const organizationId = org.data.id;
  const owner = await addMember(t, ownerToken, ['owner'], organizationId);
  // The new owner's login lands in their only organization.
  return { organizationId, owner };
}

export async function mintApiKey(
  t: TestServer,
  token: string,
  body: { name?: string; permissions?: string[]; expiresAt?: string } = {},
  workspace?: string,
): Promise<{ id: string; secret: string }> {
  const res = answered(
    'POST /api/v1/api-keys',
    await t.as(token).POST('/api/v1/api-keys', {
      params: { header: change(workspace) },
      body: { name: body.name ?? `key-${randomBytes(3).toString('hex')}`, ...body },
    }),
  );
  return { id: res.data.apiKey.id, secret: res.data.secret };
}
