import type { AuditAction, EntityType } from '@/lib/api/models';

/** Vietnamese names for what the audit log records (the contract enumerates both). */
export const ENTITY_TYPE_LABELS: Record<EntityType, string> = {
  unit: 'Đơn vị',
  user: 'Người dùng',
  service_account: 'Tài khoản tích hợp',
  session: 'Phiên đăng nhập',
  movement: 'Phong trào thi đua',
  exemplar: 'Điển hình',
  replication: 'Nhân rộng',
  evaluation: 'Phiếu đánh giá',
  criteria_set: 'Bộ tiêu chí',
  introduction: 'Bài giới thiệu',
  attachment: 'Tệp đính kèm',
  settings: 'Thiết lập',
  report: 'Nội dung báo cáo',
  report_submission: 'Báo cáo',
  difficulty: 'Khó khăn, vướng mắc',
  webhook_subscription: 'Đăng ký webhook',
  propagation_activity: 'Hoạt động tuyên truyền',
  award_form: 'Danh hiệu, hình thức khen thưởng',
  base_salary: 'Mức lương cơ sở',
  commendation_occasion: 'Dịp khen thưởng',
  commendation_proposal: 'Hồ sơ đề nghị khen thưởng',
  council: 'Hội đồng Thi đua – Khen thưởng',
  council_member: 'Thành viên Hội đồng',
  council_meeting: 'Cuộc họp Hội đồng',
  ballot: 'Phiếu bầu',
  register_entry: 'Số văn bản',
  notice_comment: 'Ý kiến góp ý',
  eligibility_rule: 'Quy tắc điều kiện khen thưởng',
  title_record: 'Danh hiệu đã đạt',
  discipline_record: 'Hồ sơ kỷ luật',
};

export const ACTION_LABELS: Record<AuditAction, string> = {
  create: 'Tạo mới',
  update: 'Cập nhật',
  delete: 'Xóa',
  activate: 'Kích hoạt lại',
  deactivate: 'Ngừng hoạt động',
  login: 'Đăng nhập',
  logout: 'Đăng xuất',
  password_change: 'Đổi mật khẩu',
  password_reset: 'Đặt lại mật khẩu',
  update_profile: 'Cập nhật hồ sơ cá nhân',
  revoke: 'Thu hồi',
  rotate_secret: 'Cấp khóa bí mật mới',
  close: 'Đóng',
  reopen: 'Mở lại',
  publish: 'Công bố',
  submit: 'Gửi',
  confirm: 'Xác nhận hồ sơ',
  return: 'Trả lại hồ sơ',
  propose_stage: 'Đề xuất chuyển giai đoạn',
  confirm_stage: 'Duyệt chuyển giai đoạn',
  reject_stage: 'Từ chối đề xuất',
  withdraw_stage: 'Rút đề xuất',
  move_stage: 'Chuyển giai đoạn',
  save_plan: 'Lưu kế hoạch bồi dưỡng',
  save_summary: 'Lưu tổng kết',
  finalise: 'Hoàn tất phiếu đánh giá',
  import: 'Nhập từ tệp',
  upload: 'Tải tệp lên',
  remind: 'Nhắc nhở',
  resubmit: 'Gửi lại',
  accept: 'Tiếp nhận',
  answer: 'Trả lời',
  refer: 'Báo cáo Lãnh đạo Sở',
  direct: 'Chỉ đạo',
  ping: 'Thử kết nối',
  redeliver: 'Gửi lại webhook',
  unpublish: 'Gỡ công bố',
  update_publication: 'Cập nhật nội dung công bố',
  transition: 'Chuyển bước quy trình',
  retire: 'Đưa hết hiệu lực',
  vote: 'Bỏ phiếu',
  moderate: 'Kiểm duyệt',
  reserve: 'Giữ số',
  cancel: 'Hủy',
  comment: 'Góp ý công khai',
};

const USER_ACTION_LABELS: Partial<Record<AuditAction, string>> = {
  activate: 'Mở khóa tài khoản',
  deactivate: 'Khóa tài khoản',
};

export function actionLabel(action: AuditAction, entityType?: EntityType): string {
  return (entityType === 'user' ? USER_ACTION_LABELS[action] : undefined) ?? ACTION_LABELS[action];
}

export function entityTypeLabel(entityType: EntityType): string {
  return ENTITY_TYPE_LABELS[entityType];
}

/** A filter value from the address bar, if it names a known entity type. */
export function asEntityType(value: string | undefined): EntityType | undefined {
  return value !== undefined && value in ENTITY_TYPE_LABELS ? (value as EntityType) : undefined;
}

/** A filter value from the address bar, if it names a known action. */
export function asAuditAction(value: string | undefined): AuditAction | undefined {
  return value !== undefined && value in ACTION_LABELS ? (value as AuditAction) : undefined;
}
