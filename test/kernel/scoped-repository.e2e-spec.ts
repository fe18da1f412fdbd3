import { jest } from '@jest/globals';
import { randomBytes } from 'node:crypto';
import { DataSource, type EntityManager } from 'typeorm';
import { Project } from '../../src/contexts/inventory/entities/project.entity.js';
import { Organization } from '../../src/contexts/tenancy/entities/organization.entity.js';
import { dataSourceOptions } from '../../src/kernel/database/data-source-options.js';
import type { Tx } from '../../src/kernel/database/transactions.js';
import { newId } from '../../src/kernel/ids.js';
import { createDatabaseFromTemplate, dropDatabase, testDatabaseServer } from '../support/database.js';

// The transactional plugin loads ES modules through require(), which Jest's VM modules refuse; only
// its decorator is met here, and the transaction host is a stand-in holding a manager.
jest.unstable_mockModule('@nestjs-cls/transactional', () => ({ InjectTransactionHost: () => () => undefined }));
const { TenantData } = await import('../../src/kernel/tenancy/tenant-data.js');

/**
 * The kernel's scoped repository over a real database, without a server: what it writes and
 * locks stays inside its organization, and a row of another organization is a missing one.
 */
const { adminUrl, template } = testDatabaseServer();
const name = `marshal_t_${process.env.MARSHAL_TEST_RUN}_${randomBytes(5).toString('hex')}`;
let dataSource: DataSource;
let url: string;
const ours = newId();
const theirs = newId();

beforeAll(async () => {
  url = await createDatabaseFromTemplate(adminUrl, name, template);
  dataSource = new DataSource({ ...dataSourceOptions(url, 4), entities: [Organization, Project] });
  await dataSource.initialize();
  for (const id of [ours, theirs])
    await dataSource.query('INSERT INTO organizations (id, name, slug) VALUES ($1, $2, $2)', [id, `org-${id}`]);
});
afterAll(async () => {
  await dataSource?.destroy();
  await dropDatabase(adminUrl, name);
});

/** A transaction host whose `tx` is this manager: what the CLS host answers inside a transaction. */
const data = (manager: EntityManager) => new TenantData({ tx: manager } as unknown as Tx);
const hex = () => randomBytes(3).toString('hex');

async function project(organizationId: string): Promise<Project> {
  const label = `p-${hex()}`;
  return data(dataSource.manager).repository(Project, organizationId).insert({ name: label, slug: label });
}

describe('updateReturning', () => {
  test('one UPDATE answers the row as stored, hydrated into the entity', async () => {
    const p = await project(ours);
    const at = new Date('2030-01-02T03:04:05.000Z');
    const updated = await data(dataSource.manager)
      .repository(Project, ours)
      .updateReturning({ id: p.id }, { description: 'changed', updatedAt: at });
    expect(updated).toBeInstanceOf(Project);
    expect(updated).toMatchObject({
      id: p.id,
      organizationId: ours,
      name: p.name,
      description: 'changed',
      status: 'active',
      updatedAt: at,
    });
    expect(updated!.createdAt).toEqual(p.createdAt);
    const [row] = await dataSource.query('SELECT description FROM projects WHERE id = $1', [p.id]);
    expect(row.description).toBe('changed');
  });

  test('a row no condition matches is null; a condition on its state narrows it', async () => {
    const p = await project(ours);
    const projects = data(dataSource.manager).repository(Project, ours);
    expect(await projects.updateReturning({ id: p.id, status: 'archived' }, { description: 'no' })).toBeNull();
    expect(await projects.updateReturning({ id: newId() }, { description: 'no' })).toBeNull();
    expect((await projects.getById(p.id, 'Project')).description).toBe('');
  });

  test("another organization's row is neither updated nor answered; updateByIdReturning is 404 for it", async () => {
    const p = await project(theirs);
    const projects = data(dataSource.manager).repository(Project, ours);
    expect(await projects.updateReturning({ id: p.id }, { description: 'taken over' })).toBeNull();
    await expect(projects.updateByIdReturning(p.id, { description: 'taken over' }, 'Project')).rejects.toMatchObject({
      status: 404,
      code: 'NOT_FOUND',
    });
    const [row] = await dataSource.query('SELECT description FROM projects WHERE id = $1', [p.id]);
    expect(row.description).toBe('');
    expect(
      await data(dataSource.manager).repository(Project, theirs).updateByIdReturning(p.id, { description: 'theirs' }, 'Project'),
    ).toMatchObject({ description: 'theirs' });
  });
});

describe('updatedAt', () => {
  test('update and updateReturning stamp it unless the changes name it or say touch: false; apply writes the stamp into the row too', async () => {
    const p = await project(ours);
    const projects = data(dataSource.manager).repository(Project, ours);
    const long = new Date('2001-01-01T00:00:00.000Z');
    expect((await projects.updateByIdReturning(p.id, { updatedAt: long }, 'Project')).updatedAt).toEqual(long);
    const stamped = await projects.updateByIdReturning(p.id, { description: 'edited' }, 'Project');
    expect(stamped.updatedAt.getTime()).toBeGreaterThan(long.getTime());
    await projects.update({ id: p.id }, { updatedAt: long });
    expect((await projects.updateByIdReturning(p.id, { description: 'bookkeeping' }, 'Project', { touch: false })).updatedAt).toEqual(long);
    await projects.update({ id: p.id }, { description: 'quiet' }, { touch: false });
    expect((await projects.getById(p.id, 'Project')).updatedAt).toEqual(long);
    await projects.update({ id: p.id }, { description: 'loud' });
    expect((await projects.getById(p.id, 'Project')).updatedAt.getTime()).toBeGreaterThan(long.getTime());
    await projects.update({ id: p.id }, { updatedAt: long });
    const held = await projects.getById(p.id, 'Project');
    const applied = await projects.apply(held, { description: 'applied' });
    expect(applied).toBe(held);
    expect(applied.updatedAt.getTime()).toBeGreaterThan(long.getTime());
    expect(await projects.getById(p.id, 'Project')).toMatchObject({ description: 'applied', updatedAt: applied.updatedAt });
  });
});

describe('lockById', () => {
  /** Whether another connection would have to wait for the row: FOR UPDATE NOWAIT fails at once (55P03) if so. */
  async function lockedElsewhere(id: string): Promise<boolean> {
    const other = dataSource.createQueryRunner();
    try {
      await other.connect();
      await other.startTransaction();
      await other.query('SELECT id FROM projects WHERE id = $1 FOR UPDATE NOWAIT', [id]);
      return false;
    } catch (error) {
      if ((error as { driverError?: { code?: string } }).driverError?.code === '55P03') return true;
      throw error;
    } finally {
      if (other.isTransactionActive) await other.rollbackTransaction();
      await other.release();
    }
  }

  test('the row is answered and locked until the transaction ends', async () => {
    const p = await project(ours);
    await dataSource.transaction(async (manager) => {
      const locked = await data(manager).repository(Project, ours).lockById(p.id, 'Project');
      expect(locked).toBeInstanceOf(Project);
      expect(locked).toMatchObject({ id: p.id, name: p.name, organizationId: ours });
      expect(await lockedElsewhere(p.id)).toBe(true);
    });
    expect(await lockedElsewhere(p.id)).toBe(false);
  });

  test("another organization's row is 404 and stays unlocked; a missing one is 404", async () => {
    const p = await project(theirs);
    await dataSource.transaction(async (manager) => {
      const projects = data(manager).repository(Project, ours);
      await expect(projects.lockById(p.id, 'Project')).rejects.toMatchObject({
        status: 404,
        code: 'NOT_FOUND',
        message: 'Project not found',
      });
      expect(await lockedElsewhere(p.id)).toBe(false);
    });
    await dataSource.transaction(async (manager) => {
      await expect(data(manager).repository(Project, ours).lockById(newId(), 'Project')).rejects.toMatchObject({
        status: 404,
        code: 'NOT_FOUND',
      });
    });
  });
});
