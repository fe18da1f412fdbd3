import { evaluate, globMatches } from './approval-progress.js';

const stages = [
  { name: 'team', requiredApprovals: 2, roleIds: [], userIds: [] },
  { name: 'security', requiredApprovals: 1, roleIds: [], userIds: [] },
];
const now = new Date('2026-11-22T12:00:00Z');
const later = new Date('2026-11-22T13:00:00Z');
const earlier = new Date('2026-11-22T11:00:00Z');
const approve = (stage: number, expiresAt: Date | null = later) => ({ stage, decision: 'approve' as const, expiresAt });

describe('evaluate', () => {
  it('waits on the first stage until its Nth approval', () => {
    expect(evaluate(stages, [], now)).toMatchObject({ outcome: 'pending', currentStage: 0 });
    expect(evaluate(stages, [approve(0)], now)).toMatchObject({
      outcome: 'pending',
      currentStage: 0,
      stages: [{ approvals: 1 }, { approvals: 0 }],
    });
    expect(evaluate(stages, [approve(0), approve(0)], now)).toMatchObject({ outcome: 'pending', currentStage: 1 });
  });

  it('is approved when every stage has its approvals', () => {
    expect(evaluate(stages, [approve(0), approve(0), approve(1)], now)).toMatchObject({ outcome: 'approved', currentStage: 2 });
  });

  it('is decided by the first rejection, whatever the approvals', () => {
    expect(evaluate(stages, [approve(0), approve(0), { stage: 1, decision: 'reject', expiresAt: null }], now)).toMatchObject({
      outcome: 'rejected',
      currentStage: 1,
    });
  });

  it('does not count lapsed approvals, and reopens a stage whose approvals lapsed', () => {
    expect(evaluate(stages, [approve(0, earlier), approve(0), approve(1)], now)).toMatchObject({
      outcome: 'pending',
      currentStage: 0,
      stages: [{ approvals: 1 }, { approvals: 1 }],
    });
  });
});

describe('globMatches', () => {
  it.each([
    ['prod/*', 'prod/db/password', true],
    ['prod/*', 'staging/db', false],
    ['db-?', 'db-1', true],
    ['db-?', 'db-10', false],
    ['a.b', 'axb', false],
    ['(x)+', '(x)+', true],
    ['*', '', true],
    ['', '', true],
    ['', 'a', false],
    ['prod/**/password', 'prod/db/main/password', true],
    ['*/db-?', 'eu/prod/db-1', true],
    ['a*b*c', 'abxbyc', true],
    ['a*b*c', 'abxbyd', false],
    ['*.key', 'tls.key', true],
    ['*.key', 'tls.keys', false],
  ])('%s against %s is %s', (pattern, value, expected) => {
    expect(globMatches(pattern, value)).toBe(expected);
  });

  it('gives the same answers as the regular expression it replaces, on random patterns and refs', () => {
    const alphabet = ['a', 'b', '/', '.', '*', '?'];
    const pick = (n: number, from: string[]) => Array.from({ length: n }, () => from[Math.floor(Math.random() * from.length)]).join('');
    const regex = (pattern: string) =>
      new RegExp(
        `^${pattern
          .replace(/[.+^${}()|[\]\\]/g, '\\$&')
          .replace(/\*/g, '.*')
          .replace(/\?/g, '.')}$`,
        's',
      );
    for (let i = 0; i < 5000; i++) {
      const pattern = pick(Math.floor(Math.random() * 7), alphabet);
      const value = pick(Math.floor(Math.random() * 8), ['a', 'b', '/', '.']);
      expect([pattern, value, globMatches(pattern, value)]).toEqual([pattern, value, regex(pattern).test(value)]);
    }
  });

  it('answers a pattern of many stars against a long ref without backtracking through them all', () => {
    // The regular expression this replaced took seconds on this (polynomial in the number of stars).
    expect(globMatches(`${'*a'.repeat(20)}*b`, 'a'.repeat(512))).toBe(false);
  });
});
