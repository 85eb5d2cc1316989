import { ROLE_LABELS } from '@/lib/roles';

/**
 * Vietnamese names for what the audit log records. The API does not enumerate actions and
 * entity types, so these mirror what the server writes today; anything new shows its code.
 */
export const ENTITY_TYPE_LABELS: Record<string, string> = {
  unit: 'Đơn vị',
  user: 'Người dùng',
  service_account: 'Tài khoản tích hợp',
  session: 'Phiên đăng nhập',
};

export const ACTION_LABELS: Record<string, string> = {
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
};

const USER_ACTION_LABELS: Record<string, string> = {
  activate: 'Mở khóa tài khoản',
  deactivate: 'Khóa tài khoản',
};

export function actionLabel(action: string, entityType?: string): string {
  return (entityType === 'user' ? USER_ACTION_LABELS[action] : undefined) ?? ACTION_LABELS[action] ?? action;
}

export function entityTypeLabel(entityType: string): string {
  return ENTITY_TYPE_LABELS[entityType] ?? entityType;
}

export const FIELD_LABELS: Record<string, string> = {
  code: 'Mã',
  name: 'Tên',
  shortName: 'Tên viết tắt',
  kind: 'Loại đơn vị',
  parentId: 'Đơn vị cấp trên (mã số)',
  active: 'Đang hoạt động',
  headName: 'Thủ trưởng',
  headTitle: 'Chức vụ thủ trưởng',
  email: 'Thư điện tử',
  phone: 'Điện thoại',
  sortOrder: 'Thứ tự hiển thị',
  username: 'Tên đăng nhập',
  fullName: 'Họ và tên',
  position: 'Chức vụ',
  role: 'Vai trò',
  unit: 'Đơn vị',
  mustChangePassword: 'Phải đổi mật khẩu',
  passwordChangedAt: 'Đổi mật khẩu lúc',
  lastLoginAt: 'Đăng nhập gần nhất',
  description: 'Mô tả',
  clientId: 'Mã ứng dụng',
  scopes: 'Quyền',
  revokedAt: 'Thu hồi lúc',
  lastUsedAt: 'Dùng gần nhất',
  createdAt: 'Tạo lúc',
  createdBy: 'Người tạo (mã số)',
  id: 'Mã số',
};

/** Values of enumerated fields, where a code would mean nothing to the reader. */
export const VALUE_LABELS: Record<string, Record<string, string>> = {
  kind: { department: 'Sở', internal: 'Đơn vị thuộc Sở', affiliated: 'Đơn vị trực thuộc' },
  role: ROLE_LABELS,
  scopes: { 'units:read': 'Đọc danh mục đơn vị', 'users:read': 'Đọc danh sách người dùng' },
};
