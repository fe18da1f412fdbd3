import type { EntityManager, EntityTarget, ObjectLiteral } from 'typeorm';

/**
 * Turns rows of a raw statement (`UPDATE … RETURNING *`, a CTE) into entities, column by column,
 * with the driver's own type conversions already applied by pg.
 */
export function hydrate<T extends ObjectLiteral>(manager: EntityManager, entity: EntityTarget<T>, rows: Record<string, unknown>[]): T[] {
  const repository = manager.getRepository(entity);
  // As a find would: columns declared `select: false` (secret hashes) are left out.
  const columns = repository.metadata.columns.filter((c) => c.isSelect);
  return rows.map((row) => {
    const out = repository.create();
    for (const column of columns) if (column.databaseName in row) column.setEntityValue(out, row[column.databaseName]);
    return out;
  });
}
