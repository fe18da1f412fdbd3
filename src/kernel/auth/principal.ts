export type PrincipalType = 'user' | 'api_key' | 'agent';

/** Who is calling, and the one organization the request acts in. */
export interface Principal {
  type: PrincipalType;
  /** The user's, API key's or agent's id. */
  id: string;
  organizationId: string;
  /** For users: the session the access token belongs to. */
  sessionId?: string;
}
