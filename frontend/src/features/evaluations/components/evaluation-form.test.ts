import { describe, expect, it } from 'vitest';
import type { Evaluation, EvaluationItem } from '@/lib/api/models';
import {
  toEvaluationInput,
  toEvaluationValues,
  unansweredItems,
  type EvaluationValues,
} from './evaluation-form';

function item(criterionId: number, patch: Partial<EvaluationItem> = {}): EvaluationItem {
  return {
    criterionId,
    position: criterionId,
    criterionText: `Tiêu chí ${criterionId}`,
    weight: 25,
    mode: 'pass_fail',
    ...patch,
  };
}

const criteria = [item(1), item(2), item(3, { mode: 'score', maxScore: 10 })];

describe('toEvaluationInput', () => {
  it('answers each criterion in its own mode only, with blank texts as null', () => {
    const values: EvaluationValues = {
      items: [
        { criterionId: 1, met: true, score: 4, evidence: '  Quyết định số 12/QĐ-STP ', comment: '' },
        { criterionId: 2, met: false },
        { criterionId: 3, met: true, score: 7, comment: 'Khá' },
      ],
      comment: '  ',
    };
    expect(toEvaluationInput(values, criteria)).toEqual({
      items: [
        { criterionId: 1, met: true, evidence: 'Quyết định số 12/QĐ-STP', comment: null },
        { criterionId: 2, met: false, evidence: null, comment: null },
        { criterionId: 3, score: 7, evidence: null, comment: 'Khá' },
      ],
      comment: null,
      conclusionOverride: null,
      overrideReason: null,
    });
  });

  it('takes the criteria from the evaluation, whatever the form kept', () => {
    const input = toEvaluationInput({ items: [{ met: true }, { met: false }, { score: 3 }] }, criteria);
    expect(input.items.map((answer) => answer.criterionId)).toEqual([1, 2, 3]);
  });

  it('keeps unanswered criteria as null, so a draft can be saved incomplete', () => {
    const input = toEvaluationInput(
      { items: [{ criterionId: 1 }, { criterionId: 2, met: null }, { criterionId: 3 }] },
      criteria,
    );
    expect(input.items.map((answer) => answer.met ?? answer.score ?? null)).toEqual([null, null, null]);
    expect(input.items[2]).not.toHaveProperty('met');
  });

  it('sends the override reason only with an override', () => {
    const base = { items: [], overrideReason: 'Có thành tích đột xuất được Bộ Tư pháp khen' };
    expect(toEvaluationInput(base, [])).toMatchObject({ conclusionOverride: null, overrideReason: null });
    expect(toEvaluationInput({ ...base, conclusionOverride: 'passed' }, [])).toMatchObject({
      conclusionOverride: 'passed',
      overrideReason: 'Có thành tích đột xuất được Bộ Tư pháp khen',
    });
  });
});

describe('toEvaluationValues', () => {
  it('starts from the saved answers and round-trips them', () => {
    const evaluation = {
      items: [
        item(1, { met: true, evidence: 'Biên bản' }),
        item(2, { met: null }),
        item(3, { mode: 'score', maxScore: 10, score: 9 }),
      ],
      comment: 'Tốt',
      conclusionOverride: null,
      overrideReason: null,
    } as unknown as Evaluation;
    const values = toEvaluationValues(evaluation);
    expect(values.items[0]).toEqual({
      criterionId: 1,
      met: true,
      score: null,
      evidence: 'Biên bản',
      comment: undefined,
    });
    expect(values.conclusionOverride).toBeUndefined();
    expect(toEvaluationInput(values, evaluation.items).items).toEqual([
      { criterionId: 1, met: true, evidence: 'Biên bản', comment: null },
      { criterionId: 2, met: null, evidence: null, comment: null },
      { criterionId: 3, score: 9, evidence: null, comment: null },
    ]);
  });
});

describe('unansweredItems', () => {
  it('lists the criteria still to answer, a "Không đạt" or a score of 0 counting as answered', () => {
    const values: EvaluationValues = {
      items: [
        { criterionId: 1, met: false },
        { criterionId: 2, met: null },
        { criterionId: 3, score: 0 },
      ],
    };
    expect(unansweredItems(values, criteria)).toEqual([1]);
    expect(unansweredItems({ items: [] }, criteria)).toEqual([0, 1, 2]);
  });
});
