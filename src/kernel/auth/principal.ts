export type PrincipalType = 'user' | 'api_key' | 'agent';

/** Who is calling, and the one organization the request acts in. */
export interface Principal {
  type: PrincipalType;
  /** The user's, API key's or agent's id. */
  id: string;
  organizationId: string;
  /** For users: the session the access token belongs to. */
  sessionId?: string;
  /**
   * For credentials that act for a user (API keys): that user. The credential never holds more
   * than the user holds now.
   */
  onBehalfOf?: string;
  /** For such credentials: the subset of the user's permissions they may use (null: all of them). */
  permissionLimit?: string[] | null;
  /**
   * For agents: the job types it runs (`*` or none: any), read with its secret, so that the agent
   * protocol needs no second read of the agent (a long-polling claim filters its wake-ups by them).
   */
  capabilities?: string[];
}
