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
    "/api/v1/me": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The current principal
         * @description The same user as GET /api/v1/auth/me.
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
        DatabaseStatusDto: {
            /** @description True when Marshal runs its own PostgreSQL under DATA_DIR */
            embedded: boolean;
            migrations: components["schemas"]["MigrationStatusDto"] | null;
            /** @example 18.0 */
            serverVersion: string | null;
            /** @enum {string} */
            status: "up" | "down";
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
        LoginDto: {
            /**
             * Format: email
             * @example admin@marshal.local
             */
            email: string;
            /** Format: password */
            password: string;
        };
        MigrationStatusDto: {
            applied: number;
            latest: string | null;
            pending: string[];
        };
        PaginationMeta: {
            hasNext: boolean;
            hasPrevious: boolean;
            /** @example 1 */
            page: number;
            /** @example 20 */
            pageSize: number;
            /** @example 0 */
            totalItems: number;
            /** @example 0 */
            totalPages: number;
        };
        RefreshDto: {
            /**
             * @description The refresh token from login or the previous refresh; each is single-use
             * @example mrt_…
             */
            refreshToken: string;
        };
        SuccessEnvelope: {
            context: components["schemas"]["EnvelopeContext"];
            /** @description The payload; see each operation */
            data: Record<string, never>;
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
            header?: never;
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
    getAuthenticatedUser: {
        parameters: {
            query?: never;
            header?: never;
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
            header?: never;
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
