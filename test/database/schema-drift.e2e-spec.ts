import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { ROOT, runToExit, startServer, type TestServer } from '../support/server.js';

/**
 * The migrations build exactly the schema the entities describe: TypeORM's schema builder, run
 * against a database the migrations made, finds nothing to change. An entity edited without its
 * migration (a column, a type, an index, a foreign key) fails here rather than in production.
 */
let t: TestServer;
beforeAll(async () => {
  t = await startServer();
}, 120_000);
afterAll(async () => {
  await t?.close();
});

/** The statements TypeORM would run to bring this server's database to the entities, from a process of its own. */
async function pendingSchemaChanges(): Promise<string[]> {
  const module = (path: string) => JSON.stringify(pathToFileURL(join(ROOT, 'dist', 'src', path)).href);
  const script = `
    import { NestFactory } from '@nestjs/core';
    import { DataSource } from 'typeorm';
    const { AppModule } = await import(${module('app.module.js')});
    const { loadConfig } = await import(${module('kernel/config/load-config.js')});
    const app = await NestFactory.createApplicationContext(AppModule.forRoot(loadConfig()), { logger: false, preview: false });
    try {
      const log = await app.get(DataSource).driver.createSchemaBuilder().log();
      process.stdout.write('PENDING ' + JSON.stringify(log.upQueries.map((q) => q.query)) + '\\n');
    } finally {
      await app.close();
    }`;
  const { code, output } = await runToExit({ DATABASE_URL: t.databaseUrl, LOG_LEVEL: 'silent' }, ['--input-type=module', '-e', script]);
  const line = output.split('\n').find((l) => l.startsWith('PENDING '));
  if (code !== 0 || !line) throw new Error(`the schema check exited with ${code}:\n${output}`);
  return JSON.parse(line.slice('PENDING '.length)) as string[];
}

test('the migrated database is what the entities describe: TypeORM finds nothing to change', async () => {
  expect(await pendingSchemaChanges()).toEqual([]);
}, 90_000);

test('negative control: a database that differs from the entities is reported', async () => {
  await t.sql('ALTER TABLE projects ADD COLUMN drifted integer');
  expect(await pendingSchemaChanges()).toEqual(expect.arrayContaining([expect.stringMatching(/"projects".*"drifted"/)]));
}, 90_000);
