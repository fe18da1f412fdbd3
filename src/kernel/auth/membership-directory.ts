/**
 * What other contexts need to know about memberships, without importing tenancy (which itself
 * builds on identity and access). Declared here, implemented by the tenancy context.
 */
export abstract class MembershipDirectory {
  /** The user's default organization (the oldest membership), or null if it has none. */
  abstract defaultOrganizationOf(userId: string): Promise<string | null>;

  abstract isMember(organizationId: string, userId: string): Promise<boolean>;
}
