import {
  ApartmentOutlined,
  ApiOutlined,
  AuditOutlined,
  HomeOutlined,
  IdcardOutlined,
  TeamOutlined,
} from '@ant-design/icons';
import type { ComponentType } from 'react';
import type { Role } from '@/lib/api/models';

export interface NavItem {
  path: string;
  label: string;
  icon: ComponentType;
  /** Who sees it; `undefined` means every signed-in person. */
  roles?: readonly Role[];
}

export const PATHS = {
  home: '/',
  login: '/dang-nhap',
  changePassword: '/doi-mat-khau',
  units: '/don-vi',
  users: '/nguoi-dung',
  serviceAccounts: '/tai-khoan-tich-hop',
  audit: '/nhat-ky',
  profile: '/ho-so',
} as const;

export const ROUTE_ROLES = {
  users: ['admin'],
  serviceAccounts: ['admin'],
  audit: ['admin', 'office'],
} as const satisfies Record<string, readonly Role[]>;

const NAV_ITEMS: readonly NavItem[] = [
  { path: PATHS.home, label: 'Trang chủ', icon: HomeOutlined },
  { path: PATHS.units, label: 'Đơn vị', icon: ApartmentOutlined },
  { path: PATHS.users, label: 'Người dùng', icon: TeamOutlined, roles: ROUTE_ROLES.users },
  {
    path: PATHS.serviceAccounts,
    label: 'Tài khoản tích hợp',
    icon: ApiOutlined,
    roles: ROUTE_ROLES.serviceAccounts,
  },
  { path: PATHS.audit, label: 'Nhật ký hệ thống', icon: AuditOutlined, roles: ROUTE_ROLES.audit },
  { path: PATHS.profile, label: 'Hồ sơ cá nhân', icon: IdcardOutlined },
];

function canAccess(roles: readonly Role[] | undefined, role: Role): boolean {
  return roles === undefined || roles.includes(role);
}

/** The side navigation for a role. */
export function navItemsFor(role: Role): NavItem[] {
  return NAV_ITEMS.filter((item) => canAccess(item.roles, role));
}

/** The navigation entry a path belongs to (for highlighting it). */
export function activeNavPath(pathname: string): string {
  const match = NAV_ITEMS.filter((item) => item.path !== '/' && pathname.startsWith(item.path));
  return match[0]?.path ?? PATHS.home;
}
