/**
 * Type-checked, never run: a program written against the SDK that a third-party generator
 * (@hey-api/openapi-ts) makes from the committed openapi/openapi.json. `npm run openapi:check`
 * generates that SDK into a temporary directory (it is not committed), points `./generated/` at it
 * and runs `tsc --noEmit` over this file: a document another tool cannot turn into a usable client
 * fails the check. The `@ts-expect-error` lines hold the generated types to the document's rules: a
 * generator that degraded them to `any` or `unknown` would make those lines an error.
 */
import { createClient, createConfig } from './generated/client/index.js';
import { createApiKey, listJobs, listMyOrganizations, login, submitJob, type JobDto } from './generated/index.js';

export async function smoke(baseUrl: string, email: string, password: string): Promise<void> {
  const client = createClient(createConfig({ baseUrl }));

  const session = await login({ client, body: { email, password }, throwOnError: true });
  const accessToken: string = session.data.data.accessToken;
  // @ts-expect-error the login body requires a password
  await login({ client, body: { email } });

  const authed = createClient(createConfig({ baseUrl, headers: { authorization: `Bearer ${accessToken}` } }));

  const organizations = await listMyOrganizations({ client: authed, throwOnError: true });
  const names: string[] = organizations.data.data.map((organization) => organization.name);

  const jobs = await listJobs({ client: authed, query: { type: 'deploy', pageSize: 50 }, throwOnError: true });
  const queued: JobDto[] = jobs.data.data.filter((job) => job.status === 'queued');
  const next: string | null | undefined = jobs.data.meta.cursor.next;

  const job = await submitJob({
    client: authed,
    headers: { 'Idempotency-Key': crypto.randomUUID() },
    body: { type: 'deploy', payload: { service: 'billing' }, priority: 5 },
    throwOnError: true,
  });
  const jobId: string = job.data.data.id;
  // @ts-expect-error submitting a job requires an Idempotency-Key
  await submitJob({ client: authed, body: { type: 'deploy' } });

  const key = await createApiKey({ client: authed, body: { name: 'ci', permissions: ['job.read'] } });
  if (key.error) {
    const code: string = key.error.error.code;
    console.error(code);
  } else if (key.data) {
    const secret: string = key.data.data.secret;
    const keyId: string = key.data.data.apiKey.id;
    console.error(secret.length, keyId);
  }

  console.error(names, queued.length, next, jobId);
}
