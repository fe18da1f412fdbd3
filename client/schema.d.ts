/**
 * Generated from openapi/openapi.json by `npm run openapi`. Do not edit.
 */

export interface paths {
    "/.well-known/engine-status": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Version, commit, uptime, database and migration state */
        get: operations["getEngineStatus"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/.well-known/jwks.json": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Public keys that verify access tokens (JWKS) */
        get: operations["getJwks"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/agent-runtime/agents": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Agents with the work they hold
         * @description The agent list (same filters) with each agent's held job count.
         */
        get: operations["listRuntimeAgents"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/agent-runtime/failures": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Failed and expired jobs
         * @description Newest first; retry one with POST /api/v1/agent-runtime/job-failures/{id}/retry.
         */
        get: operations["listRuntimeFailures"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/agent-runtime/health": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Health of the agent runtime
         * @description Agents by connectivity, queue totals, recent failures, and what this replica streams.
         */
        get: operations["getRuntimeHealth"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/agent-runtime/job-failures/{id}/retry": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Retry a failed or expired job
         * @description Back in the queue now, with one more attempt. Any other state is 409.
         */
        post: operations["retryJobFailure"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/agent-runtime/outbox-failures/{id}/retry": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Retry a failed outbox delivery
         * @description Events reach streams through the database itself and cannot fail to be published; deliveries that can fail are outbound webhooks. Until webhook subscriptions exist there is no failed delivery, and every id is 404.
         */
        post: operations["retryOutboxFailure"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/agent-runtime/queues": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Queue depth and age per job type */
        get: operations["listRuntimeQueues"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/agent-runtime/smoke": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Test the round trip through an agent
         * @description Queues a `noop` job at top priority and waits (up to timeoutSeconds) for an agent to run it; reports the outcome and round-trip time.
         */
        post: operations["runRuntimeSmokeTest"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/agents": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List the organization's agents
         * @description Never shows a credential. Sort by name, createdAt or lastSeenAt.
         */
        get: operations["listAgents"];
        put?: never;
        /**
         * Mint an agent
         * @description Answers the agent and its secret (for `X-Agent-Secret`), shown this once, with the heartbeat and poll intervals it should keep.
         */
        post: operations["mintAgent"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/agents/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** An agent */
        get: operations["getAgent"];
        /**
         * Edit an agent's name, description, labels or capabilities
         * @description Fields left out keep their value.
         */
        put: operations["updateAgent"];
        post?: never;
        /**
         * Delete an agent
         * @description Its secret stops working at once; jobs it holds go back to the queue, and jobs aimed at it alone are cancelled.
         */
        delete: operations["deleteAgent"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/agents/{id}/dek": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Issue a data key for a read job
         * @description For a secret.read job this agent holds: a fresh AES-256-GCM data key (use once, then forget it) and the same key wrapped by the KMS. Seal the value under the key with `context` as additional data, and post it with the wrapped key (POST /agents/{id}/wraps). See docs/wire-envelope.md.
         */
        post: operations["issueDataKey"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/agents/{id}/heartbeat": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Heartbeat
         * @description Records that the agent is alive and renews the leases of the jobs it holds. The headers say when to beat next and which held jobs were cancelled.
         */
        post: operations["heartbeat"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/agents/{id}/jobs/{jobId}/complete": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Complete a held job
         * @description Ends the attempt its lease names: succeeded, failed (retried with backoff while attempts remain, unless error.retryable is false) or cancelled. Idempotent per attempt: a repeat is answered 204 again. A lease you no longer hold is 409 LEASE_LOST.
         */
        post: operations["completeJob"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/agents/{id}/jobs/{jobId}/progress": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Report a held job's progress
         * @description Marks it running (the first time), renews its lease and streams the progress to its watchers. 409 LEASE_LOST or JOB_CANCELLED: stop the job.
         */
        post: operations["reportJobProgress"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/agents/{id}/jobs/claim": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Claim jobs
         * @description Leases up to `max` queued jobs this agent may run (its capabilities and labels, or aimed at it), highest priority first. With `wait`, answers as soon as one is queued on any replica, or 204 after that many seconds. Each job comes with its lease: send the lease id with progress and completion, and heartbeat to keep it. `cancelJobIds` (also the Marshal-Cancel-Jobs header) lists jobs you hold that were cancelled.
         */
        post: operations["claimJobs"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/agents/{id}/public-key": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /**
         * Set the agent's X25519 public key
         * @description Called by the agent itself. The key seals what Marshal sends it in wire envelopes; a malformed or low-order key is 400.
         */
        put: operations["setAgentPublicKey"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/agents/{id}/revoke": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Revoke an agent
         * @description For good: its next request is 401. Jobs it holds go back to the queue; jobs aimed at it alone are cancelled. It stays listed as revoked.
         */
        post: operations["revokeAgent"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/agents/{id}/secrets/bulk": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Report discovered secrets
         * @description An agent upserts up to 5 000 secrets it found (cluster, namespace, provider, ref, labels, status, version) in one statement. Never a value: any field not listed is refused with 400. The body may be up to 8 MiB.
         */
        post: operations["reportDiscoveredSecrets"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/agents/{id}/task-stream": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Receive jobs over a WebSocket
         * @description Upgrade to a WebSocket. Send `{"type":"ready","slots":N}` to take up to N jobs; each is claimed for you and pushed as `{"type":"job","job":…,"lease":…}` the moment it is queued. Held jobs that get cancelled arrive as `{"type":"cancel","jobIds":[…]}`. Progress, completion and heartbeats stay HTTP calls; claiming over HTTP stays the fallback. A plain GET is 426.
         */
        get: operations["streamAgentTasks"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/agents/{id}/wraps": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Post the value a read job fetched
         * @description Sealed under the data key issued for the job. It must open (422 INVALID_WRAP otherwise); one value per job (409 ALREADY_POSTED). Then complete the job. The requester retrieves it once, before it expires.
         */
        post: operations["postWrap"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/agents/{id}/wraps/{wrapId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Retrieve a patch's new value, once
         * @description For the secret.patch job this agent holds: the value in a wire envelope sealed to the agent's registered X25519 key, bound to `context`. The first retrieval shreds it; any later one is 410 GONE. No public key registered: 409 AGENT_KEY_MISSING.
         */
        get: operations["retrieveAgentWrap"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/agents/register": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Register an agent with an enrollment token
         * @description For agents installing themselves: the enrollment token (from POST /api/v1/edge-agent/enrollment/rotate) names the organization and environment. Answers the new agent and its secret, shown this once. A wrong, expired or rotated token is 401.
         */
        post: operations["registerAgent"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/api-keys": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List the organization's API keys
         * @description Never shows a secret. Filter by status or creator; sort by name, createdAt or lastUsedAt.
         */
        get: operations["listApiKeys"];
        put?: never;
        /**
         * Mint an API key
         * @description The secret is in this response only (and in its replay: a retry with the same Idempotency-Key within 24 h returns this same response, kept encrypted until then). The key acts for you, limited to `permissions` (each held by you) or to all of yours.
         */
        post: operations["createApiKey"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/api-keys/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** An API key's metadata */
        get: operations["getApiKey"];
        put?: never;
        post?: never;
        /**
         * Revoke an API key
         * @description For good: it answers 401 from the next request on, and stays listed as revoked.
         */
        delete: operations["revokeApiKey"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/api-keys/{id}/disable": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Disable an API key
         * @description It answers 401 from the next request on.
         */
        post: operations["disableApiKey"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/argocd-endpoints": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List Argo CD endpoints
         * @description q searches names and URLs; sort by name, createdAt or updatedAt. 404 when GitOps is off (GITOPS_ENABLED is not true): the route then answers ROUTE_NOT_FOUND, as if absent.
         */
        get: operations["listArgocdEndpoints"];
        put?: never;
        /**
         * Add an Argo CD endpoint
         * @description An Argo CD API server and a bearer token to read its applications with. The token is stored encrypted and never returned: responses show hasToken and a fingerprint. Names are unique in the organization (409). 404 when GitOps is off (GITOPS_ENABLED is not true): the route then answers ROUTE_NOT_FOUND, as if absent.
         */
        post: operations["createArgocdEndpoint"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/argocd-endpoints/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /**
         * Delete an Argo CD endpoint
         * @description Only once no app mapping refers to it (409 otherwise, with their count). 404 when GitOps is off (GITOPS_ENABLED is not true): the route then answers ROUTE_NOT_FOUND, as if absent.
         */
        delete: operations["deleteArgocdEndpoint"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/argocd-endpoints/{id}/discovered-apps": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * An Argo CD endpoint's applications
         * @description Asks the endpoint live (GET /api/v1/applications, within GITOPS_TIMEOUT_MS) and records the outcome on it (lastDiscoveryAt, lastError). A disabled endpoint is 409. 404 when GitOps is off (GITOPS_ENABLED is not true): the route then answers ROUTE_NOT_FOUND, as if absent.
         */
        get: operations["discoverArgocdApplications"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/argocd-endpoints/{id}/enabled": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /**
         * Enable or disable an Argo CD endpoint
         * @description A disabled endpoint keeps its mappings; it is neither discovered nor observed. 404 when GitOps is off (GITOPS_ENABLED is not true): the route then answers ROUTE_NOT_FOUND, as if absent.
         */
        put: operations["setArgocdEndpointEnabled"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/audit-credentials": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Audit the organization's credentials
         * @description API keys, agent secrets and enrollment tokens with creation, last use, expiry and state; never a secret. Sort by createdAt, lastUsedAt, expiresAt, name, kind or state.
         */
        get: operations["listAuditCredentials"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/audit-events": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The organization's audit trail
         * @description Newest first. Filter by actor, action (or prefix*), resource (type or type:id), correlation_id and time.
         */
        get: operations["listAuditEvents"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/audit-events/verify": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Verify the organization's audit hash chain
         * @description Recomputes every link in order: an edited, removed or reordered event is reported with its position.
         */
        get: operations["verifyAuditChain"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/audit-logs": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Audit trails of every organization (platform administrators)
         * @description Same filters as /audit-events, plus organization_id.
         */
        get: operations["listPlatformAuditLogs"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/auth/login": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Log in with email and password
         * @description Returns an access token (ES256 JWT) and a single-use refresh token. Every failure answers the same 401; repeated failures for an account or from an address answer 429 with Retry-After until the lockout passes.
         */
        post: operations["login"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/auth/logout": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * End the session
         * @description Revokes the session: its access and refresh tokens stop working at once.
         */
        post: operations["logout"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/auth/me": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The authenticated user */
        get: operations["getAuthenticatedUser"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/auth/refresh": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Exchange a refresh token for a new token pair
         * @description Rotates the refresh token. Presenting an already-used refresh token revokes the whole session.
         */
        post: operations["refreshSession"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/authz/check": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Check one permission
         * @description For yourself, or (with authz.check) for another member; optionally within a project or environment.
         */
        post: operations["checkPermission"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/authz/check-batch": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Check up to 100 permissions at once
         * @description Decisions come back in the order of the checks.
         */
        post: operations["checkPermissions"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/dashboard/stream": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Live feed for the operator dashboard (WebSocket)
         * @description The event stream for dashboards: every event of the organization as it commits, as JSON messages. A plain GET is 426.
         */
        get: operations["streamDashboard"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/edge-agent/enrollment": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The organization's (or an environment's) enrollment token
         * @description Its state, expiry and use; never the token itself.
         */
        get: operations["getEnrollment"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/edge-agent/enrollment/rotate": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Issue a new enrollment token
         * @description Revokes the current one at once (agents already registered keep working) and answers the new token, shown this once.
         */
        post: operations["rotateEnrollment"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/environments": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List environments
         * @description Filter by project, tier or cluster; sort by name, tier or createdAt.
         */
        get: operations["listEnvironments"];
        put?: never;
        /**
         * Create an environment
         * @description In a project, or organization-wide without projectId. Names are unique within their project (or the organization).
         */
        post: operations["createEnvironment"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/environments/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** An environment */
        get: operations["getEnvironment"];
        /**
         * Edit an environment
         * @description Fields left out keep their value.
         */
        put: operations["updateEnvironment"];
        post?: never;
        /**
         * Delete an environment
         * @description Its freeze windows go with it.
         */
        delete: operations["deleteEnvironment"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/environments/{id}/freeze-windows": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * An environment's freeze windows
         * @description Filter active, upcoming or past; sort by startsAt or createdAt.
         */
        get: operations["listFreezeWindows"];
        put?: never;
        /**
         * Declare a freeze window
         * @description Local start and end in an IANA time zone (daylight saving applied); stored with the UTC instants they mean.
         */
        post: operations["createFreezeWindow"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/environments/{id}/freeze-windows/{windowId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** Remove a freeze window */
        delete: operations["deleteFreezeWindow"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/events/outbox": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The event outbox
         * @description Every committed domain event of the organization, newest first, by cursor; filter by type, resource and time.
         */
        get: operations["listOutboxEvents"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/events/stream": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Stream the organization's events (SSE)
         * @description Live domain events as they commit on any replica, filtered by type or resource. Reconnecting with Last-Event-ID resumes right after that event, in commit order, with nothing lost and nothing repeated.
         */
        get: operations["streamEvents"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/events/ws": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Stream the organization's events (WebSocket)
         * @description Upgrade to a WebSocket; each message is a DomainEvent as JSON. Same filters as the SSE stream, plus `after` (an event cursor) to resume. A plain GET is 426.
         */
        get: operations["streamEventsOverWebSocket"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/gitops-app-mappings": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List GitOps app mappings
         * @description Filter by endpoint_id and cluster_name; q searches application names, namespaces and refs; sort by applicationName, clusterName, namespace, ref or createdAt. 404 when GitOps is off (GITOPS_ENABLED is not true): the route then answers ROUTE_NOT_FOUND, as if absent.
         */
        get: operations["listGitopsAppMappings"];
        put?: never;
        /**
         * Map a secret to an Argo CD application
         * @description Ties a secret's location (cluster, namespace, ref: as a discovered secret names it) to an application on an Argo CD endpoint, whose sync and health then show on access requests for that secret. One per (endpoint, application, location): 409 on a repeat. 404 when GitOps is off (GITOPS_ENABLED is not true): the route then answers ROUTE_NOT_FOUND, as if absent.
         */
        post: operations["createGitopsAppMapping"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/gitops-app-mappings/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /**
         * Delete a GitOps app mapping
         * @description 404 when GitOps is off (GITOPS_ENABLED is not true): the route then answers ROUTE_NOT_FOUND, as if absent.
         */
        delete: operations["deleteGitopsAppMapping"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/health": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Liveness (alias of /healthz) */
        get: operations["getApiHealth"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/healthz": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Liveness (alias of /healthz) */
        get: operations["getApiHealthz"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/invitations": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Invite someone to the organization
         * @description With roles whose permissions the inviter holds. The accept token is in this response only; it expires (7 days by default) and works once.
         */
        post: operations["createInvitation"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/invitations/{id}/accept": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Accept an invitation
         * @description Authenticated by the accept token. Adds the membership with the invited roles; creates the account when none exists for the email (password required). 404 for an unknown id or wrong token; 410 once accepted, revoked or expired.
         */
        post: operations["acceptInvitation"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/invitations/{id}/revoke": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Revoke a pending invitation */
        post: operations["revokeInvitation"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/jobs": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List jobs
         * @description Filter by status (one or several), type, agent and creation time; sort by createdAt, queuedAt, completedAt, priority, type or status.
         */
        get: operations["listJobs"];
        put?: never;
        /**
         * Submit a job
         * @description Queues work for an agent: a type (agents claim the types they declare), a payload, and either a target agent or a label selector. Requires an Idempotency-Key: a retry returns the same job instead of queuing it twice.
         */
        post: operations["submitJob"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/jobs/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A job, with its lifecycle */
        get: operations["getJob"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/jobs/{id}/cancel": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Cancel a job
         * @description A queued job is cancelled at once. A running one is marked cancelled and its agent told at its next heartbeat or claim, and on its task stream. Cancelling a cancelled job answers it again; a finished one is 409.
         */
        post: operations["cancelJob"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/jobs/{id}/events": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Stream a job's events (SSE)
         * @description Its past events first (or those after Last-Event-ID), then live ones as they commit on any replica. The stream ends after the job finishes.
         */
        get: operations["streamJobEvents"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/jobs/{id}/usage": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * A job's cost and usage
         * @description The estimate given at submission and the usage agents reported, summed over attempts.
         */
        get: operations["getJobUsage"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/me": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The current user
         * @description The same user as GET /api/v1/auth/me. For an API key: the user it acts for.
         */
        get: operations["getMe"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/me/organizations": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Your organizations
         * @description A user's memberships (act in one with x-workspace-id); an API key's own organization.
         */
        get: operations["listMyOrganizations"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/me/permissions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Your effective permissions in the organization you act in
         * @description Organization-wide permissions, and the role grants behind them (including narrowed ones).
         */
        get: operations["getMyPermissions"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/me/teams": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Your teams in the organization you act in */
        get: operations["listMyTeams"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/my/pending-approvals": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * What I may approve now
         * @description Pending requests, not your own, that you have not decided yet, whose open stage names you or a role you hold (organization-wide, or in the request's project or environment). Soonest to expire first.
         */
        get: operations["listMyPendingApprovals"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/organizations": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Create an organization
         * @description The calling user becomes its owner. Act in it with x-workspace-id. API keys cannot create organizations.
         */
        post: operations["createOrganization"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/organizations/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Get the organization
         * @description The organization the request acts in; any other id is 404.
         */
        get: operations["getOrganization"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/organizations/{id}/audit-logs": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * An organization's audit trail
         * @description The organization the request acts in; any other id is 404.
         */
        get: operations["listOrganizationAuditLogs"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/organizations/{id}/members": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The organization's members */
        get: operations["listOrganizationMembers"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/organizations/{id}/teams": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The organization's teams */
        get: operations["listOrganizationTeams"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/permissions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The permission catalog
         * @description Every permission, with what it allows. Cacheable for 5 minutes; send If-None-Match with the ETag to get 304 when unchanged.
         */
        get: operations["listPermissions"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/platform/secrets": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Platform secrets: names and metadata, never values (platform administrators) */
        get: operations["listPlatformSecrets"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/platform/secrets/{key}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Set a platform secret (platform administrators)
         * @description Encrypted at rest; never returned. 201 when the key is new, 200 when its value is replaced (one more version), as for workspace secrets.
         */
        post: operations["setPlatformSecret"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/platform/settings": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Platform-wide settings (platform administrators) */
        get: operations["getPlatformSettings"];
        /** Replace platform-wide settings (platform administrators) */
        put: operations["putPlatformSettings"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/policies": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List approval policies
         * @description By priority, lowest first.
         */
        get: operations["listApprovalPolicies"];
        put?: never;
        /**
         * Create an approval policy
         * @description A request is decided by the workflow of the policy that matches it: every criterion a policy sets (project, environment, cluster, ref glob) must match; among matching policies the lowest priority wins, then the most specific. The default policy catches the rest; with none, requests are refused (422 NO_APPROVAL_POLICY).
         */
        post: operations["createApprovalPolicy"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/policies/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** An approval policy */
        get: operations["getApprovalPolicy"];
        /**
         * Edit an approval policy
         * @description Requests already awaiting approval keep their workflow.
         */
        put: operations["updateApprovalPolicy"];
        post?: never;
        /** Delete an approval policy */
        delete: operations["deleteApprovalPolicy"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/projects": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List projects
         * @description Filter by status; sort by name, createdAt or updatedAt.
         */
        get: operations["listProjects"];
        put?: never;
        /** Create a project */
        post: operations["createProject"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/projects/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A project */
        get: operations["getProject"];
        /** Edit a project's name or description */
        put: operations["updateProject"];
        post?: never;
        /**
         * Delete a project
         * @description Only once it has no environments (409 otherwise).
         */
        delete: operations["deleteProject"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/projects/{id}/environments": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A project's environments */
        get: operations["listProjectEnvironments"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/projects/{id}/status": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /** Archive or restore a project */
        put: operations["setProjectStatus"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/readyz": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Readiness (alias of /readyz) */
        get: operations["getApiReadyz"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/requests": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List access requests
         * @description Filter by requester_id, status (one or several), kind and secret_id; newest first by default.
         */
        get: operations["listSecretRequests"];
        put?: never;
        /**
         * Ask to patch a secret
         * @description The new value is sealed at once and only the agent ever opens it, once, after the final approval. The policy that matches the secret (project, environment, cluster, ref) names the approval workflow. On the final approval a job goes to the agent of the secret's cluster. Unapproved, the request expires after the workflow's requestTtlSeconds (1 h by default).
         */
        post: operations["createPatchRequest"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/requests/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** An access request, with its approvals */
        get: operations["getSecretRequest"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/requests/{id}/approve": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Approve an access request
         * @description As the authenticated caller, in the stage now open, which must name you or a role you hold. Your own request: 422 SELF_APPROVAL_FORBIDDEN. Not named: 403 NOT_AN_APPROVER. Twice: 409 ALREADY_DECIDED. The Nth approval passes the stage; the last stage passing sends the job to the agent.
         */
        post: operations["approveSecretRequest"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/requests/{id}/cancel": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Withdraw your access request
         * @description Only the requester, only while pending (409 after). A patch's sealed value is shredded.
         */
        post: operations["cancelSecretRequest"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/requests/{id}/gitops": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * How the Argo CD applications using a patched secret are doing
         * @description For a completed patch request: the live sync and health of every Argo CD application mapped to the secret (POST /gitops-app-mappings), asked now. An application that cannot be read is listed with its error. 409 before the patch completed, or for a read request. 404 when GitOps is off (GITOPS_ENABLED).
         */
        get: operations["observeRequestGitops"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/requests/{id}/reject": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Reject an access request
         * @description With a reason. The first rejection decides the request; the same rules as approving apply.
         */
        post: operations["rejectSecretRequest"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/requests/{id}/wraps": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * A read request's values, without the values
         * @description For the requester only (403 otherwise): what there is to retrieve, until when, and what was retrieved.
         */
        get: operations["listRequestWraps"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/requests/{id}/wraps/{wrapId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Retrieve the value, once
         * @description For the requester only (403 otherwise). The first retrieval answers the value (sealed to your key if the request named one) and shreds it; every later one, and any after the wrap expired (15 min by default), is 410 GONE. Of concurrent retrievals exactly one succeeds. The retrieval is audited, never the value.
         */
        get: operations["retrieveRequestWrap"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/requests/read": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Ask to read a secret
         * @description Approved, the agent fetches the value and only you retrieve it, once (GET /requests/{id}/wraps/{wrapId}). The policy that matches the secret (project, environment, cluster, ref) names the approval workflow. On the final approval a job goes to the agent of the secret's cluster. Unapproved, the request expires after the workflow's requestTtlSeconds (1 h by default).
         */
        post: operations["createReadRequest"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/roles": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List roles: the system roles and the organization's custom roles
         * @description Sort by name, key or createdAt.
         */
        get: operations["listRoles"];
        put?: never;
        /**
         * Create a custom role
         * @description Every permission must be in the catalog and held by the caller.
         */
        post: operations["createRole"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/roles/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Get a role */
        get: operations["getRole"];
        put?: never;
        post?: never;
        /**
         * Delete a custom role
         * @description Refused (409) while the role is granted; system roles answer 422 SYSTEM_ROLE_IMMUTABLE.
         */
        delete: operations["deleteRole"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/roles/{id}/permissions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /**
         * Replace a custom role's permissions
         * @description Takes effect on the next request of every holder. Adding or removing a permission needs the caller to hold it. System roles answer 422 SYSTEM_ROLE_IMMUTABLE.
         */
        put: operations["setRolePermissions"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/secrets": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List discovered secrets
         * @description Filter by cluster_name, provider, ref_prefix, status and label=key:value (repeatable); sort by clusterName, ref, firstSeenAt or lastSeenAt.
         */
        get: operations["listDiscoveredSecrets"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/secrets/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A discovered secret */
        get: operations["getDiscoveredSecret"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/step-types": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List step types
         * @description Each with the JSON Schema of a node's inputs.
         */
        get: operations["listStepTypes"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/step-types/{type}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A step type */
        get: operations["getStepType"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/teams": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Create a team
         * @description Optionally with members, who must belong to the organization.
         */
        post: operations["createTeam"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/teams/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Get a team with its members */
        get: operations["getTeam"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/user-roles": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List role grants
         * @description Filter by user, role, project or environment; sort by createdAt.
         */
        get: operations["listRoleGrants"];
        put?: never;
        /**
         * Grant a role to a member
         * @description Organization-wide, or narrowed to a project or environment. The granter must hold every permission of the role in that scope. Takes effect on the next request.
         */
        post: operations["grantRole"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/user-roles/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /**
         * Revoke a role grant
         * @description Takes effect on the next request. The last organization-wide owner cannot be revoked (422 LAST_OWNER).
         */
        delete: operations["revokeRole"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/users/{id}/roles": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A member's role grants */
        get: operations["listUserRoles"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/webhooks/workflow-completed": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Report that an external executor finished a workflow step
         * @description For executors handed a `callback` step. No bearer token: the request is authenticated by `x-agentfield-signature: t=<unix seconds>,v1=<hex>`, where v1 is the lowercase hex HMAC-SHA256, under WORKFLOW_WEBHOOK_SECRET, of `<t>.<x-agentfield-delivery>.<raw body bytes>`; several v1 entries may be sent (secret rotation) and any one may match. t must be within WORKFLOW_WEBHOOK_TOLERANCE_SECONDS (300 by default) of the server clock. The delivery id is kept 24 h: a delivery id received before changes nothing and answers 200 with duplicate: true and the first outcome. A failed callback (404, 409) is not recorded, so its retry is processed afresh. Without WORKFLOW_WEBHOOK_SECRET the route answers 404 ROUTE_NOT_FOUND, as if absent, before any other check. See docs/workflow-callbacks.md.
         */
        post: operations["reportWorkflowCallback"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/workflow-definitions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List workflow definitions
         * @description The same list as GET /workflow-templates.
         */
        get: operations["listWorkflowDefinitions"];
        put?: never;
        /**
         * Create a workflow definition
         * @description The same as POST /workflow-templates: a versioned DAG of nodes, checked whole first (400 VALIDATION_FAILED with each problem at `nodes[<index>]...`).
         */
        post: operations["createWorkflowDefinition"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/workflow-executions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List workflow executions
         * @description The workflow runs as executions (same filters as GET /workflow-runs), newest first.
         */
        get: operations["listWorkflowExecutions"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/workflow-executions/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * A workflow execution
         * @description A workflow run with references to its inputs, outputs and audit evidence, its duration, retries and failure code.
         */
        get: operations["getWorkflowExecution"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/workflow-executions/{id}/cancel": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Cancel a workflow execution
         * @description As POST /workflow-runs/{id}/cancel: its jobs are cancelled and approvals withdrawn. One that already ended is 409.
         */
        post: operations["cancelWorkflowExecution"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/workflow-executions/{id}/retry": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Retry a failed workflow execution
         * @description As POST /workflow-runs/{id}/retry: from where it failed; what succeeded is kept. Only a failed execution (409 otherwise).
         */
        post: operations["retryWorkflowExecution"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/workflow-runs": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List workflow runs
         * @description Filter by status (one or several), definition and creation time; q searches the definition name. Newest first by default.
         */
        get: operations["listWorkflowRuns"];
        put?: never;
        /**
         * Create a workflow run
         * @description Runs a version of a definition (its current one unless `version` is given) with inputs checked against the definition's input schema (400 at `inputs...` otherwise). It starts at once unless `start` is false (then POST /{id}/start). Requires an Idempotency-Key: a retried request answers the same run instead of starting a second.
         */
        post: operations["createWorkflowRun"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/workflow-runs/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * A workflow run
         * @description Its status, inputs, output (once succeeded), failure, and where each step stands.
         */
        get: operations["getWorkflowRun"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/workflow-runs/{id}/cancel": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Cancel a workflow run
         * @description Stops it for good: agent jobs its steps queued are cancelled, pending approvals withdrawn, and every step that had not ended is cancelled. A call in flight finishes, but its outcome is discarded. A run that already ended is 409.
         */
        post: operations["cancelWorkflowRun"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/workflow-runs/{id}/events": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Stream a workflow run's events (SSE)
         * @description Its past events first (or those after Last-Event-ID), then live ones as they commit on any replica: `workflow_run.*` and `workflow_step.*`. The stream ends once the run has ended (succeeded, failed or cancelled) and nothing newer follows.
         */
        get: operations["streamWorkflowRunEvents"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/workflow-runs/{id}/pause": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Pause a workflow run
         * @description No step starts, retries or times out while the run is paused. Work already handed out (an agent job, an approval, a call in flight) carries on; its outcome is recorded, and what follows from it waits for resume. Only a running run pauses (409 otherwise).
         */
        post: operations["pauseWorkflowRun"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/workflow-runs/{id}/resume": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Resume a paused workflow run
         * @description It carries on where it was: due steps start, timers and deadlines that passed meanwhile fire. Only a paused run resumes (409 otherwise).
         */
        post: operations["resumeWorkflowRun"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/workflow-runs/{id}/retry": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Retry a failed workflow run from where it failed
         * @description Steps that succeeded keep their outputs and do not run again; the failed step and those cancelled with it start over, each with its retry policy's attempts afresh. `retriedNodes` lists them. Only a failed run is retried (409 otherwise).
         */
        post: operations["retryWorkflowRun"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/workflow-runs/{id}/start": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Start a pending workflow run
         * @description Its first steps (those depending on nothing) become ready. Only a pending run starts (409 otherwise).
         */
        post: operations["startWorkflowRun"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/workflow-runs/{id}/steps": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * A workflow run's steps
         * @description Every node of the run, in definition order, with its state, inputs (secret-looking values redacted) and output.
         */
        get: operations["listWorkflowRunSteps"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/workflow-runs/{id}/steps/{nodeId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A step of a workflow run */
        get: operations["getWorkflowRunStep"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/workflow-runs/{id}/steps/{nodeId}/approve": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Approve an approval step
         * @description A decision in the open stage of the step's approval workflow. Refused: by the run's creator (422 SELF_APPROVAL_FORBIDDEN), by anyone the stage does not name (403 NOT_AN_APPROVER), twice (409 ALREADY_DECIDED), on a step not waiting for approval (422 NOT_AWAITING_APPROVAL). When the last stage passes, the step succeeds and the run moves on.
         */
        post: operations["approveWorkflowRunStep"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/workflow-runs/{id}/steps/{nodeId}/artifacts": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * A step's artifacts
         * @description What the step produced besides its output: an HTTP step's response, a job step's job and result. Oldest first.
         */
        get: operations["listWorkflowRunStepArtifacts"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/workflow-runs/{id}/steps/{nodeId}/logs": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * A step's log
         * @description What the engine did for the step, attempt by attempt, oldest first (filter by attempt). Never a secret value.
         */
        get: operations["listWorkflowRunStepLogs"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/workflow-runs/{id}/steps/{nodeId}/reject": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Reject an approval step
         * @description The step fails for good (APPROVAL_REJECTED, no retry) and so does the run; a retry of the run asks again. Same refusals as approve.
         */
        post: operations["rejectWorkflowRunStep"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/workflow-runs/{id}/stream": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * A workflow run's events (WebSocket)
         * @description Upgrade to a WebSocket: every event of the run so far, then live ones, each a DomainEvent as JSON; `after` (an event cursor) resumes. A plain GET is 426.
         */
        get: operations["streamWorkflowRun"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/workflow-templates": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List workflow templates
         * @description Sort by name (default), createdAt, updatedAt or version; q searches name and description.
         */
        get: operations["listWorkflowTemplates"];
        put?: never;
        /**
         * Create a workflow template
         * @description A versioned DAG of steps (version 1). The whole graph is checked first: an invalid one is 400 VALIDATION_FAILED with every problem at `nodes[<index>]...`. The same resource as /workflow-definitions.
         */
        post: operations["createWorkflowTemplate"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/workflow-templates/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * A workflow template
         * @description Its current version.
         */
        get: operations["getWorkflowTemplate"];
        /**
         * Edit a workflow template
         * @description Fields left out stay. A change to the nodes or the input schema makes a new version (version + 1); the previous ones stay readable at /versions. Name and description edits keep the version.
         */
        put: operations["updateWorkflowTemplate"];
        post?: never;
        /**
         * Delete a workflow template
         * @description With all its versions.
         */
        delete: operations["deleteWorkflowTemplate"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/workflow-templates/{id}/validate": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Validate a workflow template
         * @description Checks the stored graph, or a draft `nodes` given in the body, and answers 200 either way: `{valid: true, errors: []}`, or `{valid: false, errors}` with each problem at `nodes[<index>]...` and its code (DUPLICATE_NODE_ID, UNKNOWN_STEP_TYPE, INVALID_INPUT, PRIVATE_TARGET, UNKNOWN_DEPENDENCY, UNKNOWN_REFERENCE, CYCLE, UNREACHABLE). A body that is not even shaped like nodes (a missing id, a bad retry) is 400.
         */
        post: operations["validateWorkflowTemplate"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/workflow-templates/{id}/versions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * A workflow template's versions
         * @description Every version of the graph as it was made, newest first (sort by version or createdAt). Versions never change; runs pin one.
         */
        get: operations["listWorkflowTemplateVersions"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/workflows": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List approval workflows */
        get: operations["listApprovalWorkflows"];
        put?: never;
        /**
         * Create an approval workflow
         * @description Ordered stages, each needing N approvals from holders of a role or from named members. A stage is decided by its first rejection or its Nth approval.
         */
        post: operations["createApprovalWorkflow"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/workflows/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** An approval workflow */
        get: operations["getApprovalWorkflow"];
        /**
         * Edit an approval workflow
         * @description Requests already awaiting approval keep the stages they opened with.
         */
        put: operations["updateApprovalWorkflow"];
        post?: never;
        /**
         * Delete an approval workflow
         * @description Only once no policy uses it (409 otherwise).
         */
        delete: operations["deleteApprovalWorkflow"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/workspace/secrets": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The organization's secrets: names and metadata, never values */
        get: operations["listWorkspaceSecrets"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/workspace/secrets/{key}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Set a workspace secret
         * @description Encrypted at rest (envelope encryption); the response and every later read show metadata only. 201 when the key is new, 200 when its value is replaced (one more version).
         */
        post: operations["setWorkspaceSecret"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/workspace/settings": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The organization's settings */
        get: operations["getWorkspaceSettings"];
        /**
         * Replace the organization's settings
         * @description Secret-looking keys are refused: store secrets with POST /api/v1/workspace/secrets/{key}.
         */
        put: operations["putWorkspaceSettings"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/health": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Liveness (alias of /healthz) */
        get: operations["getHealth"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/healthz": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Liveness */
        get: operations["getHealthz"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/metrics": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Prometheus metrics */
        get: operations["getMetrics"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/readyz": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Readiness
         * @description 503 with a per-check failure map when a dependency is down or the process is shutting down.
         */
        get: operations["getReadyz"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
}
export type webhooks = Record<string, never>;
export interface components {
    schemas: {
        AcceptedInvitationDto: {
            /** @description Whether a new account was created */
            accountCreated: boolean;
            /** Format: email */
            email: string;
            /** Format: uuid */
            organizationId: string;
            /** @description Keys of the roles granted */
            roles: string[];
            /** Format: uuid */
            userId: string;
        };
        AcceptInvitationDto: {
            /**
             * @description For a new account
             * @example Grace Hopper
             */
            displayName?: string;
            /**
             * Format: password
             * @description Required when no account exists for the invited email: the new account's password
             */
            password?: string;
            /** @description The accept token from the invitation */
            token: string;
        };
        AgentCountsDto: {
            offline: number;
            online: number;
            revoked: number;
            stale: number;
        };
        AgentCredentialsDto: {
            agent: components["schemas"]["AgentDto"];
            /**
             * @description The agent secret, for `X-Agent-Secret`. Shown this once: store it now.
             * @example mas_0192…_…
             */
            agentSecret: string;
            timing: components["schemas"]["AgentTimingDto"];
        };
        AgentDto: {
            /**
             * @description Job types it runs; `*` for any
             * @example [
             *       "noop",
             *       "shell",
             *       "http-check"
             *     ]
             */
            capabilities: string[];
            /**
             * @description From lastSeenAt: online within 3 heartbeat intervals, stale within 10
             * @enum {string}
             */
            connectivity: "online" | "stale" | "offline";
            /** Format: date-time */
            createdAt: string;
            description: string | null;
            /** @enum {string} */
            enrolledVia: "mint" | "enrollment";
            /** Format: uuid */
            environmentId: string | null;
            hostname: string | null;
            /** Format: uuid */
            id: string;
            /**
             * @example {
             *       "cluster": "prod",
             *       "region": "eu-west"
             *     }
             */
            labels: {
                [key: string]: string;
            };
            /** Format: date-time */
            lastSeenAt: string | null;
            /** @example edge-paris-01 */
            name: string;
            /** @description X25519 public key for wire envelopes (base64url, 32 bytes) */
            publicKey: string | null;
            /** Format: date-time */
            revokedAt: string | null;
            /** @enum {string} */
            status: "active" | "revoked";
            /** Format: date-time */
            updatedAt: string;
            version: string | null;
        };
        AgentTimingDto: {
            /**
             * @description Send a heartbeat this often
             * @example 10
             */
            heartbeatIntervalSeconds: number;
            /**
             * @description How long a claim holds a job without a heartbeat
             * @example 30
             */
            leaseSeconds: number;
            /**
             * @description Between claims when not long-polling
             * @example 5
             */
            pollIntervalSeconds: number;
        };
        AgentWrapDto: {
            /** @description The context the envelope is bound to (UTF-8) */
            context: string;
            /** @description The new value in a wire envelope sealed to this agent's registered X25519 key (base64url; docs/wire-envelope.md) */
            envelope: string;
            /** Format: uuid */
            requestId: string;
            /** Format: uuid */
            wrapId: string;
        };
        ApiKeyDto: {
            /** Format: date-time */
            createdAt: string;
            /**
             * Format: uuid
             * @description The user it acts for
             */
            createdBy: string;
            /** Format: date-time */
            expiresAt: string | null;
            /**
             * @description Enough to recognise the key; never the secret
             * @example mk_01a2b3c4…
             */
            hint: string;
            /** Format: uuid */
            id: string;
            /**
             * Format: date-time
             * @description Updated at most once a minute
             */
            lastUsedAt: string | null;
            /** @example ci-deployer */
            name: string;
            /** @description The subset of the creator's permissions it may use; null: all of them */
            permissions: string[] | null;
            /** @enum {string} */
            status: "active" | "disabled" | "revoked" | "expired";
        };
        ApprovalDecisionDto: {
            /** Format: uuid */
            approverId: string;
            /** @description The approver's comment, or the rejection's reason */
            comment: string;
            /** Format: date-time */
            createdAt: string;
            /** @enum {string} */
            decision: "approve" | "reject";
            /**
             * Format: date-time
             * @description When an approval stops counting
             */
            expiresAt: string | null;
            /** Format: uuid */
            id: string;
            /** @description The stage it was made in (0-based) */
            stage: number;
        };
        ApprovalPolicyDto: {
            clusterName: string | null;
            /** Format: date-time */
            createdAt: string;
            description: string;
            /** Format: uuid */
            environmentId: string | null;
            /** Format: uuid */
            id: string;
            /** @description Catches requests no other policy matches */
            isDefault: boolean;
            /** @example Production databases */
            name: string;
            /** @description Lower wins among matching policies */
            priority: number;
            /** Format: uuid */
            projectId: string | null;
            /** @example prod/db/* */
            refPattern: string | null;
            /** Format: date-time */
            updatedAt: string;
            /** Format: uuid */
            workflowId: string;
        };
        ApprovalStageDto: {
            /** @example Security review */
            name: string;
            /**
             * @description Approvals needed; the first rejection decides the stage
             * @example 1
             */
            requiredApprovals: number;
            /** @description Holders of any of these roles may approve */
            roleIds: string[];
            /** @description These members may approve */
            userIds: string[];
        };
        ApprovalStateDto: {
            /** @description The stage awaiting decisions (0-based); the number of stages once approved */
            currentStage: number;
            /** Format: date-time */
            decidedAt: string | null;
            decisions: components["schemas"]["ApprovalDecisionDto"][];
            /**
             * Format: date-time
             * @description Undecided by then, the request expires
             */
            expiresAt: string;
            /** Format: uuid */
            id: string;
            /** Format: uuid */
            policyId: string | null;
            stages: components["schemas"]["StageProgressDto"][];
            /** @enum {string} */
            status: "pending" | "approved" | "rejected" | "expired" | "cancelled";
            /** Format: uuid */
            workflowId: string | null;
            workflowName: string;
        };
        ApprovalWorkflowDto: {
            /** @description How long one approval counts */
            approvalTtlSeconds: number;
            /** Format: date-time */
            createdAt: string;
            /** @description principal type and id of its creator */
            createdBy: string | null;
            description: string;
            /** Format: uuid */
            id: string;
            /** @example Production secrets */
            name: string;
            /** @description How long a request may wait for its decision before it expires */
            requestTtlSeconds: number;
            /** @description Decided in order */
            stages: components["schemas"]["ApprovalStageDto"][];
            /** Format: date-time */
            updatedAt: string;
        };
        ApproveDto: {
            /**
             * Format: uuid
             * @description Optional; when given it must be the caller — the approver is always the authenticated person
             */
            approverId?: string;
            comment?: string;
        };
        ApproveStepDto: {
            comment?: string;
        };
        ArgocdApplicationDto: {
            /**
             * @description The destination cluster by name, when given so
             * @example in-cluster
             */
            destinationName: string | null;
            /** @example payments */
            destinationNamespace: string | null;
            /** @example https://kubernetes.default.svc */
            destinationServer: string | null;
            /**
             * @description Healthy, Progressing, Degraded, Suspended, Missing or Unknown
             * @example Healthy
             */
            healthStatus: string | null;
            /** @example payments-api */
            name: string;
            /**
             * @description The namespace the Application resource lives in
             * @example argocd
             */
            namespace: string | null;
            /** @example apps/payments */
            path: string | null;
            /** @example default */
            project: string | null;
            /**
             * Format: date-time
             * @description When Argo CD last reconciled it
             */
            reconciledAt: string | null;
            /** @example https://git.example.com/platform/deploy.git */
            repoUrl: string | null;
            /**
             * @description The revision last synced (the first source's, for multi-source applications)
             * @example 9f1c2e7a
             */
            revision: string | null;
            /**
             * @description Synced, OutOfSync or Unknown
             * @example Synced
             */
            syncStatus: string | null;
            /** @example main */
            targetRevision: string | null;
        };
        ArgocdEndpointDto: {
            /** Format: date-time */
            createdAt: string;
            /** @description principal type and id of its creator */
            createdBy: string | null;
            /** @description A disabled endpoint is neither discovered nor observed */
            enabled: boolean;
            /** @description Always true: a token is stored, encrypted; it is never returned */
            hasToken: boolean;
            /** Format: uuid */
            id: string;
            /**
             * Format: date-time
             * @description When discovery last ran against it
             */
            lastDiscoveryAt: string | null;
            /** @description What that discovery failed with; null when it succeeded */
            lastError: components["schemas"]["UpstreamFailureDto"] | null;
            /** @example production-argocd */
            name: string;
            /**
             * @description "sha256:" and the first 16 hex digits of the token's SHA-256, to tell tokens apart
             * @example sha256:3f2a9c0d4b1e7a65
             */
            tokenFingerprint: string;
            /** Format: date-time */
            updatedAt: string;
            /** @example https://argocd.example.com */
            url: string;
            /** @description false: the server certificate is not checked */
            verifyTls: boolean;
        };
        AuditEventDto: {
            /** @example role.create */
            action: string;
            actorId: string | null;
            /**
             * @description webhook: a signed callback from an external system (actorId names it)
             * @enum {string}
             */
            actorType: "user" | "api_key" | "agent" | "system" | "webhook";
            correlationId: string | null;
            /** @description Context for a reader; never a secret */
            details: {
                [key: string]: unknown;
            };
            /** @description Hex SHA-256 linking this event to the previous one */
            hash: string;
            /** Format: uuid */
            id: string;
            ip: string | null;
            /** Format: date-time */
            occurredAt: string;
            /** Format: uuid */
            organizationId: string;
            /** @enum {string} */
            outcome: "success" | "failure" | "denied";
            requestId: string | null;
            resourceId: string | null;
            /** @example role */
            resourceType: string | null;
            /** @description Position in the organization's hash chain, from 1 */
            seq: number;
            userAgent: string | null;
        };
        AuthzBatchDto: {
            checks: components["schemas"]["AuthzCheckDto"][];
        };
        AuthzBatchResultDto: {
            /** @description One decision per check, in order */
            results: components["schemas"]["AuthzDecisionDto"][];
        };
        AuthzCheckDto: {
            /**
             * Format: uuid
             * @description Check within this environment
             */
            environmentId?: string;
            /** @example role.edit */
            permission: string;
            /**
             * Format: uuid
             * @description A member to check; yourself when omitted (checking another needs authz.check)
             */
            principalId?: string;
            /**
             * Format: uuid
             * @description Check within this project
             */
            projectId?: string;
        };
        AuthzDecisionDto: {
            allowed: boolean;
            /** Format: uuid */
            environmentId: string | null;
            /** @example role.edit */
            permission: string;
            /** Format: uuid */
            principalId: string;
            /** @enum {string} */
            principalType: "user" | "api_key" | "agent";
            /** Format: uuid */
            projectId: string | null;
        };
        BulkDiscoveredSecretsDto: {
            /** @description What the agent found; never a value (a field not listed here is refused) */
            secrets: components["schemas"]["DiscoveredSecretInput"][];
        };
        BulkResultDto: {
            inserted: number;
            /** @description Distinct secrets in the request (a repeat counts once, the last one wins) */
            received: number;
            updated: number;
        };
        CancelRequestDto: {
            /**
             * Format: uuid
             * @description Optional; when given it must be the caller
             */
            actorId?: string;
        };
        ChainVerificationDto: {
            eventsChecked: number;
            /** @description The first event that breaks the chain */
            firstInvalid: {
                reason?: string;
                seq?: number;
            } | null;
            /** @description Every link holds and the head agrees */
            valid: boolean;
        };
        ClaimedJobsDto: {
            /** @description Jobs you hold that were cancelled: stop them and complete them as cancelled */
            cancelJobIds: string[];
            /** @description At least one; up to `max` */
            claims: components["schemas"]["JobClaimDto"][];
        };
        CompleteJobDto: {
            /**
             * Format: uri
             * @example https://artifacts.example.com/run/42.tar.gz
             */
            artifactUrl?: string;
            /** @description Why it failed */
            error?: components["schemas"]["JobErrorDto"];
            /**
             * Format: uuid
             * @description The lease of the attempt being completed
             */
            leaseId: string;
            /** @description Output, at most 256 KiB. Never a secret value. */
            result?: {
                [key: string]: unknown;
            };
            /** @enum {string} */
            status: "succeeded" | "failed" | "cancelled";
            usage?: components["schemas"]["UsageDto"];
        };
        CostEstimateDto: {
            /** @example 0.42 */
            amount: number;
            /**
             * @description ISO 4217
             * @example USD
             */
            currency: string;
        };
        CreateApiKeyDto: {
            /**
             * Format: date-time
             * @description When the key stops working; never when omitted
             */
            expiresAt?: string;
            /** @example ci-deployer */
            name: string;
            /**
             * @description Limit the key to these permissions (each held by you); omitted: all of yours, as they change
             * @example [
             *       "team.read"
             *     ]
             */
            permissions?: string[];
        };
        CreateApprovalPolicyDto: {
            /** @example prod-eu-1 */
            clusterName?: string | null;
            description?: string;
            /** Format: uuid */
            environmentId?: string | null;
            /**
             * @description The default policy matches everything; it takes no criteria, and there is one per organization
             * @default false
             */
            isDefault: boolean;
            /** @example Production databases */
            name: string;
            /** @default 100 */
            priority: number;
            /** Format: uuid */
            projectId?: string | null;
            /**
             * @description `*` matches any run of characters, `?` one
             * @example prod/db/*
             */
            refPattern?: string | null;
            /** Format: uuid */
            workflowId: string;
        };
        CreateApprovalWorkflowDto: {
            /**
             * @description How long one approval counts
             * @default 3600
             */
            approvalTtlSeconds: number;
            description?: string;
            /** @example Production secrets */
            name: string;
            /**
             * @description How long a request may wait for its decision
             * @default 3600
             */
            requestTtlSeconds: number;
            stages: components["schemas"]["ApprovalStageDto"][];
        };
        CreateArgocdEndpointDto: {
            /** @default true */
            enabled: boolean;
            /**
             * @description Unique in the organization
             * @example production-argocd
             */
            name: string;
            /**
             * Format: password
             * @description A bearer token for the Argo CD API (an account or project token). Stored encrypted; never returned
             */
            token: string;
            /**
             * @description The Argo CD API server's base URL (http or https)
             * @example https://argocd.example.com
             */
            url: string;
            /**
             * @description false: accept any server certificate (self-signed installations); prefer a trusted one
             * @default true
             */
            verifyTls: boolean;
        };
        CreatedApiKeyDto: {
            apiKey: components["schemas"]["ApiKeyDto"];
            /**
             * @description The key itself. Shown this once: store it now. Send as `Authorization: Bearer <key>` or `X-API-Key: <key>`.
             * @example mk_0192…_…
             */
            secret: string;
        };
        CreatedInvitationDto: {
            /** @description Send it to the invitee; shown this once. They accept with POST /api/v1/invitations/{id}/accept. */
            acceptToken: string;
            invitation: components["schemas"]["InvitationDto"];
        };
        CreateEnvironmentDto: {
            /**
             * @example [
             *       "prod-eu-1"
             *     ]
             */
            clusters?: string[];
            description?: string;
            labels?: {
                [key: string]: string;
            };
            /** @example production */
            name: string;
            /**
             * Format: uuid
             * @description The project it belongs to; organization-wide when omitted
             */
            projectId?: string;
            /**
             * @default other
             * @enum {string}
             */
            tier: "development" | "testing" | "staging" | "production" | "other";
        };
        CreateFreezeWindowDto: {
            /** @example 2027-01-02T08:00 */
            end: string;
            /** @example Year-end freeze */
            reason: string;
            /**
             * @description Local date-time in timeZone, without offset
             * @example 2026-12-24T18:00
             */
            start: string;
            /**
             * @description An IANA time zone
             * @example Europe/Paris
             */
            timeZone: string;
        };
        CreateGitopsAppMappingDto: {
            /**
             * @description The Argo CD application (a Kubernetes resource name)
             * @example payments-api
             */
            applicationName: string;
            /**
             * @description The secret's cluster, as agents report it
             * @example prod-eu-1
             */
            clusterName: string;
            /**
             * Format: uuid
             * @description An Argo CD endpoint of this organization (422 UNKNOWN_ENDPOINT otherwise)
             */
            endpointId: string;
            /**
             * @default
             * @example payments
             */
            namespace: string;
            /**
             * @description The secret's name or path within its provider
             * @example db-credentials
             */
            ref: string;
        };
        CreateInvitationDto: {
            /**
             * Format: email
             * @example grace@example.com
             */
            email: string;
            /**
             * @description Hours until the invitation expires
             * @default 168
             */
            expiresInHours: number;
            /** @description Roles the invitee gets on accepting; the inviter must hold their permissions */
            roleIds: string[];
        };
        CreateOrganizationDto: {
            /** @example Acme Platform */
            name: string;
            /**
             * @description Derived from the name when omitted
             * @example acme-platform
             */
            slug?: string;
        };
        CreatePatchRequestDto: {
            /**
             * @description Why: approvers see it
             * @example INC-4211: rotate the payments DB password
             */
            reason: string;
            /**
             * Format: uuid
             * @description The discovered secret (GET /secrets)
             */
            secretId: string;
            /** @description The new value. Sealed at once (envelope encryption); only the agent that writes it ever opens it, once. */
            value: string;
        };
        CreateProjectDto: {
            description?: string;
            /** @example Payments */
            name: string;
            /**
             * @description Lower-case letters, digits and dashes; from the name when omitted
             * @example payments
             */
            slug?: string;
        };
        CreateReadRequestDto: {
            /**
             * @description Why: approvers see it
             * @example INC-4211: rotate the payments DB password
             */
            reason: string;
            /**
             * @description Your X25519 public key (base64url, base64 or PEM). Given, the value is released to you only as a wire envelope sealed to it (docs/wire-envelope.md), so nothing between Marshal and your client (a proxy, a log) sees it.
             * @example hSDwCYkwp1R0i33ctD73Wg2_Og0mOBr066SpjqqbTmo
             */
            recipientPublicKey?: string;
            /**
             * Format: uuid
             * @description The discovered secret (GET /secrets)
             */
            secretId: string;
        };
        CreateRoleDto: {
            description?: string;
            /**
             * @description Derived from the name when omitted
             * @example release-manager
             */
            key?: string;
            /** @example Release manager */
            name: string;
            /**
             * @description Permissions from GET /api/v1/permissions, all held by the creator
             * @example [
             *       "team.read",
             *       "member.read"
             *     ]
             */
            permissions: string[];
        };
        CreateTeamDto: {
            description?: string;
            /** @description Members of the organization to put in the team */
            memberIds?: string[];
            /** @example Platform on-call */
            name: string;
        };
        CreateUserRoleDto: {
            /**
             * Format: uuid
             * @description Narrow the grant to one environment
             */
            environmentId?: string;
            /**
             * Format: uuid
             * @description Narrow the grant to one project
             */
            projectId?: string;
            /** Format: uuid */
            roleId: string;
            /**
             * Format: uuid
             * @description A member of the organization
             */
            userId: string;
        };
        CreateWorkflowDefinitionDto: {
            description?: string;
            /** @description JSON Schema of a run's inputs; at most 64 KiB */
            inputSchema?: {
                [key: string]: unknown;
            };
            /**
             * @description Unique in the organization
             * @example Deploy with approval
             */
            name: string;
            /**
             * @description The DAG: at least one node, at most 200. Invalid graphs are refused with 400 VALIDATION_FAILED, each error at `nodes[<index>]...` with a code: DUPLICATE_NODE_ID, UNKNOWN_STEP_TYPE, INVALID_INPUT, PRIVATE_TARGET, UNKNOWN_DEPENDENCY, UNKNOWN_REFERENCE, CYCLE, UNREACHABLE.
             * @example [
             *       {
             *         "id": "pause",
             *         "inputs": {
             *           "durationSeconds": 5
             *         },
             *         "type": "wait"
             *       }
             *     ]
             */
            nodes: components["schemas"]["WorkflowNodeInputDto"][];
        };
        CreateWorkflowRunDto: {
            /**
             * Format: uuid
             * @description The workflow definition (template) to run
             */
            definitionId: string;
            /**
             * @description Checked against the definition's input schema; nodes read them as `${inputs.<path>}`. At most 64 KiB
             * @example {
             *       "service": "billing"
             *     }
             */
            inputs?: {
                [key: string]: unknown;
            };
            /**
             * @description Start at once (default), or create it pending and start it with POST /{id}/start
             * @default true
             */
            start: boolean;
            /** @description A version of the definition; its current one unless given */
            version?: number;
        };
        CredentialDto: {
            /** Format: date-time */
            createdAt: string;
            /** Format: date-time */
            expiresAt: string | null;
            /**
             * @description Enough to recognise it; never the secret
             * @example mk_0192ab12…
             */
            hint: string;
            /** Format: uuid */
            id: string;
            /** @enum {string} */
            kind: "api_key" | "agent_secret" | "enrollment_token";
            /** Format: date-time */
            lastUsedAt: string | null;
            /**
             * @description The key's or agent's name; the environment (or organization) of an enrollment token
             * @example ci-deployer
             */
            name: string;
            /** @description The user it acts for or who issued it */
            ownerId: string | null;
            /** @enum {string} */
            state: "active" | "disabled" | "revoked" | "expired";
        };
        CursorMeta: {
            hasNext: boolean;
            /** @example 50 */
            limit: number;
            /** @description Pass as `cursor` for the next page; null on the last */
            next: string | null;
        };
        DatabaseStatusDto: {
            /** @description True when Marshal runs its own PostgreSQL under DATA_DIR */
            embedded: boolean;
            migrations: components["schemas"]["MigrationStatusDto"] | null;
            /** @example 18.0 */
            serverVersion: string | null;
            /** @enum {string} */
            status: "up" | "down";
        };
        DataKeyDto: {
            /** @enum {string} */
            algorithm: "AES-256-GCM";
            /**
             * @description The additional authenticated data to seal with (UTF-8)
             * @example marshal/secret-value/v1/…
             */
            context: string;
            /** @description The 32-byte AES-256-GCM data key, base64: use it once, then forget it */
            key: string;
            /** @description The same key wrapped by the KMS, base64: send it back unchanged with the ciphertext */
            wrappedKey: string;
        };
        DiscoveredSecretDto: {
            /**
             * Format: uuid
             * @description The agent that reported it last
             */
            agentId: string | null;
            /** @example prod-eu-1 */
            clusterName: string;
            /** Format: date-time */
            firstSeenAt: string;
            /** Format: uuid */
            id: string;
            labels: {
                [key: string]: string;
            };
            /** Format: date-time */
            lastSeenAt: string;
            /** @example payments */
            namespace: string;
            /** @example kubernetes */
            provider: string;
            /** @example db-credentials */
            ref: string;
            /** @enum {string} */
            status: "present" | "missing" | "error";
            /** @example 42 */
            version: string | null;
        };
        DiscoveredSecretInput: {
            /** @example prod-eu-1 */
            clusterName: string;
            labels?: {
                [key: string]: string;
            };
            /** @example payments */
            namespace?: string;
            /** @example kubernetes */
            provider: string;
            /** @example db-credentials */
            ref: string;
            /**
             * @default present
             * @enum {string}
             */
            status: "present" | "missing" | "error";
            /** @example 42 */
            version?: string;
        };
        DomainEvent: {
            actorId?: string | null;
            /** @enum {string} */
            actorType: "user" | "api_key" | "agent" | "system";
            correlationId?: string | null;
            /**
             * @description Stream position; send it back as Last-Event-ID to resume after this event
             * @example 7312-88410
             */
            cursor: string;
            data: {
                [key: string]: unknown;
            };
            /** Format: uuid */
            id: string;
            /** Format: date-time */
            occurredAt: string;
            /** Format: uuid */
            organizationId: string;
            resourceId: string;
            /** @example job */
            resourceType: string;
            /** @example job.succeeded */
            type: string;
        };
        EngineStatusDto: {
            /** @description The git commit the build came from */
            commit: string | null;
            database: components["schemas"]["DatabaseStatusDto"];
            /** @enum {string} */
            environment: "development" | "production" | "test";
            /** @example marshal */
            name: string;
            /** Format: date-time */
            startedAt: string;
            /** @description Seconds since the process started */
            uptimeSeconds: number;
            /** @example 0.1.0 */
            version: string;
        };
        EnrollmentDto: {
            /**
             * @description Where agents register with the token
             * @example /api/v1/agents/register
             */
            registerPath: string;
            /** @description The current token; null until the first rotation */
            token: components["schemas"]["EnrollmentTokenDto"] | null;
        };
        EnrollmentTokenDto: {
            /** Format: date-time */
            createdAt: string;
            /** Format: uuid */
            createdBy: string;
            /**
             * Format: uuid
             * @description The environment agents registering with it join; null: the organization
             */
            environmentId: string | null;
            /** Format: date-time */
            expiresAt: string;
            /**
             * @description Enough to recognise the token; never the token
             * @example met_0192ab12…
             */
            hint: string;
            /** Format: uuid */
            id: string;
            /** Format: date-time */
            lastUsedAt: string | null;
            /** @description Agents registered with it */
            registrations: number;
            /** @enum {string} */
            state: "active" | "expired" | "revoked";
        };
        EnvelopeContext: {
            /** Format: uuid */
            organizationId: string | null;
            /** Format: uuid */
            principalId: string | null;
            /** @enum {string|null} */
            principalType: "user" | "api_key" | "agent" | null;
        };
        EnvelopeLinks: {
            next?: string | null;
            prev?: string | null;
            /** @example /api/v1/me */
            self: string;
        };
        EnvelopeMeta: {
            /** @description Echoes x-correlation-id, or the request id when none was sent */
            correlationId: string;
            /** @description On a list that pages by cursor (every page of it, including one asked for by page or offset) */
            cursor?: components["schemas"]["CursorMeta"];
            /** @description On a list paged by page or offset */
            pagination?: components["schemas"]["PaginationMeta"];
            /** Format: uuid */
            requestId: string;
            /** @example 200 */
            status: number;
            /** Format: date-time */
            timestamp: string;
            /** @example 1 */
            version: string;
        };
        EnvironmentDto: {
            /**
             * @description The clusters it spans
             * @example [
             *       "prod-eu-1"
             *     ]
             */
            clusters: string[];
            /** Format: date-time */
            createdAt: string;
            description: string;
            /** @description A freeze window is in force now */
            frozen: boolean;
            /** Format: uuid */
            id: string;
            labels: {
                [key: string]: string;
            };
            /** @example production */
            name: string;
            /**
             * Format: uuid
             * @description null: an organization-wide environment
             */
            projectId: string | null;
            /** @enum {string} */
            tier: "development" | "testing" | "staging" | "production" | "other";
            /** Format: date-time */
            updatedAt: string;
        };
        ErrorBody: {
            /**
             * @description Stable UPPER_SNAKE code
             * @example NOT_FOUND
             */
            code: string;
            details?: {
                [key: string]: unknown;
            };
            /** @example Organization not found */
            message: string;
            validationErrors?: components["schemas"]["ValidationErrorItem"][];
        };
        ErrorEnvelope: {
            context: components["schemas"]["EnvelopeContext"];
            /**
             * @description Always null on error
             * @example null
             */
            data: Record<string, never> | null;
            error: components["schemas"]["ErrorBody"];
            links: components["schemas"]["EnvelopeLinks"];
            meta: components["schemas"]["EnvelopeMeta"];
            /** @enum {boolean} */
            success: false;
        };
        FreezeWindowDto: {
            /** @description In force now */
            active: boolean;
            /** Format: date-time */
            createdAt: string;
            /** @example 2027-01-02T08:00 */
            end: string;
            /** Format: date-time */
            endsAt: string;
            /** Format: uuid */
            environmentId: string;
            /** Format: uuid */
            id: string;
            /** @example Year-end freeze */
            reason: string;
            /**
             * @description Local time in timeZone, as given
             * @example 2026-12-24T18:00
             */
            start: string;
            /**
             * Format: date-time
             * @description The UTC instant start means
             */
            startsAt: string;
            /** @example Europe/Paris */
            timeZone: string;
        };
        GitopsAppMappingDto: {
            /** @example payments-api */
            applicationName: string;
            /** @example prod-eu-1 */
            clusterName: string;
            /** Format: date-time */
            createdAt: string;
            /** @description principal type and id of its creator */
            createdBy: string | null;
            /** Format: uuid */
            endpointId: string;
            /** Format: uuid */
            id: string;
            /** @example payments */
            namespace: string;
            /** @example db-credentials */
            ref: string;
        };
        GitopsObservationDto: {
            /** @example payments-api */
            applicationName: string;
            /** Format: uuid */
            endpointId: string;
            /** @example production-argocd */
            endpointName: string;
            /** @description Present when the application could not be read */
            error?: components["schemas"]["UpstreamFailureDto"];
            /**
             * @description Healthy, Progressing, Degraded, Suspended, Missing or Unknown
             * @example Healthy
             */
            healthStatus: string | null;
            /** Format: uuid */
            mappingId: string;
            /**
             * Format: date-time
             * @description When Marshal asked
             */
            observedAt: string;
            /**
             * Format: date-time
             * @description When Argo CD last reconciled the application
             */
            reconciledAt: string | null;
            /** @example 9f1c2e7a */
            revision: string | null;
            /**
             * @description Synced, OutOfSync or Unknown
             * @example Synced
             */
            syncStatus: string | null;
        };
        GrantedRoleDto: {
            /** Format: uuid */
            environmentId: string | null;
            /** Format: uuid */
            id: string;
            /** @example owner */
            key: string;
            /** @example Owner */
            name: string;
            /** Format: uuid */
            projectId: string | null;
        };
        HeartbeatDto: {
            hostname?: string;
            /** @description The jobs this agent process holds now. When given, only their leases are renewed, and any other job the agent holds is released at once (a restarted agent has forgotten it). When omitted, every lease the agent holds is renewed. */
            jobIds?: string[];
            /** @example 1.4.2 */
            version?: string;
        };
        InvitationDto: {
            /** Format: date-time */
            acceptedAt: string | null;
            /** Format: date-time */
            createdAt: string;
            /** Format: email */
            email: string;
            /** Format: date-time */
            expiresAt: string;
            /** Format: uuid */
            id: string;
            /** @description principal type and id of the inviter */
            invitedBy: string;
            /** Format: uuid */
            organizationId: string;
            roleIds: string[];
            /** @enum {string} */
            status: "pending" | "accepted" | "revoked" | "expired";
        };
        IssueDataKeyDto: {
            /**
             * Format: uuid
             * @description The secret.read job this agent holds
             */
            jobId: string;
        };
        JobClaimDto: {
            job: components["schemas"]["JobDto"];
            lease: components["schemas"]["LeaseDto"];
        };
        JobCreatorDto: {
            id: string | null;
            /**
             * @description Who queued it: a principal, the platform, or a workflow run (then id is the run)
             * @enum {string}
             */
            type: "user" | "api_key" | "agent" | "system" | "workflow_run";
        };
        JobDto: {
            /**
             * Format: uuid
             * @description The agent holding (or that last held) it
             */
            agentId: string | null;
            artifactUrl: string | null;
            /** @description Attempts started so far */
            attempts: number;
            /**
             * Format: date-time
             * @description Not claimable before (backoff)
             */
            availableAt: string;
            /** Format: date-time */
            completedAt: string | null;
            correlationId: string | null;
            costEstimate: components["schemas"]["CostEstimateDto"] | null;
            /** Format: date-time */
            createdAt: string;
            createdBy: components["schemas"]["JobCreatorDto"];
            /** @example LEASE_EXPIRED */
            errorCode: string | null;
            errorMessage: string | null;
            /** Format: uuid */
            id: string;
            /** Format: date-time */
            leaseExpiresAt: string | null;
            maxAttempts: number;
            payload: {
                [key: string]: unknown;
            };
            /**
             * @description Higher runs first
             * @example 0
             */
            priority: number;
            progress: components["schemas"]["JobProgressDto"] | null;
            /** Format: date-time */
            queuedAt: string;
            result: {
                [key: string]: unknown;
            } | null;
            /** @description Attempts after the first */
            retryCount: number;
            /** @description Labels a claiming agent must carry */
            selector: {
                [key: string]: string;
            } | null;
            /**
             * Format: date-time
             * @description When the current or last attempt was claimed
             */
            startedAt: string | null;
            /** @enum {string} */
            status: "queued" | "leased" | "running" | "succeeded" | "failed" | "cancelled" | "expired";
            /**
             * Format: uuid
             * @description Only this agent may claim it
             */
            targetAgentId: string | null;
            timeoutSeconds: number;
            /** @example http-check */
            type: string;
            /** Format: date-time */
            updatedAt: string;
            usage: components["schemas"]["UsageDto"];
        };
        JobErrorDto: {
            /** @example HTTP_503 */
            code: string;
            message: string;
            /**
             * @description false: do not retry, whatever attempts remain
             * @default true
             */
            retryable: boolean;
        };
        JobProgressDto: {
            message?: string;
            percent?: number;
        };
        JobUsageDto: {
            attempts: number;
            costEstimate: components["schemas"]["CostEstimateDto"] | null;
            /** Format: uuid */
            jobId: string;
            /** @enum {string} */
            status: "queued" | "leased" | "running" | "succeeded" | "failed" | "cancelled" | "expired";
            /** @description From first queued to completed */
            totalMs: number | null;
            /** @description Reported by agents, summed over attempts */
            usage: components["schemas"]["UsageDto"];
        };
        LeaseDto: {
            /** @description 1 for the first attempt */
            attempt: number;
            /**
             * Format: date-time
             * @description Heartbeats renew it (up to the timeout)
             */
            expiresAt: string;
            /**
             * Format: uuid
             * @description Names this attempt: send it with progress and completion
             */
            id: string;
        };
        LoginDto: {
            /**
             * Format: email
             * @example admin@marshal.local
             */
            email: string;
            /** Format: password */
            password: string;
        };
        MemberDto: {
            displayName: string;
            /** Format: email */
            email: string;
            /**
             * Format: date-time
             * @description When the user joined
             */
            joinedAt: string;
            /** @enum {string} */
            status: "active" | "disabled";
            /** Format: uuid */
            userId: string;
        };
        MigrationStatusDto: {
            applied: number;
            latest: string | null;
            pending: string[];
        };
        MintAgentDto: {
            /**
             * @description Job types it runs (lower-case), or `*`
             * @example [
             *       "noop",
             *       "shell"
             *     ]
             */
            capabilities?: string[];
            description?: string;
            /**
             * Format: uuid
             * @description The environment it serves, if any
             */
            environmentId?: string;
            /**
             * @example {
             *       "region": "eu-west"
             *     }
             */
            labels?: {
                [key: string]: string;
            };
            /** @example edge-paris-01 */
            name: string;
        };
        MyPermissionsDto: {
            /** Format: uuid */
            organizationId: string;
            /** @description Organization-wide effective permissions */
            permissions: string[];
            /** Format: uuid */
            principalId: string;
            /** @enum {string} */
            principalType: "user" | "api_key" | "agent";
            /** @description The roles behind them (for an API key: its creator's) */
            roles: components["schemas"]["GrantedRoleDto"][];
        };
        OrganizationDto: {
            /** Format: date-time */
            createdAt: string;
            /** Format: uuid */
            id: string;
            /** @example Acme Platform */
            name: string;
            /** @example acme-platform */
            slug: string;
            /**
             * @description Decides the rate limits
             * @enum {string}
             */
            tier: "standard" | "premium";
        };
        PaginationMeta: {
            /** @description Whether another page follows (known without counting) */
            hasNext: boolean;
            hasPrevious: boolean;
            /**
             * @description The same as pageSize
             * @example 20
             */
            limit: number;
            /**
             * @description Items before this page
             * @example 0
             */
            offset: number;
            /**
             * @description The page, from 1 (for an offset that is not a multiple of pageSize, the page it falls in)
             * @example 1
             */
            page: number;
            /** @example 20 */
            pageSize: number;
            /** @description True when more than 10,000 items match and this page does not tell how many: totalItems and totalPages are null */
            totalCapped: boolean;
            /**
             * @description Exact. Counting stops at 10,000: when more items match, null (and totalCapped is true), except on the last page, which tells the total
             * @example 0
             */
            totalItems: number | null;
            /**
             * @description Null when totalItems is
             * @example 0
             */
            totalPages: number | null;
        };
        PendingApprovalDto: {
            approval: components["schemas"]["ApprovalStateDto"];
            /** Format: date-time */
            requestedAt: string;
            /** Format: uuid */
            requestedBy: string;
            /** Format: uuid */
            subjectId: string;
            /**
             * @description What awaits the decision
             * @example secret_request
             */
            subjectType: string;
            /** @description What the subject is (never a value) */
            summary: {
                [key: string]: unknown;
            };
        };
        PermissionDto: {
            /** @example edit */
            action: string;
            /**
             * @description The context that declares it
             * @example access
             */
            context: string;
            /** @example Create custom roles, change their permissions and delete them */
            description: string;
            /** @example role.edit */
            key: string;
            /** @description Spans organizations; held only by platform_admin */
            platform: boolean;
            /** @example role */
            resource: string;
        };
        PostedWrapDto: {
            /**
             * Format: date-time
             * @description Unretrieved by then, it is shredded
             */
            expiresAt: string;
            /** Format: uuid */
            requestId: string;
            /** Format: uuid */
            wrapId: string;
        };
        PostWrapDto: {
            /**
             * Format: base64
             * @description The value sealed with AES-256-GCM under the data key, with `context` as additional data (base64)
             */
            ciphertext: string;
            /**
             * Format: base64
             * @description The 12-byte IV (base64)
             */
            iv: string;
            /**
             * Format: uuid
             * @description The secret.read job this agent holds
             */
            jobId: string;
            /**
             * Format: base64
             * @description The 16-byte GCM tag (base64)
             */
            tag: string;
            /**
             * Format: base64
             * @description wrappedKey from POST /agents/{id}/dek, unchanged (base64)
             */
            wrappedKey: string;
        };
        ProjectDto: {
            /** Format: date-time */
            createdAt: string;
            /** @description principal type and id of its creator */
            createdBy: string | null;
            description: string;
            /** Format: uuid */
            id: string;
            /** @example Payments */
            name: string;
            /** @example payments */
            slug: string;
            /** @enum {string} */
            status: "active" | "archived";
            /** Format: date-time */
            updatedAt: string;
        };
        ProjectStatusDto: {
            /**
             * @description archived: kept, read-only for new work
             * @enum {string}
             */
            status: "active" | "archived";
        };
        PublicKeyDto: {
            /**
             * @description X25519 public key: base64url or base64 of its 32 raw bytes, or a PEM (SPKI)
             * @example hSDwCYkwp1R0i33ctD73Wg2_Og0mOBr066SpjqqbTmo
             */
            publicKey: string;
        };
        QueueDto: {
            /** @description Waiting out a retry backoff */
            delayed: number;
            leased: number;
            oldestReadyAgeSeconds: number | null;
            /** Format: date-time */
            oldestReadyAt: string | null;
            /** @description Claimable now */
            ready: number;
            running: number;
            /** @example http-check */
            type: string;
        };
        QueueTotalsDto: {
            /** @description Waiting out a retry backoff */
            delayed: number;
            leased: number;
            /** @description Age of the oldest claimable job */
            oldestReadyAgeSeconds: number | null;
            /** @description Claimable now */
            ready: number;
            running: number;
        };
        RefreshDto: {
            /**
             * @description The refresh token from login or the previous refresh; each is single-use
             * @example mrt_…
             */
            refreshToken: string;
        };
        RegisterAgentDto: {
            /**
             * @description Job types it runs (lower-case), or `*`
             * @example [
             *       "noop",
             *       "shell"
             *     ]
             */
            capabilities?: string[];
            description?: string;
            /**
             * @description The enrollment token from POST /api/v1/edge-agent/enrollment/rotate
             * @example met_0192…_…
             */
            enrollmentToken: string;
            /**
             * Format: uuid
             * @description The environment it serves, if any
             */
            environmentId?: string;
            hostname?: string;
            /**
             * @example {
             *       "region": "eu-west"
             *     }
             */
            labels?: {
                [key: string]: string;
            };
            /** @example edge-paris-01 */
            name: string;
            /** @description X25519 public key (base64url or base64 of 32 bytes) */
            publicKey?: string;
            /** @example 1.4.2 */
            version?: string;
        };
        RejectDto: {
            /**
             * Format: uuid
             * @description Optional; when given it must be the caller
             */
            approverId?: string;
            /** @description Why: the requester sees it */
            reason: string;
        };
        RejectStepDto: {
            /** @description Why: the run fails with it */
            reason: string;
        };
        ReplicaDto: {
            /** @description Event streams (SSE) this replica serves */
            eventStreams: number;
            /** @description WebSocket connections this replica serves */
            webSockets: number;
        };
        ReportProgressDto: {
            /** Format: uuid */
            leaseId: string;
            message?: string;
            percent?: number;
        };
        RetrievedValueDto: {
            /** @description For a wire envelope: the context it is bound to (UTF-8) */
            context?: string;
            /**
             * @description base64 when the value is not valid UTF-8; wire-envelope when the request named a recipient key
             * @enum {string}
             */
            encoding: "utf8" | "base64" | "wire-envelope";
            /** Format: uuid */
            requestId: string;
            /** @description The secret value, shown this once, never again (the wrap is shredded); with a recipient key, the wire envelope (base64url) */
            value: string;
            /** Format: uuid */
            wrapId: string;
        };
        RetryPolicyDto: {
            /**
             * @description Wait before the second attempt; doubled before each further one
             * @default 0
             */
            backoffSeconds: number;
            /**
             * @description Attempts in all, the first included
             * @example 3
             */
            maxAttempts: number;
        };
        RoleDto: {
            /** Format: date-time */
            createdAt: string;
            description: string;
            /** Format: uuid */
            id: string;
            /**
             * @description Unique within the organization (system roles: across all)
             * @example release-manager
             */
            key: string;
            /** @example Release manager */
            name: string;
            /**
             * Format: uuid
             * @description null for system roles
             */
            organizationId: string | null;
            /**
             * @example [
             *       "team.read",
             *       "member.read"
             *     ]
             */
            permissions: string[];
            /** @description Built in: cannot be edited or deleted */
            system: boolean;
            /** Format: date-time */
            updatedAt: string;
        };
        RotatedEnrollmentDto: {
            /**
             * @description The enrollment token. Shown this once: give it to the agents you install.
             * @example met_0192…_…
             */
            enrollmentToken: string;
            token: components["schemas"]["EnrollmentTokenDto"];
        };
        RotateEnrollmentDto: {
            /**
             * Format: uuid
             * @description An environment's token instead of the organization's
             */
            environmentId?: string;
            /**
             * @description Lifetime in seconds (default 7 days, at most 90)
             * @default 604800
             */
            ttlSeconds: number;
        };
        RunRetryDto: {
            correlationId: string | null;
            /** Format: date-time */
            createdAt: string;
            /** @example user:0192… */
            createdBy: string;
            /**
             * Format: uuid
             * @description Null once the definition was deleted
             */
            definitionId: string | null;
            definitionName: string;
            /** @description The definition version the run follows */
            definitionVersion: number;
            /** @description The node whose failure failed the run */
            failedNodeId: string | null;
            /** @example APPROVAL_REJECTED */
            failureCode: string | null;
            failureMessage: string | null;
            /** Format: date-time */
            finishedAt: string | null;
            /** Format: uuid */
            id: string;
            inputs: {
                [key: string]: unknown;
            };
            /** @description Outputs of the nodes nothing depends on, by node id, once succeeded */
            output: {
                [key: string]: unknown;
            } | null;
            /** @description The nodes that start over */
            retriedNodes: string[];
            /** @description Times the run was retried */
            retryCount: number;
            /** Format: date-time */
            startedAt: string | null;
            /** @enum {string} */
            status: "pending" | "running" | "paused" | "succeeded" | "failed" | "cancelled";
            steps: components["schemas"]["StepSummaryDto"][];
            /** Format: date-time */
            updatedAt: string;
        };
        RuntimeAgentDto: {
            /**
             * @description Job types it runs; `*` for any
             * @example [
             *       "noop",
             *       "shell",
             *       "http-check"
             *     ]
             */
            capabilities: string[];
            /**
             * @description From lastSeenAt: online within 3 heartbeat intervals, stale within 10
             * @enum {string}
             */
            connectivity: "online" | "stale" | "offline";
            /** Format: date-time */
            createdAt: string;
            description: string | null;
            /** @enum {string} */
            enrolledVia: "mint" | "enrollment";
            /** Format: uuid */
            environmentId: string | null;
            /** @description Jobs it holds now */
            heldJobs: number;
            hostname: string | null;
            /** Format: uuid */
            id: string;
            /**
             * @example {
             *       "cluster": "prod",
             *       "region": "eu-west"
             *     }
             */
            labels: {
                [key: string]: string;
            };
            /** Format: date-time */
            lastSeenAt: string | null;
            /** @example edge-paris-01 */
            name: string;
            /** @description X25519 public key for wire envelopes (base64url, 32 bytes) */
            publicKey: string | null;
            /** Format: date-time */
            revokedAt: string | null;
            /** @enum {string} */
            status: "active" | "revoked";
            /** Format: date-time */
            updatedAt: string;
            version: string | null;
        };
        RuntimeHealthDto: {
            agents: components["schemas"]["AgentCountsDto"];
            /** @description Failed or expired in the last hour */
            failuresLastHour: number;
            /**
             * @example [
             *       "3 jobs are waiting and no agent is online"
             *     ]
             */
            problems: string[];
            queue: components["schemas"]["QueueTotalsDto"];
            replica: components["schemas"]["ReplicaDto"];
            /**
             * @description degraded: jobs are waiting and no agent is online, or the oldest has waited over a minute
             * @enum {string}
             */
            status: "ok" | "degraded";
        };
        SecretLocationDto: {
            /** @example prod-eu-1 */
            clusterName: string;
            /** @example payments */
            namespace: string;
            /** @example kubernetes */
            provider: string;
            /** @example db-password */
            ref: string;
            /** Format: uuid */
            secretId: string;
        };
        SecretMetadataDto: {
            /** Format: date-time */
            createdAt: string;
            /** @example GITHUB_TOKEN */
            key: string;
            /** Format: date-time */
            updatedAt: string;
            updatedBy: string | null;
            /**
             * @description How many times the value was set
             * @example 3
             */
            version: number;
        };
        SecretRequestDto: {
            /**
             * Format: uuid
             * @description The agent of the cluster that fetches or writes it
             */
            agentId: string;
            /** @description The approval, with every decision */
            approval: components["schemas"]["ApprovalStateDto"] | null;
            /** Format: date-time */
            completedAt: string | null;
            /** Format: date-time */
            createdAt: string;
            /** Format: date-time */
            decidedAt: string | null;
            /** Format: uuid */
            environmentId: string | null;
            /** @example NO_AGENT_FOR_CLUSTER */
            failureCode: string | null;
            failureMessage: string | null;
            /** Format: uuid */
            id: string;
            /** Format: uuid */
            jobId: string | null;
            /** @enum {string} */
            kind: "read" | "patch";
            /** Format: uuid */
            projectId: string | null;
            reason: string;
            /** Format: uuid */
            requesterId: string;
            /** @description The value is released sealed to the key the requester gave */
            sealedForRecipient: boolean;
            secret: components["schemas"]["SecretLocationDto"];
            /**
             * @description pending → approved (the job is with the agent) → completed | failed; or rejected, cancelled, expired
             * @enum {string}
             */
            status: "pending" | "approved" | "completed" | "failed" | "rejected" | "cancelled" | "expired";
            /** Format: date-time */
            updatedAt: string;
        };
        SetArgocdEndpointEnabledDto: {
            /** @description false: discovery answers 409 and observations skip the endpoint */
            enabled: boolean;
        };
        SetRolePermissionsDto: {
            /**
             * @description Replaces the role's permissions; each must be held by the caller
             * @example [
             *       "team.read"
             *     ]
             */
            permissions: string[];
        };
        SetSecretDto: {
            /**
             * Format: password
             * @description Encrypted at rest; never returned by the API
             */
            value: string;
        };
        SettingsDto: {
            /**
             * @example {
             *       "defaultApprovers": 2,
             *       "timezone": "Europe/Paris"
             *     }
             */
            settings: {
                [key: string]: unknown;
            };
            /** Format: date-time */
            updatedAt: string | null;
            /** @description principal type and id of the last editor */
            updatedBy: string | null;
        };
        SmokeResultDto: {
            job: components["schemas"]["JobDto"];
            /**
             * @description timeout: no agent finished it in time (the job is then cancelled)
             * @enum {string}
             */
            outcome: "succeeded" | "failed" | "timeout";
            /** @description From queued to finished (or to the timeout) */
            roundTripMs: number;
        };
        SmokeTestDto: {
            /**
             * Format: uuid
             * @description Test this agent; any agent that runs `noop` otherwise
             */
            targetAgentId?: string;
            /**
             * @description How long to wait for an agent to run it
             * @default 10
             */
            timeoutSeconds: number;
        };
        StageProgressDto: {
            /** @description Approvals that still count */
            approvals: number;
            name: string;
            requiredApprovals: number;
            roleIds: string[];
            userIds: string[];
        };
        StepArtifactDto: {
            attempt: number;
            /** @description The content (JSON) */
            content: Record<string, never>;
            /** @example application/json */
            contentType: string;
            /** Format: date-time */
            createdAt: string;
            /** Format: uuid */
            id: string;
            /** @example response */
            name: string;
            sizeBytes: number;
        };
        StepLogDto: {
            /** Format: date-time */
            at: string;
            attempt: number;
            data: {
                [key: string]: unknown;
            } | null;
            /** Format: uuid */
            id: string;
            /** @enum {string} */
            level: "debug" | "info" | "warn" | "error";
            message: string;
        };
        StepSummaryDto: {
            /** @description Attempts started, retries of the run included */
            attempts: number;
            errorCode: string | null;
            /** Format: date-time */
            finishedAt: string | null;
            /** @example approve */
            nodeId: string;
            /** Format: date-time */
            startedAt: string | null;
            /** @enum {string} */
            status: "pending" | "ready" | "running" | "waiting" | "succeeded" | "failed" | "skipped" | "cancelled";
            /** @example approval */
            type: string;
        };
        StepTypeDto: {
            description: string;
            /** @description JSON Schema (draft 2020-12) of a node's `inputs` */
            inputSchema: {
                [key: string]: unknown;
            };
            /**
             * @example wait
             * @enum {string}
             */
            type: "approval" | "job" | "http" | "wait" | "condition" | "notify" | "callback";
        };
        SubmitJobDto: {
            costEstimate?: components["schemas"]["CostEstimateDto"];
            /** @default 3 */
            maxAttempts: number;
            /**
             * @description Input for the handler; at most 256 KiB. Never put a secret here.
             * @example {
             *       "url": "https://example.com/healthz"
             *     }
             */
            payload?: {
                [key: string]: unknown;
            };
            /**
             * @description Higher runs first
             * @default 0
             */
            priority: number;
            /**
             * @description Only agents carrying all these labels may run it
             * @example {
             *       "region": "eu-west"
             *     }
             */
            selector?: {
                [key: string]: string;
            };
            /**
             * Format: uuid
             * @description Only this agent may run it
             */
            targetAgentId?: string;
            /**
             * @description The most one attempt may run, in seconds
             * @default 600
             */
            timeoutSeconds: number;
            /**
             * @description What to do; agents claim the types they declare as capabilities
             * @example http-check
             */
            type: string;
        };
        SuccessEnvelope: {
            context: components["schemas"]["EnvelopeContext"];
            /**
             * @description Always null on success
             * @example null
             */
            error: Record<string, never> | null;
            links: components["schemas"]["EnvelopeLinks"];
            meta: components["schemas"]["EnvelopeMeta"];
            /** @enum {boolean} */
            success: true;
        };
        TeamDto: {
            /** Format: date-time */
            createdAt: string;
            description: string;
            /** Format: uuid */
            id: string;
            /** @description Member user ids */
            memberIds: string[];
            /** @example Platform on-call */
            name: string;
            /** Format: uuid */
            organizationId: string;
        };
        TokenPairDto: {
            /** @description ES256 JWT; send as `Authorization: Bearer <token>` */
            accessToken: string;
            /**
             * Format: date-time
             * @description When the access token expires
             */
            expiresAt: string;
            /**
             * @description Seconds until the access token expires
             * @example 900
             */
            expiresIn: number;
            /** Format: date-time */
            refreshExpiresAt: string;
            /** @description Single-use; exchange it at POST /api/v1/auth/refresh for the next pair */
            refreshToken: string;
            /** @enum {string} */
            tokenType: "Bearer";
            user: components["schemas"]["UserDto"];
        };
        UpdateAgentDto: {
            /**
             * @description Job types it runs (lower-case), or `*`
             * @example [
             *       "noop",
             *       "shell"
             *     ]
             */
            capabilities?: string[];
            description?: string;
            /**
             * @example {
             *       "region": "eu-west"
             *     }
             */
            labels?: {
                [key: string]: string;
            };
            /** @example edge-paris-01 */
            name?: string;
        };
        UpdateApprovalPolicyDto: {
            /** @example prod-eu-1 */
            clusterName?: string | null;
            description?: string;
            /** Format: uuid */
            environmentId?: string | null;
            isDefault?: boolean;
            name?: string;
            priority?: number;
            /** Format: uuid */
            projectId?: string | null;
            /**
             * @description `*` matches any run of characters, `?` one
             * @example prod/db/*
             */
            refPattern?: string | null;
            /** Format: uuid */
            workflowId?: string;
        };
        UpdateApprovalWorkflowDto: {
            approvalTtlSeconds?: number;
            description?: string;
            name?: string;
            requestTtlSeconds?: number;
            /** @description Replaces the stages; requests already open keep theirs */
            stages?: components["schemas"]["ApprovalStageDto"][];
        };
        UpdateEnvironmentDto: {
            /**
             * @example [
             *       "prod-eu-1"
             *     ]
             */
            clusters?: string[];
            description?: string;
            labels?: {
                [key: string]: string;
            };
            /** @example production */
            name?: string;
            /**
             * @default other
             * @enum {string}
             */
            tier: "development" | "testing" | "staging" | "production" | "other";
        };
        UpdateProjectDto: {
            description?: string;
            /** @example Payments */
            name?: string;
        };
        UpdateSettingsDto: {
            /**
             * @description Replaces the settings as a whole
             * @example {
             *       "defaultApprovers": 2,
             *       "timezone": "Europe/Paris"
             *     }
             */
            settings: {
                [key: string]: unknown;
            };
        };
        UpdateWorkflowDefinitionDto: {
            description?: string;
            /** @description Replaces the input schema: a new version when it differs */
            inputSchema?: {
                [key: string]: unknown;
            };
            name?: string;
            /** @description Replaces the graph: a new version when it differs. The DAG: at least one node, at most 200. Invalid graphs are refused with 400 VALIDATION_FAILED, each error at `nodes[<index>]...` with a code: DUPLICATE_NODE_ID, UNKNOWN_STEP_TYPE, INVALID_INPUT, PRIVATE_TARGET, UNKNOWN_DEPENDENCY, UNKNOWN_REFERENCE, CYCLE, UNREACHABLE. */
            nodes?: components["schemas"]["WorkflowNodeInputDto"][];
        };
        UpstreamFailureDto: {
            /**
             * @description UPSTREAM_UNAVAILABLE, UPSTREAM_UNAUTHORIZED or APPLICATION_NOT_FOUND
             * @example UPSTREAM_UNAUTHORIZED
             */
            code: string;
            /** @example Argo CD refused the token (HTTP 401) */
            message: string;
        };
        UsageDto: {
            costAmount?: number;
            cpuSeconds?: number;
            /** @example USD */
            currency?: string;
            durationMs?: number;
            inputTokens?: number;
            outputTokens?: number;
        };
        UserDto: {
            /** Format: date-time */
            createdAt: string;
            /** @example Ada Lovelace */
            displayName: string;
            /**
             * Format: email
             * @example ada@example.com
             */
            email: string;
            /** Format: uuid */
            id: string;
            /** Format: date-time */
            lastLoginAt: string | null;
            /** @enum {string} */
            status: "active" | "disabled";
        };
        UserRoleDto: {
            /** Format: date-time */
            createdAt: string;
            /**
             * Format: uuid
             * @description Narrowed to this environment
             */
            environmentId: string | null;
            /** @description principal type and id of the granter */
            grantedBy: string | null;
            /** Format: uuid */
            id: string;
            /**
             * Format: uuid
             * @description Narrowed to this project
             */
            projectId: string | null;
            /** Format: uuid */
            roleId: string;
            /** @example viewer */
            roleKey: string;
            /** @example Viewer */
            roleName: string;
            /** Format: uuid */
            userId: string;
        };
        ValidateWorkflowDefinitionDto: {
            /** @description A draft graph; the stored one unless given */
            nodes?: components["schemas"]["WorkflowNodeInputDto"][];
        };
        ValidationErrorItem: {
            /** @example IS_EMAIL */
            code: string;
            /**
             * @description Dotted path of the field; array items as [index]
             * @example email
             */
            field: string;
            /** @example email must be an email */
            message: string;
        };
        WorkflowCallbackAckDto: {
            /** @description true when this delivery id was received before: nothing changed, and the rest is the first delivery's answer */
            duplicate: boolean;
            /** @example deploy */
            nodeId: string;
            /**
             * @description accepted: the node took the report; ignored: it had already ended (cancelled, timed out, reported)
             * @enum {string}
             */
            outcome: "accepted" | "ignored";
            /** Format: uuid */
            runId: string;
        };
        WorkflowCallbackDto: {
            /** @description Required with failed, refused otherwise: why the step failed */
            error?: components["schemas"]["WorkflowCallbackErrorDto"];
            /**
             * Format: uuid
             * @description The workflow run (seed 001 calls it the execution)
             */
            executionId: string;
            /**
             * @description The `callback` node of that run that waits for this report
             * @example deploy
             */
            nodeId: string;
            /**
             * @description With succeeded only: the step's output, a JSON object of at most 256 KiB. Never a secret value.
             * @example {
             *       "revision": "9f1c2e7"
             *     }
             */
            output?: {
                [key: string]: unknown;
            };
            /** @enum {string} */
            status: "succeeded" | "failed";
        };
        WorkflowCallbackErrorDto: {
            /** @example DEPLOY_FAILED */
            code: string;
            /** @example The rollout did not become healthy within 10 minutes */
            message: string;
        };
        WorkflowDefinitionDto: {
            /** Format: date-time */
            createdAt: string;
            /** @description principal type and id of its creator */
            createdBy: string | null;
            description: string;
            /** Format: uuid */
            id: string;
            /** @description JSON Schema of a run's inputs */
            inputSchema: {
                [key: string]: unknown;
            } | null;
            /** @example Deploy with approval */
            name: string;
            nodes: components["schemas"]["WorkflowNodeDto"][];
            /** Format: date-time */
            updatedAt: string;
            /** @description The current version: 1 at creation, +1 on each update that changes the graph */
            version: number;
        };
        WorkflowDefinitionVersionDto: {
            /** Format: date-time */
            createdAt: string;
            /** @description who made this version */
            createdBy: string | null;
            inputSchema: {
                [key: string]: unknown;
            } | null;
            nodes: components["schemas"]["WorkflowNodeDto"][];
            version: number;
        };
        WorkflowExecutionDto: {
            /** Format: date-time */
            completedAt: string | null;
            /** Format: date-time */
            createdAt: string;
            /** @description From start to end (or to now while it runs); null before it starts */
            durationMs: number | null;
            /**
             * @description The audit trail of the run
             * @example /api/v1/audit-events?resource=workflow_run:0192…
             */
            evidenceRef: string;
            /** @example TIMEOUT */
            failureCode: string | null;
            failureMessage: string | null;
            /**
             * Format: uuid
             * @description The workflow run id
             */
            id: string;
            /**
             * @description Where the inputs are (the run)
             * @example /api/v1/workflow-runs/0192…
             */
            inputRef: string;
            /**
             * @description Where the outputs are, once it succeeded
             * @example /api/v1/workflow-runs/0192…/steps
             */
            outputRef: string | null;
            /** @description Times the run was retried */
            retryCount: number;
            /** Format: date-time */
            startedAt: string | null;
            /** @enum {string} */
            status: "pending" | "running" | "paused" | "succeeded" | "failed" | "cancelled";
            /**
             * Format: uuid
             * @description The workflow definition
             */
            workflowId: string | null;
            workflowName: string;
            workflowVersion: number;
        };
        WorkflowNodeDto: {
            dependsOn: string[];
            /** @example approve */
            id: string;
            inputs: {
                [key: string]: unknown;
            };
            retry: components["schemas"]["RetryPolicyDto"];
            timeoutSeconds: number | null;
            /** @example approval */
            type: string;
        };
        WorkflowNodeInputDto: {
            /** @description Ids of the nodes that must complete first */
            dependsOn?: string[];
            /**
             * @description Unique within the definition
             * @example approve
             */
            id: string;
            /**
             * @description Checked against the step type's input schema; at most 64 KiB
             * @example {
             *       "durationSeconds": 5
             *     }
             */
            inputs?: {
                [key: string]: unknown;
            };
            /** @description One attempt, no retry, unless given */
            retry?: components["schemas"]["RetryPolicyDto"];
            /** @description How long one attempt may take; unless given, the step type's own limit */
            timeoutSeconds?: number;
            /**
             * @description A step type of GET /api/v1/step-types
             * @example wait
             */
            type: string;
        };
        WorkflowRunDto: {
            correlationId: string | null;
            /** Format: date-time */
            createdAt: string;
            /** @example user:0192… */
            createdBy: string;
            /**
             * Format: uuid
             * @description Null once the definition was deleted
             */
            definitionId: string | null;
            definitionName: string;
            /** @description The definition version the run follows */
            definitionVersion: number;
            /** @description The node whose failure failed the run */
            failedNodeId: string | null;
            /** @example APPROVAL_REJECTED */
            failureCode: string | null;
            failureMessage: string | null;
            /** Format: date-time */
            finishedAt: string | null;
            /** Format: uuid */
            id: string;
            inputs: {
                [key: string]: unknown;
            };
            /** @description Outputs of the nodes nothing depends on, by node id, once succeeded */
            output: {
                [key: string]: unknown;
            } | null;
            /** @description Times the run was retried */
            retryCount: number;
            /** Format: date-time */
            startedAt: string | null;
            /** @enum {string} */
            status: "pending" | "running" | "paused" | "succeeded" | "failed" | "cancelled";
            steps: components["schemas"]["StepSummaryDto"][];
            /** Format: date-time */
            updatedAt: string;
        };
        WorkflowStepDto: {
            /** @description Attempts started, retries of the run included */
            attempts: number;
            /**
             * Format: date-time
             * @description When the current attempt times out
             */
            deadlineAt: string | null;
            /**
             * Format: date-time
             * @description When the engine looks at it next (a timer, a retry, a deadline)
             */
            dueAt: string | null;
            errorCode: string | null;
            errorMessage: string | null;
            /**
             * @description What the step waits on: `job:<id>`, `approval:<subject id>` or `callback:…`
             * @example job:0192…
             */
            externalRef: string | null;
            /** Format: date-time */
            finishedAt: string | null;
            /** @description The inputs of the current or last attempt, references resolved; values under secret-looking keys are redacted */
            inputs: {
                [key: string]: unknown;
            } | null;
            /** @example approve */
            nodeId: string;
            /** @description What the step produced (any JSON), once it succeeded */
            output: Record<string, never> | null;
            /** Format: date-time */
            startedAt: string | null;
            /** @enum {string} */
            status: "pending" | "ready" | "running" | "waiting" | "succeeded" | "failed" | "skipped" | "cancelled";
            /** @example approval */
            type: string;
            /** Format: date-time */
            updatedAt: string;
        };
        WorkflowValidationDto: {
            /** @description Each problem at `nodes[<index>]...`, with its code; empty when valid */
            errors: components["schemas"]["ValidationErrorItem"][];
            /** @description Whether the graph would be accepted */
            valid: boolean;
        };
        WrapSummaryDto: {
            /** Format: date-time */
            consumedAt: string | null;
            /** Format: date-time */
            createdAt: string;
            /** Format: date-time */
            expiresAt: string | null;
            /** Format: uuid */
            id: string;
            /** @enum {string} */
            state: "available" | "consumed" | "expired" | "withdrawn";
        };
    };
    responses: never;
    parameters: never;
    requestBodies: never;
    headers: never;
    pathItems: never;
}
export type $defs = Record<string, never>;
export interface operations {
    getEngineStatus: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The engine status (not enveloped, like the other probes) */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["EngineStatusDto"];
                };
            };
            /** @description An unexpected error (INTERNAL); the request id identifies it in the logs */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
        };
    };
    getJwks: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The JSON Web Key Set */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        keys: {
                            /** @example ES256 */
                            alg: string;
                            /** @example P-256 */
                            crv: string;
                            /** @description RFC 7638 thumbprint of the key */
                            kid: string;
                            /** @example EC */
                            kty: string;
                            /** @example sig */
                            use: string;
                            x: string;
                            y: string;
                        }[];
                    };
                };
            };
            /** @description An unexpected error (INTERNAL); the request id identifies it in the logs */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
        };
    };
    listRuntimeAgents: {
        parameters: {
            query?: {
                /** @description Agents declaring this capability (job type) */
                capability?: string;
                connectivity?: "online" | "stale" | "offline";
                /** @description Opaque: the `meta.cursor.next` of the previous page. Continues the list after that page, in its sort (send the same sort, or none), with the filters you send; not with `page` or `offset` */
                cursor?: string;
                /** @description A label, `key=value` */
                label?: string;
                /** @description Items per page: the same as `pageSize` (send one of them, or both alike) */
                limit?: number;
                /** @description Items to skip, instead of `page` */
                offset?: number;
                /** @description Page number, from 1 (or `offset`). A deep page costs as many rows as it skips: prefer `cursor` */
                page?: number;
                /** @description Items per page (or `limit`) */
                pageSize?: number;
                /** @description Free-text search */
                q?: string;
                /** @description Comma-separated fields; a leading "-" sorts descending. Each list documents its fields. */
                sort?: string;
                /** @description One field to sort by, instead of `sort` */
                sortBy?: string;
                /** @description The direction of `sortBy` */
                sortOrder?: "asc" | "desc";
                status?: "active" | "revoked";
            };
            header?: {
                /** @description Act in this organization (one of your memberships) instead of your default one; another is 403. */
                "x-workspace-id"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description One page of results; meta.cursor.next continues after it, meta.pagination (absent on a page by cursor) counts */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SuccessEnvelope"] & {
                        data: components["schemas"]["RuntimeAgentDto"][];
                        meta: components["schemas"]["EnvelopeMeta"] & {
                            cursor: components["schemas"]["CursorMeta"];
                            pagination?: components["schemas"]["PaginationMeta"];
                        };
                    };
                };
            };
            /** @description The request is malformed or fails validation (VALIDATION_FAILED, MALFORMED_JSON) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Missing, invalid or expired credentials (UNAUTHENTICATED) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description The principal lacks the permission, or names an organization it is not a member of (FORBIDDEN) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Rate limited (RATE_LIMITED); see Retry-After */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description An unexpected error (INTERNAL); the request id identifies it in the logs */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
        };
    };
    listRuntimeFailures: {
        parameters: {
            query?: {
                /** @description Opaque: the `meta.cursor.next` of the previous page. Continues the list after that page, in its sort (send the same sort, or none), with the filters you send; not with `page` or `offset` */
                cursor?: string;
                /** @description Items per page: the same as `pageSize` (send one of them, or both alike) */
                limit?: number;
                /** @description Items to skip, instead of `page` */
                offset?: number;
                /** @description Page number, from 1 (or `offset`). A deep page costs as many rows as it skips: prefer `cursor` */
                page?: number;
                /** @description Items per page (or `limit`) */
                pageSize?: number;
                /** @description Free-text search */
                q?: string;
                /** @description Finished at or after */
                since?: string;
                /** @description Comma-separated fields; a leading "-" sorts descending. Each list documents its fields. */
                sort?: string;
                /** @description One field to sort by, instead of `sort` */
                sortBy?: string;
                /** @description The direction of `sortBy` */
                sortOrder?: "asc" | "desc";
                type?: string;
            };
            header?: {
                /** @description Act in this organization (one of your memberships) instead of your default one; another is 403. */
                "x-workspace-id"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description One page of results; meta.cursor.next continues after it, meta.pagination (absent on a page by cursor) counts */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SuccessEnvelope"] & {
                        data: components["schemas"]["JobDto"][];
                        meta: components["schemas"]["EnvelopeMeta"] & {
                            cursor: components["schemas"]["CursorMeta"];
                            pagination?: components["schemas"]["PaginationMeta"];
                        };
                    };
                };
            };
            /** @description The request is malformed or fails validation (VALIDATION_FAILED, MALFORMED_JSON) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Missing, invalid or expired credentials (UNAUTHENTICATED) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description The principal lacks the permission, or names an organization it is not a member of (FORBIDDEN) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Rate limited (RATE_LIMITED); see Retry-After */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description An unexpected error (INTERNAL); the request id identifies it in the logs */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
        };
    };
    getRuntimeHealth: {
        parameters: {
            query?: never;
            header?: {
                /** @description Act in this organization (one of your memberships) instead of your default one; another is 403. */
                "x-workspace-id"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SuccessEnvelope"] & {
                        data: components["schemas"]["RuntimeHealthDto"];
                    };
                };
            };
            /** @description The request is malformed or fails validation (VALIDATION_FAILED, MALFORMED_JSON) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Missing, invalid or expired credentials (UNAUTHENTICATED) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description The principal lacks the permission, or names an organization it is not a member of (FORBIDDEN) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Rate limited (RATE_LIMITED); see Retry-After */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description An unexpected error (INTERNAL); the request id identifies it in the logs */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
        };
    };
    retryJobFailure: {
        parameters: {
            query?: never;
            header?: {
                /** @description Makes a retry safe: the first outcome is kept 24 h per (organization, principal, key) and replayed with `Idempotent-Replayed: true`. The same key with a different request is 422 IDEMPOTENCY_KEY_REUSED; while the first is running, 409 IDEMPOTENCY_IN_PROGRESS. */
                "Idempotency-Key"?: string;
                /** @description Act in this organization (one of your memberships) instead of your default one; another is 403. */
                "x-workspace-id"?: string;
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SuccessEnvelope"] & {
                        data: components["schemas"]["JobDto"];
                    };
                };
            };
            /** @description The request is malformed or fails validation (VALIDATION_FAILED, MALFORMED_JSON) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Missing, invalid or expired credentials (UNAUTHENTICATED) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description The principal lacks the permission, or names an organization it is not a member of (FORBIDDEN) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description The resource does not exist in this organization (NOT_FOUND) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description The request conflicts with the current state (CONFLICT), or a request with the same Idempotency-Key is still running (IDEMPOTENCY_IN_PROGRESS) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description A business rule refused the request, or the Idempotency-Key was used for another request (IDEMPOTENCY_KEY_REUSED); error.code says which */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Rate limited (RATE_LIMITED); see Retry-After */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description An unexpected error (INTERNAL); the request id identifies it in the logs */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
        };
    };
    retryOutboxFailure: {
        parameters: {
            query?: never;
            header?: {
                /** @description Makes a retry safe: the first outcome is kept 24 h per (organization, principal, key) and replayed with `Idempotent-Replayed: true`. The same key with a different request is 422 IDEMPOTENCY_KEY_REUSED; while the first is running, 409 IDEMPOTENCY_IN_PROGRESS. */
                "Idempotency-Key"?: string;
                /** @description Act in this organization (one of your memberships) instead of your default one; another is 403. */
                "x-workspace-id"?: string;
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Queued for another delivery attempt */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description The request is malformed or fails validation (VALIDATION_FAILED, MALFORMED_JSON) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Missing, invalid or expired credentials (UNAUTHENTICATED) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description The principal lacks the permission, or names an organization it is not a member of (FORBIDDEN) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description The resource does not exist in this organization (NOT_FOUND) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description The request conflicts with the current state (CONFLICT), or a request with the same Idempotency-Key is still running (IDEMPOTENCY_IN_PROGRESS) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description A business rule refused the request, or the Idempotency-Key was used for another request (IDEMPOTENCY_KEY_REUSED); error.code says which */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Rate limited (RATE_LIMITED); see Retry-After */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description An unexpected error (INTERNAL); the request id identifies it in the logs */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
        };
    };
    listRuntimeQueues: {
        parameters: {
            query?: never;
            header?: {
                /** @description Act in this organization (one of your memberships) instead of your default one; another is 403. */
                "x-workspace-id"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SuccessEnvelope"] & {
                        data: components["schemas"]["QueueDto"][];
                    };
                };
            };
            /** @description The request is malformed or fails validation (VALIDATION_FAILED, MALFORMED_JSON) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Missing, invalid or expired credentials (UNAUTHENTICATED) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description The principal lacks the permission, or names an organization it is not a member of (FORBIDDEN) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Rate limited (RATE_LIMITED); see Retry-After */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description An unexpected error (INTERNAL); the request id identifies it in the logs */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
        };
    };
    runRuntimeSmokeTest: {
        parameters: {
            query?: never;
            header?: {
                /** @description Makes a retry safe: the first outcome is kept 24 h per (organization, principal, key) and replayed with `Idempotent-Replayed: true`. The same key with a different request is 422 IDEMPOTENCY_KEY_REUSED; while the first is running, 409 IDEMPOTENCY_IN_PROGRESS. */
                "Idempotency-Key"?: string;
                /** @description Act in this organization (one of your memberships) instead of your default one; another is 403. */
                "x-workspace-id"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["SmokeTestDto"];
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SuccessEnvelope"] & {
                        data: components["schemas"]["SmokeResultDto"];
                    };
                };
            };
            /** @description The request is malformed or fails validation (VALIDATION_FAILED, MALFORMED_JSON) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Missing, invalid or expired credentials (UNAUTHENTICATED) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description The principal lacks the permission, or names an organization it is not a member of (FORBIDDEN) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description The request conflicts with the current state (CONFLICT), or a request with the same Idempotency-Key is still running (IDEMPOTENCY_IN_PROGRESS) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description targetAgentId names no agent of this organization (UNKNOWN_AGENT) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Rate limited (RATE_LIMITED); see Retry-After */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description An unexpected error (INTERNAL); the request id identifies it in the logs */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
        };
    };
    listAgents: {
        parameters: {
            query?: {
                /** @description Agents declaring this capability (job type) */
                capability?: string;
                connectivity?: "online" | "stale" | "offline";
                /** @description Opaque: the `meta.cursor.next` of the previous page. Continues the list after that page, in its sort (send the same sort, or none), with the filters you send; not with `page` or `offset` */
                cursor?: string;
                /** @description A label, `key=value` */
                label?: string;
                /** @description Items per page: the same as `pageSize` (send one of them, or both alike) */
                limit?: number;
                /** @description Items to skip, instead of `page` */
                offset?: number;
                /** @description Page number, from 1 (or `offset`). A deep page costs as many rows as it skips: prefer `cursor` */
                page?: number;
                /** @description Items per page (or `limit`) */
                pageSize?: number;
                /** @description Free-text search */
                q?: string;
                /** @description Comma-separated fields; a leading "-" sorts descending. Each list documents its fields. */
                sort?: string;
                /** @description One field to sort by, instead of `sort` */
                sortBy?: string;
                /** @description The direction of `sortBy` */
                sortOrder?: "asc" | "desc";
                status?: "active" | "revoked";
            };
            header?: {
                /** @description Act in this organization (one of your memberships) instead of your default one; another is 403. */
                "x-workspace-id"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description One page of results; meta.cursor.next continues after it, meta.pagination (absent on a page by cursor) counts */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SuccessEnvelope"] & {
                        data: components["schemas"]["AgentDto"][];
                        meta: components["schemas"]["EnvelopeMeta"] & {
                            cursor: components["schemas"]["CursorMeta"];
                            pagination?: components["schemas"]["PaginationMeta"];
                        };
                    };
                };
            };
            /** @description The request is malformed or fails validation (VALIDATION_FAILED, MALFORMED_JSON) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Missing, invalid or expired credentials (UNAUTHENTICATED) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description The principal lacks the permission, or names an organization it is not a member of (FORBIDDEN) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Rate limited (RATE_LIMITED); see Retry-After */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description An unexpected error (INTERNAL); the request id identifies it in the logs */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
        };
    };
    mintAgent: {
        parameters: {
            query?: never;
            header?: {
                /** @description Makes a retry safe: the first outcome is kept 24 h per (organization, principal, key) and replayed with `Idempotent-Replayed: true`. The same key with a different request is 422 IDEMPOTENCY_KEY_REUSED; while the first is running, 409 IDEMPOTENCY_IN_PROGRESS. */
                "Idempotency-Key"?: string;
                /** @description Act in this organization (one of your memberships) instead of your default one; another is 403. */
                "x-workspace-id"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["MintAgentDto"];
            };
        };
        responses: {
            /** @description Created */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SuccessEnvelope"] & {
                        data: components["schemas"]["AgentCredentialsDto"];
                    };
                };
            };
            /** @description The request is malformed or fails validation (VALIDATION_FAILED, MALFORMED_JSON) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Missing, invalid or expired credentials (UNAUTHENTICATED) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description The principal lacks the permission, or names an organization it is not a member of (FORBIDDEN) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description The request conflicts with the current state (CONFLICT), or a request with the same Idempotency-Key is still running (IDEMPOTENCY_IN_PROGRESS) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description environmentId names no environment of this organization (UNKNOWN_ENVIRONMENT) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Rate limited (RATE_LIMITED); see Retry-After */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description An unexpected error (INTERNAL); the request id identifies it in the logs */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
        };
    };
    getAgent: {
        parameters: {
            query?: never;
            header?: {
                /** @description Act in this organization (one of your memberships) instead of your default one; another is 403. */
                "x-workspace-id"?: string;
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SuccessEnvelope"] & {
                        data: components["schemas"]["AgentDto"];
                    };
                };
            };
            /** @description The request is malformed or fails validation (VALIDATION_FAILED, MALFORMED_JSON) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Missing, invalid or expired credentials (UNAUTHENTICATED) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description The principal lacks the permission, or names an organization it is not a member of (FORBIDDEN) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description The resource does not exist in this organization (NOT_FOUND) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Rate limited (RATE_LIMITED); see Retry-After */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description An unexpected error (INTERNAL); the request id identifies it in the logs */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
        };
    };
    updateAgent: {
        parameters: {
            query?: never;
            header?: {
                /** @description Makes a retry safe: the first outcome is kept 24 h per (organization, principal, key) and replayed with `Idempotent-Replayed: true`. The same key with a different request is 422 IDEMPOTENCY_KEY_REUSED; while the first is running, 409 IDEMPOTENCY_IN_PROGRESS. */
                "Idempotency-Key"?: string;
                /** @description Act in this organization (one of your memberships) instead of your default one; another is 403. */
                "x-workspace-id"?: string;
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["UpdateAgentDto"];
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SuccessEnvelope"] & {
                        data: components["schemas"]["AgentDto"];
                    };
                };
            };
            /** @description The request is malformed or fails validation (VALIDATION_FAILED, MALFORMED_JSON) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Missing, invalid or expired credentials (UNAUTHENTICATED) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description The principal lacks the permission, or names an organization it is not a member of (FORBIDDEN) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description The resource does not exist in this organization (NOT_FOUND) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description The request conflicts with the current state (CONFLICT), or a request with the same Idempotency-Key is still running (IDEMPOTENCY_IN_PROGRESS) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description A business rule refused the request, or the Idempotency-Key was used for another request (IDEMPOTENCY_KEY_REUSED); error.code says which */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Rate limited (RATE_LIMITED); see Retry-After */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description An unexpected error (INTERNAL); the request id identifies it in the logs */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
        };
    };
    deleteAgent: {
        parameters: {
            query?: never;
            header?: {
                /** @description Makes a retry safe: the first outcome is kept 24 h per (organization, principal, key) and replayed with `Idempotent-Replayed: true`. The same key with a different request is 422 IDEMPOTENCY_KEY_REUSED; while the first is running, 409 IDEMPOTENCY_IN_PROGRESS. */
                "Idempotency-Key"?: string;
                /** @description Act in this organization (one of your memberships) instead of your default one; another is 403. */
                "x-workspace-id"?: string;
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Done; no content */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description The request is malformed or fails validation (VALIDATION_FAILED, MALFORMED_JSON) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Missing, invalid or expired credentials (UNAUTHENTICATED) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description The principal lacks the permission, or names an organization it is not a member of (FORBIDDEN) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description The resource does not exist in this organization (NOT_FOUND) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description The request conflicts with the current state (CONFLICT), or a request with the same Idempotency-Key is still running (IDEMPOTENCY_IN_PROGRESS) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description A business rule refused the request, or the Idempotency-Key was used for another request (IDEMPOTENCY_KEY_REUSED); error.code says which */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Rate limited (RATE_LIMITED); see Retry-After */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description An unexpected error (INTERNAL); the request id identifies it in the logs */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
        };
    };
    issueDataKey: {
        parameters: {
            query?: never;
            header?: {
                /** @description Makes a retry safe: the first outcome is kept 24 h per (organization, principal, key) and replayed with `Idempotent-Replayed: true`. The same key with a different request is 422 IDEMPOTENCY_KEY_REUSED; while the first is running, 409 IDEMPOTENCY_IN_PROGRESS. */
                "Idempotency-Key"?: string;
                /** @description Act in this organization (one of your memberships) instead of your default one; another is 403. */
                "x-workspace-id"?: string;
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["IssueDataKeyDto"];
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SuccessEnvelope"] & {
                        data: components["schemas"]["DataKeyDto"];
                    };
                };
            };
            /** @description The request is malformed or fails validation (VALIDATION_FAILED, MALFORMED_JSON) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Missing, invalid or expired credentials (UNAUTHENTICATED) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description The principal lacks the permission, or names an organization it is not a member of (FORBIDDEN) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description The resource does not exist in this organization (NOT_FOUND) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description The request conflicts with the current state (CONFLICT), or a request with the same Idempotency-Key is still running (IDEMPOTENCY_IN_PROGRESS) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description A business rule refused the request, or the Idempotency-Key was used for another request (IDEMPOTENCY_KEY_REUSED); error.code says which */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Rate limited (RATE_LIMITED); see Retry-After */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description An unexpected error (INTERNAL); the request id identifies it in the logs */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
        };
    };
    heartbeat: {
        parameters: {
            query?: never;
            header?: {
                /** @description Makes a retry safe: the first outcome is kept 24 h per (organization, principal, key) and replayed with `Idempotent-Replayed: true`. The same key with a different request is 422 IDEMPOTENCY_KEY_REUSED; while the first is running, 409 IDEMPOTENCY_IN_PROGRESS. */
                "Idempotency-Key"?: string;
                /** @description Act in this organization (one of your memberships) instead of your default one; another is 403. */
                "x-workspace-id"?: string;
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["HeartbeatDto"];
            };
        };
        responses: {
            /** @description Alive */
            204: {
                headers: {
                    /** @description Comma-separated ids of held jobs that were cancelled: stop them */
                    "Marshal-Cancel-Jobs"?: string;
                    /** @description Seconds until the next heartbeat */
                    "Marshal-Heartbeat-Interval"?: number;
                    /** @description Seconds between claims when not long-polling */
                    "Marshal-Poll-Interval"?: number;
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description The request is malformed or fails validation (VALIDATION_FAILED, MALFORMED_JSON) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Missing, invalid or expired credentials (UNAUTHENTICATED) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description The principal lacks the permission, or names an organization it is not a member of (FORBIDDEN) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description The request conflicts with the current state (CONFLICT), or a request with the same Idempotency-Key is still running (IDEMPOTENCY_IN_PROGRESS) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description A business rule refused the request, or the Idempotency-Key was used for another request (IDEMPOTENCY_KEY_REUSED); error.code says which */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Rate limited (RATE_LIMITED); see Retry-After */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description An unexpected error (INTERNAL); the request id identifies it in the logs */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
        };
    };
    completeJob: {
        parameters: {
            query?: never;
            header?: {
                /** @description Makes a retry safe: the first outcome is kept 24 h per (organization, principal, key) and replayed with `Idempotent-Replayed: true`. The same key with a different request is 422 IDEMPOTENCY_KEY_REUSED; while the first is running, 409 IDEMPOTENCY_IN_PROGRESS. */
                "Idempotency-Key"?: string;
                /** @description Act in this organization (one of your memberships) instead of your default one; another is 403. */
                "x-workspace-id"?: string;
            };
            path: {
                id: string;
                jobId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CompleteJobDto"];
            };
        };
        responses: {
            /** @description Recorded */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description The request is malformed or fails validation (VALIDATION_FAILED, MALFORMED_JSON) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Missing, invalid or expired credentials (UNAUTHENTICATED) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description The principal lacks the permission, or names an organization it is not a member of (FORBIDDEN) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description The resource does not exist in this organization (NOT_FOUND) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description The lease is no longer yours (LEASE_LOST) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description A business rule refused the request, or the Idempotency-Key was used for another request (IDEMPOTENCY_KEY_REUSED); error.code says which */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Rate limited (RATE_LIMITED); see Retry-After */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description An unexpected error (INTERNAL); the request id identifies it in the logs */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
        };
    };
    reportJobProgress: {
        parameters: {
            query?: never;
            header?: {
                /** @description Makes a retry safe: the first outcome is kept 24 h per (organization, principal, key) and replayed with `Idempotent-Replayed: true`. The same key with a different request is 422 IDEMPOTENCY_KEY_REUSED; while the first is running, 409 IDEMPOTENCY_IN_PROGRESS. */
                "Idempotency-Key"?: string;
                /** @description Act in this organization (one of your memberships) instead of your default one; another is 403. */
                "x-workspace-id"?: string;
            };
            path: {
                id: string;
                jobId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ReportProgressDto"];
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SuccessEnvelope"] & {
                        data: components["schemas"]["JobDto"];
                    };
                };
            };
            /** @description The request is malformed or fails validation (VALIDATION_FAILED, MALFORMED_JSON) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Missing, invalid or expired credentials (UNAUTHENTICATED) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description The principal lacks the permission, or names an organization it is not a member of (FORBIDDEN) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description The resource does not exist in this organization (NOT_FOUND) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description The lease is no longer yours (LEASE_LOST), or the job was cancelled (JOB_CANCELLED) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description A business rule refused the request, or the Idempotency-Key was used for another request (IDEMPOTENCY_KEY_REUSED); error.code says which */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Rate limited (RATE_LIMITED); see Retry-After */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description An unexpected error (INTERNAL); the request id identifies it in the logs */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
        };
    };
    claimJobs: {
        parameters: {
            query?: {
                /** @description Claim up to this many jobs at once */
                max?: number;
                /** @description Long-poll: wait up to this many seconds for a matching job */
                wait?: number;
            };
            header?: {
                /** @description Makes a retry safe: the first outcome is kept 24 h per (organization, principal, key) and replayed with `Idempotent-Replayed: true`. The same key with a different request is 422 IDEMPOTENCY_KEY_REUSED; while the first is running, 409 IDEMPOTENCY_IN_PROGRESS. */
                "Idempotency-Key"?: string;
                /** @description Act in this organization (one of your memberships) instead of your default one; another is 403. */
                "x-workspace-id"?: string;
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SuccessEnvelope"] & {
                        data: components["schemas"]["ClaimedJobsDto"];
                    };
                };
            };
            /** @description No job for this agent (within `wait` seconds) */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description The request is malformed or fails validation (VALIDATION_FAILED, MALFORMED_JSON) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Missing, invalid or expired credentials (UNAUTHENTICATED) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description The principal lacks the permission, or names an organization it is not a member of (FORBIDDEN) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description The request conflicts with the current state (CONFLICT), or a request with the same Idempotency-Key is still running (IDEMPOTENCY_IN_PROGRESS) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description A business rule refused the request, or the Idempotency-Key was used for another request (IDEMPOTENCY_KEY_REUSED); error.code says which */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Rate limited (RATE_LIMITED); see Retry-After */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description An unexpected error (INTERNAL); the request id identifies it in the logs */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
        };
    };
    setAgentPublicKey: {
        parameters: {
            query?: never;
            header?: {
                /** @description Makes a retry safe: the first outcome is kept 24 h per (organization, principal, key) and replayed with `Idempotent-Replayed: true`. The same key with a different request is 422 IDEMPOTENCY_KEY_REUSED; while the first is running, 409 IDEMPOTENCY_IN_PROGRESS. */
                "Idempotency-Key"?: string;
                /** @description Act in this organization (one of your memberships) instead of your default one; another is 403. */
                "x-workspace-id"?: string;
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["PublicKeyDto"];
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SuccessEnvelope"] & {
                        data: components["schemas"]["AgentDto"];
                    };
                };
            };
            /** @description The request is malformed or fails validation (VALIDATION_FAILED, MALFORMED_JSON) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Missing, invalid or expired credentials (UNAUTHENTICATED) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description The principal lacks the permission, or names an organization it is not a member of (FORBIDDEN) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description The request conflicts with the current state (CONFLICT), or a request with the same Idempotency-Key is still running (IDEMPOTENCY_IN_PROGRESS) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description A business rule refused the request, or the Idempotency-Key was used for another request (IDEMPOTENCY_KEY_REUSED); error.code says which */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Rate limited (RATE_LIMITED); see Retry-After */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description An unexpected error (INTERNAL); the request id identifies it in the logs */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
        };
    };
    revokeAgent: {
        parameters: {
            query?: never;
            header?: {
                /** @description Makes a retry safe: the first outcome is kept 24 h per (organization, principal, key) and replayed with `Idempotent-Replayed: true`. The same key with a different request is 422 IDEMPOTENCY_KEY_REUSED; while the first is running, 409 IDEMPOTENCY_IN_PROGRESS. */
                "Idempotency-Key"?: string;
                /** @description Act in this organization (one of your memberships) instead of your default one; another is 403. */
                "x-workspace-id"?: string;
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SuccessEnvelope"] & {
                        data: components["schemas"]["AgentDto"];
                    };
                };
            };
            /** @description The request is malformed or fails validation (VALIDATION_FAILED, MALFORMED_JSON) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Missing, invalid or expired credentials (UNAUTHENTICATED) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description The principal lacks the permission, or names an organization it is not a member of (FORBIDDEN) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description The resource does not exist in this organization (NOT_FOUND) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description The request conflicts with the current state (CONFLICT), or a request with the same Idempotency-Key is still running (IDEMPOTENCY_IN_PROGRESS) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description A business rule refused the request, or the Idempotency-Key was used for another request (IDEMPOTENCY_KEY_REUSED); error.code says which */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Rate limited (RATE_LIMITED); see Retry-After */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description An unexpected error (INTERNAL); the request id identifies it in the logs */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
        };
    };
    reportDiscoveredSecrets: {
        parameters: {
            query?: never;
            header?: {
                /** @description Makes a retry safe: the first outcome is kept 24 h per (organization, principal, key) and replayed with `Idempotent-Replayed: true`. The same key with a different request is 422 IDEMPOTENCY_KEY_REUSED; while the first is running, 409 IDEMPOTENCY_IN_PROGRESS. */
                "Idempotency-Key"?: string;
                /** @description Act in this organization (one of your memberships) instead of your default one; another is 403. */
                "x-workspace-id"?: string;
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["BulkDiscoveredSecretsDto"];
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SuccessEnvelope"] & {
                        data: components["schemas"]["BulkResultDto"];
                    };
                };
            };
            /** @description The request is malformed or fails validation (VALIDATION_FAILED, MALFORMED_JSON) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Missing, invalid or expired credentials (UNAUTHENTICATED) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description The principal lacks the permission, or names an organization it is not a member of (FORBIDDEN) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description The request conflicts with the current state (CONFLICT), or a request with the same Idempotency-Key is still running (IDEMPOTENCY_IN_PROGRESS) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description A business rule refused the request, or the Idempotency-Key was used for another request (IDEMPOTENCY_KEY_REUSED); error.code says which */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Rate limited (RATE_LIMITED); see Retry-After */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description An unexpected error (INTERNAL); the request id identifies it in the logs */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
        };
    };
    streamAgentTasks: {
        parameters: {
            query?: never;
            header?: {
                /** @description Act in this organization (one of your memberships) instead of your default one; another is 403. */
                "x-workspace-id"?: string;
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Switching to the WebSocket protocol */
            101: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description The request is malformed or fails validation (VALIDATION_FAILED, MALFORMED_JSON) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Missing, invalid or expired credentials (UNAUTHENTICATED) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description The principal lacks the permission, or names an organization it is not a member of (FORBIDDEN) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description A plain GET, not a WebSocket handshake (UPGRADE_REQUIRED) */
            426: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Rate limited (RATE_LIMITED); see Retry-After */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description An unexpected error (INTERNAL); the request id identifies it in the logs */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
        };
    };
    postWrap: {
        parameters: {
            query?: never;
            header?: {
                /** @description Makes a retry safe: the first outcome is kept 24 h per (organization, principal, key) and replayed with `Idempotent-Replayed: true`. The same key with a different request is 422 IDEMPOTENCY_KEY_REUSED; while the first is running, 409 IDEMPOTENCY_IN_PROGRESS. */
                "Idempotency-Key"?: string;
                /** @description Act in this organization (one of your memberships) instead of your default one; another is 403. */
                "x-workspace-id"?: string;
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["PostWrapDto"];
            };
        };
        responses: {
            /** @description Created */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SuccessEnvelope"] & {
                        data: components["schemas"]["PostedWrapDto"];
                    };
                };
            };
            /** @description The request is malformed or fails validation (VALIDATION_FAILED, MALFORMED_JSON) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Missing, invalid or expired credentials (UNAUTHENTICATED) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description The principal lacks the permission, or names an organization it is not a member of (FORBIDDEN) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description The resource does not exist in this organization (NOT_FOUND) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description The request conflicts with the current state (CONFLICT), or a request with the same Idempotency-Key is still running (IDEMPOTENCY_IN_PROGRESS) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description A business rule refused the request, or the Idempotency-Key was used for another request (IDEMPOTENCY_KEY_REUSED); error.code says which */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Rate limited (RATE_LIMITED); see Retry-After */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description An unexpected error (INTERNAL); the request id identifies it in the logs */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
        };
    };
    retrieveAgentWrap: {
        parameters: {
            query?: never;
            header?: {
                /** @description Act in this organization (one of your memberships) instead of your default one; another is 403. */
                "x-workspace-id"?: string;
            };
            path: {
                id: string;
                wrapId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SuccessEnvelope"] & {
                        data: components["schemas"]["AgentWrapDto"];
                    };
                };
            };
            /** @description The request is malformed or fails validation (VALIDATION_FAILED, MALFORMED_JSON) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Missing, invalid or expired credentials (UNAUTHENTICATED) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description The principal lacks the permission, or names an organization it is not a member of (FORBIDDEN) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description The resource does not exist in this organization (NOT_FOUND) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description The request conflicts with the current state (CONFLICT), or a request with the same Idempotency-Key is still running (IDEMPOTENCY_IN_PROGRESS) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description The resource existed and is gone for good (GONE) */
            410: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Rate limited (RATE_LIMITED); see Retry-After */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description An unexpected error (INTERNAL); the request id identifies it in the logs */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
        };
    };
    registerAgent: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["RegisterAgentDto"];
            };
        };
        responses: {
            /** @description Created */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SuccessEnvelope"] & {
                        data: components["schemas"]["AgentCredentialsDto"];
                    };
                };
            };
            /** @description The request is malformed or fails validation (VALIDATION_FAILED, MALFORMED_JSON) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Missing, invalid or expired credentials (UNAUTHENTICATED) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description The request conflicts with the current state (CONFLICT), or a request with the same Idempotency-Key is still running (IDEMPOTENCY_IN_PROGRESS) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description environmentId names no environment of this organization (UNKNOWN_ENVIRONMENT) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Rate limited (RATE_LIMITED); see Retry-After */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description An unexpected error (INTERNAL); the request id identifies it in the logs */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
        };
    };
    listApiKeys: {
        parameters: {
            query?: {
                /** @description Keys acting for this user */
                createdBy?: string;
                /** @description Opaque: the `meta.cursor.next` of the previous page. Continues the list after that page, in its sort (send the same sort, or none), with the filters you send; not with `page` or `offset` */
                cursor?: string;
                /** @description Items per page: the same as `pageSize` (send one of them, or both alike) */
                limit?: number;
                /** @description Items to skip, instead of `page` */
                offset?: number;
                /** @description Page number, from 1 (or `offset`). A deep page costs as many rows as it skips: prefer `cursor` */
                page?: number;
                /** @description Items per page (or `limit`) */
                pageSize?: number;
                /** @description Free-text search */
                q?: string;
                /** @description Comma-separated fields; a leading "-" sorts descending. Each list documents its fields. */
                sort?: string;
                /** @description One field to sort by, instead of `sort` */
                sortBy?: string;
                /** @description The direction of `sortBy` */
                sortOrder?: "asc" | "desc";
                status?: "active" | "disabled" | "revoked" | "expired";
            };
            header?: {
                /** @description Act in this organization (one of your memberships) instead of your default one; another is 403. */
                "x-workspace-id"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description One page of results; meta.cursor.next continues after it, meta.pagination (absent on a page by cursor) counts */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SuccessEnvelope"] & {
                        data: components["schemas"]["ApiKeyDto"][];
                        meta: components["schemas"]["EnvelopeMeta"] & {
                            cursor: components["schemas"]["CursorMeta"];
                            pagination?: components["schemas"]["PaginationMeta"];
                        };
                    };
                };
            };
            /** @description The request is malformed or fails validation (VALIDATION_FAILED, MALFORMED_JSON) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Missing, invalid or expired credentials (UNAUTHENTICATED) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description The principal lacks the permission, or names an organization it is not a member of (FORBIDDEN) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Rate limited (RATE_LIMITED); see Retry-After */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description An unexpected error (INTERNAL); the request id identifies it in the logs */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
        };
    };
    createApiKey: {
        parameters: {
            query?: never;
            header?: {
                /** @description Makes a retry safe: the first outcome is kept 24 h per (organization, principal, key) and replayed with `Idempotent-Replayed: true`. The same key with a different request is 422 IDEMPOTENCY_KEY_REUSED; while the first is running, 409 IDEMPOTENCY_IN_PROGRESS. */
                "Idempotency-Key"?: string;
                /** @description Act in this organization (one of your memberships) instead of your default one; another is 403. */
                "x-workspace-id"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateApiKeyDto"];
            };
        };
        responses: {
            /** @description Created */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SuccessEnvelope"] & {
                        data: components["schemas"]["CreatedApiKeyDto"];
                    };
                };
            };
            /** @description The request is malformed or fails validation (VALIDATION_FAILED, MALFORMED_JSON) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Missing, invalid or expired credentials (UNAUTHENTICATED) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description The principal lacks the permission, or names an organization it is not a member of (FORBIDDEN) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description The request conflicts with the current state (CONFLICT), or a request with the same Idempotency-Key is still running (IDEMPOTENCY_IN_PROGRESS) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description A business rule refused the request, or the Idempotency-Key was used for another request (IDEMPOTENCY_KEY_REUSED); error.code says which */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Rate limited (RATE_LIMITED); see Retry-After */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description An unexpected error (INTERNAL); the request id identifies it in the logs */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
        };
    };
    getApiKey: {
        parameters: {
            query?: never;
            header?: {
                /** @description Act in this organization (one of your memberships) instead of your default one; another is 403. */
                "x-workspace-id"?: string;
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SuccessEnvelope"] & {
                        data: components["schemas"]["ApiKeyDto"];
                    };
                };
            };
            /** @description The request is malformed or fails validation (VALIDATION_FAILED, MALFORMED_JSON) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Missing, invalid or expired credentials (UNAUTHENTICATED) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description The principal lacks the permission, or names an organization it is not a member of (FORBIDDEN) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description The resource does not exist in this organization (NOT_FOUND) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Rate limited (RATE_LIMITED); see Retry-After */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description An unexpected error (INTERNAL); the request id identifies it in the logs */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
        };
    };
    revokeApiKey: {
        parameters: {
            query?: never;
            header?: {
                /** @description Makes a retry safe: the first outcome is kept 24 h per (organization, principal, key) and replayed with `Idempotent-Replayed: true`. The same key with a different request is 422 IDEMPOTENCY_KEY_REUSED; while the first is running, 409 IDEMPOTENCY_IN_PROGRESS. */
                "Idempotency-Key"?: string;
                /** @description Act in this organization (one of your memberships) instead of your default one; another is 403. */
                "x-workspace-id"?: string;
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Done; no content */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description The request is malformed or fails validation (VALIDATION_FAILED, MALFORMED_JSON) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Missing, invalid or expired credentials (UNAUTHENTICATED) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description The principal lacks the permission, or names an organization it is not a member of (FORBIDDEN) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description The resource does not exist in this organization (NOT_FOUND) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description The request conflicts with the current state (CONFLICT), or a request with the same Idempotency-Key is still running (IDEMPOTENCY_IN_PROGRESS) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description A business rule refused the request, or the Idempotency-Key was used for another request (IDEMPOTENCY_KEY_REUSED); error.code says which */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Rate limited (RATE_LIMITED); see Retry-After */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description An unexpected error (INTERNAL); the request id identifies it in the logs */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
        };
    };
    disableApiKey: {
        parameters: {
            query?: never;
            header?: {
                /** @description Makes a retry safe: the first outcome is kept 24 h per (organization, principal, key) and replayed with `Idempotent-Replayed: true`. The same key with a different request is 422 IDEMPOTENCY_KEY_REUSED; while the first is running, 409 IDEMPOTENCY_IN_PROGRESS. */
                "Idempotency-Key"?: string;
                /** @description Act in this organization (one of your memberships) instead of your default one; another is 403. */
                "x-workspace-id"?: string;
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SuccessEnvelope"] & {
                        data: components["schemas"]["ApiKeyDto"];
                    };
                };
            };
            /** @description The request is malformed or fails validation (VALIDATION_FAILED, MALFORMED_JSON) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Missing, invalid or expired credentials (UNAUTHENTICATED) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description The principal lacks the permission, or names an organization it is not a member of (FORBIDDEN) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description The resource does not exist in this organization (NOT_FOUND) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description The request conflicts with the current state (CONFLICT), or a request with the same Idempotency-Key is still running (IDEMPOTENCY_IN_PROGRESS) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description A business rule refused the request, or the Idempotency-Key was used for another request (IDEMPOTENCY_KEY_REUSED); error.code says which */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Rate limited (RATE_LIMITED); see Retry-After */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description An unexpected error (INTERNAL); the request id identifies it in the logs */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
        };
    };
    listArgocdEndpoints: {
        parameters: {
            query?: {
                /** @description Opaque: the `meta.cursor.next` of the previous page. Continues the list after that page, in its sort (send the same sort, or none), with the filters you send; not with `page` or `offset` */
                cursor?: string;
                /** @description Items per page: the same as `pageSize` (send one of them, or both alike) */
                limit?: number;
                /** @description Items to skip, instead of `page` */
                offset?: number;
                /** @description Page number, from 1 (or `offset`). A deep page costs as many rows as it skips: prefer `cursor` */
                page?: number;
                /** @description Items per page (or `limit`) */
                pageSize?: number;
                /** @description Free-text search */
                q?: string;
                /** @description Comma-separated fields; a leading "-" sorts descending. Each list documents its fields. */
                sort?: string;
                /** @description One field to sort by, instead of `sort` */
                sortBy?: string;
                /** @description The direction of `sortBy` */
                sortOrder?: "asc" | "desc";
            };
            header?: {
                /** @description Act in this organization (one of your memberships) instead of your default one; another is 403. */
                "x-workspace-id"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description One page of results; meta.cursor.next continues after it, meta.pagination (absent on a page by cursor) counts */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SuccessEnvelope"] & {
                        data: components["schemas"]["ArgocdEndpointDto"][];
                        meta: components["schemas"]["EnvelopeMeta"] & {
                            cursor: components["schemas"]["CursorMeta"];
                            pagination?: components["schemas"]["PaginationMeta"];
                        };
                    };
                };
            };
            /** @description The request is malformed or fails validation (VALIDATION_FAILED, MALFORMED_JSON) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Missing, invalid or expired credentials (UNAUTHENTICATED) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description The principal lacks the permission, or names an organization it is not a member of (FORBIDDEN) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description GitOps is off (GITOPS_ENABLED is not true): ROUTE_NOT_FOUND, as for an absent route */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Rate limited (RATE_LIMITED); see Retry-After */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description An unexpected error (INTERNAL); the request id identifies it in the logs */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
        };
    };
    createArgocdEndpoint: {
        parameters: {
            query?: never;
            header?: {
                /** @description Makes a retry safe: the first outcome is kept 24 h per (organization, principal, key) and replayed with `Idempotent-Replayed: true`. The same key with a different request is 422 IDEMPOTENCY_KEY_REUSED; while the first is running, 409 IDEMPOTENCY_IN_PROGRESS. */
                "Idempotency-Key"?: string;
                /** @description Act in this organization (one of your memberships) instead of your default one; another is 403. */
                "x-workspace-id"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateArgocdEndpointDto"];
            };
        };
        responses: {
            /** @description Created */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SuccessEnvelope"] & {
                        data: components["schemas"]["ArgocdEndpointDto"];
                    };
                };
            };
            /** @description The request is malformed or fails validation (VALIDATION_FAILED, MALFORMED_JSON) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Missing, invalid or expired credentials (UNAUTHENTICATED) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description The principal lacks the permission, or names an organization it is not a member of (FORBIDDEN) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description GitOps is off (GITOPS_ENABLED is not true): ROUTE_NOT_FOUND, as for an absent route */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description The request conflicts with the current state (CONFLICT), or a request with the same Idempotency-Key is still running (IDEMPOTENCY_IN_PROGRESS) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description A business rule refused the request, or the Idempotency-Key was used for another request (IDEMPOTENCY_KEY_REUSED); error.code says which */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Rate limited (RATE_LIMITED); see Retry-After */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description An unexpected error (INTERNAL); the request id identifies it in the logs */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
        };
    };
    deleteArgocdEndpoint: {
        parameters: {
            query?: never;
            header?: {
                /** @description Makes a retry safe: the first outcome is kept 24 h per (organization, principal, key) and replayed with `Idempotent-Replayed: true`. The same key with a different request is 422 IDEMPOTENCY_KEY_REUSED; while the first is running, 409 IDEMPOTENCY_IN_PROGRESS. */
                "Idempotency-Key"?: string;
                /** @description Act in this organization (one of your memberships) instead of your default one; another is 403. */
                "x-workspace-id"?: string;
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Done; no content */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description The request is malformed or fails validation (VALIDATION_FAILED, MALFORMED_JSON) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Missing, invalid or expired credentials (UNAUTHENTICATED) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description The principal lacks the permission, or names an organization it is not a member of (FORBIDDEN) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description The Argo CD endpoint does not exist in this organization (NOT_FOUND), or GitOps is off (ROUTE_NOT_FOUND, as for an absent route) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description App mappings still refer to the endpoint (CONFLICT) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description A business rule refused the request, or the Idempotency-Key was used for another request (IDEMPOTENCY_KEY_REUSED); error.code says which */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Rate limited (RATE_LIMITED); see Retry-After */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description An unexpected error (INTERNAL); the request id identifies it in the logs */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
        };
    };
    discoverArgocdApplications: {
        parameters: {
            query?: never;
            header?: {
                /** @description Act in this organization (one of your memberships) instead of your default one; another is 403. */
                "x-workspace-id"?: string;
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The applications, by name */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SuccessEnvelope"] & {
                        data: components["schemas"]["ArgocdApplicationDto"][];
                    };
                };
            };
            /** @description The request is malformed or fails validation (VALIDATION_FAILED, MALFORMED_JSON) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Missing, invalid or expired credentials (UNAUTHENTICATED) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description The principal lacks the permission, or names an organization it is not a member of (FORBIDDEN) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description The Argo CD endpoint does not exist in this organization (NOT_FOUND), or GitOps is off (ROUTE_NOT_FOUND, as for an absent route) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description The endpoint is disabled (CONFLICT) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Rate limited (RATE_LIMITED); see Retry-After */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description An unexpected error (INTERNAL); the request id identifies it in the logs */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Argo CD could not be asked: unreachable, too slow or a bad answer (UPSTREAM_UNAVAILABLE), or it refused the token (UPSTREAM_UNAUTHORIZED) */
            502: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
        };
    };
    setArgocdEndpointEnabled: {
        parameters: {
            query?: never;
            header?: {
                /** @description Makes a retry safe: the first outcome is kept 24 h per (organization, principal, key) and replayed with `Idempotent-Replayed: true`. The same key with a different request is 422 IDEMPOTENCY_KEY_REUSED; while the first is running, 409 IDEMPOTENCY_IN_PROGRESS. */
                "Idempotency-Key"?: string;
                /** @description Act in this organization (one of your memberships) instead of your default one; another is 403. */
                "x-workspace-id"?: string;
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["SetArgocdEndpointEnabledDto"];
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SuccessEnvelope"] & {
                        data: components["schemas"]["ArgocdEndpointDto"];
                    };
                };
            };
            /** @description The request is malformed or fails validation (VALIDATION_FAILED, MALFORMED_JSON) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Missing, invalid or expired credentials (UNAUTHENTICATED) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description The principal lacks the permission, or names an organization it is not a member of (FORBIDDEN) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description The Argo CD endpoint does not exist in this organization (NOT_FOUND), or GitOps is off (ROUTE_NOT_FOUND, as for an absent route) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description The request conflicts with the current state (CONFLICT), or a request with the same Idempotency-Key is still running (IDEMPOTENCY_IN_PROGRESS) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description A business rule refused the request, or the Idempotency-Key was used for another request (IDEMPOTENCY_KEY_REUSED); error.code says which */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Rate limited (RATE_LIMITED); see Retry-After */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description An unexpected error (INTERNAL); the request id identifies it in the logs */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
        };
    };
    listAuditCredentials: {
        parameters: {
            query?: {
                kind?: "api_key" | "agent_secret" | "enrollment_token";
                /** @description Items per page: the same as `pageSize` (send one of them, or both alike) */
                limit?: number;
                /** @description Items to skip, instead of `page` */
                offset?: number;
                /** @description Page number, from 1 (or `offset`). A deep page costs as many rows as it skips: prefer `cursor` */
                page?: number;
                /** @description Items per page (or `limit`) */
                pageSize?: number;
                /** @description Free-text search */
                q?: string;
                /** @description Comma-separated fields; a leading "-" sorts descending. Each list documents its fields. */
                sort?: string;
                /** @description One field to sort by, instead of `sort` */
                sortBy?: string;
                /** @description The direction of `sortBy` */
                sortOrder?: "asc" | "desc";
                state?: "active" | "disabled" | "revoked" | "expired";
            };
            header?: {
                /** @description Act in this organization (one of your memberships) instead of your default one; another is 403. */
                "x-workspace-id"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description One page of results */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SuccessEnvelope"] & {
                        data: components["schemas"]["CredentialDto"][];
                        meta: components["schemas"]["EnvelopeMeta"] & {
                            pagination: components["schemas"]["PaginationMeta"];
                        };
                    };
                };
            };
            /** @description The request is malformed or fails validation (VALIDATION_FAILED, MALFORMED_JSON) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Missing, invalid or expired credentials (UNAUTHENTICATED) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description The principal lacks the permission, or names an organization it is not a member of (FORBIDDEN) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Rate limited (RATE_LIMITED); see Retry-After */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description An unexpected error (INTERNAL); the request id identifies it in the logs */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
        };
    };
    listAuditEvents: {
        parameters: {
            query?: {
                /** @description An action, or a prefix ending in * */
                action?: string;
                /** @description Actor id (a user, API key or agent id) */
                actor?: string;
                /** @description The request's x-correlation-id */
                correlation_id?: string;
                /** @description Opaque: the `meta.cursor.next` of the previous page */
                cursor?: string;
                limit?: number;
                /** @description A resource type, or type:id */
                resource?: string;
                /** @description From this time (inclusive) */
                since?: string;
                /** @description Before this time */
                until?: string;
            };
            header?: {
                /** @description Act in this organization (one of your memberships) instead of your default one; another is 403. */
                "x-workspace-id"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Items, newest first; follow meta.cursor.next for more */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SuccessEnvelope"] & {
                        data: components["schemas"]["AuditEventDto"][];
                        meta: components["schemas"]["EnvelopeMeta"] & {
                            cursor: components["schemas"]["CursorMeta"];
                        };
                    };
                };
            };
            /** @description The request is malformed or fails validation (VALIDATION_FAILED, MALFORMED_JSON) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Missing, invalid or expired credentials (UNAUTHENTICATED) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description The principal lacks the permission, or names an organization it is not a member of (FORBIDDEN) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Rate limited (RATE_LIMITED); see Retry-After */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description An unexpected error (INTERNAL); the request id identifies it in the logs */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
        };
    };
    verifyAuditChain: {
        parameters: {
            query?: never;
            header?: {
                /** @description Act in this organization (one of your memberships) instead of your default one; another is 403. */
                "x-workspace-id"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SuccessEnvelope"] & {
                        data: components["schemas"]["ChainVerificationDto"];
                    };
                };
            };
            /** @description The request is malformed or fails validation (VALIDATION_FAILED, MALFORMED_JSON) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Missing, invalid or expired credentials (UNAUTHENTICATED) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description The principal lacks the permission, or names an organization it is not a member of (FORBIDDEN) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Rate limited (RATE_LIMITED); see Retry-After */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description An unexpected error (INTERNAL); the request id identifies it in the logs */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
        };
    };
    listPlatformAuditLogs: {
        parameters: {
            query?: {
                /** @description An action, or a prefix ending in * */
                action?: string;
                /** @description Actor id (a user, API key or agent id) */
                actor?: string;
                /** @description The request's x-correlation-id */
                correlation_id?: string;
                /** @description Opaque: the `meta.cursor.next` of the previous page */
                cursor?: string;
                limit?: number;
                /** @description One organization only */
                organization_id?: string;
                /** @description A resource type, or type:id */
                resource?: string;
                /** @description From this time (inclusive) */
                since?: string;
                /** @description Before this time */
                until?: string;
            };
            header?: {
                /** @description Act in this organization (one of your memberships) instead of your default one; another is 403. */
                "x-workspace-id"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Items, newest first; follow meta.cursor.next for more */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SuccessEnvelope"] & {
                        data: components["schemas"]["AuditEventDto"][];
                        meta: components["schemas"]["EnvelopeMeta"] & {
                            cursor: components["schemas"]["CursorMeta"];
                        };
                    };
                };
            };
            /** @description The request is malformed or fails validation (VALIDATION_FAILED, MALFORMED_JSON) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Missing, invalid or expired credentials (UNAUTHENTICATED) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description The principal lacks the permission, or names an organization it is not a member of (FORBIDDEN) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Rate limited (RATE_LIMITED); see Retry-After */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description An unexpected error (INTERNAL); the request id identifies it in the logs */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
        };
    };
    login: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["LoginDto"];
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SuccessEnvelope"] & {
                        data: components["schemas"]["TokenPairDto"];
                    };
                };
            };
            /** @description The request is malformed or fails validation (VALIDATION_FAILED, MALFORMED_JSON) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Missing, invalid or expired credentials (UNAUTHENTICATED) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description The principal lacks the permission, or names an organization it is not a member of (FORBIDDEN) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Rate limited (RATE_LIMITED); see Retry-After */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description An unexpected error (INTERNAL); the request id identifies it in the logs */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
        };
    };
    logout: {
        parameters: {
            query?: never;
            header?: {
                /** @description Makes a retry safe: the first outcome is kept 24 h per (organization, principal, key) and replayed with `Idempotent-Replayed: true`. The same key with a different request is 422 IDEMPOTENCY_KEY_REUSED; while the first is running, 409 IDEMPOTENCY_IN_PROGRESS. */
                "Idempotency-Key"?: string;
                /** @description Act in this organization (one of your memberships) instead of your default one; another is 403. */
                "x-workspace-id"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Done; no content */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description The request is malformed or fails validation (VALIDATION_FAILED, MALFORMED_JSON) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Missing, invalid or expired credentials (UNAUTHENTICATED) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description The principal lacks the permission, or names an organization it is not a member of (FORBIDDEN) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description The request conflicts with the current state (CONFLICT), or a request with the same Idempotency-Key is still running (IDEMPOTENCY_IN_PROGRESS) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description A business rule refused the request, or the Idempotency-Key was used for another request (IDEMPOTENCY_KEY_REUSED); error.code says which */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Rate limited (RATE_LIMITED); see Retry-After */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description An unexpected error (INTERNAL); the request id identifies it in the logs */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
        };
    };
    getAuthenticatedUser: {
        parameters: {
            query?: never;
            header?: {
                /** @description Act in this organization (one of your memberships) instead of your default one; another is 403. */
                "x-workspace-id"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SuccessEnvelope"] & {
                        data: components["schemas"]["UserDto"];
                    };
                };
            };
            /** @description The request is malformed or fails validation (VALIDATION_FAILED, MALFORMED_JSON) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Missing, invalid or expired credentials (UNAUTHENTICATED) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description The principal lacks the permission, or names an organization it is not a member of (FORBIDDEN) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Rate limited (RATE_LIMITED); see Retry-After */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description An unexpected error (INTERNAL); the request id identifies it in the logs */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
        };
    };
    refreshSession: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["RefreshDto"];
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SuccessEnvelope"] & {
                        data: components["schemas"]["TokenPairDto"];
                    };
                };
            };
            /** @description The request is malformed or fails validation (VALIDATION_FAILED, MALFORMED_JSON) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Missing, invalid or expired credentials (UNAUTHENTICATED) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Rate limited (RATE_LIMITED); see Retry-After */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description An unexpected error (INTERNAL); the request id identifies it in the logs */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
        };
    };
    checkPermission: {
        parameters: {
            query?: never;
            header?: {
                /** @description Makes a retry safe: the first outcome is kept 24 h per (organization, principal, key) and replayed with `Idempotent-Replayed: true`. The same key with a different request is 422 IDEMPOTENCY_KEY_REUSED; while the first is running, 409 IDEMPOTENCY_IN_PROGRESS. */
                "Idempotency-Key"?: string;
                /** @description Act in this organization (one of your memberships) instead of your default one; another is 403. */
                "x-workspace-id"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["AuthzCheckDto"];
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SuccessEnvelope"] & {
                        data: components["schemas"]["AuthzDecisionDto"];
                    };
                };
            };
            /** @description The request is malformed or fails validation (VALIDATION_FAILED, MALFORMED_JSON) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Missing, invalid or expired credentials (UNAUTHENTICATED) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description The principal lacks the permission, or names an organization it is not a member of (FORBIDDEN) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description The resource does not exist in this organization (NOT_FOUND) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description The request conflicts with the current state (CONFLICT), or a request with the same Idempotency-Key is still running (IDEMPOTENCY_IN_PROGRESS) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description A business rule refused the request, or the Idempotency-Key was used for another request (IDEMPOTENCY_KEY_REUSED); error.code says which */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Rate limited (RATE_LIMITED); see Retry-After */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description An unexpected error (INTERNAL); the request id identifies it in the logs */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
        };
    };
    checkPermissions: {
        parameters: {
            query?: never;
            header?: {
                /** @description Makes a retry safe: the first outcome is kept 24 h per (organization, principal, key) and replayed with `Idempotent-Replayed: true`. The same key with a different request is 422 IDEMPOTENCY_KEY_REUSED; while the first is running, 409 IDEMPOTENCY_IN_PROGRESS. */
                "Idempotency-Key"?: string;
                /** @description Act in this organization (one of your memberships) instead of your default one; another is 403. */
                "x-workspace-id"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["AuthzBatchDto"];
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SuccessEnvelope"] & {
                        data: components["schemas"]["AuthzBatchResultDto"];
                    };
                };
            };
            /** @description The request is malformed or fails validation (VALIDATION_FAILED, MALFORMED_JSON) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Missing, invalid or expired credentials (UNAUTHENTICATED) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description The principal lacks the permission, or names an organization it is not a member of (FORBIDDEN) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description The resource does not exist in this organization (NOT_FOUND) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description The request conflicts with the current state (CONFLICT), or a request with the same Idempotency-Key is still running (IDEMPOTENCY_IN_PROGRESS) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description A business rule refused the request, or the Idempotency-Key was used for another request (IDEMPOTENCY_KEY_REUSED); error.code says which */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Rate limited (RATE_LIMITED); see Retry-After */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description An unexpected error (INTERNAL); the request id identifies it in the logs */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
        };
    };
    streamDashboard: {
        parameters: {
            query?: {
                /** @description Events about this resource only */
                resourceId?: string;
                resourceType?: string;
                /** @description Event types (repeated, or comma-separated); a trailing * matches a prefix */
                types?: string[];
            };
            header?: {
                /** @description Act in this organization (one of your memberships) instead of your default one; another is 403. */
                "x-workspace-id"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Switching to the WebSocket protocol */
            101: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description The request is malformed or fails validation (VALIDATION_FAILED, MALFORMED_JSON) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Missing, invalid or expired credentials (UNAUTHENTICATED) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description The principal lacks the permission, or names an organization it is not a member of (FORBIDDEN) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description A plain GET, not a WebSocket handshake (UPGRADE_REQUIRED) */
            426: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Rate limited (RATE_LIMITED); see Retry-After */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description An unexpected error (INTERNAL); the request id identifies it in the logs */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
        };
    };
    getEnrollment: {
        parameters: {
            query?: {
                /** @description An environment's token instead of the organization's */
                environmentId?: string;
            };
            header?: {
                /** @description Act in this organization (one of your memberships) instead of your default one; another is 403. */
                "x-workspace-id"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SuccessEnvelope"] & {
                        data: components["schemas"]["EnrollmentDto"];
                    };
                };
            };
            /** @description The request is malformed or fails validation (VALIDATION_FAILED, MALFORMED_JSON) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Missing, invalid or expired credentials (UNAUTHENTICATED) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description The principal lacks the permission, or names an organization it is not a member of (FORBIDDEN) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Rate limited (RATE_LIMITED); see Retry-After */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description An unexpected error (INTERNAL); the request id identifies it in the logs */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
        };
    };
    rotateEnrollment: {
        parameters: {
            query?: never;
            header?: {
                /** @description Makes a retry safe: the first outcome is kept 24 h per (organization, principal, key) and replayed with `Idempotent-Replayed: true`. The same key with a different request is 422 IDEMPOTENCY_KEY_REUSED; while the first is running, 409 IDEMPOTENCY_IN_PROGRESS. */
                "Idempotency-Key"?: string;
                /** @description Act in this organization (one of your memberships) instead of your default one; another is 403. */
                "x-workspace-id"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["RotateEnrollmentDto"];
            };
        };
        responses: {
            /** @description Created */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SuccessEnvelope"] & {
                        data: components["schemas"]["RotatedEnrollmentDto"];
                    };
                };
            };
            /** @description The request is malformed or fails validation (VALIDATION_FAILED, MALFORMED_JSON) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Missing, invalid or expired credentials (UNAUTHENTICATED) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description The principal lacks the permission, or names an organization it is not a member of (FORBIDDEN) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description The request conflicts with the current state (CONFLICT), or a request with the same Idempotency-Key is still running (IDEMPOTENCY_IN_PROGRESS) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description environmentId names no environment of this organization (UNKNOWN_ENVIRONMENT) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Rate limited (RATE_LIMITED); see Retry-After */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description An unexpected error (INTERNAL); the request id identifies it in the logs */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
        };
    };
    listEnvironments: {
        parameters: {
            query?: {
                /** @description Environments spanning this cluster */
                cluster?: string;
                /** @description Opaque: the `meta.cursor.next` of the previous page. Continues the list after that page, in its sort (send the same sort, or none), with the filters you send; not with `page` or `offset` */
                cursor?: string;
                /** @description Items per page: the same as `pageSize` (send one of them, or both alike) */
                limit?: number;
                /** @description Items to skip, instead of `page` */
                offset?: number;
                /** @description Page number, from 1 (or `offset`). A deep page costs as many rows as it skips: prefer `cursor` */
                page?: number;
                /** @description Items per page (or `limit`) */
                pageSize?: number;
                projectId?: string;
                /** @description Free-text search */
                q?: string;
                /** @description Comma-separated fields; a leading "-" sorts descending. Each list documents its fields. */
                sort?: string;
                /** @description One field to sort by, instead of `sort` */
                sortBy?: string;
                /** @description The direction of `sortBy` */
                sortOrder?: "asc" | "desc";
                tier?: "development" | "testing" | "staging" | "production" | "other";
            };
            header?: {
                /** @description Act in this organization (one of your memberships) instead of your default one; another is 403. */
                "x-workspace-id"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description One page of results; meta.cursor.next continues after it, meta.pagination (absent on a page by cursor) counts */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SuccessEnvelope"] & {
                        data: components["schemas"]["EnvironmentDto"][];
                        meta: components["schemas"]["EnvelopeMeta"] & {
                            cursor: components["schemas"]["CursorMeta"];
                            pagination?: components["schemas"]["PaginationMeta"];
                        };
                    };
                };
            };
            /** @description The request is malformed or fails validation (VALIDATION_FAILED, MALFORMED_JSON) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Missing, invalid or expired credentials (UNAUTHENTICATED) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description The principal lacks the permission, or names an organization it is not a member of (FORBIDDEN) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Rate limited (RATE_LIMITED); see Retry-After */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description An unexpected error (INTERNAL); the request id identifies it in the logs */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
        };
    };
    createEnvironment: {
        parameters: {
            query?: never;
            header?: {
                /** @description Makes a retry safe: the first outcome is kept 24 h per (organization, principal, key) and replayed with `Idempotent-Replayed: true`. The same key with a different request is 422 IDEMPOTENCY_KEY_REUSED; while the first is running, 409 IDEMPOTENCY_IN_PROGRESS. */
                "Idempotency-Key"?: string;
                /** @description Act in this organization (one of your memberships) instead of your default one; another is 403. */
                "x-workspace-id"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateEnvironmentDto"];
            };
        };
        responses: {
            /** @description Created */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SuccessEnvelope"] & {
                        data: components["schemas"]["EnvironmentDto"];
                    };
                };
            };
            /** @description The request is malformed or fails validation (VALIDATION_FAILED, MALFORMED_JSON) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Missing, invalid or expired credentials (UNAUTHENTICATED) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description The principal lacks the permission, or names an organization it is not a member of (FORBIDDEN) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description The resource does not exist in this organization (NOT_FOUND) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description The request conflicts with the current state (CONFLICT), or a request with the same Idempotency-Key is still running (IDEMPOTENCY_IN_PROGRESS) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description A business rule refused the request, or the Idempotency-Key was used for another request (IDEMPOTENCY_KEY_REUSED); error.code says which */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Rate limited (RATE_LIMITED); see Retry-After */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description An unexpected error (INTERNAL); the request id identifies it in the logs */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
        };
    };
    getEnvironment: {
        parameters: {
            query?: never;
            header?: {
                /** @description Act in this organization (one of your memberships) instead of your default one; another is 403. */
                "x-workspace-id"?: string;
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SuccessEnvelope"] & {
                        data: components["schemas"]["EnvironmentDto"];
                    };
                };
            };
            /** @description The request is malformed or fails validation (VALIDATION_FAILED, MALFORMED_JSON) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Missing, invalid or expired credentials (UNAUTHENTICATED) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description The principal lacks the permission, or names an organization it is not a member of (FORBIDDEN) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description The resource does not exist in this organization (NOT_FOUND) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Rate limited (RATE_LIMITED); see Retry-After */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description An unexpected error (INTERNAL); the request id identifies it in the logs */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
        };
    };
    updateEnvironment: {
        parameters: {
            query?: never;
            header?: {
                /** @description Makes a retry safe: the first outcome is kept 24 h per (organization, principal, key) and replayed with `Idempotent-Replayed: true`. The same key with a different request is 422 IDEMPOTENCY_KEY_REUSED; while the first is running, 409 IDEMPOTENCY_IN_PROGRESS. */
                "Idempotency-Key"?: string;
                /** @description Act in this organization (one of your memberships) instead of your default one; another is 403. */
                "x-workspace-id"?: string;
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["UpdateEnvironmentDto"];
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SuccessEnvelope"] & {
                        data: components["schemas"]["EnvironmentDto"];
                    };
                };
            };
            /** @description The request is malformed or fails validation (VALIDATION_FAILED, MALFORMED_JSON) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Missing, invalid or expired credentials (UNAUTHENTICATED) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description The principal lacks the permission, or names an organization it is not a member of (FORBIDDEN) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description The resource does not exist in this organization (NOT_FOUND) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description The request conflicts with the current state (CONFLICT), or a request with the same Idempotency-Key is still running (IDEMPOTENCY_IN_PROGRESS) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description A business rule refused the request, or the Idempotency-Key was used for another request (IDEMPOTENCY_KEY_REUSED); error.code says which */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Rate limited (RATE_LIMITED); see Retry-After */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description An unexpected error (INTERNAL); the request id identifies it in the logs */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
        };
    };
    deleteEnvironment: {
        parameters: {
            query?: never;
            header?: {
                /** @description Makes a retry safe: the first outcome is kept 24 h per (organization, principal, key) and replayed with `Idempotent-Replayed: true`. The same key with a different request is 422 IDEMPOTENCY_KEY_REUSED; while the first is running, 409 IDEMPOTENCY_IN_PROGRESS. */
                "Idempotency-Key"?: string;
                /** @description Act in this organization (one of your memberships) instead of your default one; another is 403. */
                "x-workspace-id"?: string;
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Done; no content */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description The request is malformed or fails validation (VALIDATION_FAILED, MALFORMED_JSON) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Missing, invalid or expired credentials (UNAUTHENTICATED) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description The principal lacks the permission, or names an organization it is not a member of (FORBIDDEN) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description The resource does not exist in this organization (NOT_FOUND) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description The request conflicts with the current state (CONFLICT), or a request with the same Idempotency-Key is still running (IDEMPOTENCY_IN_PROGRESS) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description A business rule refused the request, or the Idempotency-Key was used for another request (IDEMPOTENCY_KEY_REUSED); error.code says which */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Rate limited (RATE_LIMITED); see Retry-After */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description An unexpected error (INTERNAL); the request id identifies it in the logs */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
        };
    };
    listFreezeWindows: {
        parameters: {
            query?: {
                /** @description Opaque: the `meta.cursor.next` of the previous page. Continues the list after that page, in its sort (send the same sort, or none), with the filters you send; not with `page` or `offset` */
                cursor?: string;
                /** @description Items per page: the same as `pageSize` (send one of them, or both alike) */
                limit?: number;
                /** @description Items to skip, instead of `page` */
                offset?: number;
                /** @description Page number, from 1 (or `offset`). A deep page costs as many rows as it skips: prefer `cursor` */
                page?: number;
                /** @description Items per page (or `limit`) */
                pageSize?: number;
                /** @description Free-text search */
                q?: string;
                /** @description Comma-separated fields; a leading "-" sorts descending. Each list documents its fields. */
                sort?: string;
                /** @description One field to sort by, instead of `sort` */
                sortBy?: string;
                /** @description The direction of `sortBy` */
                sortOrder?: "asc" | "desc";
                when?: "active" | "upcoming" | "past";
            };
            header?: {
                /** @description Act in this organization (one of your memberships) instead of your default one; another is 403. */
                "x-workspace-id"?: string;
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description One page of results; meta.cursor.next continues after it, meta.pagination (absent on a page by cursor) counts */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SuccessEnvelope"] & {
                        data: components["schemas"]["FreezeWindowDto"][];
                        meta: components["schemas"]["EnvelopeMeta"] & {
                            cursor: components["schemas"]["CursorMeta"];
                            pagination?: components["schemas"]["PaginationMeta"];
                        };
                    };
                };
            };
            /** @description The request is malformed or fails validation (VALIDATION_FAILED, MALFORMED_JSON) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Missing, invalid or expired credentials (UNAUTHENTICATED) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description The principal lacks the permission, or names an organization it is not a member of (FORBIDDEN) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description The resource does not exist in this organization (NOT_FOUND) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Rate limited (RATE_LIMITED); see Retry-After */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description An unexpected error (INTERNAL); the request id identifies it in the logs */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
        };
    };
    createFreezeWindow: {
        parameters: {
            query?: never;
            header?: {
                /** @description Makes a retry safe: the first outcome is kept 24 h per (organization, principal, key) and replayed with `Idempotent-Replayed: true`. The same key with a different request is 422 IDEMPOTENCY_KEY_REUSED; while the first is running, 409 IDEMPOTENCY_IN_PROGRESS. */
                "Idempotency-Key"?: string;
                /** @description Act in this organization (one of your memberships) instead of your default one; another is 403. */
                "x-workspace-id"?: string;
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateFreezeWindowDto"];
            };
        };
        responses: {
            /** @description Created */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SuccessEnvelope"] & {
                        data: components["schemas"]["FreezeWindowDto"];
                    };
                };
            };
            /** @description The request is malformed or fails validation (VALIDATION_FAILED, MALFORMED_JSON) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Missing, invalid or expired credentials (UNAUTHENTICATED) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description The principal lacks the permission, or names an organization it is not a member of (FORBIDDEN) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description The resource does not exist in this organization (NOT_FOUND) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description The request conflicts with the current state (CONFLICT), or a request with the same Idempotency-Key is still running (IDEMPOTENCY_IN_PROGRESS) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description A business rule refused the request, or the Idempotency-Key was used for another request (IDEMPOTENCY_KEY_REUSED); error.code says which */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Rate limited (RATE_LIMITED); see Retry-After */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description An unexpected error (INTERNAL); the request id identifies it in the logs */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
        };
    };
    deleteFreezeWindow: {
        parameters: {
            query?: never;
            header?: {
                /** @description Makes a retry safe: the first outcome is kept 24 h per (organization, principal, key) and replayed with `Idempotent-Replayed: true`. The same key with a different request is 422 IDEMPOTENCY_KEY_REUSED; while the first is running, 409 IDEMPOTENCY_IN_PROGRESS. */
                "Idempotency-Key"?: string;
                /** @description Act in this organization (one of your memberships) instead of your default one; another is 403. */
                "x-workspace-id"?: string;
            };
            path: {
                id: string;
                windowId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Done; no content */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description The request is malformed or fails validation (VALIDATION_FAILED, MALFORMED_JSON) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Missing, invalid or expired credentials (UNAUTHENTICATED) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description The principal lacks the permission, or names an organization it is not a member of (FORBIDDEN) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description The resource does not exist in this organization (NOT_FOUND) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description The request conflicts with the current state (CONFLICT), or a request with the same Idempotency-Key is still running (IDEMPOTENCY_IN_PROGRESS) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description A business rule refused the request, or the Idempotency-Key was used for another request (IDEMPOTENCY_KEY_REUSED); error.code says which */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Rate limited (RATE_LIMITED); see Retry-After */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description An unexpected error (INTERNAL); the request id identifies it in the logs */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
        };
    };
    listOutboxEvents: {
        parameters: {
            query?: {
                /** @description Opaque: the `meta.cursor.next` of the previous page */
                cursor?: string;
                limit?: number;
                resourceId?: string;
                resourceType?: string;
                /** @description Occurred at or after */
                since?: string;
                /** @description Event types (repeated, or comma-separated); a trailing * matches a prefix */
                types?: string[];
            };
            header?: {
                /** @description Act in this organization (one of your memberships) instead of your default one; another is 403. */
                "x-workspace-id"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Items, newest first; follow meta.cursor.next for more */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SuccessEnvelope"] & {
                        data: components["schemas"]["DomainEvent"][];
                        meta: components["schemas"]["EnvelopeMeta"] & {
                            cursor: components["schemas"]["CursorMeta"];
                        };
                    };
                };
            };
            /** @description The request is malformed or fails validation (VALIDATION_FAILED, MALFORMED_JSON) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Missing, invalid or expired credentials (UNAUTHENTICATED) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description The principal lacks the permission, or names an organization it is not a member of (FORBIDDEN) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Rate limited (RATE_LIMITED); see Retry-After */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description An unexpected error (INTERNAL); the request id identifies it in the logs */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
        };
    };
    streamEvents: {
        parameters: {
            query?: {
                /** @description Events about this resource only */
                resourceId?: string;
                resourceType?: string;
                /** @description Event types (repeated, or comma-separated); a trailing * matches a prefix */
                types?: string[];
            };
            header?: {
                /** @description Resume after this event */
                "Last-Event-ID"?: string;
                /** @description Act in this organization (one of your memberships) instead of your default one; another is 403. */
                "x-workspace-id"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description An event stream */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/event-stream": string;
                };
            };
            /** @description The request is malformed or fails validation (VALIDATION_FAILED, MALFORMED_JSON) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Missing, invalid or expired credentials (UNAUTHENTICATED) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description The principal lacks the permission, or names an organization it is not a member of (FORBIDDEN) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Rate limited (RATE_LIMITED); see Retry-After */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description An unexpected error (INTERNAL); the request id identifies it in the logs */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
        };
    };
    streamEventsOverWebSocket: {
        parameters: {
            query?: {
                /** @description Resume after this event (a cursor from an earlier message) */
                after?: string;
                /** @description Events about this resource only */
                resourceId?: string;
                resourceType?: string;
                /** @description Event types (repeated, or comma-separated); a trailing * matches a prefix */
                types?: string[];
            };
            header?: {
                /** @description Act in this organization (one of your memberships) instead of your default one; another is 403. */
                "x-workspace-id"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Switching to the WebSocket protocol */
            101: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description The request is malformed or fails validation (VALIDATION_FAILED, MALFORMED_JSON) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Missing, invalid or expired credentials (UNAUTHENTICATED) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description The principal lacks the permission, or names an organization it is not a member of (FORBIDDEN) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description A plain GET, not a WebSocket handshake (UPGRADE_REQUIRED) */
            426: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Rate limited (RATE_LIMITED); see Retry-After */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description An unexpected error (INTERNAL); the request id identifies it in the logs */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
        };
    };
    listGitopsAppMappings: {
        parameters: {
            query?: {
                cluster_name?: string;
                /** @description Opaque: the `meta.cursor.next` of the previous page. Continues the list after that page, in its sort (send the same sort, or none), with the filters you send; not with `page` or `offset` */
                cursor?: string;
                endpoint_id?: string;
                /** @description Items per page: the same as `pageSize` (send one of them, or both alike) */
                limit?: number;
                /** @description Items to skip, instead of `page` */
                offset?: number;
                /** @description Page number, from 1 (or `offset`). A deep page costs as many rows as it skips: prefer `cursor` */
                page?: number;
                /** @description Items per page (or `limit`) */
                pageSize?: number;
                /** @description Free-text search */
                q?: string;
                /** @description Comma-separated fields; a leading "-" sorts descending. Each list documents its fields. */
                sort?: string;
                /** @description One field to sort by, instead of `sort` */
                sortBy?: string;
                /** @description The direction of `sortBy` */
                sortOrder?: "asc" | "desc";
            };
            header?: {
                /** @description Act in this organization (one of your memberships) instead of your default one; another is 403. */
                "x-workspace-id"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description One page of results; meta.cursor.next continues after it, meta.pagination (absent on a page by cursor) counts */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SuccessEnvelope"] & {
                        data: components["schemas"]["GitopsAppMappingDto"][];
                        meta: components["schemas"]["EnvelopeMeta"] & {
                            cursor: components["schemas"]["CursorMeta"];
                            pagination?: components["schemas"]["PaginationMeta"];
                        };
                    };
                };
            };
            /** @description The request is malformed or fails validation (VALIDATION_FAILED, MALFORMED_JSON) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Missing, invalid or expired credentials (UNAUTHENTICATED) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description The principal lacks the permission, or names an organization it is not a member of (FORBIDDEN) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description GitOps is off (GITOPS_ENABLED is not true): ROUTE_NOT_FOUND, as for an absent route */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Rate limited (RATE_LIMITED); see Retry-After */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description An unexpected error (INTERNAL); the request id identifies it in the logs */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
        };
    };
    createGitopsAppMapping: {
        parameters: {
            query?: never;
            header?: {
                /** @description Makes a retry safe: the first outcome is kept 24 h per (organization, principal, key) and replayed with `Idempotent-Replayed: true`. The same key with a different request is 422 IDEMPOTENCY_KEY_REUSED; while the first is running, 409 IDEMPOTENCY_IN_PROGRESS. */
                "Idempotency-Key"?: string;
                /** @description Act in this organization (one of your memberships) instead of your default one; another is 403. */
                "x-workspace-id"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateGitopsAppMappingDto"];
            };
        };
        responses: {
            /** @description Created */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SuccessEnvelope"] & {
                        data: components["schemas"]["GitopsAppMappingDto"];
                    };
                };
            };
            /** @description The request is malformed or fails validation (VALIDATION_FAILED, MALFORMED_JSON) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Missing, invalid or expired credentials (UNAUTHENTICATED) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description The principal lacks the permission, or names an organization it is not a member of (FORBIDDEN) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description GitOps is off (GITOPS_ENABLED is not true): ROUTE_NOT_FOUND, as for an absent route */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description The request conflicts with the current state (CONFLICT), or a request with the same Idempotency-Key is still running (IDEMPOTENCY_IN_PROGRESS) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description endpointId names no Argo CD endpoint of this organization (UNKNOWN_ENDPOINT) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Rate limited (RATE_LIMITED); see Retry-After */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description An unexpected error (INTERNAL); the request id identifies it in the logs */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
        };
    };
    deleteGitopsAppMapping: {
        parameters: {
            query?: never;
            header?: {
                /** @description Makes a retry safe: the first outcome is kept 24 h per (organization, principal, key) and replayed with `Idempotent-Replayed: true`. The same key with a different request is 422 IDEMPOTENCY_KEY_REUSED; while the first is running, 409 IDEMPOTENCY_IN_PROGRESS. */
                "Idempotency-Key"?: string;
                /** @description Act in this organization (one of your memberships) instead of your default one; another is 403. */
                "x-workspace-id"?: string;
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Done; no content */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description The request is malformed or fails validation (VALIDATION_FAILED, MALFORMED_JSON) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Missing, invalid or expired credentials (UNAUTHENTICATED) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description The principal lacks the permission, or names an organization it is not a member of (FORBIDDEN) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description The GitOps app mapping does not exist in this organization (NOT_FOUND), or GitOps is off (ROUTE_NOT_FOUND, as for an absent route) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description The request conflicts with the current state (CONFLICT), or a request with the same Idempotency-Key is still running (IDEMPOTENCY_IN_PROGRESS) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description A business rule refused the request, or the Idempotency-Key was used for another request (IDEMPOTENCY_KEY_REUSED); error.code says which */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Rate limited (RATE_LIMITED); see Retry-After */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description An unexpected error (INTERNAL); the request id identifies it in the logs */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
        };
    };
    getApiHealth: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The process is alive */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @enum {string} */
                        status: "ok";
                    };
                };
            };
            /** @description An unexpected error (INTERNAL); the request id identifies it in the logs */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
        };
    };
    getApiHealthz: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The process is alive */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @enum {string} */
                        status: "ok";
                    };
                };
            };
            /** @description An unexpected error (INTERNAL); the request id identifies it in the logs */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
        };
    };
    createInvitation: {
        parameters: {
            query?: never;
            header?: {
                /** @description Makes a retry safe: the first outcome is kept 24 h per (organization, principal, key) and replayed with `Idempotent-Replayed: true`. The same key with a different request is 422 IDEMPOTENCY_KEY_REUSED; while the first is running, 409 IDEMPOTENCY_IN_PROGRESS. */
                "Idempotency-Key"?: string;
                /** @description Act in this organization (one of your memberships) instead of your default one; another is 403. */
                "x-workspace-id"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateInvitationDto"];
            };
        };
        responses: {
            /** @description Created */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SuccessEnvelope"] & {
                        data: components["schemas"]["CreatedInvitationDto"];
                    };
                };
            };
            /** @description The request is malformed or fails validation (VALIDATION_FAILED, MALFORMED_JSON) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Missing, invalid or expired credentials (UNAUTHENTICATED) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description The principal lacks the permission, or names an organization it is not a member of (FORBIDDEN) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description The resource does not exist in this organization (NOT_FOUND) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description The request conflicts with the current state (CONFLICT), or a request with the same Idempotency-Key is still running (IDEMPOTENCY_IN_PROGRESS) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description A business rule refused the request, or the Idempotency-Key was used for another request (IDEMPOTENCY_KEY_REUSED); error.code says which */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Rate limited (RATE_LIMITED); see Retry-After */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description An unexpected error (INTERNAL); the request id identifies it in the logs */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
        };
    };
    acceptInvitation: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["AcceptInvitationDto"];
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SuccessEnvelope"] & {
                        data: components["schemas"]["AcceptedInvitationDto"];
                    };
                };
            };
            /** @description The request is malformed or fails validation (VALIDATION_FAILED, MALFORMED_JSON) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description The resource does not exist in this organization (NOT_FOUND) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description The resource existed and is gone for good (GONE) */
            410: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Rate limited (RATE_LIMITED); see Retry-After */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description An unexpected error (INTERNAL); the request id identifies it in the logs */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
        };
    };
    revokeInvitation: {
        parameters: {
            query?: never;
            header?: {
                /** @description Makes a retry safe: the first outcome is kept 24 h per (organization, principal, key) and replayed with `Idempotent-Replayed: true`. The same key with a different request is 422 IDEMPOTENCY_KEY_REUSED; while the first is running, 409 IDEMPOTENCY_IN_PROGRESS. */
                "Idempotency-Key"?: string;
                /** @description Act in this organization (one of your memberships) instead of your default one; another is 403. */
                "x-workspace-id"?: string;
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SuccessEnvelope"] & {
                        data: components["schemas"]["InvitationDto"];
                    };
                };
            };
            /** @description The request is malformed or fails validation (VALIDATION_FAILED, MALFORMED_JSON) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Missing, invalid or expired credentials (UNAUTHENTICATED) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description The principal lacks the permission, or names an organization it is not a member of (FORBIDDEN) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description The resource does not exist in this organization (NOT_FOUND) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description The request conflicts with the current state (CONFLICT), or a request with the same Idempotency-Key is still running (IDEMPOTENCY_IN_PROGRESS) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description A business rule refused the request, or the Idempotency-Key was used for another request (IDEMPOTENCY_KEY_REUSED); error.code says which */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Rate limited (RATE_LIMITED); see Retry-After */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description An unexpected error (INTERNAL); the request id identifies it in the logs */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
        };
    };
    listJobs: {
        parameters: {
            query?: {
                /** @description Jobs held (or last held) by this agent */
                agentId?: string;
                /** @description Opaque: the `meta.cursor.next` of the previous page. Continues the list after that page, in its sort (send the same sort, or none), with the filters you send; not with `page` or `offset` */
                cursor?: string;
                /** @description Items per page: the same as `pageSize` (send one of them, or both alike) */
                limit?: number;
                /** @description Items to skip, instead of `page` */
                offset?: number;
                /** @description Page number, from 1 (or `offset`). A deep page costs as many rows as it skips: prefer `cursor` */
                page?: number;
                /** @description Items per page (or `limit`) */
                pageSize?: number;
                /** @description Free-text search */
                q?: string;
                /** @description Created at or after */
                since?: string;
                /** @description Comma-separated fields; a leading "-" sorts descending. Each list documents its fields. */
                sort?: string;
                /** @description One field to sort by, instead of `sort` */
                sortBy?: string;
                /** @description The direction of `sortBy` */
                sortOrder?: "asc" | "desc";
                /** @description One status or several (repeated, or comma-separated) */
                status?: ("queued" | "leased" | "running" | "succeeded" | "failed" | "cancelled" | "expired")[];
                type?: string;
                /** @description Created before */
                until?: string;
            };
            header?: {
                /** @description Act in this organization (one of your memberships) instead of your default one; another is 403. */
                "x-workspace-id"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description One page of results; meta.cursor.next continues after it, meta.pagination (absent on a page by cursor) counts */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SuccessEnvelope"] & {
                        data: components["schemas"]["JobDto"][];
                        meta: components["schemas"]["EnvelopeMeta"] & {
                            cursor: components["schemas"]["CursorMeta"];
                            pagination?: components["schemas"]["PaginationMeta"];
                        };
                    };
                };
            };
            /** @description The request is malformed or fails validation (VALIDATION_FAILED, MALFORMED_JSON) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Missing, invalid or expired credentials (UNAUTHENTICATED) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description The principal lacks the permission, or names an organization it is not a member of (FORBIDDEN) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Rate limited (RATE_LIMITED); see Retry-After */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description An unexpected error (INTERNAL); the request id identifies it in the logs */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
        };
    };
    submitJob: {
        parameters: {
            query?: never;
            header: {
                /** @description Makes a retry safe: the first outcome is kept 24 h per (organization, principal, key) and replayed with `Idempotent-Replayed: true`. The same key with a different request is 422 IDEMPOTENCY_KEY_REUSED; while the first is running, 409 IDEMPOTENCY_IN_PROGRESS. */
                "Idempotency-Key": string;
                /** @description Act in this organization (one of your memberships) instead of your default one; another is 403. */
                "x-workspace-id"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["SubmitJobDto"];
            };
        };
        responses: {
            /** @description Created */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SuccessEnvelope"] & {
                        data: components["schemas"]["JobDto"];
                    };
                };
            };
            /** @description The request is malformed or fails validation (VALIDATION_FAILED, MALFORMED_JSON) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Missing, invalid or expired credentials (UNAUTHENTICATED) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description The principal lacks the permission, or names an organization it is not a member of (FORBIDDEN) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description The request conflicts with the current state (CONFLICT), or a request with the same Idempotency-Key is still running (IDEMPOTENCY_IN_PROGRESS) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description targetAgentId names no agent of this organization (UNKNOWN_AGENT) or a revoked one (AGENT_REVOKED) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Rate limited (RATE_LIMITED); see Retry-After */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description An unexpected error (INTERNAL); the request id identifies it in the logs */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
        };
    };
    getJob: {
        parameters: {
            query?: never;
            header?: {
                /** @description Act in this organization (one of your memberships) instead of your default one; another is 403. */
                "x-workspace-id"?: string;
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SuccessEnvelope"] & {
                        data: components["schemas"]["JobDto"];
                    };
                };
            };
            /** @description The request is malformed or fails validation (VALIDATION_FAILED, MALFORMED_JSON) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Missing, invalid or expired credentials (UNAUTHENTICATED) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description The principal lacks the permission, or names an organization it is not a member of (FORBIDDEN) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description The resource does not exist in this organization (NOT_FOUND) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Rate limited (RATE_LIMITED); see Retry-After */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description An unexpected error (INTERNAL); the request id identifies it in the logs */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
        };
    };
    cancelJob: {
        parameters: {
            query?: never;
            header?: {
                /** @description Makes a retry safe: the first outcome is kept 24 h per (organization, principal, key) and replayed with `Idempotent-Replayed: true`. The same key with a different request is 422 IDEMPOTENCY_KEY_REUSED; while the first is running, 409 IDEMPOTENCY_IN_PROGRESS. */
                "Idempotency-Key"?: string;
                /** @description Act in this organization (one of your memberships) instead of your default one; another is 403. */
                "x-workspace-id"?: string;
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SuccessEnvelope"] & {
                        data: components["schemas"]["JobDto"];
                    };
                };
            };
            /** @description The request is malformed or fails validation (VALIDATION_FAILED, MALFORMED_JSON) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Missing, invalid or expired credentials (UNAUTHENTICATED) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description The principal lacks the permission, or names an organization it is not a member of (FORBIDDEN) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description The resource does not exist in this organization (NOT_FOUND) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description The request conflicts with the current state (CONFLICT), or a request with the same Idempotency-Key is still running (IDEMPOTENCY_IN_PROGRESS) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description A business rule refused the request, or the Idempotency-Key was used for another request (IDEMPOTENCY_KEY_REUSED); error.code says which */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Rate limited (RATE_LIMITED); see Retry-After */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description An unexpected error (INTERNAL); the request id identifies it in the logs */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
        };
    };
    streamJobEvents: {
        parameters: {
            query?: never;
            header?: {
                /** @description Resume after this event */
                "Last-Event-ID"?: string;
                /** @description Act in this organization (one of your memberships) instead of your default one; another is 403. */
                "x-workspace-id"?: string;
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description An event stream */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/event-stream": string;
                };
            };
            /** @description The request is malformed or fails validation (VALIDATION_FAILED, MALFORMED_JSON) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Missing, invalid or expired credentials (UNAUTHENTICATED) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description The principal lacks the permission, or names an organization it is not a member of (FORBIDDEN) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description The resource does not exist in this organization (NOT_FOUND) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Rate limited (RATE_LIMITED); see Retry-After */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description An unexpected error (INTERNAL); the request id identifies it in the logs */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
        };
    };
    getJobUsage: {
        parameters: {
            query?: never;
            header?: {
                /** @description Act in this organization (one of your memberships) instead of your default one; another is 403. */
                "x-workspace-id"?: string;
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SuccessEnvelope"] & {
                        data: components["schemas"]["JobUsageDto"];
                    };
                };
            };
            /** @description The request is malformed or fails validation (VALIDATION_FAILED, MALFORMED_JSON) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Missing, invalid or expired credentials (UNAUTHENTICATED) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description The principal lacks the permission, or names an organization it is not a member of (FORBIDDEN) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description The resource does not exist in this organization (NOT_FOUND) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Rate limited (RATE_LIMITED); see Retry-After */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description An unexpected error (INTERNAL); the request id identifies it in the logs */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
        };
    };
    getMe: {
        parameters: {
            query?: never;
            header?: {
                /** @description Act in this organization (one of your memberships) instead of your default one; another is 403. */
                "x-workspace-id"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SuccessEnvelope"] & {
                        data: components["schemas"]["UserDto"];
                    };
                };
            };
            /** @description The request is malformed or fails validation (VALIDATION_FAILED, MALFORMED_JSON) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Missing, invalid or expired credentials (UNAUTHENTICATED) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description The principal lacks the permission, or names an organization it is not a member of (FORBIDDEN) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Rate limited (RATE_LIMITED); see Retry-After */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description An unexpected error (INTERNAL); the request id identifies it in the logs */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
        };
    };
    listMyOrganizations: {
        parameters: {
            query?: never;
            header?: {
                /** @description Act in this organization (one of your memberships) instead of your default one; another is 403. */
                "x-workspace-id"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SuccessEnvelope"] & {
                        data: components["schemas"]["OrganizationDto"][];
                    };
                };
            };
            /** @description The request is malformed or fails validation (VALIDATION_FAILED, MALFORMED_JSON) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Missing, invalid or expired credentials (UNAUTHENTICATED) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description The principal lacks the permission, or names an organization it is not a member of (FORBIDDEN) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Rate limited (RATE_LIMITED); see Retry-After */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description An unexpected error (INTERNAL); the request id identifies it in the logs */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
        };
    };
    getMyPermissions: {
        parameters: {
            query?: never;
            header?: {
                /** @description Act in this organization (one of your memberships) instead of your default one; another is 403. */
                "x-workspace-id"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SuccessEnvelope"] & {
                        data: components["schemas"]["MyPermissionsDto"];
                    };
                };
            };
            /** @description The request is malformed or fails validation (VALIDATION_FAILED, MALFORMED_JSON) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Missing, invalid or expired credentials (UNAUTHENTICATED) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description The principal lacks the permission, or names an organization it is not a member of (FORBIDDEN) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Rate limited (RATE_LIMITED); see Retry-After */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description An unexpected error (INTERNAL); the request id identifies it in the logs */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
        };
    };
    listMyTeams: {
        parameters: {
            query?: never;
            header?: {
                /** @description Act in this organization (one of your memberships) instead of your default one; another is 403. */
                "x-workspace-id"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SuccessEnvelope"] & {
                        data: components["schemas"]["TeamDto"][];
                    };
                };
            };
            /** @description The request is malformed or fails validation (VALIDATION_FAILED, MALFORMED_JSON) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Missing, invalid or expired credentials (UNAUTHENTICATED) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description The principal lacks the permission, or names an organization it is not a member of (FORBIDDEN) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Rate limited (RATE_LIMITED); see Retry-After */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description An unexpected error (INTERNAL); the request id identifies it in the logs */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
        };
    };
    listMyPendingApprovals: {
        parameters: {
            query?: {
                /** @description Opaque: the `meta.cursor.next` of the previous page. Continues the list after that page, in its sort (send the same sort, or none), with the filters you send; not with `page` or `offset` */
                cursor?: string;
                /** @description Items per page: the same as `pageSize` (send one of them, or both alike) */
                limit?: number;
                /** @description Items to skip, instead of `page` */
                offset?: number;
                /** @description Page number, from 1 (or `offset`). A deep page costs as many rows as it skips: prefer `cursor` */
                page?: number;
                /** @description Items per page (or `limit`) */
                pageSize?: number;
                /** @description Free-text search */
                q?: string;
                /** @description Comma-separated fields; a leading "-" sorts descending. Each list documents its fields. */
                sort?: string;
                /** @description One field to sort by, instead of `sort` */
                sortBy?: string;
                /** @description The direction of `sortBy` */
                sortOrder?: "asc" | "desc";
            };
            header?: {
                /** @description Act in this organization (one of your memberships) instead of your default one; another is 403. */
                "x-workspace-id"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description One page of results; meta.cursor.next continues after it, meta.pagination (absent on a page by cursor) counts */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SuccessEnvelope"] & {
                        data: components["schemas"]["PendingApprovalDto"][];
                        meta: components["schemas"]["EnvelopeMeta"] & {
                            cursor: components["schemas"]["CursorMeta"];
                            pagination?: components["schemas"]["PaginationMeta"];
                        };
                    };
                };
            };
            /** @description The request is malformed or fails validation (VALIDATION_FAILED, MALFORMED_JSON) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Missing, invalid or expired credentials (UNAUTHENTICATED) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description The principal lacks the permission, or names an organization it is not a member of (FORBIDDEN) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Rate limited (RATE_LIMITED); see Retry-After */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description An unexpected error (INTERNAL); the request id identifies it in the logs */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
        };
    };
    createOrganization: {
        parameters: {
            query?: never;
            header?: {
                /** @description Makes a retry safe: the first outcome is kept 24 h per (organization, principal, key) and replayed with `Idempotent-Replayed: true`. The same key with a different request is 422 IDEMPOTENCY_KEY_REUSED; while the first is running, 409 IDEMPOTENCY_IN_PROGRESS. */
                "Idempotency-Key"?: string;
                /** @description Act in this organization (one of your memberships) instead of your default one; another is 403. */
                "x-workspace-id"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateOrganizationDto"];
            };
        };
        responses: {
            /** @description Created */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SuccessEnvelope"] & {
                        data: components["schemas"]["OrganizationDto"];
                    };
                };
            };
            /** @description The request is malformed or fails validation (VALIDATION_FAILED, MALFORMED_JSON) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Missing, invalid or expired credentials (UNAUTHENTICATED) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description The principal lacks the permission, or names an organization it is not a member of (FORBIDDEN) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description The request conflicts with the current state (CONFLICT), or a request with the same Idempotency-Key is still running (IDEMPOTENCY_IN_PROGRESS) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description A business rule refused the request, or the Idempotency-Key was used for another request (IDEMPOTENCY_KEY_REUSED); error.code says which */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Rate limited (RATE_LIMITED); see Retry-After */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description An unexpected error (INTERNAL); the request id identifies it in the logs */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
        };
    };
    getOrganization: {
        parameters: {
            query?: never;
            header?: {
                /** @description Act in this organization (one of your memberships) instead of your default one; another is 403. */
                "x-workspace-id"?: string;
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SuccessEnvelope"] & {
                        data: components["schemas"]["OrganizationDto"];
                    };
                };
            };
            /** @description The request is malformed or fails validation (VALIDATION_FAILED, MALFORMED_JSON) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Missing, invalid or expired credentials (UNAUTHENTICATED) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description The principal lacks the permission, or names an organization it is not a member of (FORBIDDEN) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description The resource does not exist in this organization (NOT_FOUND) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Rate limited (RATE_LIMITED); see Retry-After */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description An unexpected error (INTERNAL); the request id identifies it in the logs */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
        };
    };
    listOrganizationAuditLogs: {
        parameters: {
            query?: {
                /** @description An action, or a prefix ending in * */
                action?: string;
                /** @description Actor id (a user, API key or agent id) */
                actor?: string;
                /** @description The request's x-correlation-id */
                correlation_id?: string;
                /** @description Opaque: the `meta.cursor.next` of the previous page */
                cursor?: string;
                limit?: number;
                /** @description A resource type, or type:id */
                resource?: string;
                /** @description From this time (inclusive) */
                since?: string;
                /** @description Before this time */
                until?: string;
            };
            header?: {
                /** @description Act in this organization (one of your memberships) instead of your default one; another is 403. */
                "x-workspace-id"?: string;
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Items, newest first; follow meta.cursor.next for more */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SuccessEnvelope"] & {
                        data: components["schemas"]["AuditEventDto"][];
                        meta: components["schemas"]["EnvelopeMeta"] & {
                            cursor: components["schemas"]["CursorMeta"];
                        };
                    };
                };
            };
            /** @description The request is malformed or fails validation (VALIDATION_FAILED, MALFORMED_JSON) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Missing, invalid or expired credentials (UNAUTHENTICATED) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description The principal lacks the permission, or names an organization it is not a member of (FORBIDDEN) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description The resource does not exist in this organization (NOT_FOUND) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Rate limited (RATE_LIMITED); see Retry-After */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description An unexpected error (INTERNAL); the request id identifies it in the logs */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
        };
    };
    listOrganizationMembers: {
        parameters: {
            query?: never;
            header?: {
                /** @description Act in this organization (one of your memberships) instead of your default one; another is 403. */
                "x-workspace-id"?: string;
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SuccessEnvelope"] & {
                        data: components["schemas"]["MemberDto"][];
                    };
                };
            };
            /** @description The request is malformed or fails validation (VALIDATION_FAILED, MALFORMED_JSON) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Missing, invalid or expired credentials (UNAUTHENTICATED) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description The principal lacks the permission, or names an organization it is not a member of (FORBIDDEN) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description The resource does not exist in this organization (NOT_FOUND) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Rate limited (RATE_LIMITED); see Retry-After */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description An unexpected error (INTERNAL); the request id identifies it in the logs */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
        };
    };
    listOrganizationTeams: {
        parameters: {
            query?: never;
            header?: {
                /** @description Act in this organization (one of your memberships) instead of your default one; another is 403. */
                "x-workspace-id"?: string;
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SuccessEnvelope"] & {
                        data: components["schemas"]["TeamDto"][];
                    };
                };
            };
            /** @description The request is malformed or fails validation (VALIDATION_FAILED, MALFORMED_JSON) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Missing, invalid or expired credentials (UNAUTHENTICATED) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description The principal lacks the permission, or names an organization it is not a member of (FORBIDDEN) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description The resource does not exist in this organization (NOT_FOUND) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Rate limited (RATE_LIMITED); see Retry-After */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description An unexpected error (INTERNAL); the request id identifies it in the logs */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
        };
    };
    listPermissions: {
        parameters: {
            query?: never;
            header?: {
                /** @description Act in this organization (one of your memberships) instead of your default one; another is 403. */
                "x-workspace-id"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SuccessEnvelope"] & {
                        data: components["schemas"]["PermissionDto"][];
                    };
                };
            };
            /** @description Not modified: the If-None-Match ETag is current */
            304: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description The request is malformed or fails validation (VALIDATION_FAILED, MALFORMED_JSON) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Missing, invalid or expired credentials (UNAUTHENTICATED) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description The principal lacks the permission, or names an organization it is not a member of (FORBIDDEN) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Rate limited (RATE_LIMITED); see Retry-After */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description An unexpected error (INTERNAL); the request id identifies it in the logs */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
        };
    };
    listPlatformSecrets: {
        parameters: {
            query?: never;
            header?: {
                /** @description Act in this organization (one of your memberships) instead of your default one; another is 403. */
                "x-workspace-id"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SuccessEnvelope"] & {
                        data: components["schemas"]["SecretMetadataDto"][];
                    };
                };
            };
            /** @description The request is malformed or fails validation (VALIDATION_FAILED, MALFORMED_JSON) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Missing, invalid or expired credentials (UNAUTHENTICATED) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description The principal lacks the permission, or names an organization it is not a member of (FORBIDDEN) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Rate limited (RATE_LIMITED); see Retry-After */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description An unexpected error (INTERNAL); the request id identifies it in the logs */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
        };
    };
    setPlatformSecret: {
        parameters: {
            query?: never;
            header?: {
                /** @description Makes a retry safe: the first outcome is kept 24 h per (organization, principal, key) and replayed with `Idempotent-Replayed: true`. The same key with a different request is 422 IDEMPOTENCY_KEY_REUSED; while the first is running, 409 IDEMPOTENCY_IN_PROGRESS. */
                "Idempotency-Key"?: string;
                /** @description Act in this organization (one of your memberships) instead of your default one; another is 403. */
                "x-workspace-id"?: string;
            };
            path: {
                /** @description Letters, digits, _ . - (1-128), starting with a letter */
                key: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["SetSecretDto"];
            };
        };
        responses: {
            /** @description The secret existed: its value was replaced */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SuccessEnvelope"] & {
                        data: components["schemas"]["SecretMetadataDto"];
                    };
                };
            };
            /** @description The secret was created (version 1) */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SuccessEnvelope"] & {
                        data: components["schemas"]["SecretMetadataDto"];
                    };
                };
            };
            /** @description The request is malformed or fails validation (VALIDATION_FAILED, MALFORMED_JSON) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Missing, invalid or expired credentials (UNAUTHENTICATED) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description The principal lacks the permission, or names an organization it is not a member of (FORBIDDEN) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description The request conflicts with the current state (CONFLICT), or a request with the same Idempotency-Key is still running (IDEMPOTENCY_IN_PROGRESS) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description A business rule refused the request, or the Idempotency-Key was used for another request (IDEMPOTENCY_KEY_REUSED); error.code says which */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Rate limited (RATE_LIMITED); see Retry-After */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description An unexpected error (INTERNAL); the request id identifies it in the logs */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
        };
    };
    getPlatformSettings: {
        parameters: {
            query?: never;
            header?: {
                /** @description Act in this organization (one of your memberships) instead of your default one; another is 403. */
                "x-workspace-id"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SuccessEnvelope"] & {
                        data: components["schemas"]["SettingsDto"];
                    };
                };
            };
            /** @description The request is malformed or fails validation (VALIDATION_FAILED, MALFORMED_JSON) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Missing, invalid or expired credentials (UNAUTHENTICATED) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description The principal lacks the permission, or names an organization it is not a member of (FORBIDDEN) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Rate limited (RATE_LIMITED); see Retry-After */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description An unexpected error (INTERNAL); the request id identifies it in the logs */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
        };
    };
    putPlatformSettings: {
        parameters: {
            query?: never;
            header?: {
                /** @description Makes a retry safe: the first outcome is kept 24 h per (organization, principal, key) and replayed with `Idempotent-Replayed: true`. The same key with a different request is 422 IDEMPOTENCY_KEY_REUSED; while the first is running, 409 IDEMPOTENCY_IN_PROGRESS. */
                "Idempotency-Key"?: string;
                /** @description Act in this organization (one of your memberships) instead of your default one; another is 403. */
                "x-workspace-id"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["UpdateSettingsDto"];
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SuccessEnvelope"] & {
                        data: components["schemas"]["SettingsDto"];
                    };
                };
            };
            /** @description The request is malformed or fails validation (VALIDATION_FAILED, MALFORMED_JSON) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Missing, invalid or expired credentials (UNAUTHENTICATED) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description The principal lacks the permission, or names an organization it is not a member of (FORBIDDEN) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description The request conflicts with the current state (CONFLICT), or a request with the same Idempotency-Key is still running (IDEMPOTENCY_IN_PROGRESS) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description A business rule refused the request, or the Idempotency-Key was used for another request (IDEMPOTENCY_KEY_REUSED); error.code says which */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Rate limited (RATE_LIMITED); see Retry-After */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description An unexpected error (INTERNAL); the request id identifies it in the logs */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
        };
    };
    listApprovalPolicies: {
        parameters: {
            query?: {
                /** @description Opaque: the `meta.cursor.next` of the previous page. Continues the list after that page, in its sort (send the same sort, or none), with the filters you send; not with `page` or `offset` */
                cursor?: string;
                /** @description Items per page: the same as `pageSize` (send one of them, or both alike) */
                limit?: number;
                /** @description Items to skip, instead of `page` */
                offset?: number;
                /** @description Page number, from 1 (or `offset`). A deep page costs as many rows as it skips: prefer `cursor` */
                page?: number;
                /** @description Items per page (or `limit`) */
                pageSize?: number;
                /** @description Free-text search */
                q?: string;
                /** @description Comma-separated fields; a leading "-" sorts descending. Each list documents its fields. */
                sort?: string;
                /** @description One field to sort by, instead of `sort` */
                sortBy?: string;
                /** @description The direction of `sortBy` */
                sortOrder?: "asc" | "desc";
                workflow_id?: string;
            };
            header?: {
                /** @description Act in this organization (one of your memberships) instead of your default one; another is 403. */
                "x-workspace-id"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description One page of results; meta.cursor.next continues after it, meta.pagination (absent on a page by cursor) counts */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SuccessEnvelope"] & {
                        data: components["schemas"]["ApprovalPolicyDto"][];
                        meta: components["schemas"]["EnvelopeMeta"] & {
                            cursor: components["schemas"]["CursorMeta"];
                            pagination?: components["schemas"]["PaginationMeta"];
                        };
                    };
                };
            };
            /** @description The request is malformed or fails validation (VALIDATION_FAILED, MALFORMED_JSON) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Missing, invalid or expired credentials (UNAUTHENTICATED) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description The principal lacks the permission, or names an organization it is not a member of (FORBIDDEN) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Rate limited (RATE_LIMITED); see Retry-After */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description An unexpected error (INTERNAL); the request id identifies it in the logs */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
        };
    };
    createApprovalPolicy: {
        parameters: {
            query?: never;
            header?: {
                /** @description Makes a retry safe: the first outcome is kept 24 h per (organization, principal, key) and replayed with `Idempotent-Replayed: true`. The same key with a different request is 422 IDEMPOTENCY_KEY_REUSED; while the first is running, 409 IDEMPOTENCY_IN_PROGRESS. */
                "Idempotency-Key"?: string;
                /** @description Act in this organization (one of your memberships) instead of your default one; another is 403. */
                "x-workspace-id"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateApprovalPolicyDto"];
            };
        };
        responses: {
            /** @description Created */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SuccessEnvelope"] & {
                        data: components["schemas"]["ApprovalPolicyDto"];
                    };
                };
            };
            /** @description The request is malformed or fails validation (VALIDATION_FAILED, MALFORMED_JSON) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Missing, invalid or expired credentials (UNAUTHENTICATED) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description The principal lacks the permission, or names an organization it is not a member of (FORBIDDEN) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description The request conflicts with the current state (CONFLICT), or a request with the same Idempotency-Key is still running (IDEMPOTENCY_IN_PROGRESS) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description A business rule refused the request, or the Idempotency-Key was used for another request (IDEMPOTENCY_KEY_REUSED); error.code says which */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Rate limited (RATE_LIMITED); see Retry-After */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description An unexpected error (INTERNAL); the request id identifies it in the logs */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
        };
    };
    getApprovalPolicy: {
        parameters: {
            query?: never;
            header?: {
                /** @description Act in this organization (one of your memberships) instead of your default one; another is 403. */
                "x-workspace-id"?: string;
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SuccessEnvelope"] & {
                        data: components["schemas"]["ApprovalPolicyDto"];
                    };
                };
            };
            /** @description The request is malformed or fails validation (VALIDATION_FAILED, MALFORMED_JSON) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Missing, invalid or expired credentials (UNAUTHENTICATED) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description The principal lacks the permission, or names an organization it is not a member of (FORBIDDEN) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description The resource does not exist in this organization (NOT_FOUND) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Rate limited (RATE_LIMITED); see Retry-After */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description An unexpected error (INTERNAL); the request id identifies it in the logs */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
        };
    };
    updateApprovalPolicy: {
        parameters: {
            query?: never;
            header?: {
                /** @description Makes a retry safe: the first outcome is kept 24 h per (organization, principal, key) and replayed with `Idempotent-Replayed: true`. The same key with a different request is 422 IDEMPOTENCY_KEY_REUSED; while the first is running, 409 IDEMPOTENCY_IN_PROGRESS. */
                "Idempotency-Key"?: string;
                /** @description Act in this organization (one of your memberships) instead of your default one; another is 403. */
                "x-workspace-id"?: string;
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["UpdateApprovalPolicyDto"];
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SuccessEnvelope"] & {
                        data: components["schemas"]["ApprovalPolicyDto"];
                    };
                };
            };
            /** @description The request is malformed or fails validation (VALIDATION_FAILED, MALFORMED_JSON) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Missing, invalid or expired credentials (UNAUTHENTICATED) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description The principal lacks the permission, or names an organization it is not a member of (FORBIDDEN) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description The resource does not exist in this organization (NOT_FOUND) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description The request conflicts with the current state (CONFLICT), or a request with the same Idempotency-Key is still running (IDEMPOTENCY_IN_PROGRESS) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description A business rule refused the request, or the Idempotency-Key was used for another request (IDEMPOTENCY_KEY_REUSED); error.code says which */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Rate limited (RATE_LIMITED); see Retry-After */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description An unexpected error (INTERNAL); the request id identifies it in the logs */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
        };
    };
    deleteApprovalPolicy: {
        parameters: {
            query?: never;
            header?: {
                /** @description Makes a retry safe: the first outcome is kept 24 h per (organization, principal, key) and replayed with `Idempotent-Replayed: true`. The same key with a different request is 422 IDEMPOTENCY_KEY_REUSED; while the first is running, 409 IDEMPOTENCY_IN_PROGRESS. */
                "Idempotency-Key"?: string;
                /** @description Act in this organization (one of your memberships) instead of your default one; another is 403. */
                "x-workspace-id"?: string;
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Done; no content */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description The request is malformed or fails validation (VALIDATION_FAILED, MALFORMED_JSON) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Missing, invalid or expired credentials (UNAUTHENTICATED) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description The principal lacks the permission, or names an organization it is not a member of (FORBIDDEN) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description The resource does not exist in this organization (NOT_FOUND) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description The request conflicts with the current state (CONFLICT), or a request with the same Idempotency-Key is still running (IDEMPOTENCY_IN_PROGRESS) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description A business rule refused the request, or the Idempotency-Key was used for another request (IDEMPOTENCY_KEY_REUSED); error.code says which */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Rate limited (RATE_LIMITED); see Retry-After */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description An unexpected error (INTERNAL); the request id identifies it in the logs */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
        };
    };
    listProjects: {
        parameters: {
            query?: {
                /** @description Opaque: the `meta.cursor.next` of the previous page. Continues the list after that page, in its sort (send the same sort, or none), with the filters you send; not with `page` or `offset` */
                cursor?: string;
                /** @description Items per page: the same as `pageSize` (send one of them, or both alike) */
                limit?: number;
                /** @description Items to skip, instead of `page` */
                offset?: number;
                /** @description Page number, from 1 (or `offset`). A deep page costs as many rows as it skips: prefer `cursor` */
                page?: number;
                /** @description Items per page (or `limit`) */
                pageSize?: number;
                /** @description Free-text search */
                q?: string;
                /** @description Comma-separated fields; a leading "-" sorts descending. Each list documents its fields. */
                sort?: string;
                /** @description One field to sort by, instead of `sort` */
                sortBy?: string;
                /** @description The direction of `sortBy` */
                sortOrder?: "asc" | "desc";
                status?: "active" | "archived";
            };
            header?: {
                /** @description Act in this organization (one of your memberships) instead of your default one; another is 403. */
                "x-workspace-id"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description One page of results; meta.cursor.next continues after it, meta.pagination (absent on a page by cursor) counts */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SuccessEnvelope"] & {
                        data: components["schemas"]["ProjectDto"][];
                        meta: components["schemas"]["EnvelopeMeta"] & {
                            cursor: components["schemas"]["CursorMeta"];
                            pagination?: components["schemas"]["PaginationMeta"];
                        };
                    };
                };
            };
            /** @description The request is malformed or fails validation (VALIDATION_FAILED, MALFORMED_JSON) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Missing, invalid or expired credentials (UNAUTHENTICATED) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description The principal lacks the permission, or names an organization it is not a member of (FORBIDDEN) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Rate limited (RATE_LIMITED); see Retry-After */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description An unexpected error (INTERNAL); the request id identifies it in the logs */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
        };
    };
    createProject: {
        parameters: {
            query?: never;
            header?: {
                /** @description Makes a retry safe: the first outcome is kept 24 h per (organization, principal, key) and replayed with `Idempotent-Replayed: true`. The same key with a different request is 422 IDEMPOTENCY_KEY_REUSED; while the first is running, 409 IDEMPOTENCY_IN_PROGRESS. */
                "Idempotency-Key"?: string;
                /** @description Act in this organization (one of your memberships) instead of your default one; another is 403. */
                "x-workspace-id"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateProjectDto"];
            };
        };
        responses: {
            /** @description Created */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SuccessEnvelope"] & {
                        data: components["schemas"]["ProjectDto"];
                    };
                };
            };
            /** @description The request is malformed or fails validation (VALIDATION_FAILED, MALFORMED_JSON) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Missing, invalid or expired credentials (UNAUTHENTICATED) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description The principal lacks the permission, or names an organization it is not a member of (FORBIDDEN) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description The request conflicts with the current state (CONFLICT), or a request with the same Idempotency-Key is still running (IDEMPOTENCY_IN_PROGRESS) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description A business rule refused the request, or the Idempotency-Key was used for another request (IDEMPOTENCY_KEY_REUSED); error.code says which */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Rate limited (RATE_LIMITED); see Retry-After */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description An unexpected error (INTERNAL); the request id identifies it in the logs */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
        };
    };
    getProject: {
        parameters: {
            query?: never;
            header?: {
                /** @description Act in this organization (one of your memberships) instead of your default one; another is 403. */
                "x-workspace-id"?: string;
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SuccessEnvelope"] & {
                        data: components["schemas"]["ProjectDto"];
                    };
                };
            };
            /** @description The request is malformed or fails validation (VALIDATION_FAILED, MALFORMED_JSON) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Missing, invalid or expired credentials (UNAUTHENTICATED) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description The principal lacks the permission, or names an organization it is not a member of (FORBIDDEN) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description The resource does not exist in this organization (NOT_FOUND) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Rate limited (RATE_LIMITED); see Retry-After */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description An unexpected error (INTERNAL); the request id identifies it in the logs */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
        };
    };
    updateProject: {
        parameters: {
            query?: never;
            header?: {
                /** @description Makes a retry safe: the first outcome is kept 24 h per (organization, principal, key) and replayed with `Idempotent-Replayed: true`. The same key with a different request is 422 IDEMPOTENCY_KEY_REUSED; while the first is running, 409 IDEMPOTENCY_IN_PROGRESS. */
                "Idempotency-Key"?: string;
                /** @description Act in this organization (one of your memberships) instead of your default one; another is 403. */
                "x-workspace-id"?: string;
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["UpdateProjectDto"];
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SuccessEnvelope"] & {
                        data: components["schemas"]["ProjectDto"];
                    };
                };
            };
            /** @description The request is malformed or fails validation (VALIDATION_FAILED, MALFORMED_JSON) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Missing, invalid or expired credentials (UNAUTHENTICATED) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description The principal lacks the permission, or names an organization it is not a member of (FORBIDDEN) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description The resource does not exist in this organization (NOT_FOUND) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description The request conflicts with the current state (CONFLICT), or a request with the same Idempotency-Key is still running (IDEMPOTENCY_IN_PROGRESS) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description A business rule refused the request, or the Idempotency-Key was used for another request (IDEMPOTENCY_KEY_REUSED); error.code says which */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Rate limited (RATE_LIMITED); see Retry-After */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description An unexpected error (INTERNAL); the request id identifies it in the logs */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
        };
    };
    deleteProject: {
        parameters: {
            query?: never;
            header?: {
                /** @description Makes a retry safe: the first outcome is kept 24 h per (organization, principal, key) and replayed with `Idempotent-Replayed: true`. The same key with a different request is 422 IDEMPOTENCY_KEY_REUSED; while the first is running, 409 IDEMPOTENCY_IN_PROGRESS. */
                "Idempotency-Key"?: string;
                /** @description Act in this organization (one of your memberships) instead of your default one; another is 403. */
                "x-workspace-id"?: string;
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Done; no content */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description The request is malformed or fails validation (VALIDATION_FAILED, MALFORMED_JSON) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Missing, invalid or expired credentials (UNAUTHENTICATED) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description The principal lacks the permission, or names an organization it is not a member of (FORBIDDEN) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description The resource does not exist in this organization (NOT_FOUND) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description The request conflicts with the current state (CONFLICT), or a request with the same Idempotency-Key is still running (IDEMPOTENCY_IN_PROGRESS) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description A business rule refused the request, or the Idempotency-Key was used for another request (IDEMPOTENCY_KEY_REUSED); error.code says which */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Rate limited (RATE_LIMITED); see Retry-After */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description An unexpected error (INTERNAL); the request id identifies it in the logs */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
        };
    };
    listProjectEnvironments: {
        parameters: {
            query?: {
                /** @description Opaque: the `meta.cursor.next` of the previous page. Continues the list after that page, in its sort (send the same sort, or none), with the filters you send; not with `page` or `offset` */
                cursor?: string;
                /** @description Items per page: the same as `pageSize` (send one of them, or both alike) */
                limit?: number;
                /** @description Items to skip, instead of `page` */
                offset?: number;
                /** @description Page number, from 1 (or `offset`). A deep page costs as many rows as it skips: prefer `cursor` */
                page?: number;
                /** @description Items per page (or `limit`) */
                pageSize?: number;
                /** @description Free-text search */
                q?: string;
                /** @description Comma-separated fields; a leading "-" sorts descending. Each list documents its fields. */
                sort?: string;
                /** @description One field to sort by, instead of `sort` */
                sortBy?: string;
                /** @description The direction of `sortBy` */
                sortOrder?: "asc" | "desc";
            };
            header?: {
                /** @description Act in this organization (one of your memberships) instead of your default one; another is 403. */
                "x-workspace-id"?: string;
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description One page of results; meta.cursor.next continues after it, meta.pagination (absent on a page by cursor) counts */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SuccessEnvelope"] & {
                        data: components["schemas"]["EnvironmentDto"][];
                        meta: components["schemas"]["EnvelopeMeta"] & {
                            cursor: components["schemas"]["CursorMeta"];
                            pagination?: components["schemas"]["PaginationMeta"];
                        };
                    };
                };
            };
            /** @description The request is malformed or fails validation (VALIDATION_FAILED, MALFORMED_JSON) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Missing, invalid or expired credentials (UNAUTHENTICATED) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description The principal lacks the permission, or names an organization it is not a member of (FORBIDDEN) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description The resource does not exist in this organization (NOT_FOUND) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Rate limited (RATE_LIMITED); see Retry-After */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description An unexpected error (INTERNAL); the request id identifies it in the logs */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
        };
    };
    setProjectStatus: {
        parameters: {
            query?: never;
            header?: {
                /** @description Makes a retry safe: the first outcome is kept 24 h per (organization, principal, key) and replayed with `Idempotent-Replayed: true`. The same key with a different request is 422 IDEMPOTENCY_KEY_REUSED; while the first is running, 409 IDEMPOTENCY_IN_PROGRESS. */
                "Idempotency-Key"?: string;
                /** @description Act in this organization (one of your memberships) instead of your default one; another is 403. */
                "x-workspace-id"?: string;
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ProjectStatusDto"];
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SuccessEnvelope"] & {
                        data: components["schemas"]["ProjectDto"];
                    };
                };
            };
            /** @description The request is malformed or fails validation (VALIDATION_FAILED, MALFORMED_JSON) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Missing, invalid or expired credentials (UNAUTHENTICATED) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description The principal lacks the permission, or names an organization it is not a member of (FORBIDDEN) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description The resource does not exist in this organization (NOT_FOUND) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description The request conflicts with the current state (CONFLICT), or a request with the same Idempotency-Key is still running (IDEMPOTENCY_IN_PROGRESS) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description A business rule refused the request, or the Idempotency-Key was used for another request (IDEMPOTENCY_KEY_REUSED); error.code says which */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Rate limited (RATE_LIMITED); see Retry-After */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description An unexpected error (INTERNAL); the request id identifies it in the logs */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
        };
    };
    getApiReadyz: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Every dependency answers */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        details: {
                            [key: string]: {
                                /** @enum {string} */
                                status?: "up" | "down";
                            } & {
                                [key: string]: unknown;
                            };
                        };
                        /** @description The failing checks, each with its reason */
                        error?: {
                            [key: string]: {
                                /** @enum {string} */
                                status?: "up" | "down";
                            } & {
                                [key: string]: unknown;
                            };
                        };
                        info?: {
                            [key: string]: {
                                /** @enum {string} */
                                status?: "up" | "down";
                            } & {
                                [key: string]: unknown;
                            };
                        };
                        /** @enum {string} */
                        status: "ok" | "error" | "shutting_down";
                    };
                };
            };
            /** @description An unexpected error (INTERNAL); the request id identifies it in the logs */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description A dependency does not answer, or the process is shutting down */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        details: {
                            [key: string]: {
                                /** @enum {string} */
                                status?: "up" | "down";
                            } & {
                                [key: string]: unknown;
                            };
                        };
                        /** @description The failing checks, each with its reason */
                        error?: {
                            [key: string]: {
                                /** @enum {string} */
                                status?: "up" | "down";
                            } & {
                                [key: string]: unknown;
                            };
                        };
                        info?: {
                            [key: string]: {
                                /** @enum {string} */
                                status?: "up" | "down";
                            } & {
                                [key: string]: unknown;
                            };
                        };
                        /** @enum {string} */
                        status: "ok" | "error" | "shutting_down";
                    };
                };
            };
        };
    };
    listSecretRequests: {
        parameters: {
            query?: {
                /** @description Opaque: the `meta.cursor.next` of the previous page. Continues the list after that page, in its sort (send the same sort, or none), with the filters you send; not with `page` or `offset` */
                cursor?: string;
                kind?: "read" | "patch";
                /** @description Items per page: the same as `pageSize` (send one of them, or both alike) */
                limit?: number;
                /** @description Items to skip, instead of `page` */
                offset?: number;
                /** @description Page number, from 1 (or `offset`). A deep page costs as many rows as it skips: prefer `cursor` */
                page?: number;
                /** @description Items per page (or `limit`) */
                pageSize?: number;
                /** @description Free-text search */
                q?: string;
                requester_id?: string;
                secret_id?: string;
                /** @description Comma-separated fields; a leading "-" sorts descending. Each list documents its fields. */
                sort?: string;
                /** @description One field to sort by, instead of `sort` */
                sortBy?: string;
                /** @description The direction of `sortBy` */
                sortOrder?: "asc" | "desc";
                /** @description One status or several (repeated, or comma-separated) */
                status?: ("pending" | "approved" | "completed" | "failed" | "rejected" | "cancelled" | "expired")[];
            };
            header?: {
                /** @description Act in this organization (one of your memberships) instead of your default one; another is 403. */
                "x-workspace-id"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description One page of results; meta.cursor.next continues after it, meta.pagination (absent on a page by cursor) counts */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SuccessEnvelope"] & {
                        data: components["schemas"]["SecretRequestDto"][];
                        meta: components["schemas"]["EnvelopeMeta"] & {
                            cursor: components["schemas"]["CursorMeta"];
                            pagination?: components["schemas"]["PaginationMeta"];
                        };
                    };
                };
            };
            /** @description The request is malformed or fails validation (VALIDATION_FAILED, MALFORMED_JSON) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Missing, invalid or expired credentials (UNAUTHENTICATED) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description The principal lacks the permission, or names an organization it is not a member of (FORBIDDEN) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Rate limited (RATE_LIMITED); see Retry-After */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description An unexpected error (INTERNAL); the request id identifies it in the logs */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
        };
    };
    createPatchRequest: {
        parameters: {
            query?: never;
            header?: {
                /** @description Makes a retry safe: the first outcome is kept 24 h per (organization, principal, key) and replayed with `Idempotent-Replayed: true`. The same key with a different request is 422 IDEMPOTENCY_KEY_REUSED; while the first is running, 409 IDEMPOTENCY_IN_PROGRESS. */
                "Idempotency-Key"?: string;
                /** @description Act in this organization (one of your memberships) instead of your default one; another is 403. */
                "x-workspace-id"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreatePatchRequestDto"];
            };
        };
        responses: {
            /** @description Created */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SuccessEnvelope"] & {
                        data: components["schemas"]["SecretRequestDto"];
                    };
                };
            };
            /** @description The request is malformed or fails validation (VALIDATION_FAILED, MALFORMED_JSON) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Missing, invalid or expired credentials (UNAUTHENTICATED) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description The principal lacks the permission, or names an organization it is not a member of (FORBIDDEN) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description The request conflicts with the current state (CONFLICT), or a request with the same Idempotency-Key is still running (IDEMPOTENCY_IN_PROGRESS) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description A business rule refused the request, or the Idempotency-Key was used for another request (IDEMPOTENCY_KEY_REUSED); error.code says which */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Rate limited (RATE_LIMITED); see Retry-After */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description An unexpected error (INTERNAL); the request id identifies it in the logs */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
        };
    };
    getSecretRequest: {
        parameters: {
            query?: never;
            header?: {
                /** @description Act in this organization (one of your memberships) instead of your default one; another is 403. */
                "x-workspace-id"?: string;
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SuccessEnvelope"] & {
                        data: components["schemas"]["SecretRequestDto"];
                    };
                };
            };
            /** @description The request is malformed or fails validation (VALIDATION_FAILED, MALFORMED_JSON) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Missing, invalid or expired credentials (UNAUTHENTICATED) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description The principal lacks the permission, or names an organization it is not a member of (FORBIDDEN) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description The resource does not exist in this organization (NOT_FOUND) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Rate limited (RATE_LIMITED); see Retry-After */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description An unexpected error (INTERNAL); the request id identifies it in the logs */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
        };
    };
    approveSecretRequest: {
        parameters: {
            query?: never;
            header?: {
                /** @description Makes a retry safe: the first outcome is kept 24 h per (organization, principal, key) and replayed with `Idempotent-Replayed: true`. The same key with a different request is 422 IDEMPOTENCY_KEY_REUSED; while the first is running, 409 IDEMPOTENCY_IN_PROGRESS. */
                "Idempotency-Key"?: string;
                /** @description Act in this organization (one of your memberships) instead of your default one; another is 403. */
                "x-workspace-id"?: string;
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ApproveDto"];
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SuccessEnvelope"] & {
                        data: components["schemas"]["SecretRequestDto"];
                    };
                };
            };
            /** @description The request is malformed or fails validation (VALIDATION_FAILED, MALFORMED_JSON) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Missing, invalid or expired credentials (UNAUTHENTICATED) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description The principal lacks the permission, or names an organization it is not a member of (FORBIDDEN) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description The resource does not exist in this organization (NOT_FOUND) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description The request conflicts with the current state (CONFLICT), or a request with the same Idempotency-Key is still running (IDEMPOTENCY_IN_PROGRESS) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description A business rule refused the request, or the Idempotency-Key was used for another request (IDEMPOTENCY_KEY_REUSED); error.code says which */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Rate limited (RATE_LIMITED); see Retry-After */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description An unexpected error (INTERNAL); the request id identifies it in the logs */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
        };
    };
    cancelSecretRequest: {
        parameters: {
            query?: never;
            header?: {
                /** @description Makes a retry safe: the first outcome is kept 24 h per (organization, principal, key) and replayed with `Idempotent-Replayed: true`. The same key with a different request is 422 IDEMPOTENCY_KEY_REUSED; while the first is running, 409 IDEMPOTENCY_IN_PROGRESS. */
                "Idempotency-Key"?: string;
                /** @description Act in this organization (one of your memberships) instead of your default one; another is 403. */
                "x-workspace-id"?: string;
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CancelRequestDto"];
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SuccessEnvelope"] & {
                        data: components["schemas"]["SecretRequestDto"];
                    };
                };
            };
            /** @description The request is malformed or fails validation (VALIDATION_FAILED, MALFORMED_JSON) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Missing, invalid or expired credentials (UNAUTHENTICATED) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description The principal lacks the permission, or names an organization it is not a member of (FORBIDDEN) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description The resource does not exist in this organization (NOT_FOUND) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description The request conflicts with the current state (CONFLICT), or a request with the same Idempotency-Key is still running (IDEMPOTENCY_IN_PROGRESS) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description A business rule refused the request, or the Idempotency-Key was used for another request (IDEMPOTENCY_KEY_REUSED); error.code says which */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Rate limited (RATE_LIMITED); see Retry-After */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description An unexpected error (INTERNAL); the request id identifies it in the logs */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
        };
    };
    observeRequestGitops: {
        parameters: {
            query?: never;
            header?: {
                /** @description Act in this organization (one of your memberships) instead of your default one; another is 403. */
                "x-workspace-id"?: string;
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SuccessEnvelope"] & {
                        data: components["schemas"]["GitopsObservationDto"][];
                    };
                };
            };
            /** @description The request is malformed or fails validation (VALIDATION_FAILED, MALFORMED_JSON) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Missing, invalid or expired credentials (UNAUTHENTICATED) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description The principal lacks the permission, or names an organization it is not a member of (FORBIDDEN) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description The resource does not exist in this organization (NOT_FOUND) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description The request conflicts with the current state (CONFLICT), or a request with the same Idempotency-Key is still running (IDEMPOTENCY_IN_PROGRESS) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Rate limited (RATE_LIMITED); see Retry-After */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description An unexpected error (INTERNAL); the request id identifies it in the logs */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
        };
    };
    rejectSecretRequest: {
        parameters: {
            query?: never;
            header?: {
                /** @description Makes a retry safe: the first outcome is kept 24 h per (organization, principal, key) and replayed with `Idempotent-Replayed: true`. The same key with a different request is 422 IDEMPOTENCY_KEY_REUSED; while the first is running, 409 IDEMPOTENCY_IN_PROGRESS. */
                "Idempotency-Key"?: string;
                /** @description Act in this organization (one of your memberships) instead of your default one; another is 403. */
                "x-workspace-id"?: string;
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["RejectDto"];
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SuccessEnvelope"] & {
                        data: components["schemas"]["SecretRequestDto"];
                    };
                };
            };
            /** @description The request is malformed or fails validation (VALIDATION_FAILED, MALFORMED_JSON) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Missing, invalid or expired credentials (UNAUTHENTICATED) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description The principal lacks the permission, or names an organization it is not a member of (FORBIDDEN) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description The resource does not exist in this organization (NOT_FOUND) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description The request conflicts with the current state (CONFLICT), or a request with the same Idempotency-Key is still running (IDEMPOTENCY_IN_PROGRESS) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description A business rule refused the request, or the Idempotency-Key was used for another request (IDEMPOTENCY_KEY_REUSED); error.code says which */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Rate limited (RATE_LIMITED); see Retry-After */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description An unexpected error (INTERNAL); the request id identifies it in the logs */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
        };
    };
    listRequestWraps: {
        parameters: {
            query?: never;
            header?: {
                /** @description Act in this organization (one of your memberships) instead of your default one; another is 403. */
                "x-workspace-id"?: string;
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SuccessEnvelope"] & {
                        data: components["schemas"]["WrapSummaryDto"][];
                    };
                };
            };
            /** @description The request is malformed or fails validation (VALIDATION_FAILED, MALFORMED_JSON) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Missing, invalid or expired credentials (UNAUTHENTICATED) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description The principal lacks the permission, or names an organization it is not a member of (FORBIDDEN) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description The resource does not exist in this organization (NOT_FOUND) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Rate limited (RATE_LIMITED); see Retry-After */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description An unexpected error (INTERNAL); the request id identifies it in the logs */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
        };
    };
    retrieveRequestWrap: {
        parameters: {
            query?: never;
            header?: {
                /** @description Act in this organization (one of your memberships) instead of your default one; another is 403. */
                "x-workspace-id"?: string;
            };
            path: {
                id: string;
                wrapId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SuccessEnvelope"] & {
                        data: components["schemas"]["RetrievedValueDto"];
                    };
                };
            };
            /** @description The request is malformed or fails validation (VALIDATION_FAILED, MALFORMED_JSON) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Missing, invalid or expired credentials (UNAUTHENTICATED) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description The principal lacks the permission, or names an organization it is not a member of (FORBIDDEN) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description The resource does not exist in this organization (NOT_FOUND) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description The resource existed and is gone for good (GONE) */
            410: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Rate limited (RATE_LIMITED); see Retry-After */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description An unexpected error (INTERNAL); the request id identifies it in the logs */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
        };
    };
    createReadRequest: {
        parameters: {
            query?: never;
            header?: {
                /** @description Makes a retry safe: the first outcome is kept 24 h per (organization, principal, key) and replayed with `Idempotent-Replayed: true`. The same key with a different request is 422 IDEMPOTENCY_KEY_REUSED; while the first is running, 409 IDEMPOTENCY_IN_PROGRESS. */
                "Idempotency-Key"?: string;
                /** @description Act in this organization (one of your memberships) instead of your default one; another is 403. */
                "x-workspace-id"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateReadRequestDto"];
            };
        };
        responses: {
            /** @description Created */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SuccessEnvelope"] & {
                        data: components["schemas"]["SecretRequestDto"];
                    };
                };
            };
            /** @description The request is malformed or fails validation (VALIDATION_FAILED, MALFORMED_JSON) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Missing, invalid or expired credentials (UNAUTHENTICATED) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description The principal lacks the permission, or names an organization it is not a member of (FORBIDDEN) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description The request conflicts with the current state (CONFLICT), or a request with the same Idempotency-Key is still running (IDEMPOTENCY_IN_PROGRESS) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description A business rule refused the request, or the Idempotency-Key was used for another request (IDEMPOTENCY_KEY_REUSED); error.code says which */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Rate limited (RATE_LIMITED); see Retry-After */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description An unexpected error (INTERNAL); the request id identifies it in the logs */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
        };
    };
    listRoles: {
        parameters: {
            query?: {
                /** @description Opaque: the `meta.cursor.next` of the previous page. Continues the list after that page, in its sort (send the same sort, or none), with the filters you send; not with `page` or `offset` */
                cursor?: string;
                /** @description Items per page: the same as `pageSize` (send one of them, or both alike) */
                limit?: number;
                /** @description Items to skip, instead of `page` */
                offset?: number;
                /** @description Page number, from 1 (or `offset`). A deep page costs as many rows as it skips: prefer `cursor` */
                page?: number;
                /** @description Items per page (or `limit`) */
                pageSize?: number;
                /** @description Free-text search */
                q?: string;
                /** @description Comma-separated fields; a leading "-" sorts descending. Each list documents its fields. */
                sort?: string;
                /** @description One field to sort by, instead of `sort` */
                sortBy?: string;
                /** @description The direction of `sortBy` */
                sortOrder?: "asc" | "desc";
                /** @description Only system (true) or only custom (false) roles */
                system?: boolean;
            };
            header?: {
                /** @description Act in this organization (one of your memberships) instead of your default one; another is 403. */
                "x-workspace-id"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description One page of results; meta.cursor.next continues after it, meta.pagination (absent on a page by cursor) counts */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SuccessEnvelope"] & {
                        data: components["schemas"]["RoleDto"][];
                        meta: components["schemas"]["EnvelopeMeta"] & {
                            cursor: components["schemas"]["CursorMeta"];
                            pagination?: components["schemas"]["PaginationMeta"];
                        };
                    };
                };
            };
            /** @description The request is malformed or fails validation (VALIDATION_FAILED, MALFORMED_JSON) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Missing, invalid or expired credentials (UNAUTHENTICATED) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description The principal lacks the permission, or names an organization it is not a member of (FORBIDDEN) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Rate limited (RATE_LIMITED); see Retry-After */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description An unexpected error (INTERNAL); the request id identifies it in the logs */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
        };
    };
    createRole: {
        parameters: {
            query?: never;
            header?: {
                /** @description Makes a retry safe: the first outcome is kept 24 h per (organization, principal, key) and replayed with `Idempotent-Replayed: true`. The same key with a different request is 422 IDEMPOTENCY_KEY_REUSED; while the first is running, 409 IDEMPOTENCY_IN_PROGRESS. */
                "Idempotency-Key"?: string;
                /** @description Act in this organization (one of your memberships) instead of your default one; another is 403. */
                "x-workspace-id"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateRoleDto"];
            };
        };
        responses: {
            /** @description Created */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SuccessEnvelope"] & {
                        data: components["schemas"]["RoleDto"];
                    };
                };
            };
            /** @description The request is malformed or fails validation (VALIDATION_FAILED, MALFORMED_JSON) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Missing, invalid or expired credentials (UNAUTHENTICATED) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description The principal lacks the permission, or names an organization it is not a member of (FORBIDDEN) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description The request conflicts with the current state (CONFLICT), or a request with the same Idempotency-Key is still running (IDEMPOTENCY_IN_PROGRESS) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description A business rule refused the request, or the Idempotency-Key was used for another request (IDEMPOTENCY_KEY_REUSED); error.code says which */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Rate limited (RATE_LIMITED); see Retry-After */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description An unexpected error (INTERNAL); the request id identifies it in the logs */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
        };
    };
    getRole: {
        parameters: {
            query?: never;
            header?: {
                /** @description Act in this organization (one of your memberships) instead of your default one; another is 403. */
                "x-workspace-id"?: string;
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SuccessEnvelope"] & {
                        data: components["schemas"]["RoleDto"];
                    };
                };
            };
            /** @description The request is malformed or fails validation (VALIDATION_FAILED, MALFORMED_JSON) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Missing, invalid or expired credentials (UNAUTHENTICATED) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description The principal lacks the permission, or names an organization it is not a member of (FORBIDDEN) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description The resource does not exist in this organization (NOT_FOUND) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Rate limited (RATE_LIMITED); see Retry-After */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description An unexpected error (INTERNAL); the request id identifies it in the logs */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
        };
    };
    deleteRole: {
        parameters: {
            query?: never;
            header?: {
                /** @description Makes a retry safe: the first outcome is kept 24 h per (organization, principal, key) and replayed with `Idempotent-Replayed: true`. The same key with a different request is 422 IDEMPOTENCY_KEY_REUSED; while the first is running, 409 IDEMPOTENCY_IN_PROGRESS. */
                "Idempotency-Key"?: string;
                /** @description Act in this organization (one of your memberships) instead of your default one; another is 403. */
                "x-workspace-id"?: string;
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Done; no content */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description The request is malformed or fails validation (VALIDATION_FAILED, MALFORMED_JSON) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Missing, invalid or expired credentials (UNAUTHENTICATED) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description The principal lacks the permission, or names an organization it is not a member of (FORBIDDEN) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description The resource does not exist in this organization (NOT_FOUND) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description The request conflicts with the current state (CONFLICT), or a request with the same Idempotency-Key is still running (IDEMPOTENCY_IN_PROGRESS) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description A business rule refused the request, or the Idempotency-Key was used for another request (IDEMPOTENCY_KEY_REUSED); error.code says which */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Rate limited (RATE_LIMITED); see Retry-After */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description An unexpected error (INTERNAL); the request id identifies it in the logs */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
        };
    };
    setRolePermissions: {
        parameters: {
            query?: never;
            header?: {
                /** @description Makes a retry safe: the first outcome is kept 24 h per (organization, principal, key) and replayed with `Idempotent-Replayed: true`. The same key with a different request is 422 IDEMPOTENCY_KEY_REUSED; while the first is running, 409 IDEMPOTENCY_IN_PROGRESS. */
                "Idempotency-Key"?: string;
                /** @description Act in this organization (one of your memberships) instead of your default one; another is 403. */
                "x-workspace-id"?: string;
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["SetRolePermissionsDto"];
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SuccessEnvelope"] & {
                        data: components["schemas"]["RoleDto"];
                    };
                };
            };
            /** @description The request is malformed or fails validation (VALIDATION_FAILED, MALFORMED_JSON) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Missing, invalid or expired credentials (UNAUTHENTICATED) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description The principal lacks the permission, or names an organization it is not a member of (FORBIDDEN) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description The resource does not exist in this organization (NOT_FOUND) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description The request conflicts with the current state (CONFLICT), or a request with the same Idempotency-Key is still running (IDEMPOTENCY_IN_PROGRESS) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description A business rule refused the request, or the Idempotency-Key was used for another request (IDEMPOTENCY_KEY_REUSED); error.code says which */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Rate limited (RATE_LIMITED); see Retry-After */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description An unexpected error (INTERNAL); the request id identifies it in the logs */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
        };
    };
    listDiscoveredSecrets: {
        parameters: {
            query?: {
                cluster_name?: string;
                /** @description Opaque: the `meta.cursor.next` of the previous page. Continues the list after that page, in its sort (send the same sort, or none), with the filters you send; not with `page` or `offset` */
                cursor?: string;
                /** @description key:value, repeatable; every one must match */
                label?: string[];
                /** @description Items per page: the same as `pageSize` (send one of them, or both alike) */
                limit?: number;
                /** @description Items to skip, instead of `page` */
                offset?: number;
                /** @description Page number, from 1 (or `offset`). A deep page costs as many rows as it skips: prefer `cursor` */
                page?: number;
                /** @description Items per page (or `limit`) */
                pageSize?: number;
                provider?: string;
                /** @description Free-text search */
                q?: string;
                /** @description Refs starting with this */
                ref_prefix?: string;
                /** @description Comma-separated fields; a leading "-" sorts descending. Each list documents its fields. */
                sort?: string;
                /** @description One field to sort by, instead of `sort` */
                sortBy?: string;
                /** @description The direction of `sortBy` */
                sortOrder?: "asc" | "desc";
                status?: "present" | "missing" | "error";
            };
            header?: {
                /** @description Act in this organization (one of your memberships) instead of your default one; another is 403. */
                "x-workspace-id"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description One page of results; meta.cursor.next continues after it, meta.pagination (absent on a page by cursor) counts */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SuccessEnvelope"] & {
                        data: components["schemas"]["DiscoveredSecretDto"][];
                        meta: components["schemas"]["EnvelopeMeta"] & {
                            cursor: components["schemas"]["CursorMeta"];
                            pagination?: components["schemas"]["PaginationMeta"];
                        };
                    };
                };
            };
            /** @description The request is malformed or fails validation (VALIDATION_FAILED, MALFORMED_JSON) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Missing, invalid or expired credentials (UNAUTHENTICATED) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description The principal lacks the permission, or names an organization it is not a member of (FORBIDDEN) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Rate limited (RATE_LIMITED); see Retry-After */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description An unexpected error (INTERNAL); the request id identifies it in the logs */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
        };
    };
    getDiscoveredSecret: {
        parameters: {
            query?: never;
            header?: {
                /** @description Act in this organization (one of your memberships) instead of your default one; another is 403. */
                "x-workspace-id"?: string;
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SuccessEnvelope"] & {
                        data: components["schemas"]["DiscoveredSecretDto"];
                    };
                };
            };
            /** @description The request is malformed or fails validation (VALIDATION_FAILED, MALFORMED_JSON) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Missing, invalid or expired credentials (UNAUTHENTICATED) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description The principal lacks the permission, or names an organization it is not a member of (FORBIDDEN) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description The resource does not exist in this organization (NOT_FOUND) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Rate limited (RATE_LIMITED); see Retry-After */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description An unexpected error (INTERNAL); the request id identifies it in the logs */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
        };
    };
    listStepTypes: {
        parameters: {
            query?: never;
            header?: {
                /** @description Act in this organization (one of your memberships) instead of your default one; another is 403. */
                "x-workspace-id"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SuccessEnvelope"] & {
                        data: components["schemas"]["StepTypeDto"][];
                    };
                };
            };
            /** @description The request is malformed or fails validation (VALIDATION_FAILED, MALFORMED_JSON) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Missing, invalid or expired credentials (UNAUTHENTICATED) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description The principal lacks the permission, or names an organization it is not a member of (FORBIDDEN) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Rate limited (RATE_LIMITED); see Retry-After */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description An unexpected error (INTERNAL); the request id identifies it in the logs */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
        };
    };
    getStepType: {
        parameters: {
            query?: never;
            header?: {
                /** @description Act in this organization (one of your memberships) instead of your default one; another is 403. */
                "x-workspace-id"?: string;
            };
            path: {
                /** @description approval, job, http, wait, condition, notify or callback */
                type: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SuccessEnvelope"] & {
                        data: components["schemas"]["StepTypeDto"];
                    };
                };
            };
            /** @description The request is malformed or fails validation (VALIDATION_FAILED, MALFORMED_JSON) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Missing, invalid or expired credentials (UNAUTHENTICATED) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description The principal lacks the permission, or names an organization it is not a member of (FORBIDDEN) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description The resource does not exist in this organization (NOT_FOUND) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Rate limited (RATE_LIMITED); see Retry-After */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description An unexpected error (INTERNAL); the request id identifies it in the logs */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
        };
    };
    createTeam: {
        parameters: {
            query?: never;
            header?: {
                /** @description Makes a retry safe: the first outcome is kept 24 h per (organization, principal, key) and replayed with `Idempotent-Replayed: true`. The same key with a different request is 422 IDEMPOTENCY_KEY_REUSED; while the first is running, 409 IDEMPOTENCY_IN_PROGRESS. */
                "Idempotency-Key"?: string;
                /** @description Act in this organization (one of your memberships) instead of your default one; another is 403. */
                "x-workspace-id"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateTeamDto"];
            };
        };
        responses: {
            /** @description Created */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SuccessEnvelope"] & {
                        data: components["schemas"]["TeamDto"];
                    };
                };
            };
            /** @description The request is malformed or fails validation (VALIDATION_FAILED, MALFORMED_JSON) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Missing, invalid or expired credentials (UNAUTHENTICATED) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description The principal lacks the permission, or names an organization it is not a member of (FORBIDDEN) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description The resource does not exist in this organization (NOT_FOUND) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description The request conflicts with the current state (CONFLICT), or a request with the same Idempotency-Key is still running (IDEMPOTENCY_IN_PROGRESS) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description A business rule refused the request, or the Idempotency-Key was used for another request (IDEMPOTENCY_KEY_REUSED); error.code says which */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Rate limited (RATE_LIMITED); see Retry-After */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description An unexpected error (INTERNAL); the request id identifies it in the logs */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
        };
    };
    getTeam: {
        parameters: {
            query?: never;
            header?: {
                /** @description Act in this organization (one of your memberships) instead of your default one; another is 403. */
                "x-workspace-id"?: string;
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SuccessEnvelope"] & {
                        data: components["schemas"]["TeamDto"];
                    };
                };
            };
            /** @description The request is malformed or fails validation (VALIDATION_FAILED, MALFORMED_JSON) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Missing, invalid or expired credentials (UNAUTHENTICATED) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description The principal lacks the permission, or names an organization it is not a member of (FORBIDDEN) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description The resource does not exist in this organization (NOT_FOUND) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Rate limited (RATE_LIMITED); see Retry-After */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description An unexpected error (INTERNAL); the request id identifies it in the logs */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
        };
    };
    listRoleGrants: {
        parameters: {
            query?: {
                /** @description Opaque: the `meta.cursor.next` of the previous page. Continues the list after that page, in its sort (send the same sort, or none), with the filters you send; not with `page` or `offset` */
                cursor?: string;
                environmentId?: string;
                /** @description Items per page: the same as `pageSize` (send one of them, or both alike) */
                limit?: number;
                /** @description Items to skip, instead of `page` */
                offset?: number;
                /** @description Page number, from 1 (or `offset`). A deep page costs as many rows as it skips: prefer `cursor` */
                page?: number;
                /** @description Items per page (or `limit`) */
                pageSize?: number;
                projectId?: string;
                /** @description Free-text search */
                q?: string;
                roleId?: string;
                /** @description Comma-separated fields; a leading "-" sorts descending. Each list documents its fields. */
                sort?: string;
                /** @description One field to sort by, instead of `sort` */
                sortBy?: string;
                /** @description The direction of `sortBy` */
                sortOrder?: "asc" | "desc";
                userId?: string;
            };
            header?: {
                /** @description Act in this organization (one of your memberships) instead of your default one; another is 403. */
                "x-workspace-id"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description One page of results; meta.cursor.next continues after it, meta.pagination (absent on a page by cursor) counts */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SuccessEnvelope"] & {
                        data: components["schemas"]["UserRoleDto"][];
                        meta: components["schemas"]["EnvelopeMeta"] & {
                            cursor: components["schemas"]["CursorMeta"];
                            pagination?: components["schemas"]["PaginationMeta"];
                        };
                    };
                };
            };
            /** @description The request is malformed or fails validation (VALIDATION_FAILED, MALFORMED_JSON) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Missing, invalid or expired credentials (UNAUTHENTICATED) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description The principal lacks the permission, or names an organization it is not a member of (FORBIDDEN) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Rate limited (RATE_LIMITED); see Retry-After */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description An unexpected error (INTERNAL); the request id identifies it in the logs */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
        };
    };
    grantRole: {
        parameters: {
            query?: never;
            header?: {
                /** @description Makes a retry safe: the first outcome is kept 24 h per (organization, principal, key) and replayed with `Idempotent-Replayed: true`. The same key with a different request is 422 IDEMPOTENCY_KEY_REUSED; while the first is running, 409 IDEMPOTENCY_IN_PROGRESS. */
                "Idempotency-Key"?: string;
                /** @description Act in this organization (one of your memberships) instead of your default one; another is 403. */
                "x-workspace-id"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateUserRoleDto"];
            };
        };
        responses: {
            /** @description Created */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SuccessEnvelope"] & {
                        data: components["schemas"]["UserRoleDto"];
                    };
                };
            };
            /** @description The request is malformed or fails validation (VALIDATION_FAILED, MALFORMED_JSON) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Missing, invalid or expired credentials (UNAUTHENTICATED) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description The principal lacks the permission, or names an organization it is not a member of (FORBIDDEN) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description The resource does not exist in this organization (NOT_FOUND) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description The request conflicts with the current state (CONFLICT), or a request with the same Idempotency-Key is still running (IDEMPOTENCY_IN_PROGRESS) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description A business rule refused the request, or the Idempotency-Key was used for another request (IDEMPOTENCY_KEY_REUSED); error.code says which */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Rate limited (RATE_LIMITED); see Retry-After */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description An unexpected error (INTERNAL); the request id identifies it in the logs */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
        };
    };
    revokeRole: {
        parameters: {
            query?: never;
            header?: {
                /** @description Makes a retry safe: the first outcome is kept 24 h per (organization, principal, key) and replayed with `Idempotent-Replayed: true`. The same key with a different request is 422 IDEMPOTENCY_KEY_REUSED; while the first is running, 409 IDEMPOTENCY_IN_PROGRESS. */
                "Idempotency-Key"?: string;
                /** @description Act in this organization (one of your memberships) instead of your default one; another is 403. */
                "x-workspace-id"?: string;
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Done; no content */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description The request is malformed or fails validation (VALIDATION_FAILED, MALFORMED_JSON) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Missing, invalid or expired credentials (UNAUTHENTICATED) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description The principal lacks the permission, or names an organization it is not a member of (FORBIDDEN) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description The resource does not exist in this organization (NOT_FOUND) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description The request conflicts with the current state (CONFLICT), or a request with the same Idempotency-Key is still running (IDEMPOTENCY_IN_PROGRESS) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description A business rule refused the request, or the Idempotency-Key was used for another request (IDEMPOTENCY_KEY_REUSED); error.code says which */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Rate limited (RATE_LIMITED); see Retry-After */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description An unexpected error (INTERNAL); the request id identifies it in the logs */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
        };
    };
    listUserRoles: {
        parameters: {
            query?: never;
            header?: {
                /** @description Act in this organization (one of your memberships) instead of your default one; another is 403. */
                "x-workspace-id"?: string;
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SuccessEnvelope"] & {
                        data: components["schemas"]["UserRoleDto"][];
                    };
                };
            };
            /** @description The request is malformed or fails validation (VALIDATION_FAILED, MALFORMED_JSON) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Missing, invalid or expired credentials (UNAUTHENTICATED) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description The principal lacks the permission, or names an organization it is not a member of (FORBIDDEN) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description The resource does not exist in this organization (NOT_FOUND) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Rate limited (RATE_LIMITED); see Retry-After */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description An unexpected error (INTERNAL); the request id identifies it in the logs */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
        };
    };
    reportWorkflowCallback: {
        parameters: {
            query?: never;
            header: {
                /** @description The delivery id: 1–200 visible ASCII characters, no dot; unique per delivery and the same on every retry of it. Part of the signed string. */
                "x-agentfield-delivery": string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["WorkflowCallbackDto"];
            };
        };
        responses: {
            /** @description Taken by the run engine (duplicate: false), or a delivery id received before (duplicate: true, the first answer) */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SuccessEnvelope"] & {
                        data: components["schemas"]["WorkflowCallbackAckDto"];
                    };
                };
            };
            /** @description The request is malformed or fails validation (VALIDATION_FAILED, MALFORMED_JSON) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description The signature is missing (UNAUTHENTICATED), unreadable (MALFORMED_SIGNATURE), wrong (INVALID_SIGNATURE) or outside the time tolerance (SIGNATURE_EXPIRED); or the delivery id is missing (MISSING_DELIVERY_ID) or malformed (INVALID_DELIVERY_ID) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description No such workflow run or node (NOT_FOUND); or no WORKFLOW_WEBHOOK_SECRET is configured (ROUTE_NOT_FOUND, as for an absent route) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description The node is not a callback step (NOT_A_CALLBACK_STEP) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Rate limited (RATE_LIMITED); see Retry-After */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description An unexpected error (INTERNAL); the request id identifies it in the logs */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
        };
    };
    listWorkflowDefinitions: {
        parameters: {
            query?: {
                /** @description Opaque: the `meta.cursor.next` of the previous page. Continues the list after that page, in its sort (send the same sort, or none), with the filters you send; not with `page` or `offset` */
                cursor?: string;
                /** @description Items per page: the same as `pageSize` (send one of them, or both alike) */
                limit?: number;
                /** @description Items to skip, instead of `page` */
                offset?: number;
                /** @description Page number, from 1 (or `offset`). A deep page costs as many rows as it skips: prefer `cursor` */
                page?: number;
                /** @description Items per page (or `limit`) */
                pageSize?: number;
                /** @description Free-text search */
                q?: string;
                /** @description Comma-separated fields; a leading "-" sorts descending. Each list documents its fields. */
                sort?: string;
                /** @description One field to sort by, instead of `sort` */
                sortBy?: string;
                /** @description The direction of `sortBy` */
                sortOrder?: "asc" | "desc";
            };
            header?: {
                /** @description Act in this organization (one of your memberships) instead of your default one; another is 403. */
                "x-workspace-id"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description One page of results; meta.cursor.next continues after it, meta.pagination (absent on a page by cursor) counts */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SuccessEnvelope"] & {
                        data: components["schemas"]["WorkflowDefinitionDto"][];
                        meta: components["schemas"]["EnvelopeMeta"] & {
                            cursor: components["schemas"]["CursorMeta"];
                            pagination?: components["schemas"]["PaginationMeta"];
                        };
                    };
                };
            };
            /** @description The request is malformed or fails validation (VALIDATION_FAILED, MALFORMED_JSON) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Missing, invalid or expired credentials (UNAUTHENTICATED) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description The principal lacks the permission, or names an organization it is not a member of (FORBIDDEN) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Rate limited (RATE_LIMITED); see Retry-After */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description An unexpected error (INTERNAL); the request id identifies it in the logs */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
        };
    };
    createWorkflowDefinition: {
        parameters: {
            query?: never;
            header?: {
                /** @description Makes a retry safe: the first outcome is kept 24 h per (organization, principal, key) and replayed with `Idempotent-Replayed: true`. The same key with a different request is 422 IDEMPOTENCY_KEY_REUSED; while the first is running, 409 IDEMPOTENCY_IN_PROGRESS. */
                "Idempotency-Key"?: string;
                /** @description Act in this organization (one of your memberships) instead of your default one; another is 403. */
                "x-workspace-id"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateWorkflowDefinitionDto"];
            };
        };
        responses: {
            /** @description Created */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SuccessEnvelope"] & {
                        data: components["schemas"]["WorkflowDefinitionDto"];
                    };
                };
            };
            /** @description The request is malformed or fails validation (VALIDATION_FAILED, MALFORMED_JSON) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Missing, invalid or expired credentials (UNAUTHENTICATED) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description The principal lacks the permission, or names an organization it is not a member of (FORBIDDEN) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description The request conflicts with the current state (CONFLICT), or a request with the same Idempotency-Key is still running (IDEMPOTENCY_IN_PROGRESS) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description A business rule refused the request, or the Idempotency-Key was used for another request (IDEMPOTENCY_KEY_REUSED); error.code says which */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Rate limited (RATE_LIMITED); see Retry-After */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description An unexpected error (INTERNAL); the request id identifies it in the logs */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
        };
    };
    listWorkflowExecutions: {
        parameters: {
            query?: {
                /** @description Opaque: the `meta.cursor.next` of the previous page. Continues the list after that page, in its sort (send the same sort, or none), with the filters you send; not with `page` or `offset` */
                cursor?: string;
                /** @description Runs of this definition */
                definitionId?: string;
                /** @description Items per page: the same as `pageSize` (send one of them, or both alike) */
                limit?: number;
                /** @description Items to skip, instead of `page` */
                offset?: number;
                /** @description Page number, from 1 (or `offset`). A deep page costs as many rows as it skips: prefer `cursor` */
                page?: number;
                /** @description Items per page (or `limit`) */
                pageSize?: number;
                /** @description Free-text search */
                q?: string;
                /** @description Created at or after */
                since?: string;
                /** @description Comma-separated fields; a leading "-" sorts descending. Each list documents its fields. */
                sort?: string;
                /** @description One field to sort by, instead of `sort` */
                sortBy?: string;
                /** @description The direction of `sortBy` */
                sortOrder?: "asc" | "desc";
                /** @description One status or several (repeated, or comma-separated) */
                status?: ("pending" | "running" | "paused" | "succeeded" | "failed" | "cancelled")[];
                /** @description Created before */
                until?: string;
            };
            header?: {
                /** @description Act in this organization (one of your memberships) instead of your default one; another is 403. */
                "x-workspace-id"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description One page of results; meta.cursor.next continues after it, meta.pagination (absent on a page by cursor) counts */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SuccessEnvelope"] & {
                        data: components["schemas"]["WorkflowExecutionDto"][];
                        meta: components["schemas"]["EnvelopeMeta"] & {
                            cursor: components["schemas"]["CursorMeta"];
                            pagination?: components["schemas"]["PaginationMeta"];
                        };
                    };
                };
            };
            /** @description The request is malformed or fails validation (VALIDATION_FAILED, MALFORMED_JSON) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Missing, invalid or expired credentials (UNAUTHENTICATED) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description The principal lacks the permission, or names an organization it is not a member of (FORBIDDEN) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Rate limited (RATE_LIMITED); see Retry-After */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description An unexpected error (INTERNAL); the request id identifies it in the logs */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
        };
    };
    getWorkflowExecution: {
        parameters: {
            query?: never;
            header?: {
                /** @description Act in this organization (one of your memberships) instead of your default one; another is 403. */
                "x-workspace-id"?: string;
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SuccessEnvelope"] & {
                        data: components["schemas"]["WorkflowExecutionDto"];
                    };
                };
            };
            /** @description The request is malformed or fails validation (VALIDATION_FAILED, MALFORMED_JSON) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Missing, invalid or expired credentials (UNAUTHENTICATED) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description The principal lacks the permission, or names an organization it is not a member of (FORBIDDEN) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description The resource does not exist in this organization (NOT_FOUND) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Rate limited (RATE_LIMITED); see Retry-After */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description An unexpected error (INTERNAL); the request id identifies it in the logs */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
        };
    };
    cancelWorkflowExecution: {
        parameters: {
            query?: never;
            header?: {
                /** @description Makes a retry safe: the first outcome is kept 24 h per (organization, principal, key) and replayed with `Idempotent-Replayed: true`. The same key with a different request is 422 IDEMPOTENCY_KEY_REUSED; while the first is running, 409 IDEMPOTENCY_IN_PROGRESS. */
                "Idempotency-Key"?: string;
                /** @description Act in this organization (one of your memberships) instead of your default one; another is 403. */
                "x-workspace-id"?: string;
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SuccessEnvelope"] & {
                        data: components["schemas"]["WorkflowExecutionDto"];
                    };
                };
            };
            /** @description The request is malformed or fails validation (VALIDATION_FAILED, MALFORMED_JSON) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Missing, invalid or expired credentials (UNAUTHENTICATED) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description The principal lacks the permission, or names an organization it is not a member of (FORBIDDEN) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description The resource does not exist in this organization (NOT_FOUND) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description The execution already ended */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description A business rule refused the request, or the Idempotency-Key was used for another request (IDEMPOTENCY_KEY_REUSED); error.code says which */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Rate limited (RATE_LIMITED); see Retry-After */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description An unexpected error (INTERNAL); the request id identifies it in the logs */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
        };
    };
    retryWorkflowExecution: {
        parameters: {
            query?: never;
            header?: {
                /** @description Makes a retry safe: the first outcome is kept 24 h per (organization, principal, key) and replayed with `Idempotent-Replayed: true`. The same key with a different request is 422 IDEMPOTENCY_KEY_REUSED; while the first is running, 409 IDEMPOTENCY_IN_PROGRESS. */
                "Idempotency-Key"?: string;
                /** @description Act in this organization (one of your memberships) instead of your default one; another is 403. */
                "x-workspace-id"?: string;
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SuccessEnvelope"] & {
                        data: components["schemas"]["WorkflowExecutionDto"];
                    };
                };
            };
            /** @description The request is malformed or fails validation (VALIDATION_FAILED, MALFORMED_JSON) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Missing, invalid or expired credentials (UNAUTHENTICATED) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description The principal lacks the permission, or names an organization it is not a member of (FORBIDDEN) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description The resource does not exist in this organization (NOT_FOUND) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description The execution has not failed */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description A business rule refused the request, or the Idempotency-Key was used for another request (IDEMPOTENCY_KEY_REUSED); error.code says which */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Rate limited (RATE_LIMITED); see Retry-After */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description An unexpected error (INTERNAL); the request id identifies it in the logs */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
        };
    };
    listWorkflowRuns: {
        parameters: {
            query?: {
                /** @description Opaque: the `meta.cursor.next` of the previous page. Continues the list after that page, in its sort (send the same sort, or none), with the filters you send; not with `page` or `offset` */
                cursor?: string;
                /** @description Runs of this definition */
                definitionId?: string;
                /** @description Items per page: the same as `pageSize` (send one of them, or both alike) */
                limit?: number;
                /** @description Items to skip, instead of `page` */
                offset?: number;
                /** @description Page number, from 1 (or `offset`). A deep page costs as many rows as it skips: prefer `cursor` */
                page?: number;
                /** @description Items per page (or `limit`) */
                pageSize?: number;
                /** @description Free-text search */
                q?: string;
                /** @description Created at or after */
                since?: string;
                /** @description Comma-separated fields; a leading "-" sorts descending. Each list documents its fields. */
                sort?: string;
                /** @description One field to sort by, instead of `sort` */
                sortBy?: string;
                /** @description The direction of `sortBy` */
                sortOrder?: "asc" | "desc";
                /** @description One status or several (repeated, or comma-separated) */
                status?: ("pending" | "running" | "paused" | "succeeded" | "failed" | "cancelled")[];
                /** @description Created before */
                until?: string;
            };
            header?: {
                /** @description Act in this organization (one of your memberships) instead of your default one; another is 403. */
                "x-workspace-id"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description One page of results; meta.cursor.next continues after it, meta.pagination (absent on a page by cursor) counts */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SuccessEnvelope"] & {
                        data: components["schemas"]["WorkflowRunDto"][];
                        meta: components["schemas"]["EnvelopeMeta"] & {
                            cursor: components["schemas"]["CursorMeta"];
                            pagination?: components["schemas"]["PaginationMeta"];
                        };
                    };
                };
            };
            /** @description The request is malformed or fails validation (VALIDATION_FAILED, MALFORMED_JSON) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Missing, invalid or expired credentials (UNAUTHENTICATED) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description The principal lacks the permission, or names an organization it is not a member of (FORBIDDEN) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Rate limited (RATE_LIMITED); see Retry-After */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description An unexpected error (INTERNAL); the request id identifies it in the logs */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
        };
    };
    createWorkflowRun: {
        parameters: {
            query?: never;
            header: {
                /** @description Makes a retry safe: the first outcome is kept 24 h per (organization, principal, key) and replayed with `Idempotent-Replayed: true`. The same key with a different request is 422 IDEMPOTENCY_KEY_REUSED; while the first is running, 409 IDEMPOTENCY_IN_PROGRESS. */
                "Idempotency-Key": string;
                /** @description Act in this organization (one of your memberships) instead of your default one; another is 403. */
                "x-workspace-id"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateWorkflowRunDto"];
            };
        };
        responses: {
            /** @description Created */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SuccessEnvelope"] & {
                        data: components["schemas"]["WorkflowRunDto"];
                    };
                };
            };
            /** @description The request is malformed or fails validation (VALIDATION_FAILED, MALFORMED_JSON) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Missing, invalid or expired credentials (UNAUTHENTICATED) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description The principal lacks the permission, or names an organization it is not a member of (FORBIDDEN) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description The request conflicts with the current state (CONFLICT), or a request with the same Idempotency-Key is still running (IDEMPOTENCY_IN_PROGRESS) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description definitionId names no definition here (UNKNOWN_DEFINITION), or the version does not exist (UNKNOWN_VERSION) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Rate limited (RATE_LIMITED); see Retry-After */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description An unexpected error (INTERNAL); the request id identifies it in the logs */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
        };
    };
    getWorkflowRun: {
        parameters: {
            query?: never;
            header?: {
                /** @description Act in this organization (one of your memberships) instead of your default one; another is 403. */
                "x-workspace-id"?: string;
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SuccessEnvelope"] & {
                        data: components["schemas"]["WorkflowRunDto"];
                    };
                };
            };
            /** @description The request is malformed or fails validation (VALIDATION_FAILED, MALFORMED_JSON) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Missing, invalid or expired credentials (UNAUTHENTICATED) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description The principal lacks the permission, or names an organization it is not a member of (FORBIDDEN) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description The resource does not exist in this organization (NOT_FOUND) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Rate limited (RATE_LIMITED); see Retry-After */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description An unexpected error (INTERNAL); the request id identifies it in the logs */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
        };
    };
    cancelWorkflowRun: {
        parameters: {
            query?: never;
            header?: {
                /** @description Makes a retry safe: the first outcome is kept 24 h per (organization, principal, key) and replayed with `Idempotent-Replayed: true`. The same key with a different request is 422 IDEMPOTENCY_KEY_REUSED; while the first is running, 409 IDEMPOTENCY_IN_PROGRESS. */
                "Idempotency-Key"?: string;
                /** @description Act in this organization (one of your memberships) instead of your default one; another is 403. */
                "x-workspace-id"?: string;
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SuccessEnvelope"] & {
                        data: components["schemas"]["WorkflowRunDto"];
                    };
                };
            };
            /** @description The request is malformed or fails validation (VALIDATION_FAILED, MALFORMED_JSON) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Missing, invalid or expired credentials (UNAUTHENTICATED) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description The principal lacks the permission, or names an organization it is not a member of (FORBIDDEN) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description The resource does not exist in this organization (NOT_FOUND) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description The run is not in a state this control applies to (CONFLICT, with its status) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description A business rule refused the request, or the Idempotency-Key was used for another request (IDEMPOTENCY_KEY_REUSED); error.code says which */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Rate limited (RATE_LIMITED); see Retry-After */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description An unexpected error (INTERNAL); the request id identifies it in the logs */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
        };
    };
    streamWorkflowRunEvents: {
        parameters: {
            query?: never;
            header?: {
                /** @description Resume after this event */
                "Last-Event-ID"?: string;
                /** @description Act in this organization (one of your memberships) instead of your default one; another is 403. */
                "x-workspace-id"?: string;
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description An event stream */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/event-stream": string;
                };
            };
            /** @description The request is malformed or fails validation (VALIDATION_FAILED, MALFORMED_JSON) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Missing, invalid or expired credentials (UNAUTHENTICATED) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description The principal lacks the permission, or names an organization it is not a member of (FORBIDDEN) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description The resource does not exist in this organization (NOT_FOUND) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Rate limited (RATE_LIMITED); see Retry-After */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description An unexpected error (INTERNAL); the request id identifies it in the logs */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
        };
    };
    pauseWorkflowRun: {
        parameters: {
            query?: never;
            header?: {
                /** @description Makes a retry safe: the first outcome is kept 24 h per (organization, principal, key) and replayed with `Idempotent-Replayed: true`. The same key with a different request is 422 IDEMPOTENCY_KEY_REUSED; while the first is running, 409 IDEMPOTENCY_IN_PROGRESS. */
                "Idempotency-Key"?: string;
                /** @description Act in this organization (one of your memberships) instead of your default one; another is 403. */
                "x-workspace-id"?: string;
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SuccessEnvelope"] & {
                        data: components["schemas"]["WorkflowRunDto"];
                    };
                };
            };
            /** @description The request is malformed or fails validation (VALIDATION_FAILED, MALFORMED_JSON) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Missing, invalid or expired credentials (UNAUTHENTICATED) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description The principal lacks the permission, or names an organization it is not a member of (FORBIDDEN) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description The resource does not exist in this organization (NOT_FOUND) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description The run is not in a state this control applies to (CONFLICT, with its status) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description A business rule refused the request, or the Idempotency-Key was used for another request (IDEMPOTENCY_KEY_REUSED); error.code says which */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Rate limited (RATE_LIMITED); see Retry-After */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description An unexpected error (INTERNAL); the request id identifies it in the logs */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
        };
    };
    resumeWorkflowRun: {
        parameters: {
            query?: never;
            header?: {
                /** @description Makes a retry safe: the first outcome is kept 24 h per (organization, principal, key) and replayed with `Idempotent-Replayed: true`. The same key with a different request is 422 IDEMPOTENCY_KEY_REUSED; while the first is running, 409 IDEMPOTENCY_IN_PROGRESS. */
                "Idempotency-Key"?: string;
                /** @description Act in this organization (one of your memberships) instead of your default one; another is 403. */
                "x-workspace-id"?: string;
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SuccessEnvelope"] & {
                        data: components["schemas"]["WorkflowRunDto"];
                    };
                };
            };
            /** @description The request is malformed or fails validation (VALIDATION_FAILED, MALFORMED_JSON) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Missing, invalid or expired credentials (UNAUTHENTICATED) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description The principal lacks the permission, or names an organization it is not a member of (FORBIDDEN) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description The resource does not exist in this organization (NOT_FOUND) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description The run is not in a state this control applies to (CONFLICT, with its status) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description A business rule refused the request, or the Idempotency-Key was used for another request (IDEMPOTENCY_KEY_REUSED); error.code says which */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Rate limited (RATE_LIMITED); see Retry-After */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description An unexpected error (INTERNAL); the request id identifies it in the logs */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
        };
    };
    retryWorkflowRun: {
        parameters: {
            query?: never;
            header?: {
                /** @description Makes a retry safe: the first outcome is kept 24 h per (organization, principal, key) and replayed with `Idempotent-Replayed: true`. The same key with a different request is 422 IDEMPOTENCY_KEY_REUSED; while the first is running, 409 IDEMPOTENCY_IN_PROGRESS. */
                "Idempotency-Key"?: string;
                /** @description Act in this organization (one of your memberships) instead of your default one; another is 403. */
                "x-workspace-id"?: string;
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SuccessEnvelope"] & {
                        data: components["schemas"]["RunRetryDto"];
                    };
                };
            };
            /** @description The request is malformed or fails validation (VALIDATION_FAILED, MALFORMED_JSON) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Missing, invalid or expired credentials (UNAUTHENTICATED) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description The principal lacks the permission, or names an organization it is not a member of (FORBIDDEN) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description The resource does not exist in this organization (NOT_FOUND) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description The run is not in a state this control applies to (CONFLICT, with its status) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description A business rule refused the request, or the Idempotency-Key was used for another request (IDEMPOTENCY_KEY_REUSED); error.code says which */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Rate limited (RATE_LIMITED); see Retry-After */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description An unexpected error (INTERNAL); the request id identifies it in the logs */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
        };
    };
    startWorkflowRun: {
        parameters: {
            query?: never;
            header?: {
                /** @description Makes a retry safe: the first outcome is kept 24 h per (organization, principal, key) and replayed with `Idempotent-Replayed: true`. The same key with a different request is 422 IDEMPOTENCY_KEY_REUSED; while the first is running, 409 IDEMPOTENCY_IN_PROGRESS. */
                "Idempotency-Key"?: string;
                /** @description Act in this organization (one of your memberships) instead of your default one; another is 403. */
                "x-workspace-id"?: string;
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SuccessEnvelope"] & {
                        data: components["schemas"]["WorkflowRunDto"];
                    };
                };
            };
            /** @description The request is malformed or fails validation (VALIDATION_FAILED, MALFORMED_JSON) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Missing, invalid or expired credentials (UNAUTHENTICATED) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description The principal lacks the permission, or names an organization it is not a member of (FORBIDDEN) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description The resource does not exist in this organization (NOT_FOUND) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description The run is not in a state this control applies to (CONFLICT, with its status) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description A business rule refused the request, or the Idempotency-Key was used for another request (IDEMPOTENCY_KEY_REUSED); error.code says which */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Rate limited (RATE_LIMITED); see Retry-After */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description An unexpected error (INTERNAL); the request id identifies it in the logs */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
        };
    };
    listWorkflowRunSteps: {
        parameters: {
            query?: never;
            header?: {
                /** @description Act in this organization (one of your memberships) instead of your default one; another is 403. */
                "x-workspace-id"?: string;
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SuccessEnvelope"] & {
                        data: components["schemas"]["WorkflowStepDto"][];
                    };
                };
            };
            /** @description The request is malformed or fails validation (VALIDATION_FAILED, MALFORMED_JSON) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Missing, invalid or expired credentials (UNAUTHENTICATED) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description The principal lacks the permission, or names an organization it is not a member of (FORBIDDEN) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description The resource does not exist in this organization (NOT_FOUND) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Rate limited (RATE_LIMITED); see Retry-After */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description An unexpected error (INTERNAL); the request id identifies it in the logs */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
        };
    };
    getWorkflowRunStep: {
        parameters: {
            query?: never;
            header?: {
                /** @description Act in this organization (one of your memberships) instead of your default one; another is 403. */
                "x-workspace-id"?: string;
            };
            path: {
                id: string;
                /** @description A node id of the run’s definition */
                nodeId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SuccessEnvelope"] & {
                        data: components["schemas"]["WorkflowStepDto"];
                    };
                };
            };
            /** @description The request is malformed or fails validation (VALIDATION_FAILED, MALFORMED_JSON) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Missing, invalid or expired credentials (UNAUTHENTICATED) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description The principal lacks the permission, or names an organization it is not a member of (FORBIDDEN) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description The resource does not exist in this organization (NOT_FOUND) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Rate limited (RATE_LIMITED); see Retry-After */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description An unexpected error (INTERNAL); the request id identifies it in the logs */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
        };
    };
    approveWorkflowRunStep: {
        parameters: {
            query?: never;
            header?: {
                /** @description Makes a retry safe: the first outcome is kept 24 h per (organization, principal, key) and replayed with `Idempotent-Replayed: true`. The same key with a different request is 422 IDEMPOTENCY_KEY_REUSED; while the first is running, 409 IDEMPOTENCY_IN_PROGRESS. */
                "Idempotency-Key"?: string;
                /** @description Act in this organization (one of your memberships) instead of your default one; another is 403. */
                "x-workspace-id"?: string;
            };
            path: {
                id: string;
                /** @description A node id of the run’s definition */
                nodeId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ApproveStepDto"];
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SuccessEnvelope"] & {
                        data: components["schemas"]["ApprovalStateDto"];
                    };
                };
            };
            /** @description The request is malformed or fails validation (VALIDATION_FAILED, MALFORMED_JSON) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Missing, invalid or expired credentials (UNAUTHENTICATED) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description The principal lacks the permission, or names an organization it is not a member of (FORBIDDEN) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description The resource does not exist in this organization (NOT_FOUND) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description The request conflicts with the current state (CONFLICT), or a request with the same Idempotency-Key is still running (IDEMPOTENCY_IN_PROGRESS) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description SELF_APPROVAL_FORBIDDEN or NOT_AWAITING_APPROVAL */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Rate limited (RATE_LIMITED); see Retry-After */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description An unexpected error (INTERNAL); the request id identifies it in the logs */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
        };
    };
    listWorkflowRunStepArtifacts: {
        parameters: {
            query?: {
                /** @description Opaque: the `meta.cursor.next` of the previous page. Continues the list after that page, in its sort (send the same sort, or none), with the filters you send; not with `page` or `offset` */
                cursor?: string;
                /** @description Items per page: the same as `pageSize` (send one of them, or both alike) */
                limit?: number;
                /** @description Items to skip, instead of `page` */
                offset?: number;
                /** @description Page number, from 1 (or `offset`). A deep page costs as many rows as it skips: prefer `cursor` */
                page?: number;
                /** @description Items per page (or `limit`) */
                pageSize?: number;
                /** @description Free-text search */
                q?: string;
                /** @description Comma-separated fields; a leading "-" sorts descending. Each list documents its fields. */
                sort?: string;
                /** @description One field to sort by, instead of `sort` */
                sortBy?: string;
                /** @description The direction of `sortBy` */
                sortOrder?: "asc" | "desc";
            };
            header?: {
                /** @description Act in this organization (one of your memberships) instead of your default one; another is 403. */
                "x-workspace-id"?: string;
            };
            path: {
                id: string;
                /** @description A node id of the run’s definition */
                nodeId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description One page of results; meta.cursor.next continues after it, meta.pagination (absent on a page by cursor) counts */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SuccessEnvelope"] & {
                        data: components["schemas"]["StepArtifactDto"][];
                        meta: components["schemas"]["EnvelopeMeta"] & {
                            cursor: components["schemas"]["CursorMeta"];
                            pagination?: components["schemas"]["PaginationMeta"];
                        };
                    };
                };
            };
            /** @description The request is malformed or fails validation (VALIDATION_FAILED, MALFORMED_JSON) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Missing, invalid or expired credentials (UNAUTHENTICATED) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description The principal lacks the permission, or names an organization it is not a member of (FORBIDDEN) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description The resource does not exist in this organization (NOT_FOUND) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Rate limited (RATE_LIMITED); see Retry-After */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description An unexpected error (INTERNAL); the request id identifies it in the logs */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
        };
    };
    listWorkflowRunStepLogs: {
        parameters: {
            query?: {
                /** @description Lines of this attempt only */
                attempt?: number;
                /** @description Opaque: the `meta.cursor.next` of the previous page. Continues the list after that page, in its sort (send the same sort, or none), with the filters you send; not with `page` or `offset` */
                cursor?: string;
                /** @description Items per page: the same as `pageSize` (send one of them, or both alike) */
                limit?: number;
                /** @description Items to skip, instead of `page` */
                offset?: number;
                /** @description Page number, from 1 (or `offset`). A deep page costs as many rows as it skips: prefer `cursor` */
                page?: number;
                /** @description Items per page (or `limit`) */
                pageSize?: number;
                /** @description Free-text search */
                q?: string;
                /** @description Comma-separated fields; a leading "-" sorts descending. Each list documents its fields. */
                sort?: string;
                /** @description One field to sort by, instead of `sort` */
                sortBy?: string;
                /** @description The direction of `sortBy` */
                sortOrder?: "asc" | "desc";
            };
            header?: {
                /** @description Act in this organization (one of your memberships) instead of your default one; another is 403. */
                "x-workspace-id"?: string;
            };
            path: {
                id: string;
                /** @description A node id of the run’s definition */
                nodeId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description One page of results; meta.cursor.next continues after it, meta.pagination (absent on a page by cursor) counts */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SuccessEnvelope"] & {
                        data: components["schemas"]["StepLogDto"][];
                        meta: components["schemas"]["EnvelopeMeta"] & {
                            cursor: components["schemas"]["CursorMeta"];
                            pagination?: components["schemas"]["PaginationMeta"];
                        };
                    };
                };
            };
            /** @description The request is malformed or fails validation (VALIDATION_FAILED, MALFORMED_JSON) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Missing, invalid or expired credentials (UNAUTHENTICATED) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description The principal lacks the permission, or names an organization it is not a member of (FORBIDDEN) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description The resource does not exist in this organization (NOT_FOUND) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Rate limited (RATE_LIMITED); see Retry-After */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description An unexpected error (INTERNAL); the request id identifies it in the logs */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
        };
    };
    rejectWorkflowRunStep: {
        parameters: {
            query?: never;
            header?: {
                /** @description Makes a retry safe: the first outcome is kept 24 h per (organization, principal, key) and replayed with `Idempotent-Replayed: true`. The same key with a different request is 422 IDEMPOTENCY_KEY_REUSED; while the first is running, 409 IDEMPOTENCY_IN_PROGRESS. */
                "Idempotency-Key"?: string;
                /** @description Act in this organization (one of your memberships) instead of your default one; another is 403. */
                "x-workspace-id"?: string;
            };
            path: {
                id: string;
                /** @description A node id of the run’s definition */
                nodeId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["RejectStepDto"];
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SuccessEnvelope"] & {
                        data: components["schemas"]["ApprovalStateDto"];
                    };
                };
            };
            /** @description The request is malformed or fails validation (VALIDATION_FAILED, MALFORMED_JSON) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Missing, invalid or expired credentials (UNAUTHENTICATED) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description The principal lacks the permission, or names an organization it is not a member of (FORBIDDEN) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description The resource does not exist in this organization (NOT_FOUND) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description The request conflicts with the current state (CONFLICT), or a request with the same Idempotency-Key is still running (IDEMPOTENCY_IN_PROGRESS) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description SELF_APPROVAL_FORBIDDEN or NOT_AWAITING_APPROVAL */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Rate limited (RATE_LIMITED); see Retry-After */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description An unexpected error (INTERNAL); the request id identifies it in the logs */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
        };
    };
    streamWorkflowRun: {
        parameters: {
            query?: {
                /** @description An event cursor: resume after it */
                after?: unknown;
            };
            header?: {
                /** @description Act in this organization (one of your memberships) instead of your default one; another is 403. */
                "x-workspace-id"?: string;
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Switching to the WebSocket protocol */
            101: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description The request is malformed or fails validation (VALIDATION_FAILED, MALFORMED_JSON) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Missing, invalid or expired credentials (UNAUTHENTICATED) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description The principal lacks the permission, or names an organization it is not a member of (FORBIDDEN) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description The resource does not exist in this organization (NOT_FOUND) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description A plain GET, not a WebSocket handshake (UPGRADE_REQUIRED) */
            426: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Rate limited (RATE_LIMITED); see Retry-After */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description An unexpected error (INTERNAL); the request id identifies it in the logs */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
        };
    };
    listWorkflowTemplates: {
        parameters: {
            query?: {
                /** @description Opaque: the `meta.cursor.next` of the previous page. Continues the list after that page, in its sort (send the same sort, or none), with the filters you send; not with `page` or `offset` */
                cursor?: string;
                /** @description Items per page: the same as `pageSize` (send one of them, or both alike) */
                limit?: number;
                /** @description Items to skip, instead of `page` */
                offset?: number;
                /** @description Page number, from 1 (or `offset`). A deep page costs as many rows as it skips: prefer `cursor` */
                page?: number;
                /** @description Items per page (or `limit`) */
                pageSize?: number;
                /** @description Free-text search */
                q?: string;
                /** @description Comma-separated fields; a leading "-" sorts descending. Each list documents its fields. */
                sort?: string;
                /** @description One field to sort by, instead of `sort` */
                sortBy?: string;
                /** @description The direction of `sortBy` */
                sortOrder?: "asc" | "desc";
            };
            header?: {
                /** @description Act in this organization (one of your memberships) instead of your default one; another is 403. */
                "x-workspace-id"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description One page of results; meta.cursor.next continues after it, meta.pagination (absent on a page by cursor) counts */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SuccessEnvelope"] & {
                        data: components["schemas"]["WorkflowDefinitionDto"][];
                        meta: components["schemas"]["EnvelopeMeta"] & {
                            cursor: components["schemas"]["CursorMeta"];
                            pagination?: components["schemas"]["PaginationMeta"];
                        };
                    };
                };
            };
            /** @description The request is malformed or fails validation (VALIDATION_FAILED, MALFORMED_JSON) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Missing, invalid or expired credentials (UNAUTHENTICATED) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description The principal lacks the permission, or names an organization it is not a member of (FORBIDDEN) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Rate limited (RATE_LIMITED); see Retry-After */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description An unexpected error (INTERNAL); the request id identifies it in the logs */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
        };
    };
    createWorkflowTemplate: {
        parameters: {
            query?: never;
            header?: {
                /** @description Makes a retry safe: the first outcome is kept 24 h per (organization, principal, key) and replayed with `Idempotent-Replayed: true`. The same key with a different request is 422 IDEMPOTENCY_KEY_REUSED; while the first is running, 409 IDEMPOTENCY_IN_PROGRESS. */
                "Idempotency-Key"?: string;
                /** @description Act in this organization (one of your memberships) instead of your default one; another is 403. */
                "x-workspace-id"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateWorkflowDefinitionDto"];
            };
        };
        responses: {
            /** @description Created */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SuccessEnvelope"] & {
                        data: components["schemas"]["WorkflowDefinitionDto"];
                    };
                };
            };
            /** @description The request is malformed or fails validation (VALIDATION_FAILED, MALFORMED_JSON) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Missing, invalid or expired credentials (UNAUTHENTICATED) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description The principal lacks the permission, or names an organization it is not a member of (FORBIDDEN) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description The request conflicts with the current state (CONFLICT), or a request with the same Idempotency-Key is still running (IDEMPOTENCY_IN_PROGRESS) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description A business rule refused the request, or the Idempotency-Key was used for another request (IDEMPOTENCY_KEY_REUSED); error.code says which */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Rate limited (RATE_LIMITED); see Retry-After */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description An unexpected error (INTERNAL); the request id identifies it in the logs */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
        };
    };
    getWorkflowTemplate: {
        parameters: {
            query?: never;
            header?: {
                /** @description Act in this organization (one of your memberships) instead of your default one; another is 403. */
                "x-workspace-id"?: string;
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SuccessEnvelope"] & {
                        data: components["schemas"]["WorkflowDefinitionDto"];
                    };
                };
            };
            /** @description The request is malformed or fails validation (VALIDATION_FAILED, MALFORMED_JSON) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Missing, invalid or expired credentials (UNAUTHENTICATED) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description The principal lacks the permission, or names an organization it is not a member of (FORBIDDEN) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description The resource does not exist in this organization (NOT_FOUND) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Rate limited (RATE_LIMITED); see Retry-After */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description An unexpected error (INTERNAL); the request id identifies it in the logs */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
        };
    };
    updateWorkflowTemplate: {
        parameters: {
            query?: never;
            header?: {
                /** @description Makes a retry safe: the first outcome is kept 24 h per (organization, principal, key) and replayed with `Idempotent-Replayed: true`. The same key with a different request is 422 IDEMPOTENCY_KEY_REUSED; while the first is running, 409 IDEMPOTENCY_IN_PROGRESS. */
                "Idempotency-Key"?: string;
                /** @description Act in this organization (one of your memberships) instead of your default one; another is 403. */
                "x-workspace-id"?: string;
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["UpdateWorkflowDefinitionDto"];
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SuccessEnvelope"] & {
                        data: components["schemas"]["WorkflowDefinitionDto"];
                    };
                };
            };
            /** @description The request is malformed or fails validation (VALIDATION_FAILED, MALFORMED_JSON) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Missing, invalid or expired credentials (UNAUTHENTICATED) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description The principal lacks the permission, or names an organization it is not a member of (FORBIDDEN) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description The resource does not exist in this organization (NOT_FOUND) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description The request conflicts with the current state (CONFLICT), or a request with the same Idempotency-Key is still running (IDEMPOTENCY_IN_PROGRESS) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description A business rule refused the request, or the Idempotency-Key was used for another request (IDEMPOTENCY_KEY_REUSED); error.code says which */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Rate limited (RATE_LIMITED); see Retry-After */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description An unexpected error (INTERNAL); the request id identifies it in the logs */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
        };
    };
    deleteWorkflowTemplate: {
        parameters: {
            query?: never;
            header?: {
                /** @description Makes a retry safe: the first outcome is kept 24 h per (organization, principal, key) and replayed with `Idempotent-Replayed: true`. The same key with a different request is 422 IDEMPOTENCY_KEY_REUSED; while the first is running, 409 IDEMPOTENCY_IN_PROGRESS. */
                "Idempotency-Key"?: string;
                /** @description Act in this organization (one of your memberships) instead of your default one; another is 403. */
                "x-workspace-id"?: string;
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Done; no content */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description The request is malformed or fails validation (VALIDATION_FAILED, MALFORMED_JSON) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Missing, invalid or expired credentials (UNAUTHENTICATED) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description The principal lacks the permission, or names an organization it is not a member of (FORBIDDEN) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description The resource does not exist in this organization (NOT_FOUND) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description The request conflicts with the current state (CONFLICT), or a request with the same Idempotency-Key is still running (IDEMPOTENCY_IN_PROGRESS) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description A business rule refused the request, or the Idempotency-Key was used for another request (IDEMPOTENCY_KEY_REUSED); error.code says which */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Rate limited (RATE_LIMITED); see Retry-After */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description An unexpected error (INTERNAL); the request id identifies it in the logs */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
        };
    };
    validateWorkflowTemplate: {
        parameters: {
            query?: never;
            header?: {
                /** @description Makes a retry safe: the first outcome is kept 24 h per (organization, principal, key) and replayed with `Idempotent-Replayed: true`. The same key with a different request is 422 IDEMPOTENCY_KEY_REUSED; while the first is running, 409 IDEMPOTENCY_IN_PROGRESS. */
                "Idempotency-Key"?: string;
                /** @description Act in this organization (one of your memberships) instead of your default one; another is 403. */
                "x-workspace-id"?: string;
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ValidateWorkflowDefinitionDto"];
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SuccessEnvelope"] & {
                        data: components["schemas"]["WorkflowValidationDto"];
                    };
                };
            };
            /** @description The request is malformed or fails validation (VALIDATION_FAILED, MALFORMED_JSON) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Missing, invalid or expired credentials (UNAUTHENTICATED) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description The principal lacks the permission, or names an organization it is not a member of (FORBIDDEN) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description The resource does not exist in this organization (NOT_FOUND) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description The request conflicts with the current state (CONFLICT), or a request with the same Idempotency-Key is still running (IDEMPOTENCY_IN_PROGRESS) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description A business rule refused the request, or the Idempotency-Key was used for another request (IDEMPOTENCY_KEY_REUSED); error.code says which */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Rate limited (RATE_LIMITED); see Retry-After */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description An unexpected error (INTERNAL); the request id identifies it in the logs */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
        };
    };
    listWorkflowTemplateVersions: {
        parameters: {
            query?: {
                /** @description Opaque: the `meta.cursor.next` of the previous page. Continues the list after that page, in its sort (send the same sort, or none), with the filters you send; not with `page` or `offset` */
                cursor?: string;
                /** @description Items per page: the same as `pageSize` (send one of them, or both alike) */
                limit?: number;
                /** @description Items to skip, instead of `page` */
                offset?: number;
                /** @description Page number, from 1 (or `offset`). A deep page costs as many rows as it skips: prefer `cursor` */
                page?: number;
                /** @description Items per page (or `limit`) */
                pageSize?: number;
                /** @description Free-text search */
                q?: string;
                /** @description Comma-separated fields; a leading "-" sorts descending. Each list documents its fields. */
                sort?: string;
                /** @description One field to sort by, instead of `sort` */
                sortBy?: string;
                /** @description The direction of `sortBy` */
                sortOrder?: "asc" | "desc";
            };
            header?: {
                /** @description Act in this organization (one of your memberships) instead of your default one; another is 403. */
                "x-workspace-id"?: string;
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description One page of results; meta.cursor.next continues after it, meta.pagination (absent on a page by cursor) counts */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SuccessEnvelope"] & {
                        data: components["schemas"]["WorkflowDefinitionVersionDto"][];
                        meta: components["schemas"]["EnvelopeMeta"] & {
                            cursor: components["schemas"]["CursorMeta"];
                            pagination?: components["schemas"]["PaginationMeta"];
                        };
                    };
                };
            };
            /** @description The request is malformed or fails validation (VALIDATION_FAILED, MALFORMED_JSON) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Missing, invalid or expired credentials (UNAUTHENTICATED) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description The principal lacks the permission, or names an organization it is not a member of (FORBIDDEN) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description The resource does not exist in this organization (NOT_FOUND) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Rate limited (RATE_LIMITED); see Retry-After */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description An unexpected error (INTERNAL); the request id identifies it in the logs */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
        };
    };
    listApprovalWorkflows: {
        parameters: {
            query?: {
                /** @description Opaque: the `meta.cursor.next` of the previous page. Continues the list after that page, in its sort (send the same sort, or none), with the filters you send; not with `page` or `offset` */
                cursor?: string;
                /** @description Items per page: the same as `pageSize` (send one of them, or both alike) */
                limit?: number;
                /** @description Items to skip, instead of `page` */
                offset?: number;
                /** @description Page number, from 1 (or `offset`). A deep page costs as many rows as it skips: prefer `cursor` */
                page?: number;
                /** @description Items per page (or `limit`) */
                pageSize?: number;
                /** @description Free-text search */
                q?: string;
                /** @description Comma-separated fields; a leading "-" sorts descending. Each list documents its fields. */
                sort?: string;
                /** @description One field to sort by, instead of `sort` */
                sortBy?: string;
                /** @description The direction of `sortBy` */
                sortOrder?: "asc" | "desc";
            };
            header?: {
                /** @description Act in this organization (one of your memberships) instead of your default one; another is 403. */
                "x-workspace-id"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description One page of results; meta.cursor.next continues after it, meta.pagination (absent on a page by cursor) counts */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SuccessEnvelope"] & {
                        data: components["schemas"]["ApprovalWorkflowDto"][];
                        meta: components["schemas"]["EnvelopeMeta"] & {
                            cursor: components["schemas"]["CursorMeta"];
                            pagination?: components["schemas"]["PaginationMeta"];
                        };
                    };
                };
            };
            /** @description The request is malformed or fails validation (VALIDATION_FAILED, MALFORMED_JSON) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Missing, invalid or expired credentials (UNAUTHENTICATED) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description The principal lacks the permission, or names an organization it is not a member of (FORBIDDEN) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Rate limited (RATE_LIMITED); see Retry-After */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description An unexpected error (INTERNAL); the request id identifies it in the logs */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
        };
    };
    createApprovalWorkflow: {
        parameters: {
            query?: never;
            header?: {
                /** @description Makes a retry safe: the first outcome is kept 24 h per (organization, principal, key) and replayed with `Idempotent-Replayed: true`. The same key with a different request is 422 IDEMPOTENCY_KEY_REUSED; while the first is running, 409 IDEMPOTENCY_IN_PROGRESS. */
                "Idempotency-Key"?: string;
                /** @description Act in this organization (one of your memberships) instead of your default one; another is 403. */
                "x-workspace-id"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateApprovalWorkflowDto"];
            };
        };
        responses: {
            /** @description Created */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SuccessEnvelope"] & {
                        data: components["schemas"]["ApprovalWorkflowDto"];
                    };
                };
            };
            /** @description The request is malformed or fails validation (VALIDATION_FAILED, MALFORMED_JSON) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Missing, invalid or expired credentials (UNAUTHENTICATED) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description The principal lacks the permission, or names an organization it is not a member of (FORBIDDEN) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description The request conflicts with the current state (CONFLICT), or a request with the same Idempotency-Key is still running (IDEMPOTENCY_IN_PROGRESS) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description A business rule refused the request, or the Idempotency-Key was used for another request (IDEMPOTENCY_KEY_REUSED); error.code says which */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Rate limited (RATE_LIMITED); see Retry-After */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description An unexpected error (INTERNAL); the request id identifies it in the logs */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
        };
    };
    getApprovalWorkflow: {
        parameters: {
            query?: never;
            header?: {
                /** @description Act in this organization (one of your memberships) instead of your default one; another is 403. */
                "x-workspace-id"?: string;
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SuccessEnvelope"] & {
                        data: components["schemas"]["ApprovalWorkflowDto"];
                    };
                };
            };
            /** @description The request is malformed or fails validation (VALIDATION_FAILED, MALFORMED_JSON) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Missing, invalid or expired credentials (UNAUTHENTICATED) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description The principal lacks the permission, or names an organization it is not a member of (FORBIDDEN) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description The resource does not exist in this organization (NOT_FOUND) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Rate limited (RATE_LIMITED); see Retry-After */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description An unexpected error (INTERNAL); the request id identifies it in the logs */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
        };
    };
    updateApprovalWorkflow: {
        parameters: {
            query?: never;
            header?: {
                /** @description Makes a retry safe: the first outcome is kept 24 h per (organization, principal, key) and replayed with `Idempotent-Replayed: true`. The same key with a different request is 422 IDEMPOTENCY_KEY_REUSED; while the first is running, 409 IDEMPOTENCY_IN_PROGRESS. */
                "Idempotency-Key"?: string;
                /** @description Act in this organization (one of your memberships) instead of your default one; another is 403. */
                "x-workspace-id"?: string;
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["UpdateApprovalWorkflowDto"];
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SuccessEnvelope"] & {
                        data: components["schemas"]["ApprovalWorkflowDto"];
                    };
                };
            };
            /** @description The request is malformed or fails validation (VALIDATION_FAILED, MALFORMED_JSON) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Missing, invalid or expired credentials (UNAUTHENTICATED) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description The principal lacks the permission, or names an organization it is not a member of (FORBIDDEN) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description The resource does not exist in this organization (NOT_FOUND) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description The request conflicts with the current state (CONFLICT), or a request with the same Idempotency-Key is still running (IDEMPOTENCY_IN_PROGRESS) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description A business rule refused the request, or the Idempotency-Key was used for another request (IDEMPOTENCY_KEY_REUSED); error.code says which */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Rate limited (RATE_LIMITED); see Retry-After */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description An unexpected error (INTERNAL); the request id identifies it in the logs */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
        };
    };
    deleteApprovalWorkflow: {
        parameters: {
            query?: never;
            header?: {
                /** @description Makes a retry safe: the first outcome is kept 24 h per (organization, principal, key) and replayed with `Idempotent-Replayed: true`. The same key with a different request is 422 IDEMPOTENCY_KEY_REUSED; while the first is running, 409 IDEMPOTENCY_IN_PROGRESS. */
                "Idempotency-Key"?: string;
                /** @description Act in this organization (one of your memberships) instead of your default one; another is 403. */
                "x-workspace-id"?: string;
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Done; no content */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description The request is malformed or fails validation (VALIDATION_FAILED, MALFORMED_JSON) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Missing, invalid or expired credentials (UNAUTHENTICATED) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description The principal lacks the permission, or names an organization it is not a member of (FORBIDDEN) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description The resource does not exist in this organization (NOT_FOUND) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description The request conflicts with the current state (CONFLICT), or a request with the same Idempotency-Key is still running (IDEMPOTENCY_IN_PROGRESS) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description A business rule refused the request, or the Idempotency-Key was used for another request (IDEMPOTENCY_KEY_REUSED); error.code says which */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Rate limited (RATE_LIMITED); see Retry-After */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description An unexpected error (INTERNAL); the request id identifies it in the logs */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
        };
    };
    listWorkspaceSecrets: {
        parameters: {
            query?: never;
            header?: {
                /** @description Act in this organization (one of your memberships) instead of your default one; another is 403. */
                "x-workspace-id"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SuccessEnvelope"] & {
                        data: components["schemas"]["SecretMetadataDto"][];
                    };
                };
            };
            /** @description The request is malformed or fails validation (VALIDATION_FAILED, MALFORMED_JSON) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Missing, invalid or expired credentials (UNAUTHENTICATED) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description The principal lacks the permission, or names an organization it is not a member of (FORBIDDEN) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Rate limited (RATE_LIMITED); see Retry-After */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description An unexpected error (INTERNAL); the request id identifies it in the logs */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
        };
    };
    setWorkspaceSecret: {
        parameters: {
            query?: never;
            header?: {
                /** @description Makes a retry safe: the first outcome is kept 24 h per (organization, principal, key) and replayed with `Idempotent-Replayed: true`. The same key with a different request is 422 IDEMPOTENCY_KEY_REUSED; while the first is running, 409 IDEMPOTENCY_IN_PROGRESS. */
                "Idempotency-Key"?: string;
                /** @description Act in this organization (one of your memberships) instead of your default one; another is 403. */
                "x-workspace-id"?: string;
            };
            path: {
                /** @description Letters, digits, _ . - (1-128), starting with a letter */
                key: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["SetSecretDto"];
            };
        };
        responses: {
            /** @description The secret existed: its value was replaced */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SuccessEnvelope"] & {
                        data: components["schemas"]["SecretMetadataDto"];
                    };
                };
            };
            /** @description The secret was created (version 1) */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SuccessEnvelope"] & {
                        data: components["schemas"]["SecretMetadataDto"];
                    };
                };
            };
            /** @description The request is malformed or fails validation (VALIDATION_FAILED, MALFORMED_JSON) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Missing, invalid or expired credentials (UNAUTHENTICATED) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description The principal lacks the permission, or names an organization it is not a member of (FORBIDDEN) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description The request conflicts with the current state (CONFLICT), or a request with the same Idempotency-Key is still running (IDEMPOTENCY_IN_PROGRESS) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description A business rule refused the request, or the Idempotency-Key was used for another request (IDEMPOTENCY_KEY_REUSED); error.code says which */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Rate limited (RATE_LIMITED); see Retry-After */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description An unexpected error (INTERNAL); the request id identifies it in the logs */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
        };
    };
    getWorkspaceSettings: {
        parameters: {
            query?: never;
            header?: {
                /** @description Act in this organization (one of your memberships) instead of your default one; another is 403. */
                "x-workspace-id"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SuccessEnvelope"] & {
                        data: components["schemas"]["SettingsDto"];
                    };
                };
            };
            /** @description The request is malformed or fails validation (VALIDATION_FAILED, MALFORMED_JSON) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Missing, invalid or expired credentials (UNAUTHENTICATED) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description The principal lacks the permission, or names an organization it is not a member of (FORBIDDEN) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Rate limited (RATE_LIMITED); see Retry-After */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description An unexpected error (INTERNAL); the request id identifies it in the logs */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
        };
    };
    putWorkspaceSettings: {
        parameters: {
            query?: never;
            header?: {
                /** @description Makes a retry safe: the first outcome is kept 24 h per (organization, principal, key) and replayed with `Idempotent-Replayed: true`. The same key with a different request is 422 IDEMPOTENCY_KEY_REUSED; while the first is running, 409 IDEMPOTENCY_IN_PROGRESS. */
                "Idempotency-Key"?: string;
                /** @description Act in this organization (one of your memberships) instead of your default one; another is 403. */
                "x-workspace-id"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["UpdateSettingsDto"];
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SuccessEnvelope"] & {
                        data: components["schemas"]["SettingsDto"];
                    };
                };
            };
            /** @description The request is malformed or fails validation (VALIDATION_FAILED, MALFORMED_JSON) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Missing, invalid or expired credentials (UNAUTHENTICATED) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description The principal lacks the permission, or names an organization it is not a member of (FORBIDDEN) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description The request conflicts with the current state (CONFLICT), or a request with the same Idempotency-Key is still running (IDEMPOTENCY_IN_PROGRESS) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description A business rule refused the request, or the Idempotency-Key was used for another request (IDEMPOTENCY_KEY_REUSED); error.code says which */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Rate limited (RATE_LIMITED); see Retry-After */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description An unexpected error (INTERNAL); the request id identifies it in the logs */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
        };
    };
    getHealth: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The process is alive */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @enum {string} */
                        status: "ok";
                    };
                };
            };
            /** @description An unexpected error (INTERNAL); the request id identifies it in the logs */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
        };
    };
    getHealthz: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The process is alive */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @enum {string} */
                        status: "ok";
                    };
                };
            };
            /** @description An unexpected error (INTERNAL); the request id identifies it in the logs */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
        };
    };
    getMetrics: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Metrics in the Prometheus text format */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/plain": string;
                };
            };
            /** @description An unexpected error (INTERNAL); the request id identifies it in the logs */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
        };
    };
    getReadyz: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Every dependency answers */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        details: {
                            [key: string]: {
                                /** @enum {string} */
                                status?: "up" | "down";
                            } & {
                                [key: string]: unknown;
                            };
                        };
                        /** @description The failing checks, each with its reason */
                        error?: {
                            [key: string]: {
                                /** @enum {string} */
                                status?: "up" | "down";
                            } & {
                                [key: string]: unknown;
                            };
                        };
                        info?: {
                            [key: string]: {
                                /** @enum {string} */
                                status?: "up" | "down";
                            } & {
                                [key: string]: unknown;
                            };
                        };
                        /** @enum {string} */
                        status: "ok" | "error" | "shutting_down";
                    };
                };
            };
            /** @description An unexpected error (INTERNAL); the request id identifies it in the logs */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description A dependency does not answer, or the process is shutting down */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        details: {
                            [key: string]: {
                                /** @enum {string} */
                                status?: "up" | "down";
                            } & {
                                [key: string]: unknown;
                            };
                        };
                        /** @description The failing checks, each with its reason */
                        error?: {
                            [key: string]: {
                                /** @enum {string} */
                                status?: "up" | "down";
                            } & {
                                [key: string]: unknown;
                            };
                        };
                        info?: {
                            [key: string]: {
                                /** @enum {string} */
                                status?: "up" | "down";
                            } & {
                                [key: string]: unknown;
                            };
                        };
                        /** @enum {string} */
                        status: "ok" | "error" | "shutting_down";
                    };
                };
            };
        };
    };
}
