/**
 * A small program against the SDK that @hey-api/openapi-ts generates from openapi/openapi.json:
 * `npm run openapi:check` generates it into a temporary folder (./generated here) and type-checks
 * this file with tsc, so a change to the document that breaks a third-party generated client
 * (a type that no longer says what the server sends, an operation that disappears) fails CI.
 * It is compiled, never run.
 */
import { createClient } from './generated/client/index.js';
import { createApiKey, listJobs, login, submitJob } from './generated/index.js';
import type { CreatedApiKeyDto, JobDto, TokenPairDto } from './generated/index.js';

export async function smoke(baseUrl: string, email: string, password: string): Promise<{ jobs: JobDto[]; key: CreatedApiKeyDto; token: TokenPairDto }> {
  const anonymous = createClient({ baseUrl });
  const signedIn = await login({ client: anonymous, body: { email, password }, throwOnError: true });
  const token: TokenPairDto = signedIn.data.data;

  const client = createClient({ baseUrl, auth: () => token.accessToken });
  const page = await listJobs({ client, query: { status: ['failed'], pageSize: 50 }, throwOnError: true });
  const jobs: JobDto[] = page.data.data;
  const next: string | null | undefined = page.data.meta.cursor?.next;

  const submitted = await submitJob({
    client,
    headers: { 'Idempotency-Key': `smoke-${next ?? 'first'}` },
    body: { type: 'http-check', payload: { url: 'https://example.com' } },
    throwOnError: true,
  });
  const queued: JobDto = submitted.data.data;

  const created = await createApiKey({ client, body: { name: `ci ${queued.id}`, permissions: ['job.read'] }, throwOnError: true });
  const key: CreatedApiKeyDto = created.data.data;
  return { jobs, key, token };
}
