import { Injectable } from '@nestjs/common';
import { InjectTransactionHost } from '@nestjs-cls/transactional';
import { AuditWriter } from '../../kernel/audit/audit-writer.js';
import { Sweepers } from '../../kernel/background/sweepers.js';
import type { Tx } from '../../kernel/database/transactions.js';
import { WorkflowCallbacksService } from '../workflows/index.js';
import type { WorkflowCallbackAckDto, WorkflowCallbackDto } from './dto/workflow-callback.dto.js';
import { WorkflowCallbackDelivery } from './entities/workflow-callback-delivery.entity.js';

/** The only sender so far; the table keys deliveries by source so that another can share it. */
const SOURCE = 'agentfield';

/**
 * How long a delivery id is remembered. Past the signature's tolerance (at most an hour) a replay is
 * refused by its timestamp anyway; a day leaves room for clock skew and slow retries.
 */
const RETENTION_HOURS = 24;
const SWEEP_BATCH = 1000;
const SWEEP_INTERVAL_MS = 10 * 60_000;

/**
 * Takes verified workflow callbacks (the signature guard has run) to the run engine, once per
 * delivery id. The delivery is claimed with INSERT … ON CONFLICT DO NOTHING in the transaction of
 * the engine's report and the audit entry: a concurrent copy of the same delivery waits on the
 * unique key until this one commits (then it is a duplicate) or rolls back (then it goes ahead).
 */
@Injectable()
export class WorkflowCallbackReceiver {
  constructor(
    @InjectTransactionHost() private readonly tx: Tx,
    private readonly callbacks: WorkflowCallbacksService,
    private readonly audit: AuditWriter,
    sweepers: Sweepers,
  ) {
    sweepers.register({
      name: 'forget old workflow callback deliveries',
      batchSize: SWEEP_BATCH,
      intervalMs: SWEEP_INTERVAL_MS,
      batch: () => this.sweepBatch(),
      runAtStart: true,
    });
  }

  receive(deliveryId: string, callback: WorkflowCallbackDto): Promise<WorkflowCallbackAckDto> {
    return this.tx.withTransaction(async () => {
      // Twice at most: a first delivery swept between our conflict and our read leaves the id free.
      for (let attempt = 0; attempt < 2; attempt++) {
        if (await this.claim(deliveryId, callback)) return this.report(deliveryId, callback);
        const first = await this.firstAnswer(deliveryId);
        if (first) return first;
      }
      throw new Error(`delivery ${deliveryId} neither claimed nor found`);
    });
  }

  /** Records the delivery; false when its id was received before (after waiting for a copy in flight). */
  private async claim(deliveryId: string, callback: WorkflowCallbackDto): Promise<boolean> {
    const claimed = await this.tx.tx.query<unknown[]>(
      `INSERT INTO workflow_callback_deliveries (source, delivery_id, run_id, node_id) VALUES ($1, $2, $3, $4)
       ON CONFLICT (source, delivery_id) DO NOTHING RETURNING delivery_id`,
      [SOURCE, deliveryId, callback.executionId, callback.nodeId],
    );
    return claimed.length === 1;
  }

  /** Hands the callback to the engine, notes its answer on the delivery, and audits it in the run's organization. */
  private async report(deliveryId: string, callback: WorkflowCallbackDto): Promise<WorkflowCallbackAckDto> {
    const outcome = await this.callbacks.report({
      runId: callback.executionId,
      nodeId: callback.nodeId,
      status: callback.status,
      output: callback.output,
      error: callback.error && { code: callback.error.code, message: callback.error.message },
    });
    // Deliveries are keyed by source and delivery id, before any organization is known: no organization column.
    const deliveries = this.tx.tx.getRepository(WorkflowCallbackDelivery);
    await deliveries.update({ source: SOURCE, deliveryId }, { runId: outcome.runId, nodeId: outcome.nodeId, outcome: outcome.outcome });
    // The output stays out of the trail: it is the executor's data, possibly large, possibly sensitive.
    await this.audit.record({
      organizationId: outcome.organizationId,
      action: 'workflow_run.callback',
      actor: { type: 'webhook', id: SOURCE },
      resourceType: 'workflow_run',
      resourceId: outcome.runId,
      details: {
        deliveryId,
        nodeId: outcome.nodeId,
        status: callback.status,
        outcome: outcome.outcome,
        ...(callback.error ? { errorCode: callback.error.code } : {}),
      },
    });
    return { duplicate: false, runId: outcome.runId, nodeId: outcome.nodeId, outcome: outcome.outcome };
  }

  /** A replay: what the first delivery of this id was answered, changing nothing. */
  private async firstAnswer(deliveryId: string): Promise<WorkflowCallbackAckDto | null> {
    // A fresh statement: under READ COMMITTED it sees the first delivery, committed while our insert waited.
    // No organization column (see above).
    const first = await this.tx.tx.getRepository(WorkflowCallbackDelivery).findOneBy({ source: SOURCE, deliveryId });
    return first && { duplicate: true, runId: first.runId, nodeId: first.nodeId, outcome: first.outcome! };
  }

  private async sweepBatch(): Promise<number> {
    const [, deleted] = await this.tx.tx.query<[unknown[], number]>(
      `DELETE FROM workflow_callback_deliveries WHERE (source, delivery_id) IN (
         SELECT source, delivery_id FROM workflow_callback_deliveries WHERE received_at < now() - make_interval(hours => $1)
          LIMIT ${SWEEP_BATCH} FOR UPDATE SKIP LOCKED)`,
      [RETENTION_HOURS],
    );
    return deleted;
  }
}
