import type { WorkflowNode } from '../definition-graph.js';
import type { StepStatus } from '../entities/workflow-run-step.entity.js';
import { progress, retryDelayMs, sinks, type StepState } from './run-progress.js';

const node = (id: string, dependsOn: string[] = [], type = 'wait'): WorkflowNode => ({
  id,
  type,
  inputs: {},
  dependsOn,
  retry: { maxAttempts: 1, backoffSeconds: 0 },
  timeoutSeconds: null,
});
const states = (entries: Record<string, StepStatus | [StepStatus, unknown]>) =>
  new Map<string, StepState>(
    Object.entries(entries).map(([id, v]) => [id, Array.isArray(v) ? { status: v[0], output: v[1] } : { status: v, output: null }]),
  );

describe('progress', () => {
  const diamond = [node('a'), node('b', ['a']), node('c', ['a']), node('d', ['b', 'c'])];

  it('starts the roots, then whatever has all its dependencies succeeded', () => {
    expect(progress(diamond, states({ a: 'pending', b: 'pending', c: 'pending', d: 'pending' }))).toEqual({
      ready: ['a'],
      skipped: [],
      complete: false,
    });
    expect(progress(diamond, states({ a: 'succeeded', b: 'pending', c: 'pending', d: 'pending' })).ready).toEqual(['b', 'c']);
    expect(progress(diamond, states({ a: 'succeeded', b: 'succeeded', c: 'running', d: 'pending' })).ready).toEqual([]);
    expect(progress(diamond, states({ a: 'succeeded', b: 'succeeded', c: 'succeeded', d: 'pending' })).ready).toEqual(['d']);
  });

  it('is complete when every node succeeded or was skipped', () => {
    expect(progress(diamond, states({ a: 'succeeded', b: 'succeeded', c: 'skipped', d: 'skipped' })).complete).toBe(true);
    expect(progress(diamond, states({ a: 'succeeded', b: 'succeeded', c: 'succeeded', d: 'running' })).complete).toBe(false);
  });

  it('skips what follows a false condition, transitively, and runs what does not', () => {
    const nodes = [node('check', [], 'condition'), node('then', ['check']), node('after', ['then']), node('aside')];
    const out = progress(nodes, states({ check: ['succeeded', { result: false }], then: 'pending', after: 'pending', aside: 'pending' }));
    expect(out).toEqual({ ready: ['aside'], skipped: ['then', 'after'], complete: false });
    expect(
      progress(nodes, states({ check: ['succeeded', { result: true }], then: 'pending', after: 'pending', aside: 'succeeded' })).ready,
    ).toEqual(['then']);
  });

  it('a join with one skipped branch is skipped', () => {
    const nodes = [node('check', [], 'condition'), node('left', ['check']), node('right'), node('join', ['left', 'right'])];
    expect(
      progress(nodes, states({ check: ['succeeded', { result: false }], left: 'pending', right: 'succeeded', join: 'pending' })).skipped,
    ).toEqual(['left', 'join']);
  });

  it('leaves what waits on a failed or cancelled node pending: the run failed, a retry decides', () => {
    expect(progress(diamond, states({ a: 'failed', b: 'pending', c: 'pending', d: 'pending' }))).toEqual({
      ready: [],
      skipped: [],
      complete: false,
    });
    expect(progress(diamond, states({ a: 'succeeded', b: 'cancelled', c: 'succeeded', d: 'pending' })).ready).toEqual([]);
  });

  it('a false output of a node that is not a condition means nothing', () => {
    const nodes = [node('job', [], 'job'), node('next', ['job'])];
    expect(progress(nodes, states({ job: ['succeeded', { result: false }], next: 'pending' })).ready).toEqual(['next']);
  });
});

describe('sinks and retry delays', () => {
  it('the outputs of nodes nothing depends on are the run output', () => {
    expect(sinks([node('a'), node('b', ['a']), node('c')])).toEqual(['b', 'c']);
  });

  it('doubles the backoff after each failed attempt, up to an hour', () => {
    expect([1, 2, 3, 4].map((n) => retryDelayMs(5, n))).toEqual([5000, 10_000, 20_000, 40_000]);
    expect(retryDelayMs(0, 3)).toBe(0);
    expect(retryDelayMs(3000, 5)).toBe(3_600_000);
  });
});
