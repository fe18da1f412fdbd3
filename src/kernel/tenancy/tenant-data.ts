import { Injectable } from '@nestjs/common';
import { InjectTransactionHost } from '@nestjs-cls/transactional';
import type { DeepPartial, EntityTarget, FindOptionsOrder, FindOptionsWhere, ObjectLiteral, SelectQueryBuilder } from 'typeorm';
import { notFound } from '../http/kernel.errors.js';
import { hydrate } from '../database/hydrate.js';
import { newId } from '../ids.js';
import type { Tx } from '../database/transactions.js';
import type { TenantOwnedRow } from './tenant-owned.entity.js';

type Row = TenantOwnedRow & ObjectLiteral & { id: string };
type Where<T> = Omit<FindOptionsWhere<T>, 'organizationId'>;
type Changes<T> = Partial<Omit<T, 'organizationId' | 'id'>>;

/**
 * `touch: false` leaves `updatedAt` as it is: for a write that is not an edit of the resource
 * (bookkeeping such as the last discovery, waking a step up). Without it, an entity with an
 * `updatedAt` column gets it stamped now, unless the changes name it.
 */
export interface UpdateOptions {
  touch?: boolean;
}

/**
 * A repository bound to one organization: every read filters on it, every write stamps it, and a
 * row of another organization is indistinguishable from a missing one. It resolves the entity
 * manager at each call, so it joins the caller's transaction.
 */
export class ScopedRepository<T extends Row> {
  constructor(
    private readonly tx: Tx,
    private readonly entity: EntityTarget<T>,
    readonly organizationId: string,
  ) {}

  private get repo() {
    return this.tx.tx.getRepository(this.entity);
  }

  private scope(where: Where<T> = {} as Where<T>): FindOptionsWhere<T> {
    return { ...where, organizationId: this.organizationId };
  }

  /** The changes with `updatedAt` stamped now, when the entity has one and neither the changes nor `touch: false` say otherwise. */
  private stamped(values: Changes<T>, options: UpdateOptions): Changes<T> {
    if (options.touch === false || 'updatedAt' in values || !this.repo.metadata.findColumnWithPropertyName('updatedAt')) return values;
    return { ...values, updatedAt: new Date() };
  }

  find(options: { where?: Where<T> | Where<T>[]; order?: FindOptionsOrder<T>; take?: number; skip?: number } = {}): Promise<T[]> {
    const where = Array.isArray(options.where) ? options.where.map((w) => this.scope(w)) : this.scope(options.where);
    return this.repo.find({ ...options, where });
  }

  findOne(where: Where<T>): Promise<T | null> {
    return this.repo.findOneBy(this.scope(where));
  }

  findById(id: string): Promise<T | null> {
    return this.findOne({ id } as unknown as Where<T>);
  }

  /** The row with this id in this organization, or 404 NOT_FOUND naming `resource`. */
  async getById(id: string, resource: string): Promise<T> {
    const row = await this.findById(id);
    if (!row) throw notFound(resource);
    return row;
  }

  /**
   * The row with this id in this organization, read with `SELECT … FOR UPDATE`: locked until the
   * caller's transaction ends (call it inside one), or 404 NOT_FOUND naming `resource`. A row of
   * another organization is neither locked nor answered.
   */
  async lockById(id: string, resource: string): Promise<T> {
    const row = await this.query('row').andWhere('row.id = :id', { id }).setLock('pessimistic_write').getOne();
    if (!row) throw notFound(resource);
    return row;
  }

  exists(where: Where<T> = {} as Where<T>): Promise<boolean> {
    return this.repo.existsBy(this.scope(where));
  }

  count(where: Where<T> = {} as Where<T>): Promise<number> {
    return this.repo.countBy(this.scope(where));
  }

  /** Inserts with this organization (and a new UUIDv7 unless `id` is given); returns the row as stored, defaults included. */
  async insert(values: Omit<DeepPartial<T>, 'organizationId'>): Promise<T> {
    const row = this.repo.create({ id: newId(), ...values, organizationId: this.organizationId } as DeepPartial<T>);
    const result = await this.repo.createQueryBuilder().insert().values(row).returning('*').execute();
    return hydrate(this.tx.tx, this.entity, result.raw as Record<string, unknown>[])[0];
  }

  /**
   * Inserts several rows in one statement, as `insert` does one. With `skipConflicts`, a row that
   * would break a unique index is left out (ON CONFLICT DO NOTHING, after waiting for a concurrent
   * insert of the same key to commit or roll back): the answer holds only the rows inserted.
   */
  async insertMany(values: Omit<DeepPartial<T>, 'organizationId'>[], options: { skipConflicts?: boolean } = {}): Promise<T[]> {
    if (values.length === 0) return [];
    const rows = values.map((v) => this.repo.create({ id: newId(), ...v, organizationId: this.organizationId } as DeepPartial<T>));
    const insert = this.repo.createQueryBuilder().insert().values(rows);
    if (options.skipConflicts) insert.orIgnore();
    const result = await insert.returning('*').execute();
    return hydrate(this.tx.tx, this.entity, result.raw as Record<string, unknown>[]);
  }

  /** Updates matching rows of this organization (stamping `updatedAt`, see UpdateOptions); returns how many changed. */
  async update(where: Where<T>, values: Changes<T>, options: UpdateOptions = {}): Promise<number> {
    const result = await this.repo.update(this.scope(where), this.stamped(values, options) as never);
    return result.affected ?? 0;
  }

  /**
   * Writes the changes to a row the caller holds (read, usually locked, in this transaction) and
   * into the object too, `updatedAt` stamped as by update: what the row holds now is what was read
   * plus these changes, with no second read. Answers the same object.
   */
  async apply(row: T, values: Changes<T>, options: UpdateOptions = {}): Promise<T> {
    const changes = this.stamped(values, options);
    await this.update({ id: row.id } as unknown as Where<T>, changes, { touch: false });
    return Object.assign(row, changes);
  }

  /**
   * Updates the row of this organization that `where` names (stamping `updatedAt`, see
   * UpdateOptions), in one `UPDATE … RETURNING *`, and
   * answers it as stored (defaults and triggers applied), or null when no row matched. `where`
   * names one row (an id, perhaps with a condition on its state); were it to match several, all
   * change and the first is answered.
   */
  async updateReturning(where: Where<T>, values: Changes<T>, options: UpdateOptions = {}): Promise<T | null> {
    const result = await this.repo
      .createQueryBuilder()
      .update()
      .set(this.stamped(values, options) as never)
      .where(this.scope(where))
      .returning('*')
      .execute();
    return hydrate(this.tx.tx, this.entity, result.raw as Record<string, unknown>[])[0] ?? null;
  }

  /** Updates the row with this id in this organization and answers it, or 404 NOT_FOUND naming `resource`. */
  async updateByIdReturning(id: string, values: Changes<T>, resource: string, options: UpdateOptions = {}): Promise<T> {
    const row = await this.updateReturning({ id } as unknown as Where<T>, values, options);
    if (!row) throw notFound(resource);
    return row;
  }

  async delete(where: Where<T>): Promise<number> {
    const result = await this.repo.delete(this.scope(where));
    return result.affected ?? 0;
  }

  /**
   * A query builder already restricted to this organization. Add conditions with andWhere:
   * calling where() would replace the restriction.
   */
  query(alias: string): SelectQueryBuilder<T> {
    return this.repo
      .createQueryBuilder(alias)
      .where(`${alias}.organization_id = :scopeOrganizationId`, { scopeOrganizationId: this.organizationId });
  }
}

type SharedRow = ObjectLiteral & { id: string; organizationId: string | null };

/**
 * For tables that also hold rows shared by every organization (organization_id null, e.g. system
 * roles): reads see this organization's rows and the shared ones; writes go through `own()`.
 */
export class SharedScopedRepository<T extends SharedRow> {
  constructor(
    private readonly tx: Tx,
    private readonly entity: EntityTarget<T>,
    readonly organizationId: string,
  ) {}

  /** Restricted to this organization's rows and the shared rows; add conditions with andWhere. */
  query(alias: string): SelectQueryBuilder<T> {
    return this.tx.tx
      .getRepository(this.entity)
      .createQueryBuilder(alias)
      .where(`(${alias}.organization_id = :scopeOrganizationId OR ${alias}.organization_id IS NULL)`, {
        scopeOrganizationId: this.organizationId,
      });
  }

  findById(id: string): Promise<T | null> {
    return this.query('row').andWhere('row.id = :id', { id }).getOne();
  }

  async getById(id: string, resource: string): Promise<T> {
    const row = await this.findById(id);
    if (!row) throw notFound(resource);
    return row;
  }

  /** As ScopedRepository.lockById, over this organization's rows and the shared ones. */
  async lockById(id: string, resource: string): Promise<T> {
    const row = await this.query('row').andWhere('row.id = :id', { id }).setLock('pessimistic_write').getOne();
    if (!row) throw notFound(resource);
    return row;
  }

  /** This organization's own rows, for writes: shared rows are never written through here. */
  own(): ScopedRepository<T & Row> {
    return new ScopedRepository(this.tx, this.entity as EntityTarget<T & Row>, this.organizationId);
  }
}

/**
 * The one way to reach tenant-owned tables: `tenantData.repository(Entity, organizationId)`
 * (or `withShared` for tables that also hold rows shared by every organization).
 */
@Injectable()
export class TenantData {
  constructor(@InjectTransactionHost() private readonly tx: Tx) {}

  repository<T extends Row>(entity: EntityTarget<T>, organizationId: string): ScopedRepository<T> {
    return new ScopedRepository(this.tx, entity, organizationId);
  }

  withShared<T extends SharedRow>(entity: EntityTarget<T>, organizationId: string): SharedScopedRepository<T> {
    return new SharedScopedRepository(this.tx, entity, organizationId);
  }
}
