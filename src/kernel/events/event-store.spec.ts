import { matches } from './event-store.js';

const event = (resourceType: string, resourceId: string) => ({ organizationId: 'org', type: 'scan.queued', resourceType, resourceId });

describe('an event filter over several resources', () => {
  const filter = {
    organizationId: 'org',
    resources: [
      { type: 'repository', id: 'r1' },
      { type: 'scan', id: 's1' },
    ],
  };

  test('selects the events of each resource named, by type and id together', () => {
    expect(matches(filter, event('repository', 'r1'))).toBe(true);
    expect(matches(filter, event('scan', 's1'))).toBe(true);
    // The same id under another type is another resource.
    expect(matches(filter, event('scan', 'r1'))).toBe(false);
    expect(matches(filter, event('scan', 's2'))).toBe(false);
    expect(matches({ ...filter, organizationId: 'other' }, event('scan', 's1'))).toBe(false);
  });

  test('selects nothing when the list is empty', () => {
    expect(matches({ organizationId: 'org', resources: [] }, event('scan', 's1'))).toBe(false);
  });
});
