import { createHmac, hkdfSync } from 'node:crypto';
import { Injectable, OnModuleInit } from '@nestjs/common';
import { BackgroundJobs } from '../background/background-jobs.js';
import { InjectTransactionHost } from '@nestjs-cls/transactional';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { canonicalJson } from '../audit/audit-chain.js';
import { AppConfig } from '../config/app-config.js';
import { EnvelopeCipher } from '../crypto/envelope-cipher.js';
import type { Tx } from '../database/transactions.js';
import { AppError } from '../http/app-error.js';
import { idempotencyInProgress, idempotencyKeyReused } from '../http/kernel.errors.js';
import { newId } from '../ids.js';
import { Upserted } from '../http/upserted.js';
import { Page, type PageWindow } from '../pagination/page.js';
import { holderLockHeld, IdempotencyHolder } from './idempotency-holder.js';
import { IdempotencyKey } from './idempotency-key.entity.js';

export const IDEMPOTENCY_TTL_HOURS = 24;
/** For keys that name no holder (written before holders were recorded): longer than any request may run. */
const LEGACY_ABANDONED_AFTER_SECONDS = 5 * 60;
/** Whether the request holding an in-progress key cannot be running any more: its process is gone. */
const ABANDONED = `CASE WHEN holder IS NULL THEN locked_at < now() - make_interval(secs => ${LEGACY_ABANDONED_AFTER_SECONDS}) ELSE NOT ${holderLockHeld('holder')} END`;

export interface IdempotencyScope {
  organizationId: string;
  principalId: string;
}

type StoredOutcome =
  | { kind: 'value'; value: unknown }
  | { kind: 'upserted'; value: unknown; created: boolean }
  | { kind: 'page'; items: unknown[]; window: PageWindow; totalItems: number | null; hasNext: boolean; nextCursor?: string | null }
  | {
      kind: 'error';
      status: number;
      code: string;
      message: string;
      details?: Record<string, unknown>;
      validationErrors?: AppError['validationErrors'];
    };

export type Claim = { kind: 'new'; id: string } | { kind: 'replay'; outcome: { value: unknown } | { error: AppError } };

const keyReused = () => idempotencyKeyReused();
const inProgress = () => idempotencyInProgress();
const takenOver = () =>
  idempotencyInProgress(
    'A retry with this Idempotency-Key took it over while this request ran, and nothing of this one was kept; retry to get its outcome',
  );

/**
 * Stripe's idempotency semantics. `claim` runs on its own (committed at once) so a concurrent
 * duplicate sees the key in progress; `complete` runs inside the request's transaction, so the
 * change and its recorded outcome commit together. Client errors are replayed like successes;
 * a server error releases the key so that a retry can run.
 *
 * A key in progress names its holder, the process running its request (IdempotencyHolder). A
 * retry that finds it asks PostgreSQL whether that process still holds its lock: if so, 409; if
 * not, the process died mid-request and the retry takes the key over at once. Taking over gives
 * the key a new id, and a claim's id is what `complete` must find: a request whose key was taken
 * over (its process lost its lock connection but lived on) cannot record its outcome, so its
 * transaction rolls back and the change is made once, by the retry.
 */
@Injectable()
export class IdempotencyService implements OnModuleInit {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @InjectTransactionHost() private readonly tx: Tx,
    private readonly cipher: EnvelopeCipher,
    private readonly jobs: BackgroundJobs,
    private readonly holder: IdempotencyHolder,
    config: AppConfig,
  ) {
    this.fingerprintKey = Buffer.from(hkdfSync('sha256', config.encryption.key, Buffer.alloc(0), 'marshal/idempotency-fingerprint', 32));
  }

  private readonly fingerprintKey: Buffer;

  /**
   * What identifies a request for its key: an HMAC under a key derived from the master key, not a
   * plain hash, because bodies can carry secrets (a patch's new value) and a hash of a short secret
   * can be guessed back. A master key rotation only means a retry straddling it is refused (422).
   */
  fingerprint(method: string, url: string, body: unknown): Buffer {
    return createHmac('sha256', this.fingerprintKey)
      .update(`${method} ${url}\n${canonicalJson(body ?? null)}`)
      .digest();
  }

  onModuleInit(): void {
    this.jobs.schedule('sweep-idempotency-keys', '*/15 * * * *', () => this.sweep());
  }

  async claim(scope: IdempotencyScope, key: string, hash: Buffer): Promise<Claim> {
    const repo = this.dataSource.getRepository(IdempotencyKey);
    for (let attempt = 0; attempt < 3; attempt++) {
      const id = newId();
      const inserted = await this.dataSource.query<unknown[]>(
        `INSERT INTO idempotency_keys (id, organization_id, principal_id, key, request_hash, state, locked_at, holder, expires_at)
         VALUES ($1, $2, $3, $4, $5, 'in_progress', now(), $6, now() + make_interval(hours => $7))
         ON CONFLICT ON CONSTRAINT idempotency_keys_scope_key DO NOTHING RETURNING id`,
        [id, scope.organizationId, scope.principalId, key, hash, this.holder.id, IDEMPOTENCY_TTL_HOURS],
      );
      if (inserted.length === 1) return { kind: 'new', id };

      const existing = await repo.findOneBy({ organizationId: scope.organizationId, principalId: scope.principalId, key });
      if (!existing) continue; // swept or released between the two statements
      // Times are compared in SQL: the row holds microseconds, a JavaScript Date only milliseconds.
      // (TypeORM answers [rows, count] for DELETE and UPDATE.)
      const [, expired] = await this.dataSource.query<[unknown[], number]>(
        'DELETE FROM idempotency_keys WHERE id = $1 AND expires_at <= now()',
        [existing.id],
      );
      if (expired > 0) continue;
      if (!existing.requestHash.equals(hash)) throw keyReused();
      if (existing.state === 'completed') return { kind: 'replay', outcome: this.open(existing) };
      if (await this.takeOver(existing.id, id)) return { kind: 'new', id };
      // Its holder lives, unless the key changed meanwhile (completed, released, or taken over by
      // another retry): then look again.
      const now = await repo.findOneBy({ id: existing.id });
      if (now?.state === 'in_progress') throw inProgress();
    }
    throw inProgress();
  }

  /**
   * Takes an in-progress key whose holder is gone, under a new id. Of concurrent retries one
   * updates the row; the others wait for its row lock, then find the old id no longer there.
   */
  private async takeOver(id: string, newKeyId: string): Promise<boolean> {
    const [, taken] = await this.dataSource.query<[unknown[], number]>(
      `UPDATE idempotency_keys SET id = $2, holder = $3, locked_at = now() WHERE id = $1 AND state = 'in_progress' AND ${ABANDONED}`,
      [id, newKeyId, this.holder.id],
    );
    return taken === 1;
  }

  /** Records the outcome; call inside the request's transaction. */
  async complete(id: string, value: unknown): Promise<void> {
    const stored: StoredOutcome =
      value instanceof Page
        ? {
            kind: 'page',
            items: value.items,
            window: value.window,
            totalItems: value.totalItems,
            hasNext: value.hasNext,
            nextCursor: value.nextCursor,
          }
        : value instanceof Upserted
          ? { kind: 'upserted', value: value.value, created: value.created }
          : { kind: 'value', value: value ?? null };
    if (!(await this.save(id, stored))) throw takenOver();
  }

  /**
   * After the request failed (its transaction rolled back): keep a client error for replay, release
   * otherwise. `error` is what the client was answered (see mapError), e.g. a unique violation as 409.
   * A key taken over meanwhile has another id: nothing here touches it.
   */
  async fail(id: string, error: AppError): Promise<void> {
    const replayable = error.status < 500 && error.status !== 429 && error.code !== 'IDEMPOTENCY_IN_PROGRESS';
    if (!replayable) {
      await this.dataSource.getRepository(IdempotencyKey).delete({ id });
      return;
    }
    await this.tx.withTransaction(() =>
      this.save(id, {
        kind: 'error',
        status: error.status,
        code: error.code,
        message: error.message,
        details: error.details,
        validationErrors: error.validationErrors,
      }),
    );
  }

  /** False when the claim is no longer there in progress: a retry took the key over. */
  private async save(id: string, outcome: StoredOutcome): Promise<boolean> {
    const sealed = this.cipher.encrypt(JSON.stringify(outcome), `idempotency:${id}`);
    const result = await this.tx.tx
      .getRepository(IdempotencyKey)
      .update({ id, state: 'in_progress' }, { state: 'completed', outcome: sealed });
    return result.affected === 1;
  }

  private open(row: IdempotencyKey): { value: unknown } | { error: AppError } {
    const outcome = JSON.parse(this.cipher.decrypt(row.outcome!, `idempotency:${row.id}`).toString('utf8')) as StoredOutcome;
    if (outcome.kind === 'error')
      return { error: new AppError(outcome.status, outcome.code, outcome.message, outcome.details, outcome.validationErrors) };
    if (outcome.kind === 'upserted') return { value: new Upserted(outcome.value, outcome.created) };
    if (outcome.kind === 'page')
      return { value: new Page(outcome.items, outcome.window, outcome.totalItems, outcome.hasNext, outcome.nextCursor) };
    return { value: outcome.value };
  }

  /** Drops keys older than their 24 h; run by the background sweeper. */
  async sweep(): Promise<number> {
    const result = await this.dataSource.query<[unknown, number]>(
      `DELETE FROM idempotency_keys WHERE id IN (SELECT id FROM idempotency_keys WHERE expires_at < now() LIMIT 5000)`,
    );
    return result[1] ?? 0;
  }
}
