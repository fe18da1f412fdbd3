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
    expect(evaluate(stages, [approve(0)], now)).toMatchObject({ outcome: 'pending', currentStage: 0, stages: [{ approvals: 1 }, { approvals: 0 }] });
    expect(evaluate(stages, [approve(0), approve(0)], now)).toMatchObject({ outcome: 'pending', currentStage: 1 });
  });

  it('is approved when every stage has its approvals', () => {
    expect(evaluate(stages, [approve(0), approve(0), approve(1)], now)).toMatchObject({ outcome: 'approved', currentStage: 2 });
  });

  it('is decided by the first rejection, whatever the approvals', () => {
    expect(evaluate(stages, [approve(0), approve(0), { stage: 1, decision: 'reject', expiresAt: null }], now)).toMatchObject({ outcome: 'rejected', currentStage: 1 });
  });

  it('does not count lapsed approvals, and reopens a stage whose approvals lapsed', () => {
    expect(evaluate(stages, [approve(0, earlier), approve(0), approve(1)], now)).toMatchObject({ outcome: 'pending', currentStage: 0, stages: [{ approvals: 1 }, { approvals: 1 }] });
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
  ])('%s against %s is %s', (pattern, value, expected) => {
    expect(globMatches(pattern, value)).toBe(expected);
  });
});
