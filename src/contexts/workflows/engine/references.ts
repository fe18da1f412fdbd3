import { canonicalJson } from '../../../kernel/audit/audit-chain.js';

/** What references in a step's inputs can name: the run's inputs and the outputs of settled nodes. */
export interface ReferenceScope {
  inputs: Record<string, unknown>;
  outputs: ReadonlyMap<string, unknown>;
}

const WHOLE = /^\$\{([^}]+)\}$/;
const EMBEDDED = /\$\{([^}]+)\}/g;
/** `${secrets.<key>}`: a workspace secret, put in only where a step sends it (an http step's headers), never stored with the step. */
export const SECRET_REFERENCE = /\$\{secrets\.([A-Za-z][A-Za-z0-9_.-]{0,127})\}/g;
const isSecret = (expression: string) => expression.trim().startsWith('secrets.');

/** `nodes.<id>.output[.path]` or `inputs[.path]`; path segments are keys or array indexes. */
function lookup(expression: string, scope: ReferenceScope): unknown {
  const parts = expression.trim().split('.');
  let value: unknown;
  let rest: string[];
  if (parts[0] === 'inputs') {
    value = scope.inputs;
    rest = parts.slice(1);
  } else if (parts[0] === 'nodes' && parts[2] === 'output') {
    value = scope.outputs.get(parts[1]);
    rest = parts.slice(3);
  } else return undefined;
  for (const key of rest) {
    // Own properties only: `constructor` or `__proto__` must not reach into the prototype.
    if (value === null || typeof value !== 'object' || !Object.hasOwn(value, key)) return undefined;
    value = (value as Record<string, unknown>)[key];
  }
  return value;
}

/**
 * The inputs with every `${...}` reference replaced. A string that is one reference becomes the
 * referenced value itself (object, number, missing); a reference inside text is written into it
 * (objects as JSON, missing as nothing). Nothing is evaluated: a reference only names a value.
 * Secret references stay as they are: the step that sends them resolves them at the last moment.
 */
export function resolveReferences(value: unknown, scope: ReferenceScope): unknown {
  if (typeof value === 'string') {
    const whole = WHOLE.exec(value);
    if (whole) return isSecret(whole[1]) ? value : lookup(whole[1], scope);
    return value.replace(EMBEDDED, (reference, expression: string) => {
      if (isSecret(expression)) return reference;
      const found = lookup(expression, scope);
      if (found === undefined || found === null) return '';
      return typeof found === 'object' ? JSON.stringify(found) : `${found as string | number | boolean}`;
    });
  }
  if (Array.isArray(value)) return value.map((v) => resolveReferences(v, scope));
  if (value && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) {
      const resolved = resolveReferences(v, scope);
      if (resolved !== undefined) out[k] = resolved;
    }
    return out;
  }
  return value;
}

export type ConditionOp = 'eq' | 'ne' | 'gt' | 'lt' | 'in' | 'exists';

const same = (a: unknown, b: unknown) => a === b || (a !== undefined && b !== undefined && canonicalJson(a) === canonicalJson(b));

/**
 * A condition step's comparison. Equality is by value (objects by content); gt and lt compare two
 * numbers or two strings, and anything else is a mistake the step reports rather than a false.
 */
export function compare(left: unknown, op: ConditionOp, right: unknown): { result: boolean } | { error: string } {
  switch (op) {
    case 'exists':
      return { result: left !== undefined && left !== null };
    case 'eq':
      return { result: same(left, right) };
    case 'ne':
      return { result: !same(left, right) };
    case 'in':
      return Array.isArray(right) ? { result: right.some((r) => same(left, r)) } : { error: 'in needs an array on the right' };
    case 'gt':
    case 'lt': {
      const comparable = (typeof left === 'number' && typeof right === 'number') || (typeof left === 'string' && typeof right === 'string');
      if (!comparable) return { error: `${op} compares two numbers or two strings; got ${kind(left)} and ${kind(right)}` };
      return { result: op === 'gt' ? left > right : left < right };
    }
  }
}

function kind(value: unknown): string {
  if (value === undefined) return 'nothing';
  if (value === null) return 'null';
  return Array.isArray(value) ? 'an array' : `a ${typeof value}`;
}
