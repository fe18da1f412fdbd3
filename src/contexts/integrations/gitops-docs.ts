/** How the GitOps routes document that they exist only with GITOPS_ENABLED=true. */
export const GITOPS_OFF = {
  sentence: '404 when GitOps is off (GITOPS_ENABLED is not true): the route then answers ROUTE_NOT_FOUND, as if absent.',
  response: [404, 'GitOps is off (GITOPS_ENABLED is not true): ROUTE_NOT_FOUND, as for an absent route'] as [number, string],
};

export const GITOPS_OFF_OR_MISSING = (resource: string): [number, string] => [
  404,
  `The ${resource} does not exist in this organization (NOT_FOUND), or GitOps is off (ROUTE_NOT_FOUND, as for an absent route)`,
];
