import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * Holds every error answer the e2e traffic sees to the document: an operation answers only the
 * error codes it declares (the `enum` on `error.code` of its response at that status). The typed
 * client and `raw` of test/support go through `checkErrorCodes`, so any suite that meets an
 * undeclared code fails at that request.
 */

type ErrorSchema = { allOf?: { properties?: { error?: { properties?: { code?: { enum?: string[] } } } } }[] };
type Responses = Record<string, { content?: Record<string, { schema?: ErrorSchema }> }>;
// Read here, not from contract.ts or server.ts, which import this module.
const DOCUMENT = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'openapi', 'openapi.json');
const paths = (JSON.parse(readFileSync(DOCUMENT, 'utf8')) as { paths: Record<string, Record<string, { responses: Responses }>> }).paths;

const escape = (literal: string) => literal.replace(/[.*+?^$()|[\]\\]/g, '\\$&');
// Literal paths before templated ones, so /agents/me is not read as /agents/{id}.
const templates = Object.keys(paths)
  .map((template) => ({
    template,
    pattern: new RegExp(
      `^${template
        .split(/\{[^}]+\}/)
        .map(escape)
        .join('[^/]+')}$`,
    ),
    holes: (template.match(/\{/g) ?? []).length,
  }))
  .sort((a, b) => a.holes - b.holes);

/** The codes the document declares for `method template` at `status`, or undefined when it does not document the status. */
export function declaredErrorCodes(method: string, template: string, status: number): string[] | undefined {
  const response = paths[template]?.[method.toLowerCase()]?.responses[String(status)];
  if (!response) return undefined;
  return response.content?.['application/json']?.schema?.allOf?.[1]?.properties?.error?.properties?.code?.enum ?? [];
}

/** Why this error answer breaks the document, or null when it keeps to it (or no operation matches: an unmatched route). */
export function undeclaredErrorCode(method: string, path: string, status: number, body: unknown): string | null {
  if (status < 400) return null;
  const code = (body as { error?: { code?: unknown } } | undefined)?.error?.code;
  if (typeof code !== 'string') return null;
  const match = templates.find((t) => t.pattern.test(path) && paths[t.template][method.toLowerCase()]);
  if (!match) return null;
  const declared = declaredErrorCodes(method, match.template, status);
  if (declared === undefined) return `${method} ${match.template} answered ${status} ${code}, a status its operation does not declare`;
  if (!declared.includes(code))
    return `${method} ${match.template} answered ${status} ${code}; its operation declares only ${declared.join(', ')} at ${status}`;
  return null;
}

export class UndeclaredErrorCode extends Error {
  override name = 'UndeclaredErrorCode';
}

/** `fetch`, failing on an error answer whose code the operation does not declare. */
export function checkErrorCodes(fetchImpl: typeof fetch = fetch): typeof fetch {
  return async (input, init) => {
    const response = await fetchImpl(input, init);
    if (response.status >= 400 && response.headers.get('content-type')?.includes('application/json')) {
      const request = input instanceof Request ? input : undefined;
      const method = init?.method ?? request?.method ?? 'GET';
      const url = new URL(request?.url ?? (input instanceof URL ? input.href : input));
      const body: unknown = await response
        .clone()
        .json()
        .catch(() => undefined);
      const problem = undeclaredErrorCode(method.toUpperCase(), url.pathname, response.status, body);
      if (problem) throw new UndeclaredErrorCode(problem);
    }
    return response;
  };
}
