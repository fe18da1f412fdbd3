import { CompletionBatcher, MAX_BATCH_BYTES, MAX_COMPLETIONS_PER_REQUEST } from './completion-batcher.js';

/** A server stand-in: each request waits until released, and answers each item with its own name. */
function server() {
  const requests: string[][] = [];
  const releases: (() => void)[] = [];
  let refuse: (items: string[]) => Error | undefined = () => undefined;
  const send = (items: string[]) =>
    new Promise<string[]>((resolve, reject) => {
      requests.push(items);
      releases.push(() => {
        const error = refuse(items);
        if (error) reject(error);
        else resolve(items.map((i) => `ok:${i}`));
      });
    });
  const tick = () => new Promise((r) => setImmediate(r));
  return {
    requests,
    send,
    refuseWhen: (fn: typeof refuse) => (refuse = fn),
    /** Answers the oldest request still waiting. */
    async release() {
      await tick();
      releases.shift()!();
      await tick();
    },
  };
}

class Rejected extends Error {}

describe('CompletionBatcher', () => {
  test('one completion goes at once; those made while it is out go together next, each answered on its own', async () => {
    const s = server();
    const batcher = new CompletionBatcher<string, string>(s.send, () => false);
    const first = batcher.complete('a');
    const rest = ['b', 'c', 'd'].map((i) => batcher.complete(i));
    expect(s.requests).toEqual([['a']]);
    await s.release();
    expect(await first).toBe('ok:a');
    expect(s.requests).toEqual([['a'], ['b', 'c', 'd']]);
    await s.release();
    expect(await Promise.all(rest)).toEqual(['ok:b', 'ok:c', 'ok:d']);
  });

  test('a batch stays under the count and size caps, always carrying at least one', async () => {
    const s = server();
    const batcher = new CompletionBatcher<string, string>(s.send, () => false);
    const all = [batcher.complete('first')];
    for (let i = 0; i < MAX_COMPLETIONS_PER_REQUEST + 5; i++) all.push(batcher.complete(`n${i}`));
    const big = 'x'.repeat(MAX_BATCH_BYTES);
    all.push(batcher.complete(big), batcher.complete('after'));
    for (let i = 0; i < 5; i++) await s.release();
    await Promise.all(all);
    expect(s.requests.map((r) => r.length)).toEqual([1, MAX_COMPLETIONS_PER_REQUEST, 5, 1, 1]);
    expect(s.requests[3]).toEqual([big]);
  });

  test('a refusal that may be one item’s fault is retried item by item; other errors fail the whole batch', async () => {
    const s = server();
    const batcher = new CompletionBatcher<string, string>(s.send, (e: unknown) => e instanceof Rejected);
    s.refuseWhen((items) => (items.includes('bad') ? new Rejected('400') : undefined));
    const blocker = batcher.complete('blocker');
    const outcomes = ['good', 'bad', 'fine'].map((i) => batcher.complete(i).catch((e: Error) => e));
    for (let i = 0; i < 5; i++) await s.release();
    await blocker;
    const [good, bad, fine] = await Promise.all(outcomes);
    expect([good, fine]).toEqual(['ok:good', 'ok:fine']);
    expect(bad).toBeInstanceOf(Rejected);
    expect(s.requests).toEqual([['blocker'], ['good', 'bad', 'fine'], ['good'], ['bad'], ['fine']]);

    s.refuseWhen(() => new Error('503'));
    const down = [batcher.complete('p'), batcher.complete('q')].map((p) => p.catch((e: Error) => e.message));
    for (let i = 0; i < 2; i++) await s.release();
    expect(await Promise.all(down)).toEqual(['503', '503']);
  });
});
