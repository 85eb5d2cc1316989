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

const SETTINGS: FieldMap = {
  ...RECORD,
  introductionDueDay: { label: 'Hạn gửi bài giới thiệu (ngày trong tháng)', format: 'number' },
  introductionsStart: { label: 'Tháng bắt đầu giới thiệu', format: 'month' },
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
  report_submission: RECORD,
  difficulty: RECORD,
  webhook_subscription: RECORD,
  propagation_activity: RECORD,
  award_form: RECORD,
  base_salary: RECORD,
  commendation_occasion: RECORD,
  commendation_proposal: RECORD,
  council: RECORD,
  council_member: RECORD,
  council_meeting: RECORD,
  ballot: RECORD,
  register_entry: RECORD,
  notice_comment: RECORD,
  eligibility_rule: RECORD,
  title_record: RECORD,
  discipline_record: RECORD,
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
