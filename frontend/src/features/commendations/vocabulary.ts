import type {
  Authority,
  AwardKind,
  AwardSubject,
  CatalogueStatus,
  CommendationType,
  OccasionKind,
  ProposalAction,
  ProposalFileKind,
  ProposalState,
  VoteDenominator,
} from './api/models';

/** The commendation pipeline's words in Vietnamese (the server's own labels). */

export const PROPOSAL_STATES: readonly ProposalState[] = [
  'draft',
  'submitted',
  'received',
  'returned',
  'reviewed',
  'in_notice',
  'in_council',
  'pending_decision',
  'forwarded',
  'approved',
  'rejected',
  'awarded',
];

export { PROPOSAL_STATE_COLORS, PROPOSAL_STATE_LABELS } from '@/lib/vocabulary';

export const COMMENDATION_TYPE_LABELS: Record<CommendationType, string> = {
  regular: 'Thường xuyên',
  ad_hoc: 'Đột xuất',
  thematic: 'Chuyên đề',
  special: 'Đặc biệt',
};

export const FILE_KIND_LABELS: Record<ProposalFileKind, string> = {
  to_trinh: 'Tờ trình',
  bien_ban_hop_xet: 'Biên bản họp xét',
  bao_cao_thanh_tich: 'Báo cáo thành tích',
  evidence: 'Minh chứng',
  other: 'Tài liệu khác',
};

export const AUTHORITY_LABELS: Record<Authority, string> = {
  giam_doc_so: 'Giám đốc Sở Tư pháp',
  chu_tich_ubnd_tinh: 'Chủ tịch UBND tỉnh',
  bo_truong_bo_tu_phap: 'Bộ trưởng Bộ Tư pháp',
  higher: 'Cấp trên (Thủ tướng, Chủ tịch nước)',
};

export const AWARD_KIND_LABELS: Record<AwardKind, string> = {
  title: 'Danh hiệu thi đua',
  form: 'Hình thức khen thưởng',
};

export const AWARD_SUBJECT_LABELS: Record<AwardSubject, string> = {
  individual: 'Cá nhân',
  collective: 'Tập thể',
  both: 'Cá nhân và tập thể',
};

export const CATALOGUE_STATUS_LABELS: Record<CatalogueStatus, string> = {
  draft: 'Dự thảo',
  published: 'Đang áp dụng',
  retired: 'Hết hiệu lực',
};

export const VOTE_DENOMINATOR_LABELS: Record<VoteDenominator, string> = {
  all_members: 'tổng số thành viên Hội đồng',
  members_present: 'số thành viên có mặt',
};

export const OCCASION_KIND_LABELS: Record<OccasionKind, string> = {
  year_end: 'Tổng kết năm',
  mid_term_review: 'Sơ kết giữa kỳ',
  final_review: 'Tổng kết giai đoạn',
  sector_day: 'Ngày truyền thống ngành Tư pháp (28/8)',
  law_day: 'Ngày Pháp luật Việt Nam (9/11)',
  movement_review: 'Sơ kết, tổng kết phong trào thi đua',
  other: 'Dịp khác',
};

export const ACTION_LABELS: Record<ProposalAction, string> = {
  edit: 'Sửa hồ sơ',
  delete: 'Xóa hồ sơ',
  attach: 'Cập nhật tệp đính kèm',
  submit: 'Gửi Văn phòng Sở',
  receive: 'Tiếp nhận',
  return: 'Trả lại',
  review: 'Thẩm định',
  start_notice: 'Công khai lấy ý kiến',
  send_to_council: 'Trình Hội đồng',
  send_to_decision: 'Trình lãnh đạo quyết định',
  close_notice: 'Kết thúc công khai',
  close_ballots: 'Kết thúc bỏ phiếu',
  approve: 'Quyết định khen thưởng',
  reject: 'Không khen thưởng',
  forward: 'Trình cấp trên',
  record_outcome: 'Ghi nhận kết quả cấp trên',
  mark_awarded: 'Xác nhận đã trao tặng',
};

/** An amount in đồng: "2.340.000 đ". */
export function formatDong(amount: number | null | undefined): string {
  if (amount === null || amount === undefined) return '';
  return `${amount.toLocaleString('vi-VN')} đ`;
}

/** A multiple of the base salary: "0,3 × lương cơ sở". */
export function formatMultiple(multiple: number | null | undefined): string {
  if (multiple === null || multiple === undefined) return '—';
  return `${multiple.toLocaleString('vi-VN')} × lương cơ sở`;
}
