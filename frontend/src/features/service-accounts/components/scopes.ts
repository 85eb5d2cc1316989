import type { Scope } from '@/lib/api/models';

export const SCOPE_LABELS: Record<Scope, string> = {
  'units:read': 'Đọc danh mục đơn vị',
  'users:read': 'Đọc danh sách người dùng',
  'exemplars:read': 'Đọc điển hình đã xác nhận, phong trào, tiêu chí, bài giới thiệu đã gửi',
};

export const ALL_SCOPES = Object.keys(SCOPE_LABELS) as Scope[];
