export type OrganizationTier = 'standard' | 'premium';

/** Which rate-limit tier an organization is on. Declared here, implemented by the tenancy context. */
export abstract class OrganizationTiers {
  abstract tierOf(organizationId: string): Promise<OrganizationTier>;
}
