/**
 * Entry point of the Marshal reference agent (`npm run agent -- --help`). It reads its options,
 * obtains its credentials, then runs the Agent until SIGTERM/SIGINT (exit 0) or until the server
 * refuses its credentials (exit 2). Everything it logs is a JSON line on stderr.
 */
import { hostname } from 'node:os';
import { Agent, EXIT_CREDENTIALS_REFUSED } from './agent.js';
import { obtainCredentials } from './credentials.js';
import { builtInHandlers, HANDLER_TYPES } from './handlers/index.js';
import { createLogger, hideSecret, setLogLevel } from './log.js';
import { parseOptions, USAGE, UsageError } from './options.js';
import { Backoff, sleep } from './backoff.js';
import { SCAN_JOB_TYPE, scanHandler } from './handlers/scan.js';
import { agentKeyPair, secretHandlers } from './handlers/secrets.js';
import { DirectoryBackend } from './secrets/directory-backend.js';
import { discoverSecrets } from './secrets/discovery.js';
import { AgentApi, CredentialsRefused, RequestRejected, ServerUnavailable } from './server-api.js';

const VERSION = '0.1.0';
/** Until the first heartbeat answers with the server's own. */
const DEFAULT_HEARTBEAT_SECONDS = 10;
const EXIT_USAGE = 1;

const log = createLogger({ component: 'marshal-agent' });

async function main(): Promise<number> {
  const options = parseOptions(process.argv.slice(2), process.env, HANDLER_TYPES);
  if (options === 'help') {
    process.stdout.write(USAGE);
    return 0;
  }
  setLogLevel(options.logLevel);
  hideSecret(options.enrollmentToken);
  hideSecret(options.agentSecret);

  // A signal during registration just stops; once running, the agent drains its jobs first.
  const startup = new AbortController();
  let agent: Agent | undefined = undefined;
  const onSignal = (signal: NodeJS.Signals) => (agent ? agent.shutdown(signal) : startup.abort());
  process.on('SIGTERM', onSignal);
  process.on('SIGINT', onSignal);

  const host = hostname().slice(0, 255);
  const credentials = await obtainCredentials(options, options.capabilities, VERSION, host, log, startup.signal);
  if (!credentials) return 0;
  hideSecret(credentials.agentSecret);

  const api = new AgentApi(options.server, credentials.agentId, credentials.agentSecret);
  const agentLog = log.with({ agentId: credentials.agentId });
  const handlers = builtInHandlers(options.allowCommands);
  handlers.set(SCAN_JOB_TYPE, scanHandler(api.scans));
  const discovery = new AbortController();
  let discovering: Promise<void> = Promise.resolve();
  if (options.secretsDir) {
    const backend = new DirectoryBackend(options.secretsDir);
    const keys = agentKeyPair();
    await untilServerAnswers(() => api.setPublicKey(keys.publicKey), startup.signal);
    if (startup.signal.aborted) return 0;
    for (const [type, handler] of secretHandlers(api, backend, options.cluster, keys.privateKey)) handlers.set(type, handler);
    discovering = discoverSecrets(api, backend, options.cluster, options.discoverIntervalSeconds, agentLog, discovery.signal);
  }

  agent = new Agent(
    api,
    {
      concurrency: options.concurrency,
      graceSeconds: options.graceSeconds,
      heartbeatIntervalSeconds: credentials.timing?.heartbeatIntervalSeconds ?? DEFAULT_HEARTBEAT_SECONDS,
      handlers,
      capabilities: options.capabilities,
      version: VERSION,
      hostname: host,
    },
    agentLog,
  );
  const code = await agent.run();
  discovery.abort();
  await discovering;
  return code;
}

/** Retries a start-up call while the server is down (backoff with jitter); anything else ends the agent. */
async function untilServerAnswers(call: () => Promise<void>, signal: AbortSignal): Promise<void> {
  const backoff = new Backoff();
  while (!signal.aborted) {
    try {
      return await call();
    } catch (error) {
      if (!(error instanceof ServerUnavailable)) throw error;
      const delay = backoff.next();
      log.warn('server unavailable; will try again', { error, retryInMs: delay });
      await sleep(delay, signal);
    }
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    if (error instanceof UsageError) {
      process.stderr.write(`${error.message}\n\n${USAGE}`);
      process.exit(EXIT_USAGE);
    }
    if (error instanceof CredentialsRefused) {
      log.error('the server refused the credentials (enrollment token invalid, expired or rotated; or agent revoked)', { error });
      process.exit(EXIT_CREDENTIALS_REFUSED);
    }
    const hint =
      error instanceof RequestRejected && error.status === 409
        ? 'an agent with this --name exists already: pick another, or use its credentials'
        : undefined;
    log.error('agent failed', { error, hint });
    process.exit(EXIT_USAGE);
  },
);
