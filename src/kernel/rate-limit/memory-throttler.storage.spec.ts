import { jest } from '@jest/globals';
import { MemoryThrottlerStorage } from './memory-throttler.storage.js';

describe('MemoryThrottlerStorage', () => {
  let storage: MemoryThrottlerStorage;
  beforeEach(() => {
    jest.useFakeTimers({ now: new Date('2026-01-01T00:00:00Z') });
    storage = new MemoryThrottlerStorage();
  });
  afterEach(() => {
    storage.onModuleDestroy();
    jest.useRealTimers();
  });

  test('counts hits in a fixed window and blocks past the limit until the block ends', async () => {
    for (let i = 1; i <= 3; i++)
      expect(await storage.increment('k', 60_000, 3, 60_000)).toMatchObject({ totalHits: i, isBlocked: false, timeToExpire: 60 });
    expect(await storage.increment('k', 60_000, 3, 60_000)).toMatchObject({ totalHits: 4, isBlocked: true, timeToBlockExpire: 60 });
    jest.advanceTimersByTime(30_000);
    expect(await storage.increment('k', 60_000, 3, 60_000)).toMatchObject({ isBlocked: true, timeToBlockExpire: 30 });
    jest.advanceTimersByTime(30_001);
    expect(await storage.increment('k', 60_000, 3, 60_000)).toMatchObject({ totalHits: 1, isBlocked: false });
  });

  test('keys are independent', async () => {
    await storage.increment('a', 1_000, 1, 1_000);
    expect((await storage.increment('a', 1_000, 1, 1_000)).isBlocked).toBe(true);
    expect((await storage.increment('b', 1_000, 1, 1_000)).isBlocked).toBe(false);
  });
});
