import type { HomeTask, TaskKind } from '@/lib/api/models';
import { exemplarListLink } from '@/lib/exemplar-links';
import { PATHS } from '@/lib/navigation';

export { exemplarListLink };

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
