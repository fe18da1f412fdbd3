import { randomBytes, randomUUID } from 'node:crypto';
import { raw } from './contract.js';
import type { TestServer } from './server.js';

/** Builders for the principals and resources suites need, through the public API only. */

export const uniqueEmail = (prefix = 'user') => `${prefix}-${randomBytes(4).toString('hex')}@marshal.test`;

const bearer = (token: string, workspace?: string) => ({
  authorization: `Bearer ${token}`,
  ...(workspace ? { 'x-workspace-id': workspace } : {}),
});

/**
 * Throws with the response when a setup call does not answer as expected. Changes carry an
 * Idempotency-Key, so that the builders work against a server with IDEMPOTENCY_REQUIRED=true.
 */
async function call(t: TestServer, token: string, method: string, path: string, json?: unknown, workspace?: string, expected = [200, 201, 204]) {
  const headers = { ...bearer(token, workspace), ...(method === 'GET' ? {} : { 'idempotency-key': randomUUID() }) };
  const res = await raw(t.baseUrl, path, { method, headers, json });
  if (!expected.includes(res.status)) throw new Error(`${method} ${path} answered ${res.status}: ${res.text}`);
  return res.body;
}

export async function roleIdByKey(t: TestServer, token: string, key: string, workspace?: string): Promise<string> {
  const body = await call(t, token, 'GET', `/api/v1/roles?q=${encodeURIComponent(key)}&pageSize=100`, undefined, workspace);
  const role = (body.data as { id: string; key: string }[]).find((r) => r.key === key);
  if (!role) throw new Error(`no role ${key}`);
  return role.id;
}

export async function createRole(t: TestServer, token: string, name: string, permissions: string[], workspace?: string): Promise<string> {
  return (await call(t, token, 'POST', '/api/v1/roles', { name, permissions }, workspace)).data.id as string;
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
  const created = await call(t, inviterToken, 'POST', '/api/v1/invitations', { email, roleIds }, workspace);
  const accept = await raw(t.baseUrl, `/api/v1/invitations/${created.data.invitation.id}/accept`, {
    method: 'POST',
    json: { token: created.data.acceptToken, password, displayName: 'Test member' },
  });
  if (accept.status !== 200) throw new Error(`accept answered ${accept.status}: ${accept.text}`);
  const { accessToken, refreshToken } = await t.login(email, password);
  return { userId: accept.body.data.userId, email, password, accessToken, refreshToken };
}

/**
 * A second organization with an owner who belongs to it alone: the "other tenant" of isolation
 * tests. The server owner creates it, invites the new owner, then leaves it be.
 */
export async function otherOrganization(t: TestServer, ownerToken: string): Promise<{ organizationId: string; owner: Member }> {
  const org = await call(t, ownerToken, 'POST', '/api/v1/organizations', { name: `Other ${randomBytes(3).toString('hex')}` });
  const organizationId = org.data.id as string;
  const owner = await addMember(t, ownerToken, ['owner'], organizationId);
  // The new owner's login lands in their only organization.
  return { organizationId, owner };
}

export async function mintApiKey(t: TestServer, token: string, body: { name?: string; permissions?: string[]; expiresAt?: string } = {}, workspace?: string): Promise<{ id: string; secret: string }> {
  const res = await call(t, token, 'POST', '/api/v1/api-keys', { name: body.name ?? `key-${randomBytes(3).toString('hex')}`, ...body }, workspace);
  return { id: res.data.apiKey.id as string, secret: res.data.secret as string };
}
