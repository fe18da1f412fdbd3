/** The command line and environment, checked up front so a typo fails at start, not at the first job. */
import { hostname } from 'node:os';
import { parseArgs } from 'node:util';
import type { LogLevel } from './log.js';

export const USAGE = `Marshal reference agent: claims jobs from a Marshal server and runs them.

Usage: npm run agent -- [options]

Credentials (one of):
  --enrollment-token <met_…>   register a new agent (env MARSHAL_ENROLLMENT_TOKEN)
  --agent-id <uuid> --agent-secret <mas_…>
                               act as an agent minted with POST /api/v1/agents
                               (env MARSHAL_AGENT_ID, MARSHAL_AGENT_SECRET)
  --state-file <path>          where a registration keeps its id and secret (mode 0600);
                               reused on the next start, so a restart is the same agent

Options:
  --server <url>               the Marshal server (env MARSHAL_URL; default http://127.0.0.1:3000)
  --name <name>                the agent's name when registering (default: the host name)
  --labels k=v,k=v             labels jobs can select on when registering
  --capabilities a,b           job types to claim, reported to the server at registration and
                               with every heartbeat, where they replace the agent's capabilities
                               (default: every built-in handler; shell only with --allow-command,
                               secret.read and secret.patch only with --secrets-dir, scan only when listed)
  --allow-command ls,echo      programs the shell handler may run (exact names; repeatable)
  --secrets-dir <path>         serve secret.read and secret.patch from a directory, one file per
                               secret (<ref>, or <namespace>/<ref>); reported to the server as
                               discovered secrets (env MARSHAL_SECRETS_DIR)
  --cluster <name>             the cluster those secrets belong to (default: the agent's name)
  --discover-interval <s>      how often to report them again (default 300)
  --concurrency <n>            jobs run at once (default 1, max 50)
  --grace-seconds <s>          on SIGTERM/SIGINT, how long running jobs may take to finish
                               before they are failed as AGENT_SHUTDOWN and re-queued (default 20)
  --log-level debug|info|warn|error   (default info; JSON lines on stderr)
  --help

Prefer the environment for secrets: the command line is visible to other users of the host.
Exit codes: 0 stopped on a signal, 1 bad options or a refused request, 2 credentials refused (revoked).
`;

export const DEFAULT_SERVER = 'http://127.0.0.1:3000';
const NAME = /^[A-Za-z0-9][A-Za-z0-9_.-]{0,99}$/;
const JOB_TYPE = /^[a-z][a-z0-9_.-]{0,99}$/;
const LOG_LEVELS = ['debug', 'info', 'warn', 'error'];

export class UsageError extends Error {
  override name = 'UsageError';
}

export interface AgentOptions {
  server: string;
  enrollmentToken?: string;
  agentId?: string;
  agentSecret?: string;
  stateFile?: string;
  name: string;
  labels: Record<string, string>;
  capabilities: string[];
  allowCommands: Set<string>;
  secretsDir?: string;
  cluster: string;
  discoverIntervalSeconds: number;
  concurrency: number;
  graceSeconds: number;
  logLevel: LogLevel;
}

const list = (value: string | string[] | undefined): string[] =>
  (Array.isArray(value) ? value : value === undefined ? [] : [value])
    .flatMap((v) => v.split(','))
    .map((s) => s.trim())
    .filter(Boolean);

function integer(name: string, value: string | undefined, fallback: number, min: number, max: number): number {
  if (value === undefined) return fallback;
  const n = Number(value);
  if (!Number.isInteger(n) || n < min || n > max) throw new UsageError(`--${name} must be a whole number from ${min} to ${max}`);
  return n;
}

function parseLabels(value: string | undefined): Record<string, string> {
  const labels: Record<string, string> = {};
  for (const pair of list(value)) {
    const at = pair.indexOf('=');
    if (at <= 0) throw new UsageError(`--labels: "${pair}" is not key=value`);
    labels[pair.slice(0, at).trim()] = pair.slice(at + 1).trim();
  }
  return labels;
}

/** The host name, made into a valid agent name. */
function defaultName(): string {
  const name = hostname()
    .replace(/[^A-Za-z0-9_.-]/g, '-')
    .replace(/^[^A-Za-z0-9]+/, '')
    .slice(0, 100);
  return name || 'agent';
}

function serverUrl(value: string): string {
  try {
    const url = new URL(value);
    if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new Error();
    return url.toString().replace(/\/+$/, '');
  } catch {
    throw new UsageError(`--server: "${value}" is not an http(s) URL`);
  }
}

/** `handlerTypes`: the job types this build can run, for the default and the check of --capabilities. */
export function parseOptions(argv: string[], env: NodeJS.ProcessEnv, handlerTypes: string[]): AgentOptions | 'help' {
  let values;
  try {
    ({ values } = parseArgs({
      args: argv,
      strict: true,
      allowPositionals: false,
      options: {
        server: { type: 'string' },
        'enrollment-token': { type: 'string' },
        'agent-id': { type: 'string' },
        'agent-secret': { type: 'string' },
        'state-file': { type: 'string' },
        name: { type: 'string' },
        labels: { type: 'string' },
        capabilities: { type: 'string' },
        'allow-command': { type: 'string', multiple: true },
        'secrets-dir': { type: 'string' },
        cluster: { type: 'string' },
        'discover-interval': { type: 'string' },
        concurrency: { type: 'string' },
        'grace-seconds': { type: 'string' },
        'log-level': { type: 'string' },
        help: { type: 'boolean' },
      },
    }));
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
  if (values.help) return 'help';

  const agentId = values['agent-id'] ?? env.MARSHAL_AGENT_ID;
  const agentSecret = values['agent-secret'] ?? env.MARSHAL_AGENT_SECRET;
  if (Boolean(agentId) !== Boolean(agentSecret)) throw new UsageError('--agent-id and --agent-secret go together');
  const enrollmentToken = values['enrollment-token'] ?? env.MARSHAL_ENROLLMENT_TOKEN;
  if (!agentId && !enrollmentToken && !values['state-file']) {
    throw new UsageError(
      'No credentials: pass --enrollment-token, or --agent-id with --agent-secret, or a --state-file from an earlier registration',
    );
  }

  const name = values.name ?? defaultName();
  if (!NAME.test(name)) throw new UsageError('--name must be 1-100 letters, digits, _ . -, starting with a letter or digit');

  const allowCommands = new Set(list(values['allow-command']));
  const secretsDir = values['secrets-dir'] ?? env.MARSHAL_SECRETS_DIR;
  const cluster = values.cluster ?? name;
  if (!NAME.test(cluster)) throw new UsageError('--cluster must be 1-100 letters, digits, _ . -, starting with a letter or digit');
  // An agent that would refuse every shell (or secret) job should not claim them: leave them to one that can run them.
  // Scans are opt-in (--capabilities scan): they bring a repository's source onto this host.
  const defaults = handlerTypes.filter(
    (type) => type !== 'scan' && (type !== 'shell' || allowCommands.size > 0) && (!type.startsWith('secret.') || secretsDir),
  );
  const capabilities = values.capabilities === undefined ? defaults : list(values.capabilities);
  for (const capability of capabilities) {
    if (capability !== '*' && !JOB_TYPE.test(capability)) throw new UsageError(`--capabilities: "${capability}" is not a job type`);
    if (capability !== '*' && !handlerTypes.includes(capability)) {
      throw new UsageError(`--capabilities: no handler for "${capability}" (this agent runs ${handlerTypes.join(', ')})`);
    }
    if (capability.startsWith('secret.') && !secretsDir) throw new UsageError(`--capabilities: ${capability} needs --secrets-dir`);
  }

  const logLevel = values['log-level'] ?? 'info';
  if (!LOG_LEVELS.includes(logLevel)) throw new UsageError(`--log-level must be one of ${LOG_LEVELS.join(', ')}`);

  return {
    server: serverUrl(values.server ?? env.MARSHAL_URL ?? DEFAULT_SERVER),
    enrollmentToken,
    agentId,
    agentSecret,
    stateFile: values['state-file'],
    name,
    labels: parseLabels(values.labels),
    capabilities,
    allowCommands,
    secretsDir,
    cluster,
    discoverIntervalSeconds: integer('discover-interval', values['discover-interval'], 300, 5, 86_400),
    concurrency: integer('concurrency', values.concurrency, 1, 1, 50),
    graceSeconds: integer('grace-seconds', values['grace-seconds'], 20, 0, 86_400),
    logLevel: logLevel as LogLevel,
  };
}
