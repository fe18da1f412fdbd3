import { randomBytes } from 'node:crypto';

/** A URL-safe slug for an organization name; a random suffix keeps it unique without a lookup loop. */
export function slugify(name: string, withSuffix = false): string {
  const base =
    name
      .normalize('NFKD')
      .replace(/[\u0300-\u036f]/g, '')
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 48) || 'org';
  return withSuffix ? `${base}-${randomBytes(3).toString('hex')}` : base;
}
