import type { OpenAPIObject } from '@nestjs/swagger';
import type { ParameterRef } from './standard-headers.js';

const METHODS = ['get', 'put', 'post', 'delete', 'patch', 'options', 'head'] as const;

/** An operation as the document writer reads it. */
export type Operation = {
  operationId?: string;
  summary?: string;
  tags?: string[];
  security?: Record<string, string[]>[];
  parameters?: ({ in: string; name: string; [field: string]: unknown } | ParameterRef)[];
  requestBody?: unknown;
  responses: Record<string, unknown>;
  [extension: `x-${string}`]: unknown;
};

/** Every operation of the document with its path and method. */
export function operations(document: OpenAPIObject): { path: string; method: string; op: Operation }[] {
  const out: { path: string; method: string; op: Operation }[] = [];
  for (const [path, item] of Object.entries(document.paths)) {
    for (const method of METHODS) {
      const op = (item as Record<string, Operation | undefined>)[method];
      if (op) out.push({ path, method, op });
    }
  }
  return out;
}
