import { Tag } from 'antd';
import type { Category, Conclusion, RecordStatus, Stage } from '@/lib/api/models';
import {
  CATEGORY_COLORS,
  CATEGORY_LABELS,
  CONCLUSION_COLORS,
  CONCLUSION_LABELS,
  RECORD_STATUS_COLORS,
  RECORD_STATUS_LABELS,
  STAGE_COLORS,
  STAGE_LABELS,
} from '@/lib/vocabulary';

export function StageTag({ stage, testId }: { stage: Stage; testId?: string }) {
  return (
    <Tag color={STAGE_COLORS[stage]} data-testid={testId} data-stage={stage}>
      {STAGE_LABELS[stage]}
    </Tag>
  );
}

export function CategoryTag({ category }: { category: Category }) {
  return <Tag color={CATEGORY_COLORS[category]}>{CATEGORY_LABELS[category]}</Tag>;
}

export function RecordStatusTag({ status, testId }: { status: RecordStatus; testId?: string }) {
  return (
    <Tag color={RECORD_STATUS_COLORS[status]} data-testid={testId}>
      {RECORD_STATUS_LABELS[status]}
    </Tag>
  );
}

/** The conclusion of an evaluation; "Chưa đánh giá" when there is none yet. */
export function ConclusionTag({ conclusion, testId }: { conclusion?: Conclusion | null; testId?: string }) {
  if (!conclusion) {
    return (
      <Tag color="default" data-testid={testId}>
        Chưa đánh giá
      </Tag>
    );
  }
  return (
    <Tag color={CONCLUSION_COLORS[conclusion]} data-testid={testId}>
      {CONCLUSION_LABELS[conclusion]}
    </Tag>
  );
}
