import type { FieldError } from '../../kernel/http/app-error.js';
import { isPrivateHost } from '../../kernel/outbound/private-addresses.js';
import { validateJson } from './json-schema.js';
import { stepType } from './step-types.js';

// The literal-host SSRF rule lives with the outbound client in the kernel; the definition spec imports it from here.
export { isPrivateHost };

/** A node as a definition stores it, defaults filled in. */
export interface WorkflowNode {
  id: string;
  type: string;
  inputs: Record<string, unknown>;
  dependsOn: string[];
  retry: { maxAttempts: number; backoffSeconds: number };
  /** How long one attempt may take; null leaves it to the step type (e.g. a wait's own duration). */
  timeoutSeconds: number | null;
}

export const NODE_ID = /^[a-z][a-z0-9_-]{0,62}$/;

/** `${nodes.<id>.output...}` in a string input: a reference to an earlier node's output. */
const REFERENCE = /\$\{nodes\.([a-z][a-z0-9_-]{0,62})\.([^}]*)\}/g;

/**
 * Checks a definition's graph and each node's inputs, and says where each problem is: every error's
 * field is `nodes[<index>]...`. The shape of each node (id pattern, retry bounds) is the DTO's to
 * check; this is what a DTO cannot see. Codes:
 *  - DUPLICATE_NODE_ID   a second node with an id already used (the first one counts);
 *  - UNKNOWN_STEP_TYPE   a type not in the registry (GET /step-types);
 *  - INVALID_INPUT       inputs not matching the step type's schema, at the input's path;
 *  - UNKNOWN_DEPENDENCY  dependsOn naming no node of the definition;
 *  - UNKNOWN_REFERENCE   a `${nodes.<id>...}` reference to a node that is not an ancestor, so whose
 *                        output cannot exist yet when this node runs;
 *  - CYCLE               a node on a dependency cycle (each one reported, the message names the cycle);
 *  - UNREACHABLE         a node outside any cycle that depends, directly or transitively, on a node
 *                        of a cycle: it could never start. With acyclic dependsOn every node is
 *                        reachable from a root (a node with no dependencies), so cycles are the only
 *                        cause.
 */
export function validateDefinitionGraph(nodes: readonly WorkflowNode[]): FieldError[] {
  const errors: FieldError[] = [];
  const at = (i: number, rest = '') => `nodes[${i}]${rest}`;

  const indexById = new Map<string, number>();
  nodes.forEach((node, i) => {
    if (indexById.has(node.id)) {
      errors.push({
        field: at(i, '.id'),
        message: `node id "${node.id}" is already used by nodes[${indexById.get(node.id)}]`,
        code: 'DUPLICATE_NODE_ID',
      });
    } else indexById.set(node.id, i);
  });

  // Edges of the graph: node index -> indexes of the nodes it depends on (known ones only).
  const deps: number[][] = nodes.map((node, i) => {
    const out: number[] = [];
    node.dependsOn.forEach((dep, j) => {
      const target = indexById.get(dep);
      if (target === undefined)
        errors.push({ field: at(i, `.dependsOn[${j}]`), message: `"${dep}" is not a node of this definition`, code: 'UNKNOWN_DEPENDENCY' });
      else if (!out.includes(target)) out.push(target);
    });
    return out;
  });

  nodes.forEach((node, i) => {
    const type = stepType(node.type);
    if (!type) {
      errors.push({
        field: at(i, '.type'),
        message: `"${node.type}" is not a step type (GET /api/v1/step-types lists them)`,
        code: 'UNKNOWN_STEP_TYPE',
      });
      return;
    }
    const inputErrors = validateJson(type.inputSchema, node.inputs, at(i, '.inputs'));
    errors.push(...inputErrors);
    if (inputErrors.length === 0) errors.push(...stepRules(node, at(i, '.inputs')));
  });

  const cycles = stronglyConnectedCycles(deps);
  const onCycle = new Set(cycles.flat());
  for (const cycle of cycles) {
    const path = cyclePath(cycle, deps).map((i) => nodes[i].id);
    for (const i of cycle)
      errors.push({ field: at(i, '.dependsOn'), message: `"${nodes[i].id}" is on a dependency cycle: ${path.join(' → ')}`, code: 'CYCLE' });
  }

  // Nodes that wait, directly or transitively, on a node of a cycle.
  const blocked = new Map<number, boolean>();
  const isBlocked = (i: number, seen = new Set<number>()): boolean => {
    if (blocked.has(i)) return blocked.get(i)!;
    if (seen.has(i)) return false;
    seen.add(i);
    const result = deps[i].some((d) => onCycle.has(d) || isBlocked(d, seen));
    blocked.set(i, result);
    return result;
  };
  nodes.forEach((node, i) => {
    if (!onCycle.has(i) && isBlocked(i))
      errors.push({
        field: at(i, '.dependsOn'),
        message: `"${node.id}" can never start: it waits on a node of a dependency cycle`,
        code: 'UNREACHABLE',
      });
  });

  // References to outputs: only an ancestor's output exists when a node runs.
  nodes.forEach((node, i) => {
    if (onCycle.has(i)) return;
    const ancestors = ancestorsOf(i, deps);
    for (const { path, value } of strings(node.inputs, at(i, '.inputs'))) {
      for (const [, ref] of value.matchAll(REFERENCE)) {
        const target = indexById.get(ref);
        if (target === undefined || !ancestors.has(target)) {
          errors.push({
            field: path,
            message: `"${ref}" is not a node that "${node.id}" depends on, so its output is not available here`,
            code: 'UNKNOWN_REFERENCE',
          });
        }
      }
    }
  });

  return errors;
}

/** Rules of a step type beyond its schema. */
function stepRules(node: WorkflowNode, path: string): FieldError[] {
  const inputs = node.inputs;
  if (node.type === 'condition') {
    if (inputs.op === 'exists' && inputs.right !== undefined)
      return [{ field: `${path}.right`, message: 'exists takes no right operand', code: 'INVALID_INPUT' }];
    if (inputs.op !== 'exists' && inputs.right === undefined)
      return [{ field: `${path}.right`, message: `${String(inputs.op)} needs a right operand`, code: 'INVALID_INPUT' }];
    if (inputs.op === 'in' && !Array.isArray(inputs.right))
      return [{ field: `${path}.right`, message: 'in needs an array as its right operand', code: 'INVALID_INPUT' }];
  }
  if (node.type === 'job' && inputs.selector !== undefined && inputs.targetAgentId !== undefined) {
    return [{ field: `${path}.targetAgentId`, message: 'give a selector or a targetAgentId, not both', code: 'INVALID_INPUT' }];
  }
  if (node.type === 'http' && inputs.allowPrivate !== true && isPrivateHost(new URL(inputs.url as string).hostname)) {
    return [
      {
        field: `${path}.url`,
        message: 'loopback, link-local and private targets are refused unless allowPrivate is true',
        code: 'PRIVATE_TARGET',
      },
    ];
  }
  return [];
}

/** The strongly connected components that are cycles (two nodes or more, or a node depending on itself), by Tarjan. */
function stronglyConnectedCycles(deps: number[][]): number[][] {
  let counter = 0;
  const index = new Map<number, number>();
  const low = new Map<number, number>();
  const stack: number[] = [];
  const onStack = new Set<number>();
  const out: number[][] = [];
  const visit = (v: number) => {
    index.set(v, counter);
    low.set(v, counter++);
    stack.push(v);
    onStack.add(v);
    for (const w of deps[v]) {
      if (!index.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v)!, low.get(w)!));
      } else if (onStack.has(w)) low.set(v, Math.min(low.get(v)!, index.get(w)!));
    }
    if (low.get(v) === index.get(v)) {
      const component: number[] = [];
      let w: number;
      do {
        w = stack.pop()!;
        onStack.delete(w);
        component.push(w);
      } while (w !== v);
      if (component.length > 1 || deps[v].includes(v)) out.push(component.sort((x, y) => x - y));
    }
  };
  deps.forEach((_, v) => index.has(v) || visit(v));
  return out.sort((x, y) => x[0] - y[0]);
}

/** One concrete cycle through a component, from its first node back to it: a → b → a. */
function cyclePath(component: number[], deps: number[][]): number[] {
  const members = new Set(component);
  const path = [component[0]];
  const seen = new Map([[component[0], 0]]);
  for (;;) {
    const next = deps[path[path.length - 1]].find((d) => members.has(d))!;
    if (seen.has(next)) return [...path.slice(seen.get(next)), next];
    seen.set(next, path.length);
    path.push(next);
  }
}

function ancestorsOf(i: number, deps: number[][]): Set<number> {
  const out = new Set<number>();
  const todo = [...deps[i]];
  while (todo.length) {
    const d = todo.pop()!;
    if (out.has(d)) continue;
    out.add(d);
    todo.push(...deps[d]);
  }
  return out;
}

/** Every string inside a JSON value, with its path. */
function strings(value: unknown, path: string): { path: string; value: string }[] {
  if (typeof value === 'string') return [{ path, value }];
  if (Array.isArray(value)) return value.flatMap((v, i) => strings(v, `${path}[${i}]`));
  if (value && typeof value === 'object') return Object.entries(value).flatMap(([k, v]) => strings(v, `${path}.${k}`));
  return [];
}
