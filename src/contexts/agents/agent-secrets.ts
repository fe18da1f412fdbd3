/**
 * Agent secrets and enrollment tokens carry the id of their row, so a lookup is one indexed read
 * and the secret part is compared against its SHA-256 in constant time:
 * `mas_<agent id, 32 hex>_<secret>` and `met_<token id, 32 hex>_<secret>`.
 */
const FORMAT = /^(mas|met)_([0-9a-f]{32})_([A-Za-z0-9_-]{43})$/;

export type SecretKind = 'mas' | 'met';

export function formatSecret(kind: SecretKind, id: string, secret: string): string {
  return `${kind}_${id.replace(/-/g, '')}_${secret}`;
}

export function parseSecret(kind: SecretKind, presented: string): { id: string; secret: string } | null {
  const match = FORMAT.exec(presented.trim());
  if (!match || match[1] !== kind) return null;
  const hex = match[2];
  return { id: `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`, secret: match[3] };
}
