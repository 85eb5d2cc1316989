import { describe, expect, it } from 'vitest';
import type { CheckResult, Nominee } from '../api/models';
import { hasBlock, stillInRunning } from './nominees';

const check = (severity: CheckResult['severity'], passed: boolean): CheckResult => ({
  ruleCode: `${severity}-${passed}`,
  ruleName: 'Điều kiện',
  severity,
  passed,
  reason: 'Lý do',
  legalBasis: 'Luật Thi đua, khen thưởng',
});

const nominee = (id: number, patch: Partial<Nominee> = {}): Nominee => ({
  id,
  position: id,
  subjectKind: 'individual',
  fullName: `Người ${id}`,
  workplace: 'Trung tâm TGPL',
  recognisedInitiatives: 0,
  achievement: 'Thành tích',
  review: 'pending',
  outcome: 'pending',
  checks: [],
  ...patch,
});

describe('hasBlock', () => {
  it('is true only for a failed blocking rule', () => {
    expect(hasBlock(nominee(1, { checks: [check('block', false)] }))).toBe(true);
    expect(hasBlock(nominee(1, { checks: [check('warning', false), check('block', true)] }))).toBe(false);
    expect(hasBlock(nominee(1))).toBe(false);
  });
});

describe('stillInRunning', () => {
  it('keeps the eligible nominees the council did not fail', () => {
    const nominees = [
      nominee(1, { review: 'eligible' }),
      nominee(2, { review: 'not_eligible' }),
      nominee(3, { review: 'eligible', voteResult: 'failed' }),
      nominee(4, { review: 'eligible', voteResult: 'passed' }),
      nominee(5),
    ];
    expect(stillInRunning({ nominees }).map((item) => item.id)).toEqual([1, 4]);
  });
});
