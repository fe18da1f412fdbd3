import { sleep } from '../backoff.js';
import type { Logger } from '../log.js';
import type { AgentApi } from '../server-api.js';
import type { SecretBackend } from './backend.js';

/** The server takes up to 5 000 secrets per call. */
const BATCH = 5000;

/**
 * Reports what the backend holds (never values) at start and then every `intervalSeconds`, until
 * `signal` aborts. A failed round is logged and tried again at the next one.
 */
export async function discoverSecrets(
  api: AgentApi,
  backend: SecretBackend,
  cluster: string,
  intervalSeconds: number,
  log: Logger,
  signal: AbortSignal,
): Promise<void> {
  while (!signal.aborted) {
    try {
      const found = await backend.list();
      for (let i = 0; i < found.length; i += BATCH) {
        await api.reportSecrets(
          found.slice(i, i + BATCH).map((s) => ({
            clusterName: cluster,
            namespace: s.namespace,
            provider: backend.provider,
            ref: s.ref,
            version: s.version,
            status: 'present',
          })),
        );
      }
      log.info('secrets reported', { cluster, count: found.length });
    } catch (error) {
      log.warn('could not report secrets; will try again', { error, retryInSeconds: intervalSeconds });
    }
    await sleep(intervalSeconds * 1000, signal);
  }
}
