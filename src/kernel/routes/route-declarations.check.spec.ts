import { AUDIT_SPEC } from '../audit/audited.decorator.js';
import { IS_PUBLIC } from '../auth/public.decorator.js';
import { BODY_LIMIT } from '../http/body-limit.js';
import { ANY_PRINCIPAL, REQUIRED_PERMISSION } from '../auth/require-permission.decorator.js';
import { RouteDeclarationsCheck } from './route-declarations.check.js';
import type { RouteHandler, RouteInventory } from './route-inventory.js';

const route = (method: string, meta: Record<string, unknown>, handler = 'handle'): RouteHandler => ({
  controller: 'ThingsController',
  handler,
  method,
  paths: ['/api/v1/things'],
  meta: <T>(key: string) => meta[key] as T | undefined,
});

const check =
  (...routes: RouteHandler[]) =>
  () =>
    new RouteDeclarationsCheck({ handlers: () => routes } as unknown as RouteInventory).onApplicationBootstrap();

describe('RouteDeclarationsCheck', () => {
  test('accepts routes that say who may call them and what their trail says', () => {
    expect(
      check(
        route('GET', { [REQUIRED_PERMISSION]: 'thing.read' }),
        route('GET', { [ANY_PRINCIPAL]: 'self' }),
        route('POST', { [IS_PUBLIC]: true, [AUDIT_SPEC]: { notAudited: 'login' } }),
        route('DELETE', { [REQUIRED_PERMISSION]: 'thing.delete', [AUDIT_SPEC]: { action: 'thing.delete', resourceType: 'thing' } }),
      ),
    ).not.toThrow();
  });

  test('refuses to start over a route with no permission declaration, naming it', () => {
    expect(check(route('GET', {}, 'listThings'))).toThrow(
      /GET \/api\/v1\/things \(ThingsController\.listThings\): declare @RequirePermission/,
    );
  });

  test('refuses to start over a mutating route with no audit declaration', () => {
    expect(check(route('PUT', { [REQUIRED_PERMISSION]: 'thing.edit' }, 'putThing'))).toThrow(/PUT .*putThing.*@Audited/);
  });

  test('refuses a larger body limit on an open route, which would read it before anyone is authenticated', () => {
    const audited = { [AUDIT_SPEC]: { notAudited: 'x' } };
    expect(check(route('POST', { [IS_PUBLIC]: true, [BODY_LIMIT]: '8mb', ...audited }, 'upload'))).toThrow(/upload.*@BodyLimit/);
    expect(check(route('POST', { [REQUIRED_PERMISSION]: 'thing.edit', [BODY_LIMIT]: '8mb', ...audited }))).not.toThrow();
  });
});
