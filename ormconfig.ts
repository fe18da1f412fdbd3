/**
 * The DataSource for the TypeORM CLI (`npx typeorm migration:show -d dist/ormconfig.js`), built from
 * DATABASE_URL. The application itself does not read this file: it builds the same options in
 * src/kernel/database. To write a migration, prefer `npm run migration:generate -- <Name>`, which
 * needs no database of yours.
 */
import 'reflect-metadata';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { DataSource } from 'typeorm';
import { dataSourceOptions, MIGRATION_BOUNDS } from './src/kernel/database/data-source-options.js';

const here = dirname(fileURLToPath(import.meta.url));
const url = process.env.DATABASE_URL;
if (!url) throw new Error('Set DATABASE_URL to use the TypeORM CLI');

export default new DataSource({
  ...dataSourceOptions(url, 2, MIGRATION_BOUNDS),
  entities: [join(here, 'src', '**', '*.entity.js')],
});
