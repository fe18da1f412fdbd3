import { Injectable, Logger, OnApplicationBootstrap, OnModuleInit } from '@nestjs/common';
import { InjectTransactionHost } from '@nestjs-cls/transactional';
import { ClsService } from 'nestjs-cls';
import { BackgroundJobs } from '../background/background-jobs.js';
import { AppConfig } from '../config/app-config.js';
import type { Tx } from '../database/transactions.js';
import {
  auditChainInvalid,
  checkpointKeyUnknown,
  checkpointMalformed,
  checkpointOtherOrganization,
  checkpointSignatureInvalid,
} from './audit.errors.js';
import { validationFailed } from '../http/kernel.errors.js';
import { newId, UUID_PATTERN } from '../ids.js';
import { checkpointSignatureHolds, parseCheckpointToken, signCheckpoint, type CheckpointStatement } from './audit-checkpoint.js';
import { AuditCheckpoint } from './audit-event.entity.js';
import { AuditKeys } from './audit-keys.js';
import { CHAIN_START, type ChainFailure, type ChainPosition, AuditStore } from './audit-store.js';

/** Arbitrary, fixed: namespaces the per-organization advisory lock of a scheduled signing round. */
const SIGNING_LOCK = 'audit-checkpoint:';

export type SigningOutcome =
  | { kind: 'signed'; checkpoint: AuditCheckpoint }
  | { kind: 'current' }
  | { kind: 'refused'; failure: { seq: number; reason: string; code: ChainFailure } };

export interface CheckpointPage {
  items: AuditCheckpoint[];
  nextCursor: string | null;
}

/** The opaque cursor of the checkpoint list: the id (UUIDv7, so time-ordered) of the last one seen. */
const encodeCursor = (id: string) => Buffer.from(id, 'utf8').toString('base64url');
function decodeCursor(cursor: string): string {
  const id = Buffer.from(cursor, 'base64url').toString('utf8');
  if (!UUID_PATTERN.test(id))
    throw validationFailed([{ field: 'cursor', message: 'cursor is not one this API returned', code: 'INVALID_CURSOR' }]);
  return id;
}

/**
 * Signed checkpoints of the audit chains: on a schedule (AUDIT_CHECKPOINT_SCHEDULE, one replica;
 * and once at start-up) for every organization whose head moved, and on demand. Marshal signs a
 * head only once the links since its last genuine checkpoint verify, so a trail that was tampered
 * with is never vouched for; such a refusal is logged as an error.
 */
@Injectable()
export class AuditCheckpoints implements OnModuleInit, OnApplicationBootstrap {
  private readonly logger = new Logger(AuditCheckpoints.name);

  constructor(
    @InjectTransactionHost() private readonly tx: Tx,
    private readonly store: AuditStore,
    private readonly keys: AuditKeys,
    private readonly background: BackgroundJobs,
    private readonly config: AppConfig,
    private readonly cls: ClsService,
  ) {}

  onModuleInit(): void {
    this.background.schedule('audit-checkpoints', this.config.audit.checkpointSchedule, () => this.signAll());
  }

  onApplicationBootstrap(): void {
    void this.cls
      .run(() => this.signAll())
      .catch((error: unknown) =>
        this.logger.warn({ message: (error as Error).message }, 'audit checkpoints failed; the schedule will retry'),
      );
  }

  /** Every organization whose head moved since its last checkpoint, each in a transaction of its own. */
  async signAll(): Promise<{ signed: number; current: number; refused: number; busy: number }> {
    const counts = { signed: 0, current: 0, refused: 0, busy: 0 };
    const heads = await this.tx.tx.query<{ organization_id: string }[]>(
      'SELECT organization_id FROM audit_chain_heads ORDER BY organization_id',
    );
    for (const { organization_id: organizationId } of heads) {
      const outcome = await this.tx.withTransaction(async () => {
        // Another replica signing this organization right now: leave it to that one.
        const [{ locked }] = await this.tx.tx.query<{ locked: boolean }[]>('SELECT pg_try_advisory_xact_lock(hashtext($1)) AS locked', [
          `${SIGNING_LOCK}${organizationId}`,
        ]);
        return locked ? this.signHead(organizationId, 'scheduled') : null;
      });
      if (!outcome) counts.busy++;
      else counts[outcome.kind]++;
    }
    if (counts.signed > 0 || counts.refused > 0) this.logger.log(counts, 'signed audit checkpoints');
    return counts;
  }

  /** The head of one organization, now (POST /audit-events/checkpoints), in the request's transaction. */
  async signNow(organizationId: string): Promise<AuditCheckpoint> {
    const outcome = await this.signHead(organizationId, 'requested');
    if (outcome.kind === 'refused') {
      throw auditChainInvalid(
        `The audit trail does not verify at event ${outcome.failure.seq} (${outcome.failure.code}): Marshal signs no checkpoint of it`,
        {
          seq: outcome.failure.seq,
          failure: outcome.failure.code,
        },
      );
    }
    return (outcome as { checkpoint: AuditCheckpoint }).checkpoint;
  }

  /**
   * Verifies the links since the newest genuine checkpoint (or from the genesis), then signs the
   * head reached. A scheduled round skips an organization whose head is already signed.
   */
  private async signHead(organizationId: string, origin: AuditCheckpoint['origin']): Promise<SigningOutcome> {
    const previous = await this.newestGenuine(organizationId);
    let from: ChainPosition = CHAIN_START;
    if (previous) {
      const lost = await this.store.extends(previous);
      if (lost) return this.refuse(organizationId, lost);
      const link = (await this.store.linkAt(organizationId, previous.seq))!;
      if (previous.seq > 0) from = { seq: previous.seq, hash: previous.hash, keyed: link.chainVersion === 2 };
    }
    const { reached, failure } = await this.store.walk(organizationId, from);
    if (failure) return this.refuse(organizationId, failure);
    if (origin === 'scheduled' && previous?.seq === reached.seq) return { kind: 'current' };

    const keyId = this.keys.currentKeyId;
    const statement: CheckpointStatement = { organizationId, seq: reached.seq, hash: reached.hash, signedAt: new Date(), keyId };
    const checkpoint = Object.assign(new AuditCheckpoint(), {
      ...statement,
      id: newId(),
      signature: signCheckpoint(this.keys.checkpointKeys(keyId)!.privateKey, statement),
      origin,
    });
    await this.tx.tx.getRepository(AuditCheckpoint).insert(checkpoint);
    return { kind: 'signed', checkpoint };
  }

  private refuse(organizationId: string, failure: { seq: number; reason: string; code: ChainFailure }): SigningOutcome {
    this.logger.error(
      { organizationId, seq: failure.seq, failure: failure.code, reason: failure.reason },
      'the audit trail does not verify: no checkpoint signed',
    );
    return { kind: 'refused', failure };
  }

  /** The newest stored checkpoint that Marshal really signed (forged rows are passed over: verify reports them). */
  private async newestGenuine(organizationId: string): Promise<AuditCheckpoint | null> {
    const candidates = await this.tx.tx
      .getRepository(AuditCheckpoint)
      .createQueryBuilder('c')
      .where('c.organization_id = :org AND c.key_id IN (:...keys)', { org: organizationId, keys: [...this.keys.keyIds] })
      .orderBy('c.seq', 'DESC')
      .addOrderBy('c.signed_at', 'DESC')
      .take(20)
      .getMany();
    return candidates.find((c) => checkpointSignatureHolds(this.keys.checkpointKeys(c.keyId)!.publicKey, c, c.signature)) ?? null;
  }

  /** The organization's checkpoints, newest first. */
  async list(organizationId: string, limit: number, cursor?: string): Promise<CheckpointPage> {
    const qb = this.tx.tx.getRepository(AuditCheckpoint).createQueryBuilder('c').where('c.organization_id = :org', { org: organizationId });
    if (cursor) qb.andWhere('c.id < :after', { after: decodeCursor(cursor) });
    const rows = await qb
      .orderBy('c.id', 'DESC')
      .take(limit + 1)
      .getMany();
    const items = rows.slice(0, limit);
    return { items, nextCursor: rows.length > limit ? encodeCursor(items[items.length - 1].id) : null };
  }

  /**
   * A checkpoint an auditor kept (its token), authenticated before it is believed: well-formed,
   * under a key this server holds, its signature genuine, and of the organization asked about.
   */
  authenticate(token: string, organizationId: string): CheckpointStatement {
    const parsed = parseCheckpointToken(token);
    if (!parsed) throw checkpointMalformed('checkpoint is not a token this API issued (<base64url statement>.<base64url signature>)');
    const pair = this.keys.checkpointKeys(parsed.statement.keyId);
    if (!pair) throw checkpointKeyUnknown(`The checkpoint was signed under key ${parsed.statement.keyId}, which this server does not hold`);
    if (!checkpointSignatureHolds(pair.publicKey, parsed.statement, parsed.signature)) {
      throw checkpointSignatureInvalid('The checkpoint signature does not verify: it was altered or not made by Marshal');
    }
    if (parsed.statement.organizationId !== organizationId) {
      throw checkpointOtherOrganization('The checkpoint is of another organization than the one this request acts in');
    }
    return parsed.statement;
  }

  /** The public keys that verify checkpoints, the current one first (RFC 8037 JWKs, plus PEM). */
  publishedKeys(): {
    kid: string;
    kty: string;
    crv: string;
    x: string;
    alg: string;
    use: string;
    status: 'current' | 'retired';
    pem: string;
  }[] {
    return this.keys.keyIds.map((keyId) => {
      const { publicKey } = this.keys.checkpointKeys(keyId)!;
      const jwk = publicKey.export({ format: 'jwk' }) as { kty: string; crv: string; x: string };
      return {
        kid: keyId,
        kty: jwk.kty,
        crv: jwk.crv,
        x: jwk.x,
        alg: 'EdDSA',
        use: 'sig',
        status: keyId === this.keys.currentKeyId ? 'current' : 'retired',
        pem: publicKey.export({ type: 'spki', format: 'pem' }).toString(),
      };
    });
  }
}
