import type { EntityType } from '@/lib/api/models';
import { formatApiDate, formatDateTime, formatMonth } from '@/lib/dates';
import { ROLE_LABELS } from '@/lib/roles';
import { formatBytes } from '@/lib/text';
import {
  CATEGORY_LABELS,
  CONCLUSION_LABELS,
  CRITERION_MODE_LABELS,
  EVALUATION_STATUS_LABELS,
  EVALUATOR_KIND_LABELS,
  INTRODUCTION_STATUS_LABELS,
  MILESTONE_STATUS_LABELS,
  RECORD_STATUS_LABELS,
  SCOPE_LABELS,
  SET_STATUS_LABELS,
  STAGE_LABELS,
  SUBJECT_KIND_LABELS,
  UNIT_KIND_LABELS,
} from '@/lib/vocabulary';

/**
 * How the audit log shows the fields of the records it keeps (the snapshots are the API's own
 * records: `Unit`, `User`, `Exemplar`, `NurturingPlan`, `Summary`, `Attachment`, … in
 * openapi/openapi.json): a Vietnamese label, and how to write the value for a reader.
 */
export type FieldFormat =
  | 'text'
  | 'number'
  | 'percent'
  | 'date'
  | 'instant'
  | 'month'
  | 'bool'
  | 'bytes'
  | 'userId'
  | 'unitId'
  | 'ids'
  | 'ref'
  | 'refs'
  | 'milestones'
  | 'initiatives'
  | 'figures'
  | 'criteria'
  | 'evaluationItems'
  | 'attachments'
  | 'criteriaSet'
  | { labels: Record<string, string> }
  | { fields: FieldMap };

export interface FieldSpec {
  label: string;
  format?: FieldFormat;
  /** Not shown: addresses, derived values and the like that tell the reader nothing. */
  hidden?: boolean;
}

export type FieldMap = Record<string, FieldSpec>;

/** Names for the people and units a snapshot refers to by id, when they are known. */
export interface NameLookup {
  user?: (id: number) => string | undefined;
  unit?: (id: number) => string | undefined;
}

const enumOf = (labels: Record<string, string>): FieldFormat => ({ labels });

/** Fields every record has. */
const RECORD: FieldMap = {
  id: { label: 'Mã số', format: 'number' },
  createdAt: { label: 'Tạo lúc', format: 'instant' },
  createdBy: { label: 'Người tạo', format: 'userId' },
  updatedAt: { label: 'Cập nhật lúc', format: 'instant' },
  version: { label: 'Phiên bản', hidden: true },
};

const UNIT: FieldMap = {
  ...RECORD,
  code: { label: 'Mã đơn vị' },
  name: { label: 'Tên đơn vị' },
  shortName: { label: 'Tên viết tắt' },
  kind: { label: 'Loại đơn vị', format: enumOf(UNIT_KIND_LABELS) },
  parentId: { label: 'Đơn vị cấp trên', format: 'unitId' },
  active: { label: 'Đang hoạt động', format: 'bool' },
  headName: { label: 'Thủ trưởng đơn vị' },
  headTitle: { label: 'Chức vụ thủ trưởng' },
  email: { label: 'Thư điện tử' },
  phone: { label: 'Điện thoại' },
  sortOrder: { label: 'Thứ tự hiển thị', format: 'number' },
};

const USER: FieldMap = {
  ...RECORD,
  username: { label: 'Tên đăng nhập' },
  fullName: { label: 'Họ và tên' },
  email: { label: 'Thư điện tử' },
  phone: { label: 'Điện thoại' },
  position: { label: 'Chức vụ' },
  role: { label: 'Vai trò', format: enumOf(ROLE_LABELS) },
  unit: { label: 'Đơn vị', format: 'ref' },
  active: { label: 'Tài khoản đang mở', format: 'bool' },
  mustChangePassword: { label: 'Phải đổi mật khẩu khi đăng nhập', format: 'bool' },
  passwordChangedAt: { label: 'Đổi mật khẩu lúc', format: 'instant' },
  lastLoginAt: { label: 'Đăng nhập gần nhất', format: 'instant' },
};

const SERVICE_ACCOUNT: FieldMap = {
  ...RECORD,
  name: { label: 'Tên tài khoản' },
  description: { label: 'Mô tả' },
  clientId: { label: 'Mã ứng dụng (client ID)' },
  scopes: { label: 'Phạm vi quyền', format: enumOf(SCOPE_LABELS) },
  revokedAt: { label: 'Thu hồi lúc', format: 'instant' },
  lastUsedAt: { label: 'Dùng gần nhất', format: 'instant' },
};

const MOVEMENT: FieldMap = {
  ...RECORD,
  code: { label: 'Mã phong trào' },
  name: { label: 'Tên phong trào' },
  description: { label: 'Mô tả' },
  legalBasis: { label: 'Căn cứ phát động' },
  legalBasisDate: { label: 'Ngày ban hành', format: 'date' },
  startsOn: { label: 'Ngày bắt đầu', format: 'date' },
  endsOn: { label: 'Ngày kết thúc', format: 'date' },
  active: { label: 'Đang diễn ra', format: 'bool' },
  closedAt: { label: 'Kết thúc lúc', format: 'instant' },
};

const ATTACHMENT: FieldMap = {
  ...RECORD,
  fileName: { label: 'Tên tệp' },
  caption: { label: 'Chú thích' },
  contentType: { label: 'Định dạng' },
  sizeBytes: { label: 'Dung lượng', format: 'bytes' },
  sha256: { label: 'Mã kiểm tra (SHA-256)' },
  uploadedBy: { label: 'Người tải lên', format: 'userId' },
  downloadUrl: { label: 'Đường dẫn tải về', hidden: true },
  thumbnailUrl: { label: 'Đường dẫn ảnh thu nhỏ', hidden: true },
};

const PROPOSAL: FieldMap = {
  toStage: { label: 'Sang giai đoạn', format: enumOf(STAGE_LABELS) },
  note: { label: 'Ghi chú' },
  proposedAt: { label: 'Đề xuất lúc', format: 'instant' },
  proposedBy: { label: 'Người đề xuất', format: 'userId' },
};

const NURTURING_PLAN: FieldMap = {
  strengths: { label: 'Điểm mạnh cần phát huy' },
  shortcomings: { label: 'Hạn chế cần khắc phục' },
  measures: { label: 'Biện pháp bồi dưỡng' },
  support: { label: 'Hỗ trợ vật chất, tinh thần' },
  mentor: { label: 'Người hướng dẫn, giúp đỡ' },
  milestones: { label: 'Các mốc bồi dưỡng', format: 'milestones' },
};

const SUMMARY: FieldMap = {
  goodPractice: { label: 'Cách làm hay' },
  results: { label: 'Kết quả đạt được' },
  lessons: { label: 'Bài học kinh nghiệm' },
  figures: { label: 'Số liệu minh chứng', format: 'figures' },
};

/** An exemplar, and the plan and summary saved under its name (`save_plan`, `save_summary`). */
const EXEMPLAR: FieldMap = {
  ...RECORD,
  subjectKind: { label: 'Điển hình là', format: enumOf(SUBJECT_KIND_LABELS) },
  category: { label: 'Phân loại', format: enumOf(CATEGORY_LABELS) },
  name: { label: 'Tên cá nhân, tập thể' },
  title: { label: 'Chức danh' },
  position: { label: 'Chức vụ' },
  memberCount: { label: 'Số thành viên', format: 'number' },
  unit: { label: 'Đơn vị', format: 'ref' },
  unitId: { label: 'Đơn vị', format: 'unitId' },
  fieldOfWork: { label: 'Lĩnh vực' },
  achievements: { label: 'Thành tích' },
  initiatives: { label: 'Sáng kiến, giải pháp', format: 'initiatives' },
  published: { label: 'Đã công bố công khai', format: 'bool' },
  publishedAt: { label: 'Thời điểm công bố', format: 'instant' },
  movements: { label: 'Phong trào thi đua', format: 'refs' },
  movementIds: { label: 'Phong trào thi đua (mã số)', format: 'ids' },
  discoveredOn: { label: 'Ngày phát hiện', format: 'date' },
  discoveredBy: { label: 'Người phát hiện' },
  discoveryMethod: { label: 'Cách phát hiện' },
  stage: { label: 'Giai đoạn', format: enumOf(STAGE_LABELS) },
  stageChangedAt: { label: 'Chuyển giai đoạn lúc', format: 'instant' },
  recordStatus: { label: 'Tình trạng hồ sơ', format: enumOf(RECORD_STATUS_LABELS) },
  currentConclusion: { label: 'Kết luận đánh giá', format: enumOf(CONCLUSION_LABELS) },
  proposal: { label: 'Đề xuất chuyển giai đoạn', format: { fields: PROPOSAL } },
  stoppedReason: { label: 'Lý do dừng theo dõi' },
  nurturingPlan: { label: 'Kế hoạch bồi dưỡng', format: { fields: NURTURING_PLAN } },
  summary: { label: 'Tổng kết', format: { fields: SUMMARY } },
  nextStages: { label: 'Các giai đoạn kế tiếp', hidden: true },
  photo: { label: 'Ảnh đại diện' },
  ...NURTURING_PLAN,
  ...SUMMARY,
};

const REPLICATION: FieldMap = {
  ...RECORD,
  exemplarId: { label: 'Điển hình (mã số)', format: 'number' },
  adopterName: { label: 'Nơi áp dụng' },
  adopterUnit: { label: 'Đơn vị của Sở áp dụng', format: 'ref' },
  adoptedOn: { label: 'Ngày áp dụng', format: 'date' },
  scale: { label: 'Quy mô' },
  outcome: { label: 'Kết quả' },
  evidence: { label: 'Minh chứng' },
  attachments: { label: 'Tệp đính kèm', format: 'attachments' },
};

const EVALUATION: FieldMap = {
  ...RECORD,
  exemplarId: { label: 'Điển hình (mã số)', format: 'number' },
  exemplarName: { label: 'Điển hình' },
  evaluatorKind: { label: 'Hình thức đánh giá', format: enumOf(EVALUATOR_KIND_LABELS) },
  evaluator: { label: 'Người đánh giá', format: 'ref' },
  criteriaSet: { label: 'Bộ tiêu chí', format: 'criteriaSet' },
  status: { label: 'Trạng thái', format: enumOf(EVALUATION_STATUS_LABELS) },
  items: { label: 'Đánh giá từng tiêu chí', format: 'evaluationItems' },
  scorePercent: { label: 'Điểm đạt được', format: 'percent' },
  passThreshold: { label: 'Ngưỡng đạt', format: 'percent' },
  nurtureThreshold: { label: 'Ngưỡng cần bồi dưỡng thêm', format: 'percent' },
  computedConclusion: { label: 'Kết luận theo tiêu chí', format: enumOf(CONCLUSION_LABELS) },
  conclusionOverride: { label: 'Kết luận điều chỉnh', format: enumOf(CONCLUSION_LABELS) },
  overrideReason: { label: 'Lý do điều chỉnh' },
  conclusion: { label: 'Kết luận', format: enumOf(CONCLUSION_LABELS) },
  comment: { label: 'Nhận xét chung' },
  finalisedAt: { label: 'Hoàn tất lúc', format: 'instant' },
  supersedesId: { label: 'Sửa đổi phiếu (mã số)', format: 'number' },
  supersededAt: { label: 'Được sửa đổi lúc', format: 'instant' },
  attachments: { label: 'Tệp đính kèm', format: 'attachments' },
};

const CRITERIA_SET: FieldMap = {
  ...RECORD,
  code: { label: 'Mã bộ tiêu chí' },
  name: { label: 'Tên bộ tiêu chí' },
  versionNo: { label: 'Phiên bản số', format: 'number' },
  description: { label: 'Mô tả' },
  subjectKind: { label: 'Áp dụng cho', format: enumOf(SUBJECT_KIND_LABELS) },
  status: { label: 'Trạng thái', format: enumOf(SET_STATUS_LABELS) },
  passThreshold: { label: 'Ngưỡng đạt', format: 'percent' },
  nurtureThreshold: { label: 'Ngưỡng cần bồi dưỡng thêm', format: 'percent' },
  criteria: { label: 'Các tiêu chí', format: 'criteria' },
  publishedAt: { label: 'Công bố lúc', format: 'instant' },
};

const INTRODUCTION: FieldMap = {
  ...RECORD,
  unit: { label: 'Đơn vị', format: 'ref' },
  month: { label: 'Tháng', format: 'month' },
  title: { label: 'Tiêu đề' },
  writeUp: { label: 'Nội dung giới thiệu' },
  exemplars: { label: 'Điển hình được giới thiệu', format: 'refs' },
  status: { label: 'Trạng thái', format: enumOf(INTRODUCTION_STATUS_LABELS) },
  submittedAt: { label: 'Gửi lúc', format: 'instant' },
  onTime: { label: 'Đúng hạn', format: 'bool' },
  remindedUnits: { label: 'Đơn vị được nhắc', format: 'refs' },
  skippedUnits: { label: 'Đơn vị không cần nhắc', format: 'refs' },
  notified: { label: 'Số người nhận thông báo', format: 'number' },
};

const MONTH_DAY: FieldMap = {
  day: { label: 'Ngày', format: 'number' },
  month: { label: 'Tháng', format: 'number' },
};

const REVIEW: FieldMap = {
  fromYear: { label: 'Từ năm', format: 'number' },
  toYear: { label: 'Đến năm', format: 'number' },
  unitBefore: { label: 'Đơn vị báo cáo trước ngày', format: 'date' },
  officeBefore: { label: 'Văn phòng Sở báo cáo trước ngày', format: 'date' },
};

const SETTINGS: FieldMap = {
  ...RECORD,
  introductionDueDay: { label: 'Hạn gửi bài giới thiệu (ngày trong tháng)', format: 'number' },
  introductionsStart: { label: 'Tháng bắt đầu giới thiệu', format: 'month' },
  // The reporting calendar's settings and the public holidays are settings too.
  firstYear: { label: 'Năm đầu của Kế hoạch', format: 'number' },
  lastYear: { label: 'Năm cuối của Kế hoạch', format: 'number' },
  unitAnnualReport: { label: 'Hạn đơn vị báo cáo năm', format: { fields: MONTH_DAY } },
  officeAnnualReport: { label: 'Hạn Văn phòng Sở báo cáo năm', format: { fields: MONTH_DAY } },
  midtermReview: { label: 'Sơ kết', format: { fields: REVIEW } },
  finalReview: { label: 'Tổng kết', format: { fields: REVIEW } },
  beforeInclusive: { label: '“Trước ngày …” tính cả ngày đó', format: 'bool' },
  moveToNextWorkingDay: { label: 'Hạn trùng ngày nghỉ lùi sang ngày làm việc kế tiếp', format: 'bool' },
  dueSoonDays: { label: 'Báo “sắp đến hạn” trước (ngày)', format: 'number' },
  reminderOffsets: { label: 'Thời điểm nhắc (ngày so với hạn)', format: 'ids' },
  reminderCatchUpDays: { label: 'Gửi bù lời nhắc bị lỡ trong (ngày)', format: 'number' },
  officeCopies: {
    label: 'Văn phòng Sở nhận bản nhắc của đơn vị',
    format: enumOf({ all: 'Mọi lời nhắc', overdue: 'Khi đơn vị quá hạn', none: 'Không nhận' }),
  },
  days: {
    label: 'Ngày nghỉ lễ, Tết',
    format: { fields: { date: { label: 'Ngày', format: 'date' }, name: { label: 'Tên' } } },
  },
};

const REPORT: FieldMap = {
  ...RECORD,
  title: { label: 'Tiêu đề báo cáo' },
  kind: {
    label: 'Loại báo cáo',
    format: enumOf({
      annual_report: 'Báo cáo định kỳ hằng năm',
      midterm_review: 'Báo cáo sơ kết',
      final_review: 'Báo cáo tổng kết',
      on_demand: 'Báo cáo theo yêu cầu',
    }),
  },
  unitId: { label: 'Đơn vị', format: 'unitId' },
  period: { label: 'Kỳ báo cáo' },
  narrative: { label: 'Nội dung (kết quả, hạn chế, nguyên nhân, bài học, phương hướng, kiến nghị)' },
  status: {
    label: 'Trạng thái',
    format: enumOf({
      draft: 'Bản nháp',
      submitted: 'Đã gửi',
      accepted: 'Đã tiếp nhận',
      returned: 'Bị trả lại',
    }),
  },
};

const REPORT_SUBMISSION: FieldMap = {
  ...RECORD,
  title: { label: 'Tiêu đề báo cáo' },
  kind: {
    label: 'Loại báo cáo',
    format: enumOf({
      monthly_introduction: 'Giới thiệu điển hình hằng tháng',
      annual_report: 'Báo cáo định kỳ hằng năm',
      midterm_review: 'Báo cáo sơ kết',
      final_review: 'Báo cáo tổng kết',
    }),
  },
  period: { label: 'Kỳ báo cáo' },
  unit: { label: 'Đơn vị', format: 'ref' },
  responsible: { label: 'Bên báo cáo', format: enumOf({ unit: 'Đơn vị', office: 'Văn phòng Sở' }) },
  obligationKey: { label: 'Nghĩa vụ', hidden: true },
  status: {
    label: 'Trạng thái',
    format: enumOf({ submitted: 'Đã gửi', accepted: 'Đã tiếp nhận', returned: 'Bị trả lại' }),
  },
  note: { label: 'Ghi chú gửi kèm' },
  submittedAt: { label: 'Gửi lúc', format: 'instant' },
  submittedBy: { label: 'Người gửi', format: 'ref' },
  dueOn: { label: 'Hạn', format: 'date' },
  onTime: { label: 'Đúng hạn', format: 'bool' },
  decidedAt: { label: 'Xem xét lúc', format: 'instant' },
  decidedBy: { label: 'Người xem xét', format: 'ref' },
  decisionNote: { label: 'Ý kiến khi tiếp nhận, trả lại' },
  allowedActions: { label: 'Thao tác được phép', hidden: true },
};

const DIFFICULTY_STATUS_LABELS = {
  open: 'Chờ Văn phòng Sở xử lý',
  answered: 'Văn phòng Sở đã trả lời',
  referred: 'Đã báo cáo Lãnh đạo Sở',
  directed: 'Lãnh đạo Sở đã chỉ đạo',
  closed: 'Đã kết thúc',
};

const DIFFICULTY: FieldMap = {
  ...RECORD,
  unit: { label: 'Đơn vị', format: 'ref' },
  subject: { label: 'Tiêu đề' },
  body: { label: 'Nội dung phản ánh' },
  status: { label: 'Trạng thái', format: enumOf(DIFFICULTY_STATUS_LABELS) },
  obligationKey: { label: 'Nghĩa vụ liên quan' },
  exemplar: { label: 'Điển hình liên quan', format: 'ref' },
  exemplarId: { label: 'Điển hình liên quan', format: 'number' },
  raisedAt: { label: 'Gửi lúc', format: 'instant' },
  raisedBy: { label: 'Người gửi', format: 'userId' },
  answer: { label: 'Trả lời của Văn phòng Sở' },
  answeredAt: { label: 'Trả lời lúc', format: 'instant' },
  referralNote: { label: 'Nội dung báo cáo Lãnh đạo Sở' },
  referredAt: { label: 'Báo cáo Lãnh đạo Sở lúc', format: 'instant' },
  direction: { label: 'Chỉ đạo của Lãnh đạo Sở' },
  directedAt: { label: 'Chỉ đạo lúc', format: 'instant' },
  closedAt: { label: 'Kết thúc lúc', format: 'instant' },
  attachments: { label: 'Tệp đính kèm', format: 'attachments' },
  steps: { label: 'Quá trình xử lý', hidden: true },
  timings: { label: 'Thời gian xử lý', hidden: true },
  allowedActions: { label: 'Thao tác được phép', hidden: true },
};

const WEBHOOK_SUBSCRIPTION: FieldMap = {
  ...RECORD,
  name: { label: 'Hệ thống nhận' },
  url: { label: 'Địa chỉ nhận (URL)' },
  events: {
    label: 'Sự kiện',
    format: enumOf({
      'obligation.due_soon': 'Nghĩa vụ sắp đến hạn',
      'obligation.due': 'Nghĩa vụ đến hạn hôm nay',
      'obligation.overdue': 'Nghĩa vụ quá hạn',
      'report.submitted': 'Báo cáo đã được gửi',
      'report.accepted': 'Báo cáo đã được tiếp nhận',
      'report.returned': 'Báo cáo bị trả lại',
      ping: 'Thử kết nối',
    }),
  },
  active: { label: 'Đang bật', format: 'bool' },
  deliveries: { label: 'Số lần gửi', hidden: true },
  delivery: { label: 'Lần gửi', format: 'number' },
  redelivery: { label: 'Lần gửi lại', format: 'number' },
};

const PROPAGATION_ACTIVITY: FieldMap = {
  ...RECORD,
  unit: { label: 'Đơn vị', format: 'ref' },
  title: { label: 'Tên hoạt động' },
  channel: { label: 'Hình thức tuyên truyền' },
  heldOn: { label: 'Ngày thực hiện', format: 'date' },
  url: { label: 'Đường dẫn' },
  attendees: { label: 'Số người tham dự', format: 'number' },
  views: { label: 'Lượt xem', format: 'number' },
  shares: { label: 'Lượt chia sẻ', format: 'number' },
  note: { label: 'Ghi chú' },
  featuredExemplars: { label: 'Điển hình được tuyên truyền', format: 'refs' },
  attachments: { label: 'Tệp đính kèm', format: 'attachments' },
  allowedActions: { label: 'Thao tác được phép', hidden: true },
};

const AWARD_FORM: FieldMap = {
  ...RECORD,
  code: { label: 'Mã' },
  name: { label: 'Tên danh hiệu, hình thức' },
  kind: { label: 'Loại', format: enumOf({ title: 'Danh hiệu thi đua', form: 'Hình thức khen thưởng' }) },
  subjectKind: {
    label: 'Đối tượng',
    format: enumOf({ individual: 'Cá nhân', collective: 'Tập thể', both: 'Cá nhân và tập thể' }),
  },
  authority: { label: 'Thẩm quyền' },
  legalBasis: { label: 'Căn cứ pháp lý' },
  description: { label: 'Mô tả' },
  individualMultiple: { label: 'Hệ số tiền thưởng (cá nhân)', format: 'number' },
  collectiveMultiple: { label: 'Hệ số tiền thưởng (tập thể)', format: 'number' },
  requiresNotice: { label: 'Phải công khai', format: 'bool' },
  noticeWorkingDays: { label: 'Số ngày làm việc công khai', format: 'number' },
  requiresVote: { label: 'Phải bỏ phiếu', format: 'bool' },
  voteDenominator: { label: 'Tỷ lệ phiếu tính trên' },
  voteThresholdPercent: { label: 'Tỷ lệ phiếu cần đạt', format: 'percent' },
  voteThresholdStrict: { label: 'Phải vượt tỷ lệ (không tính bằng)', format: 'bool' },
  status: { label: 'Trạng thái' },
  versionNo: { label: 'Phiên bản danh mục', format: 'number' },
  publishedAt: { label: 'Ban hành lúc', format: 'instant' },
};

const BASE_SALARY: FieldMap = {
  ...RECORD,
  amount: { label: 'Mức lương cơ sở (đồng)', format: 'number' },
  effectiveFrom: { label: 'Áp dụng từ ngày', format: 'date' },
  legalBasis: { label: 'Căn cứ pháp lý' },
};

const COMMENDATION_OCCASION: FieldMap = {
  ...RECORD,
  code: { label: 'Mã' },
  name: { label: 'Tên đợt khen thưởng' },
  kind: {
    label: 'Loại đợt',
    format: enumOf({
      year_end: 'Tổng kết năm',
      mid_term_review: 'Sơ kết',
      final_review: 'Tổng kết giai đoạn',
      sector_day: 'Ngày truyền thống ngành',
      law_day: 'Ngày Pháp luật',
      movement_review: 'Tổng kết phong trào',
      other: 'Khác',
    }),
  },
  year: { label: 'Năm', format: 'number' },
  occursOn: { label: 'Ngày diễn ra', format: 'date' },
  movementId: { label: 'Phong trào', format: 'number' },
  description: { label: 'Mô tả' },
  active: { label: 'Đang áp dụng', format: 'bool' },
};

const COMMENDATION_PROPOSAL: FieldMap = {
  ...RECORD,
  title: { label: 'Tiêu đề tờ trình' },
  unit: { label: 'Đơn vị đề nghị', format: 'ref' },
  year: { label: 'Năm', format: 'number' },
  state: {
    label: 'Trạng thái',
    format: enumOf({
      draft: 'Dự thảo',
      submitted: 'Đã gửi',
      received: 'Đã tiếp nhận',
      returned: 'Bị trả lại',
      reviewed: 'Đã thẩm định',
      in_notice: 'Đang công khai',
      in_council: 'Đang họp Hội đồng',
      pending_decision: 'Chờ quyết định',
      approved: 'Đã quyết định khen thưởng',
      rejected: 'Không khen thưởng',
      forwarded: 'Đã trình cấp trên',
      awarded: 'Đã trao',
    }),
  },
  commendationType: {
    label: 'Loại khen thưởng',
    format: enumOf({
      regular: 'Thường xuyên',
      ad_hoc: 'Đột xuất',
      thematic: 'Theo chuyên đề',
      special: 'Đặc biệt',
    }),
  },
  awardFormId: { label: 'Danh hiệu, hình thức', format: 'number' },
  occasion: { label: 'Đợt khen thưởng', format: 'ref' },
  movement: { label: 'Phong trào', format: 'ref' },
  summary: { label: 'Tóm tắt thành tích' },
  nominees: { label: 'Người, tập thể được đề nghị', format: 'refs' },
  noticeRequired: { label: 'Phải công khai', format: 'bool' },
  voteRequired: { label: 'Phải bỏ phiếu', format: 'bool' },
  notice: { label: 'Công khai', hidden: true },
  decision: { label: 'Quyết định', hidden: true },
  forward: { label: 'Trình cấp trên', hidden: true },
  returnReason: { label: 'Lý do trả lại' },
  rejectionReason: { label: 'Lý do không khen thưởng' },
  awardedOn: { label: 'Ngày trao', format: 'date' },
};

const COUNCIL: FieldMap = {
  ...RECORD,
  name: { label: 'Tên Hội đồng' },
  year: { label: 'Năm', format: 'number' },
  establishedBy: { label: 'Quyết định thành lập' },
  quorumPercent: { label: 'Tỷ lệ có mặt tối thiểu', format: 'percent' },
  quorumStrict: { label: 'Phải vượt tỷ lệ (không tính bằng)', format: 'bool' },
  members: { label: 'Thành viên', format: 'refs' },
};

const COUNCIL_MEMBER: FieldMap = {
  ...RECORD,
  userId: { label: 'Người dùng', format: 'userId' },
  unitId: { label: 'Đơn vị', format: 'unitId' },
  title: { label: 'Chức vụ' },
  role: {
    label: 'Vai trò trong Hội đồng',
    format: enumOf({
      chair: 'Chủ tịch',
      vice_chair: 'Phó Chủ tịch',
      standing: 'Ủy viên thường trực',
      member: 'Ủy viên',
    }),
  },
  active: { label: 'Còn là thành viên', format: 'bool' },
};

const COUNCIL_MEETING: FieldMap = {
  ...RECORD,
  councilId: { label: 'Hội đồng', format: 'number' },
  subject: { label: 'Nội dung cuộc họp' },
  content: { label: 'Chương trình' },
  meetsAt: { label: 'Họp lúc', format: 'instant' },
  venue: { label: 'Địa điểm' },
  chairMemberId: { label: 'Chủ trì (thành viên)', format: 'number' },
  secretaryMemberId: { label: 'Thư ký (thành viên)', format: 'number' },
  proposalIds: { label: 'Tờ trình đưa ra họp', format: 'ids' },
  agenda: { label: 'Tờ trình đưa ra họp', format: 'ids' },
  status: {
    label: 'Trạng thái',
    format: enumOf({ planned: 'Đã lên lịch', voting: 'Đang bỏ phiếu', closed: 'Đã kết thúc' }),
  },
};

const BALLOT: FieldMap = {
  ...RECORD,
  ballotId: { label: 'Phiếu bầu', format: 'number' },
  memberId: { label: 'Thành viên', format: 'number' },
  mode: { label: 'Hình thức bỏ phiếu', format: enumOf({ in_person: 'Trực tiếp', written: 'Bằng văn bản' }) },
};

const REGISTER_ENTRY: FieldMap = {
  ...RECORD,
  kind: { label: 'Sổ', format: enumOf({ qd: 'Quyết định', ttr: 'Tờ trình', bb: 'Biên bản' }) },
  year: { label: 'Năm', format: 'number' },
  number: { label: 'Số', format: 'number' },
  purpose: { label: 'Trích yếu' },
  documentDate: { label: 'Ngày văn bản', format: 'date' },
  status: { label: 'Trạng thái' },
  cancelReason: { label: 'Lý do hủy số' },
  cancelledAt: { label: 'Hủy lúc', format: 'instant' },
  cancelledBy: { label: 'Người hủy', format: 'userId' },
};

const NOTICE_COMMENT: FieldMap = {
  ...RECORD,
  proposalId: { label: 'Tờ trình', format: 'number' },
  nomineeId: { label: 'Người được đề nghị', format: 'number' },
  status: {
    label: 'Trạng thái',
    format: enumOf({ pending: 'Chờ duyệt', approved: 'Đã duyệt', rejected: 'Không duyệt' }),
  },
  reason: { label: 'Lý do' },
};

const ELIGIBILITY_RULE: FieldMap = {
  ...RECORD,
  code: { label: 'Mã' },
  name: { label: 'Tên điều kiện' },
  awardFormCode: { label: 'Danh hiệu, hình thức' },
  checkKind: { label: 'Cách kiểm tra' },
  titleCode: { label: 'Danh hiệu cần có' },
  minCount: { label: 'Số lần tối thiểu', format: 'number' },
  percent: { label: 'Tỷ lệ', format: 'percent' },
  strict: { label: 'Phải vượt tỷ lệ (không tính bằng)', format: 'bool' },
  disciplineLevel: { label: 'Mức kỷ luật' },
  severity: { label: 'Mức độ' },
  legalBasis: { label: 'Căn cứ pháp lý' },
  position: { label: 'Thứ tự', format: 'number' },
  active: { label: 'Đang áp dụng', format: 'bool' },
};

const PERSON_RECORD: FieldMap = {
  ...RECORD,
  fullName: { label: 'Họ và tên' },
  workplace: { label: 'Nơi công tác' },
  unitId: { label: 'Đơn vị', format: 'unitId' },
  exemplarId: { label: 'Điển hình', format: 'number' },
};

const TITLE_RECORD: FieldMap = {
  ...PERSON_RECORD,
  subjectKind: { label: 'Đối tượng', format: enumOf({ individual: 'Cá nhân', collective: 'Tập thể' }) },
  titleCode: { label: 'Danh hiệu, hình thức' },
  year: { label: 'Năm', format: 'number' },
  commendationType: {
    label: 'Loại khen thưởng',
    format: enumOf({
      regular: 'Thường xuyên',
      ad_hoc: 'Đột xuất',
      thematic: 'Theo chuyên đề',
      special: 'Đặc biệt',
    }),
  },
  decisionRef: { label: 'Số quyết định' },
  decidedOn: { label: 'Ngày quyết định', format: 'date' },
  proposalId: { label: 'Tờ trình', format: 'number' },
  source: { label: 'Nguồn' },
};

const DISCIPLINE_RECORD: FieldMap = {
  ...PERSON_RECORD,
  kind: {
    label: 'Loại',
    format: enumOf({
      discipline: 'Đang bị kỷ luật',
      pending_discipline: 'Đang xem xét kỷ luật',
      pending_inspection: 'Đang bị thanh tra, kiểm tra',
      pending_complaint: 'Đang có khiếu nại, tố cáo',
      pending_investigation: 'Đang bị điều tra',
    }),
  },
  level: {
    label: 'Hình thức kỷ luật',
    format: enumOf({
      khien_trach: 'Khiển trách',
      canh_cao: 'Cảnh cáo',
      ha_bac_luong: 'Hạ bậc lương',
      giang_chuc: 'Giáng chức',
      cach_chuc: 'Cách chức',
      buoc_thoi_viec: 'Buộc thôi việc',
    }),
  },
  startsOn: { label: 'Từ ngày', format: 'date' },
  endsOn: { label: 'Đến ngày', format: 'date' },
  note: { label: 'Ghi chú' },
};

export const FIELDS_BY_ENTITY: Record<EntityType, FieldMap> = {
  unit: UNIT,
  user: USER,
  service_account: SERVICE_ACCOUNT,
  session: RECORD,
  movement: MOVEMENT,
  exemplar: EXEMPLAR,
  replication: REPLICATION,
  evaluation: EVALUATION,
  criteria_set: CRITERIA_SET,
  introduction: INTRODUCTION,
  attachment: ATTACHMENT,
  settings: SETTINGS,
  report: REPORT,
  report_submission: REPORT_SUBMISSION,
  difficulty: DIFFICULTY,
  webhook_subscription: WEBHOOK_SUBSCRIPTION,
  propagation_activity: PROPAGATION_ACTIVITY,
  award_form: AWARD_FORM,
  base_salary: BASE_SALARY,
  commendation_occasion: COMMENDATION_OCCASION,
  commendation_proposal: COMMENDATION_PROPOSAL,
  council: COUNCIL,
  council_member: COUNCIL_MEMBER,
  council_meeting: COUNCIL_MEETING,
  ballot: BALLOT,
  register_entry: REGISTER_ENTRY,
  notice_comment: NOTICE_COMMENT,
  eligibility_rule: ELIGIBILITY_RULE,
  title_record: TITLE_RECORD,
  discipline_record: DISCIPLINE_RECORD,
};

/** The field's description in the log of `entityType`; a field the map lacks keeps its key. */
export function fieldSpec(entityType: EntityType, field: string): FieldSpec {
  return FIELDS_BY_ENTITY[entityType][field] ?? { label: field };
}

/**
 * Where a field comes in the list of changes: in the order of its entity's map (who or what the
 * record is first), the bookkeeping every record has (id, created, updated) last.
 */
export function fieldRank(entityType: EntityType, field: string): number {
  const order = Object.keys(FIELDS_BY_ENTITY[entityType]).filter((key) => !(key in RECORD));
  const index = order.indexOf(field);
  if (index >= 0) return index;
  const bookkeeping = Object.keys(RECORD).indexOf(field);
  return bookkeeping >= 0 ? order.length + 1 + bookkeeping : order.length;
}

/** A value as the reader sees it: one line, or a list of lines. */
export type Shown = string | string[];

const EMPTY = '—';
const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/;
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

type Json = Record<string, unknown>;

const isObject = (value: unknown): value is Json =>
  typeof value === 'object' && value !== null && !Array.isArray(value);
const asList = (value: unknown): unknown[] => (Array.isArray(value) ? value : []);
const text = (value: unknown): string => (value === null || value === undefined ? '' : String(value));
const number = (value: unknown): string =>
  typeof value === 'number' ? value.toLocaleString('vi-VN') : text(value);
const joined = (...parts: (string | false | null | undefined)[]) => parts.filter(Boolean).join(' · ');

function named(value: unknown): string {
  if (!isObject(value)) return text(value);
  const name = value.fullName ?? value.name ?? value.title;
  return typeof name === 'string' ? name : JSON.stringify(value);
}

function idName(value: unknown, lookup: ((id: number) => string | undefined) | undefined): string {
  if (typeof value !== 'number') return text(value);
  return lookup?.(value) ?? `#${value}`;
}

function lines(items: unknown[], line: (item: Json, index: number) => string): string[] {
  return items.filter(isObject).map(line);
}

/** How one value of a field reads in the log. */
export function formatFieldValue(spec: FieldSpec, value: unknown, names: NameLookup = {}): Shown {
  if (value === null || value === undefined || value === '') return EMPTY;
  const format = spec.format ?? 'text';
  if (typeof format === 'object') {
    if ('labels' in format) {
      if (Array.isArray(value)) {
        return value.length ? value.map((item) => format.labels[text(item)] ?? text(item)) : EMPTY;
      }
      return format.labels[text(value)] ?? text(value);
    }
    if (!isObject(value)) return text(value);
    return Object.entries(format.fields)
      .filter(([field, sub]) => !sub.hidden && value[field] !== null && value[field] !== undefined)
      .map(([field, sub]) => {
        const shown = formatFieldValue(sub, value[field], names);
        return `${sub.label}: ${Array.isArray(shown) ? shown.join('; ') : shown}`;
      });
  }
  switch (format) {
    case 'number':
      return number(value);
    case 'percent':
      return `${number(value)}%`;
    case 'date':
      return formatApiDate(text(value)) || text(value);
    case 'instant':
      return formatDateTime(text(value)) || text(value);
    case 'month':
      return formatMonth(text(value)) || text(value);
    case 'bool':
      return value === true ? 'Có' : value === false ? 'Không' : text(value);
    case 'bytes':
      return typeof value === 'number' ? formatBytes(value) : text(value);
    case 'userId':
      return idName(value, names.user);
    case 'unitId':
      return idName(value, names.unit);
    case 'ids':
      return asList(value).length ? asList(value).map((id) => `#${text(id)}`) : EMPTY;
    case 'ref':
      return named(value);
    case 'refs':
    case 'attachments': {
      const items = asList(value).map((item) =>
        isObject(item) && typeof item.fileName === 'string' ? item.fileName : named(item),
      );
      return items.length ? items : EMPTY;
    }
    case 'criteriaSet':
      return isObject(value)
        ? `${named(value)} (${text(value.code)}, phiên bản ${text(value.versionNo)})`
        : text(value);
    case 'milestones': {
      const items = lines(asList(value), (m) =>
        joined(
          `${formatApiDate(text(m.dueOn)) || text(m.dueOn)}: ${text(m.title)}`,
          MILESTONE_STATUS_LABELS[text(m.status) as keyof typeof MILESTONE_STATUS_LABELS],
          text(m.note),
        ),
      );
      return items.length ? items : EMPTY;
    }
    case 'initiatives': {
      const items = lines(asList(value), (i) =>
        joined(
          text(i.title),
          i.year != null && `năm ${text(i.year)}`,
          text(i.recognisedBy) && `công nhận: ${text(i.recognisedBy)}`,
          text(i.scope) && `phạm vi: ${text(i.scope)}`,
        ),
      );
      return items.length ? items : EMPTY;
    }
    case 'figures': {
      const items = lines(
        asList(value),
        (f) => `${text(f.label)}: ${[number(f.value), text(f.unit)].filter(Boolean).join(' ')}`,
      );
      return items.length ? items : EMPTY;
    }
    case 'criteria': {
      const items = lines(asList(value), (c, index) =>
        joined(
          `${index + 1}. ${text(c.text)}`,
          CRITERION_MODE_LABELS[text(c.mode) as keyof typeof CRITERION_MODE_LABELS],
          c.maxScore != null && `tối đa ${number(c.maxScore)} điểm`,
          `trọng số ${number(c.weight)}`,
        ),
      );
      return items.length ? items : EMPTY;
    }
    case 'evaluationItems': {
      const items = lines(asList(value), (item, index) => {
        const answer =
          item.mode === 'pass_fail'
            ? item.met === true
              ? 'Đạt'
              : item.met === false
                ? 'Không đạt'
                : 'Chưa đánh giá'
            : item.score != null
              ? `${number(item.score)}/${number(item.maxScore)} điểm`
              : 'Chưa chấm điểm';
        return joined(
          `${index + 1}. ${text(item.criterionText)}: ${answer}`,
          text(item.evidence) && `minh chứng: ${text(item.evidence)}`,
          text(item.comment) && `nhận xét: ${text(item.comment)}`,
        );
      });
      return items.length ? items : EMPTY;
    }
    case 'text':
    default: {
      if (typeof value === 'boolean') return value ? 'Có' : 'Không';
      if (typeof value === 'number') return number(value);
      if (Array.isArray(value)) return value.length ? value.map((item) => named(item)) : EMPTY;
      if (isObject(value)) return named(value);
      const shown = text(value);
      if (ISO_INSTANT.test(shown)) return formatDateTime(shown);
      if (ISO_DATE.test(shown)) return formatApiDate(shown);
      return shown;
    }
  }
}
