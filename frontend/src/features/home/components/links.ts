import type { FigureFilters, HomeTask, TaskKind } from '@/lib/api/models';
import { PATHS } from '@/lib/navigation';

/** The order the exemplar list's parameters appear in a link (stable, readable addresses). */
const FILTER_ORDER: readonly (keyof FigureFilters)[] = [
  'year',
  'unitId',
  'stage',
  'conclusion',
  'recordStatus',
  'returned',
  'hasProposal',
  'milestones',
];

/**
 * The exemplar list filtered as a figure says: its `filters` are query parameters of
 * `GET /exemplars`, which the list page reads from its address. Empty values are left out.
 */
export function exemplarListLink(filters: FigureFilters | null | undefined): string {
  const search = new URLSearchParams();
  for (const key of FILTER_ORDER) {
    const value = filters?.[key];
    if (value !== null && value !== undefined) search.set(key, String(value));
  }
  const query = search.toString();
  return query ? `${PATHS.exemplars}?${query}` : PATHS.exemplars;
}

/**
 * Where a task's count leads: the filtered exemplar list, or for the units that have not yet
 * introduced this month (no exemplar list behind it), the monthly grid.
 */
export function taskLink(task: Pick<HomeTask, 'kind' | 'filters'>): string {
  if (task.kind === 'introductions_missing' || !task.filters) return PATHS.introductions;
  return exemplarListLink(task.filters);
}

export interface TaskText {
  label: string;
  /** What to do about it, when there is something to do. */
  hint: string;
}

export const TASK_TEXTS: Record<TaskKind, TaskText> = {
  drafts: {
    label: 'Hồ sơ nháp chưa gửi',
    hint: 'Hoàn thiện thông tin, minh chứng rồi gửi Văn phòng Sở xác nhận (lãnh đạo đơn vị gửi).',
  },
  returned: {
    label: 'Hồ sơ bị trả lại',
    hint: 'Văn phòng Sở trả lại để bổ sung: đọc ý kiến trong lịch sử hồ sơ, sửa và gửi lại.',
  },
  milestones_due_soon: {
    label: 'Mốc bồi dưỡng sắp đến hạn (30 ngày tới)',
    hint: 'Cập nhật tiến độ các mốc trong kế hoạch bồi dưỡng.',
  },
  milestones_overdue: {
    label: 'Mốc bồi dưỡng quá hạn',
    hint: 'Các mốc đã qua ngày mà chưa hoàn thành: đôn đốc đơn vị cập nhật kế hoạch bồi dưỡng.',
  },
  to_confirm: {
    label: 'Hồ sơ chờ xác nhận',
    hint: 'Đơn vị đã gửi: xem xét, xác nhận hoặc trả lại để bổ sung.',
  },
  proposals_to_decide: {
    label: 'Đề xuất chuyển giai đoạn chờ duyệt',
    hint: 'Duyệt hoặc từ chối đề xuất của đơn vị.',
  },
  introductions_missing: {
    label: 'Đơn vị chưa giới thiệu điển hình tháng này (đã quá hạn)',
    hint: 'Xem bảng theo dõi hằng tháng và nhắc các đơn vị chậm.',
  },
};
