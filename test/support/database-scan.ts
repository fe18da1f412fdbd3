import type { TestServer } from './server.js';

/**
 * The tables (any schema) whose rows hold `needle`, as text or as its UTF-8 bytes (a bytea column):
 * for proving a secret is stored nowhere in clear. Pair it with a control that finds a value that is.
 */
export async function tablesContaining(t: TestServer, needle: string): Promise<string[]> {
  const tables = await t.sql<{ schema: string; name: string }>(
    "SELECT table_schema AS schema, table_name AS name FROM information_schema.tables WHERE table_type = 'BASE TABLE' AND table_schema NOT IN ('pg_catalog', 'information_schema')",
  );
  const hex = Buffer.from(needle, 'utf8').toString('hex');
  const hits: string[] = [];
  for (const { schema, name } of tables) {
    const [row] = await t.sql<{ n: number }>(
      `SELECT count(*)::int AS n FROM "${schema}"."${name}" x WHERE strpos(x::text, $1) > 0 OR strpos(lower(x::text), $2) > 0`,
      [needle, hex],
    );
    if (row.n > 0) hits.push(`${schema}.${name}`);
  }
  return hits;
}
