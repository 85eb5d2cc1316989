import type { Conclusion, Evaluation, EvaluationInput, EvaluationItem, ItemInput } from '@/lib/api/models';
import { blankToNull } from '@/lib/forms';

/** One criterion's answer as the form holds it. */
export interface ItemValues {
  criterionId?: number;
  /** Pass/fail criteria: met (Đạt) or not (Không đạt); unanswered while `null`. */
  met?: boolean | null;
  /** Scored criteria: 0..maxScore; unanswered while `null`. */
  score?: number | null;
  evidence?: string;
  comment?: string;
}

export interface EvaluationValues {
  items: ItemValues[];
  comment?: string;
  /** `undefined`: the conclusion computed from the answers stands. */
  conclusionOverride?: Conclusion | null;
  overrideReason?: string;
}

export const MIN_OVERRIDE_REASON = 10;

/** The form's starting values: the answers saved so far, in the criteria's order. */
export function toEvaluationValues(evaluation: Evaluation): EvaluationValues {
  return {
    items: evaluation.items.map((item) => ({
      criterionId: item.criterionId,
      met: item.met ?? null,
      score: item.score ?? null,
      evidence: item.evidence ?? undefined,
      comment: item.comment ?? undefined,
    })),
    comment: evaluation.comment ?? undefined,
    conclusionOverride: evaluation.conclusionOverride ?? undefined,
    overrideReason: evaluation.overrideReason ?? undefined,
  };
}

/**
 * The request body: each criterion answered in its own mode only (`met` for pass/fail, `score`
 * for scored ones; the server refuses the other), blank texts as `null`, and the override reason
 * sent only with an override.
 */
export function toEvaluationInput(values: EvaluationValues, criteria: EvaluationItem[]): EvaluationInput {
  // The answers follow the criteria's order; the criterion comes from the evaluation itself (the
  // form holds only what the evaluator types).
  const items: ItemInput[] = criteria.map((item, index) => {
    const answer = values.items[index] ?? {};
    const common = {
      criterionId: item.criterionId,
      evidence: blankToNull(answer.evidence),
      comment: blankToNull(answer.comment),
    };
    return item.mode === 'score'
      ? { ...common, score: answer.score ?? null }
      : { ...common, met: answer.met ?? null };
  });
  const override = values.conclusionOverride ?? null;
  return {
    items,
    comment: blankToNull(values.comment),
    conclusionOverride: override,
    overrideReason: override ? blankToNull(values.overrideReason) : null,
  };
}

/** The indexes of the criteria not answered yet (finalising needs every one). */
export function unansweredItems(values: EvaluationValues, criteria: EvaluationItem[]): number[] {
  return criteria.flatMap((item, index) => {
    const answer = values.items[index];
    const answered = item.mode === 'score' ? answer?.score != null : answer?.met != null;
    return answered ? [] : [index];
  });
}
