/** The HTTP methods that change state: audited, transactional, and open to Idempotency-Key. */
export const MUTATING_METHODS: ReadonlySet<string> = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);
