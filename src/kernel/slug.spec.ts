import { slugify } from './slug.js';

test('slugify makes URL-safe slugs, with an optional random suffix', () => {
  expect(slugify('Ünïcode & Co. — Ops Team!')).toBe('unicode-co-ops-team');
  expect(slugify('***')).toBe('org');
  expect(slugify('Acme', true)).toMatch(/^acme-[0-9a-f]{6}$/);
});
