import type { AnyErrorFactory } from '../../kernel/http/app-error.js';
import { notFound, routeNotFound } from '../../kernel/http/kernel.errors.js';

/** How the GitOps routes document that they exist only with GITOPS_ENABLED=true. */
export const GITOPS_OFF = {
  sentence: '404 when GitOps is off (GITOPS_ENABLED is not true): the route then answers ROUTE_NOT_FOUND, as if absent.',
  response: [routeNotFound, 'GitOps is off (GITOPS_ENABLED is not true): as for an absent route'] as [AnyErrorFactory, string],
};

export const GITOPS_OFF_OR_MISSING = (resource: string): [AnyErrorFactory, string][] => [
  [notFound, `The ${resource} does not exist in this organization`],
  GITOPS_OFF.response,
];
