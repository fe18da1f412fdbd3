import { jest } from '@jest/globals';
import type { AuditEntry, AuditWriter } from '../../kernel/audit/audit-writer.js';
import type { Sweepers } from '../../kernel/background/sweepers.js';
import type { Tx } from '../../kernel/database/transactions.js';
import { notFound } from '../../kernel/http/kernel.errors.js';
import type { CallbackOutcome, CallbackReport, WorkflowCallbacksService } from '../workflows/index.js';
import type { WorkflowCallbackDto } from './dto/workflow-callback.dto.js';

// nestjs-cls and its transactional plugin load ES modules through require(), which Jest's VM modules
// refuse; only their decorator and class names are met here, and the transaction host is a stand-in.
// So is the engine: its module would bring the whole workflows context in.
jest.unstable_mockModule('@nestjs-cls/transactional', () => ({ InjectTransactionHost: () => () => undefined }));
jest.unstable_mockModule('nestjs-cls', () => ({ ClsService: class {} }));
// The receiver reaches workflows through its index.ts, so that is what is stood in for.
jest.unstable_mockModule('../workflows/index.js', () => ({ WorkflowCallbacksService: class {} }));
const { WorkflowCallbackReceiver } = await import('./workflow-callback-receiver.service.js');

/**
 * The receiver's flow with the engine and the database stood in for: what reaches the engine, what
 * the audit entry says (never the output), and that a duplicate reaches neither. The database side
 * (ON CONFLICT, concurrent copies) is covered over HTTP by test/integrations/workflow-callbacks.e2e-spec.ts.
 */
const ORGANIZATION = '01960000-0000-7000-8000-00000000000a';
const RUN = '01960000-0000-7000-8000-00000000000b';
const CANARY = 'output-canary-7f3a';

function receiverWith(options: {
  claimed: boolean;
  firstDelivery?: object;
  engine?: (report: CallbackReport) => Promise<CallbackOutcome>;
}) {
  const reports: CallbackReport[] = [];
  const audits: AuditEntry[] = [];
  const updates: unknown[] = [];
  const repository = {
    update: jest.fn((_where: unknown, set: unknown) => Promise.resolve(updates.push(set))),
    findOneBy: jest.fn(() => Promise.resolve(options.firstDelivery ?? null)),
  };
  const tx = {
    withTransaction: <T>(work: () => Promise<T>) => work(),
    tx: { query: jest.fn(() => Promise.resolve(options.claimed ? [{ delivery_id: 'x' }] : [])), getRepository: () => repository },
  } as unknown as Tx;
  const engine =
    options.engine ??
    ((report) => Promise.resolve({ organizationId: ORGANIZATION, runId: report.runId, nodeId: report.nodeId, outcome: 'accepted' }));
  const callbacks = { report: (report: CallbackReport) => (reports.push(report), engine(report)) } as unknown as WorkflowCallbacksService;
  const audit = { record: (entry: AuditEntry) => Promise.resolve(audits.push(entry)) } as unknown as AuditWriter;
  const sweepers = { register: () => ({ run: () => Promise.resolve(0) }) } as unknown as Sweepers;
  return { receiver: new WorkflowCallbackReceiver(tx, callbacks, audit, sweepers), reports, audits, updates };
}

const callback = (extra: Partial<WorkflowCallbackDto> = {}) =>
  ({ executionId: RUN, nodeId: 'deploy', status: 'succeeded', output: { note: CANARY }, ...extra }) as WorkflowCallbackDto;

describe('WorkflowCallbackReceiver', () => {
  test("a new delivery reaches the engine, records its outcome and is audited in the run's organization, without the output", async () => {
    const { receiver, reports, audits, updates } = receiverWith({ claimed: true });
    await expect(receiver.receive('dlv-1', callback())).resolves.toEqual({
      duplicate: false,
      runId: RUN,
      nodeId: 'deploy',
      outcome: 'accepted',
    });
    expect(reports).toEqual([{ runId: RUN, nodeId: 'deploy', status: 'succeeded', output: { note: CANARY }, error: undefined }]);
    expect(updates).toEqual([{ runId: RUN, nodeId: 'deploy', outcome: 'accepted' }]);
    expect(audits).toEqual([
      {
        organizationId: ORGANIZATION,
        action: 'workflow_run.callback',
        actor: { type: 'webhook', id: 'agentfield' },
        resourceType: 'workflow_run',
        resourceId: RUN,
        details: { deliveryId: 'dlv-1', nodeId: 'deploy', status: 'succeeded', outcome: 'accepted' },
      },
    ]);
    expect(JSON.stringify(audits)).not.toContain(CANARY);
  });

  test('a failure is reported with its error, and the audit entry names its code', async () => {
    const { receiver, reports, audits } = receiverWith({ claimed: true });
    await receiver.receive(
      'dlv-2',
      callback({ status: 'failed', output: undefined, error: { code: 'DEPLOY_FAILED', message: 'unhealthy' } }),
    );
    expect(reports[0]).toMatchObject({ status: 'failed', error: { code: 'DEPLOY_FAILED', message: 'unhealthy' } });
    expect(audits[0].details).toMatchObject({ status: 'failed', errorCode: 'DEPLOY_FAILED' });
  });

  test('a delivery id received before answers the first outcome and reaches neither the engine nor the trail', async () => {
    const first = { source: 'agentfield', deliveryId: 'dlv-3', runId: RUN, nodeId: 'deploy', outcome: 'ignored' };
    const { receiver, reports, audits, updates } = receiverWith({ claimed: false, firstDelivery: first });
    await expect(receiver.receive('dlv-3', callback())).resolves.toEqual({
      duplicate: true,
      runId: RUN,
      nodeId: 'deploy',
      outcome: 'ignored',
    });
    expect([reports, audits, updates]).toEqual([[], [], []]);
  });

  test('what the engine refuses is refused, with nothing recorded or audited (the transaction rolls the claim back)', async () => {
    const { receiver, audits, updates } = receiverWith({
      claimed: true,
      engine: (report) => Promise.reject(notFound(`Workflow run ${report.runId}`)),
    });
    await expect(receiver.receive('dlv-4', callback())).rejects.toMatchObject({ status: 404, code: 'NOT_FOUND' });
    expect([audits, updates]).toEqual([[], []]);
  });
});
