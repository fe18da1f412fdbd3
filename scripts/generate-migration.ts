/**
 * npm run migration:generate -- <Name>
 *   Starts a throw-away embedded PostgreSQL (or uses DATABASE_URL), applies the existing migrations,
 *   compares the schema with the entities and writes the difference as a new migration under
 *   src/database/migrations/. Prints "no changes" when entities and migrations agree.
 * node dist/scripts/generate-migration.js --check
 *   Writes nothing; exits 1 and prints the SQL when the entities and the migrations disagree.
 */
import 'reflect-metadata';
import { mkdtempSync, chmodSync, writeFileSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { DataSource } from 'typeorm';
import { dataSourceOptions, MIGRATION_BOUNDS } from '../src/kernel/database/data-source-options.js';
import { EmbeddedDatabase } from '../src/kernel/database/embedded-database.js';
import { runMigrations } from '../src/kernel/database/migrate.js';
import { randomSecret } from '../src/kernel/crypto/secret-tokens.js';

const here = dirname(fileURLToPath(import.meta.url));
const projectRoot = resolve(here, '..', '..');
const name = process.argv[2];
const checkOnly = name === '--check';
if (!checkOnly && (!name || !/^[A-Z][A-Za-z0-9]+$/.test(name))) {
  console.error('usage: npm run migration:generate -- <PascalCaseName>');
  process.exit(2);
}

const indent = (sql: string) => sql.replace(/`/g, '\\`');

async function main(): Promise<void> {
  let embedded: EmbeddedDatabase | undefined;
  let tempDir: string | undefined;
  let url = process.env.DATABASE_URL;
  if (!url) {
    tempDir = mkdtempSync(join(tmpdir(), 'marshal-migrate-'));
    chmodSync(tempDir, 0o755);
    embedded = await EmbeddedDatabase.start({
      dir: join(tempDir, 'pg'),
      port: 54000 + Math.floor(Math.random() * 900),
      password: randomSecret(16),
      ephemeral: true,
    });
    url = embedded.url();
  }
  try {
    await runMigrations(url);
    const dataSource = new DataSource({
      ...dataSourceOptions(url, 2, MIGRATION_BOUNDS),
      entities: [join(here, '..', 'src', '**', '*.entity.js')],
    });
    await dataSource.initialize();
    const sql = await dataSource.driver.createSchemaBuilder().log();
    await dataSource.destroy();
    if (sql.upQueries.length === 0) {
      console.log('no changes: entities and migrations agree');
      return;
    }
    if (checkOnly) {
      console.error(
        `The entities and the migrations disagree; a migration would run:\n${sql.upQueries.map((q) => `  ${q.query}`).join('\n')}`,
      );
      process.exitCode = 1;
      return;
    }
    const timestamp = Date.now();
    const className = `${name}${timestamp}`;
    const up = sql.upQueries.map((q) => `    await queryRunner.query(\`${indent(q.query)}\`);`).join('\n');
    const down = sql.downQueries
      .reverse()
      .map((q) => `    await queryRunner.query(\`${indent(q.query)}\`);`)
      .join('\n');
    const file = join(projectRoot, 'src', 'database', 'migrations', `${timestamp}-${name}.ts`);
    writeFileSync(
      file,
      `import type { MigrationInterface, QueryRunner } from 'typeorm';\n\nexport class ${className} implements MigrationInterface {\n  name = '${className}';\n\n  async up(queryRunner: QueryRunner): Promise<void> {\n${up}\n  }\n\n  async down(queryRunner: QueryRunner): Promise<void> {\n${down}\n  }\n}\n`,
    );
    const index = join(projectRoot, 'src', 'database', 'migrations', 'index.ts');
    let source = readFileSync(index, 'utf8');
    source = source.replace(
      "import type { MigrationInterface } from 'typeorm';",
      `import type { MigrationInterface } from 'typeorm';\nimport { ${className} } from './${timestamp}-${name}.js';`,
    );
    source = source.replace(
      /= \[([\s\S]*?)\];\s*$/,
      (_m, list: string) => `= [${list.trim() ? `${list.trim().replace(/,$/, '')}, ` : ''}${className}];\n`,
    );
    writeFileSync(index, source);
    console.log(`wrote ${file}`);
  } finally {
    await embedded?.stop();
    if (tempDir) rmSync(tempDir, { recursive: true, force: true });
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
