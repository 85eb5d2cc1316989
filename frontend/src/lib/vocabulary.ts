import type {
  Category,
  Conclusion,
  CriterionMode,
  EvaluationStatus,
  EvaluatorKind,
  IntroductionStatus,
  MilestoneStatus,
  RecordStatus,
  Scope,
  SetStatus,
  Stage,
  SubjectKind,
  TimelineAction,
  UnitKind,
} from '@/lib/api/models';
import type { components } from '@/lib/api/schema';

type ProposalState = components['schemas']['ProposalState'];

/**
 * The programme's vocabulary in Vietnamese (the server's own labels), shared by every feature
 * that shows exemplars, evaluations or introductions.
 */

export const SUBJECT_KIND_LABELS: Record<SubjectKind, string> = {
  individual: 'Cá nhân',
  collective: 'Tập thể',
};

export const CATEGORY_LABELS: Record<Category, string> = {
  advanced: 'Điển hình tiên tiến',
  new_model: 'Mô hình mới',
  new_factor: 'Nhân tố mới',
  good_deed: 'Gương người tốt việc tốt',
};

export const CATEGORY_COLORS: Record<Category, string> = {
  advanced: 'magenta',
  new_model: 'geekblue',
  new_factor: 'cyan',
  good_deed: 'gold',
};

/** The four stages of the plan, in order. */
export const MAIN_STAGES: readonly Stage[] = ['discovered', 'nurturing', 'summarized', 'replicated'];
export const STAGES: readonly Stage[] = [...MAIN_STAGES, 'stopped', 'archived'];

export const STAGE_LABELS: Record<Stage, string> = {
  discovered: 'Phát hiện',
  nurturing: 'Bồi dưỡng',
  summarized: 'Tổng kết',
  replicated: 'Nhân rộng',
  stopped: 'Dừng theo dõi',
  archived: 'Lưu trữ',
};

export const STAGE_COLORS: Record<Stage, string> = {
  discovered: 'blue',
  nurturing: 'orange',
  summarized: 'purple',
  replicated: 'green',
  stopped: 'red',
  archived: 'default',
};

export const RECORD_STATUS_LABELS: Record<RecordStatus, string> = {
  draft: 'Bản nháp',
  submitted: 'Đã gửi',
  confirmed: 'Đã xác nhận',
};

export const RECORD_STATUS_COLORS: Record<RecordStatus, string> = {
  draft: 'default',
  submitted: 'processing',
  confirmed: 'success',
};

export const CONCLUSIONS: readonly Conclusion[] = ['passed', 'needs_nurturing', 'not_passed'];

export const CONCLUSION_LABELS: Record<Conclusion, string> = {
  passed: 'Đạt',
  not_passed: 'Chưa đạt',
  needs_nurturing: 'Cần bồi dưỡng thêm',
};

export const CONCLUSION_COLORS: Record<Conclusion, string> = {
  passed: 'green',
  not_passed: 'red',
  needs_nurturing: 'gold',
};

export const EVALUATOR_KIND_LABELS: Record<EvaluatorKind, string> = {
  self_assessment: 'Đơn vị tự đánh giá',
  office_review: 'Văn phòng Sở thẩm định',
  council_member: 'Thành viên Hội đồng TĐKT',
};

export const EVALUATION_STATUS_LABELS: Record<EvaluationStatus, string> = {
  draft: 'Bản nháp',
  final: 'Đã hoàn tất',
};

export const MILESTONE_STATUS_LABELS: Record<MilestoneStatus, string> = {
  planned: 'Chưa thực hiện',
  in_progress: 'Đang thực hiện',
  done: 'Hoàn thành',
  missed: 'Không đạt tiến độ',
};

export const MILESTONE_STATUS_COLORS: Record<MilestoneStatus, string> = {
  planned: 'default',
  in_progress: 'processing',
  done: 'success',
  missed: 'error',
};

export const SET_STATUS_LABELS: Record<SetStatus, string> = {
  draft: 'Dự thảo',
  published: 'Đang áp dụng',
  retired: 'Hết hiệu lực',
};

export const SET_STATUS_COLORS: Record<SetStatus, string> = {
  draft: 'gold',
  published: 'green',
  retired: 'default',
};

export const TIMELINE_ACTION_LABELS: Record<TimelineAction, string> = {
  created: 'Ghi nhận điển hình',
  submitted: 'Gửi hồ sơ',
  confirmed: 'Xác nhận hồ sơ',
  returned: 'Trả lại hồ sơ',
  proposed: 'Đề xuất chuyển giai đoạn',
  moved: 'Chuyển giai đoạn',
  rejected: 'Từ chối đề xuất',
  withdrawn: 'Rút đề xuất',
  plan_saved: 'Lập kế hoạch bồi dưỡng',
  summary_saved: 'Tổng kết cách làm hay',
  replication_added: 'Ghi nhận nhân rộng',
  evaluated: 'Đánh giá theo tiêu chuẩn',
  edited: 'Cập nhật thông tin điển hình',
  plan_updated: 'Cập nhật kế hoạch bồi dưỡng',
  summary_updated: 'Cập nhật tổng kết',
  replication_updated: 'Cập nhật kết quả nhân rộng',
  replication_removed: 'Xóa kết quả nhân rộng',
  file_added: 'Đính kèm tệp',
  file_removed: 'Gỡ tệp đính kèm',
  introduced: 'Giới thiệu điển hình hằng tháng',
  photo_chosen: 'Chọn ảnh đại diện',
  published: 'Công bố công khai',
  unpublished: 'Gỡ công bố',
  publication_updated: 'Cập nhật nội dung công bố',
};

export const UNIT_KIND_LABELS: Record<UnitKind, string> = {
  department: 'Sở',
  internal: 'Đơn vị thuộc Sở',
  affiliated: 'Đơn vị trực thuộc',
};

export const CRITERION_MODE_LABELS: Record<CriterionMode, string> = {
  pass_fail: 'Đạt / Không đạt',
  score: 'Chấm điểm',
};

export const INTRODUCTION_STATUS_LABELS: Record<IntroductionStatus, string> = {
  draft: 'Bản nháp',
  submitted: 'Đã gửi',
};

/** What a service account may read. */
export const SCOPE_LABELS: Record<Scope, string> = {
  'units:read': 'Đọc danh mục đơn vị',
  'users:read': 'Đọc danh sách người dùng',
  'exemplars:read': 'Đọc điển hình đã xác nhận, phong trào, tiêu chí, bài giới thiệu đã gửi',
  'reports:read': 'Đọc lịch báo cáo, nghĩa vụ và báo cáo của các đơn vị',
};

/** Options for a select, in the order given. */
export function optionsOf<K extends string>(labels: Record<K, string>, order?: readonly K[]) {
  return (order ?? (Object.keys(labels) as K[])).map((value) => ({ value, label: labels[value] }));
}

/** A commendation proposal's state, shown by the commendation and council pages. */
export const PROPOSAL_STATE_LABELS: Record<ProposalState, string> = {
  draft: 'Bản nháp',
  submitted: 'Đã gửi',
  received: 'Văn phòng đã tiếp nhận',
  returned: 'Bị trả lại',
  reviewed: 'Đã thẩm định',
  in_notice: 'Đang công khai lấy ý kiến',
  in_council: 'Chờ Hội đồng xét',
  pending_decision: 'Chờ quyết định',
  approved: 'Đã quyết định khen thưởng',
  rejected: 'Không khen thưởng',
  forwarded: 'Đã trình cấp trên',
  awarded: 'Đã khen thưởng',
};

export const PROPOSAL_STATE_COLORS: Record<ProposalState, string> = {
  draft: 'default',
  submitted: 'blue',
  received: 'geekblue',
  returned: 'orange',
  reviewed: 'cyan',
  in_notice: 'purple',
  in_council: 'magenta',
  pending_decision: 'gold',
  approved: 'green',
  rejected: 'red',
  forwarded: 'lime',
  awarded: 'success',
};
