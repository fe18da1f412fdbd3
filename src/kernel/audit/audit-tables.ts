/**
 * The audit trail's tables, as the database roles see them: the application's role may only read
 * and append to the first (no UPDATE, DELETE or TRUNCATE), and also advance the heads (a trigger
 * keeps them forward-only). The schema owner keeps everything else (database-roles.ts).
 */
export const APPEND_ONLY_TABLES = ['audit_events', 'audit_checkpoints'] as const;
export const ADVANCE_ONLY_TABLES = ['audit_chain_heads'] as const;
