import { jest } from '@jest/globals';
import type { ClsService } from 'nestjs-cls';
import type { Tx } from '../database/transactions.js';
import type { BackgroundJobs } from './background-jobs.js';

// nestjs-cls and its transactional plugin load ES modules through require(), which Jest's VM modules
// refuse; only the decorator is met here, and the transaction host and context are stand-ins.
jest.unstable_mockModule('@nestjs-cls/transactional', () => ({ InjectTransactionHost: () => () => undefined }));
jest.unstable_mockModule('nestjs-cls', () => ({ ClsService: class {} }));
const { Sweepers } = await import('./sweepers.js');
const { BackgroundWork } = await import('./background-work.js');

const tx = { withTransaction: <T>(work: () => Promise<T>) => work() } as unknown as Tx;
const cls = { run: <T>(work: () => T) => work() } as unknown as ClsService;

/** A batch that answers the counts given, then 0, and counts its calls. */
function batches(...counts: number[]) {
  const calls = { count: 0 };
  const batch = () => Promise.resolve(counts[calls.count++] ?? 0);
  return { batch, calls };
}

describe('Sweepers', () => {
  beforeEach(() => jest.useFakeTimers());
  afterEach(() => jest.useRealTimers());

  test('a registered sweeper runs nothing until bootstrap, then a round per interval, and none after shutdown', async () => {
    const sweepers = new Sweepers(tx, cls);
    const { batch, calls } = batches();
    sweepers.register({ name: 'expire things', batchSize: 10, intervalMs: 1_000, batch });
    await jest.advanceTimersByTimeAsync(5_000);
    expect(calls.count).toBe(0);

    sweepers.onApplicationBootstrap();
    await jest.advanceTimersByTimeAsync(2_000);
    expect(calls.count).toBe(2);

    sweepers.beforeApplicationShutdown();
    await jest.advanceTimersByTimeAsync(5_000);
    expect(calls.count).toBe(2);
  });

  test('runAtStart runs a round at bootstrap, before the first interval', async () => {
    const sweepers = new Sweepers(tx, cls);
    const { batch, calls } = batches();
    sweepers.register({ name: 'forget old things', batchSize: 10, intervalMs: 60_000, batch, runAtStart: true });
    sweepers.onApplicationBootstrap();
    await jest.advanceTimersByTimeAsync(0);
    expect(calls.count).toBe(1);
    sweepers.beforeApplicationShutdown();
  });

  test('the handle runs a round on demand: batch after batch until one comes back short', async () => {
    const sweepers = new Sweepers(tx, cls);
    const { batch, calls } = batches(10, 10, 3);
    const sweeper = sweepers.register({ name: 'shred things', batchSize: 10, intervalMs: 1_000, batch });
    await expect(sweeper.run()).resolves.toBe(23);
    expect(calls.count).toBe(3);
  });

  test('the background list names each sweeper with its interval, beside the schedules with their cron', () => {
    const sweepers = new Sweepers(tx, cls);
    sweepers.register({ name: 'reap expired leases', batchSize: 200, intervalMs: 5_000, batch: () => Promise.resolve(0) });
    const schedules = { list: () => [{ name: 'sweep-idempotency-keys', cron: '*/15 * * * *' }] } as unknown as BackgroundJobs;
    expect(new BackgroundWork(sweepers, schedules).list()).toEqual([
      { name: 'reap expired leases', kind: 'sweeper', intervalMs: 5_000 },
      { name: 'sweep-idempotency-keys', kind: 'schedule', cron: '*/15 * * * *' },
    ]);
  });
});
