import type { CriterionMode } from '@/lib/api/models';

export const MODE_LABELS: Record<CriterionMode, string> = {
  pass_fail: 'Đạt / Không đạt',
  score: 'Chấm điểm',
};
