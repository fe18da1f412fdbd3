import { randomBytes } from 'node:crypto';
import type { HttpClient } from '../support/http.js';

const hex = () => randomBytes(3).toString('hex');

/** A new project with one repository whose source comes by upload (or by `git push`); answers both ids. */
export async function newRepository(
  http: HttpClient,
  options: { token?: string; project?: string; name?: string; sourceType?: 'upload' | 'git-upload' } = {},
): Promise<{ id: string; projectId: string }> {
  const { token } = options;
  const project = (await http.post('/api/v1/projects', { body: { name: `${options.project ?? 'Scanned'} ${hex()}` }, token }).expect(201))
    .data;
  const repo = (
    await http
      .post('/api/v1/projects/{id}/repositories', {
        params: { id: project.id },
        body: { name: options.name ?? `repo-${hex()}`, sourceType: options.sourceType ?? 'upload' },
        token,
      })
      .expect(201)
  ).data;
  return { id: repo.id, projectId: project.id };
}
