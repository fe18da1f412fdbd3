import type { EntityManager, EntityTarget, ObjectLiteral } from 'typeorm';
import type { ColumnMetadata } from 'typeorm/metadata/ColumnMetadata.js';

/** The column's transformers (a bigint read as a number), as a find applies them: the last declared runs first. */
function fromDatabase(column: ColumnMetadata, value: unknown): unknown {
  const transformer = column.transformer;
  if (!transformer || value === null || value === undefined) return value;
  return Array.isArray(transformer) ? transformer.reduceRight<unknown>((v, t) => t.from(v), value) : transformer.from(value);
}

/**
 * Turns rows of a raw statement (`UPDATE … RETURNING *`, a CTE) into entities, column by column,
 * with the driver's own type conversions already applied by pg and the columns' transformers after them.
 */
export function hydrate<T extends ObjectLiteral>(manager: EntityManager, entity: EntityTarget<T>, rows: Record<string, unknown>[]): T[] {
  const repository = manager.getRepository(entity);
  // As a find would: columns declared `select: false` (secret hashes) are left out.
  const columns = repository.metadata.columns.filter((c) => c.isSelect);
  return rows.map((row) => {
    const out = repository.create();
    for (const column of columns)
      if (column.databaseName in row) column.setEntityValue(out, fromDatabase(column, row[column.databaseName]));
    return out;
  });
}
