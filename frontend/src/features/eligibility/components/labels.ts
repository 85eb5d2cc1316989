import type { CheckKind, CommendationType, DisciplineKind, DisciplineLevel, Severity } from '../api/types';

export const DISCIPLINE_KIND_LABELS: Record<DisciplineKind, string> = {
  discipline: 'Kỷ luật',
  pending_discipline: 'Đang xem xét kỷ luật',
  pending_inspection: 'Đang thanh tra, kiểm tra',
  pending_complaint: 'Đang giải quyết khiếu nại, tố cáo',
  pending_investigation: 'Đang điều tra',
};

export const DISCIPLINE_LEVEL_LABELS: Record<DisciplineLevel, string> = {
  khien_trach: 'Khiển trách',
  canh_cao: 'Cảnh cáo',
  ha_bac_luong: 'Hạ bậc lương',
  giang_chuc: 'Giáng chức',
  cach_chuc: 'Cách chức',
  buoc_thoi_viec: 'Buộc thôi việc',
};

export const COMMENDATION_TYPE_LABELS: Record<CommendationType, string> = {
  regular: 'Thường xuyên',
  ad_hoc: 'Đột xuất',
  thematic: 'Chuyên đề',
  special: 'Đặc biệt',
};

export const SEVERITY_LABELS: Record<Severity, string> = { warning: 'Cảnh báo', block: 'Chặn' };

export const CHECK_KIND_LABELS: Record<CheckKind, string> = {
  requires_title_same_year: 'Đã đạt danh hiệu trong năm',
  requires_title_consecutive_years: 'Đạt danh hiệu nhiều năm liên tục',
  requires_recognised_initiative: 'Có sáng kiến được công nhận',
  unit_share_cap: 'Tỷ lệ trong đơn vị không vượt mức',
  collective_share_with_title: 'Tỷ lệ thành viên đạt danh hiệu',
  collective_members_completed: 'Tỷ lệ thành viên hoàn thành nhiệm vụ',
  collective_min_with_title: 'Số thành viên đạt danh hiệu tối thiểu',
  collective_no_discipline: 'Tập thể không có thành viên bị kỷ luật',
  individual_no_discipline: 'Cá nhân không bị kỷ luật',
  no_pending_case: 'Không đang bị xem xét kỷ luật, thanh tra, khiếu nại',
  ad_hoc_not_merit_basis: 'Khen thưởng đột xuất, chuyên đề không làm căn cứ',
  no_double_reward: 'Một thành tích không khen thưởng hai lần',
};

/** A discipline record's period: "01/03/2026 – 28/02/2027", or "từ 01/03/2026" while open. */
export function periodText(
  startsOn: string,
  endsOn: string | null | undefined,
  format: (day: string) => string,
): string {
  return endsOn ? `${format(startsOn)} – ${format(endsOn)}` : `từ ${format(startsOn)} (đang hiệu lực)`;
}

/** A rule's parameters in words: "Lao động tiên tiến · trên 50% · tối thiểu 1 · từ mức Cảnh cáo". */
export function ruleParameters(
  rule: {
    checkKind: CheckKind;
    titleCode?: string | null;
    percent?: number | null;
    strict: boolean;
    minCount?: number | null;
    disciplineLevel?: DisciplineLevel | null;
  },
  titleName: (code: string) => string,
): string {
  const parts: string[] = [];
  if (rule.titleCode) parts.push(titleName(rule.titleCode));
  if (rule.percent !== null && rule.percent !== undefined) {
    // A cap is a ceiling; every other share is a floor, strict or not.
    const comparison = rule.checkKind === 'unit_share_cap' ? 'tối đa' : rule.strict ? 'trên' : 'từ';
    parts.push(`${comparison} ${rule.percent}%`);
  }
  if (rule.minCount !== null && rule.minCount !== undefined) parts.push(`tối thiểu ${rule.minCount}`);
  if (rule.disciplineLevel) parts.push(`từ mức ${DISCIPLINE_LEVEL_LABELS[rule.disciplineLevel]}`);
  return parts.join(' · ');
}
