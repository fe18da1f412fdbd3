/**
 * The one thing identity needs from tenancy: which organization a user acts in by default.
 * Declared here and implemented by the tenancy context, so identity does not import tenancy
 * (which itself builds on identity's users).
 */
export abstract class MembershipDirectory {
  /** The user's default organization (the oldest membership), or null if it has none. */
  abstract defaultOrganizationOf(userId: string): Promise<string | null>;
}
