/**
 * Every tag an operation may carry, with what it groups: published as the document's top-level
 * `tags`, in this order (Swagger UI lists them so). An operation whose tag is missing here makes the
 * document unfit to publish (documentProblems).
 */
export const API_TAGS: Readonly<Record<string, string>> = {
  Health: 'Liveness, readiness, the engine status and the metrics: for load balancers, orchestrators and operators.',
  Identity: 'Signing in and out, sessions and tokens, and the caller’s own profile and memberships.',
  'API keys': 'Long-lived credentials for automation, each limited to permissions its creator holds.',
  Tenancy: 'Organizations, their members, teams and invitations, settings and workspace secrets.',
  Platform: 'Operations across organizations, for platform administrators only.',
  Access: 'Roles, permissions and who holds them (RBAC).',
  Audit: 'The tamper-evident trail of every change, its signed checkpoints and the keys that verify them.',
  Events: 'Domain events as a stream (SSE, WebSocket) and as a paged outbox.',
  Agents: 'Enrolling, listing, editing and revoking the remote agents that carry work out.',
  'Agent protocol': 'What an agent calls with its own secret: register, heartbeat, claim work and report on it.',
  'Agent runtime': 'The fleet as operators watch it: agents, queues and failures at a glance.',
  Jobs: 'Units of work queued for agents: submit, follow, cancel, and their results.',
  Projects: 'The projects that group environments and their secrets.',
  Environments: 'Deployment environments, the clusters they span and their freeze windows.',
  'Access requests': 'Just-in-time secret access: ask for a secret, have it approved, receive it wrapped for you alone.',
  Secrets: 'Secrets agents discovered in clusters, as references; values never pass through here.',
  'Approval policies': 'Which approval workflow a request needs, by project, environment, cluster and ref.',
  'Approval workflows': 'The stages of approval a request goes through, and who may decide each.',
  Approvals: 'Decisions waiting for the caller.',
  'Workflow definitions': 'Versioned graphs of steps (approvals, jobs, HTTP calls, waits, conditions), validated before use.',
  'Workflow runs': 'Runs of a definition: start, follow, pause, resume, cancel; their steps, logs and artifacts.',
  'Code repositories': 'Repositories of projects for code scanning, their source as immutable snapshots (uploaded archives), its tree and its files.',
  'Code scans':
    "Scans of repositories' snapshots by scanner agents, or imported SARIF logs, with their progress events; a project's scans, findings and events across its repositories.",
  'Code findings':
    'What scans report, kept across scans by fingerprint (an edit above a finding keeps it the same), fixed when a newer scan no longer sees it, and triaged by people.',
  'Code scanning sessions (legacy)':
    'The older upload-then-analyze workflow, kept for existing clients: a session is an uploaded archive with a repository and scans of its own, and answers what they answer. New code uses repositories and scans.',
  'Code scanning operations':
    "The quotas code scanning holds uploads, snapshots and scans to (the configuration's, or the platform operator's per-organization overrides), its scanner agents, and cleanup of stale artifacts on demand.",
  Billing: "Metered usage (scans, the bytes they read, their running time) and its cost from the configuration's price table.",
  GitOps: 'Argo CD endpoints and the mapping of their applications to the secrets they use.',
  Webhooks: 'Signed callbacks from external executors.',
};
