import {
  ApartmentOutlined,
  ExclamationCircleOutlined,
  ScheduleOutlined,
  SettingOutlined,
  SendOutlined,
  ApiOutlined,
  AuditOutlined,
  BankOutlined,
  CommentOutlined,
  SafetyCertificateOutlined,
  SolutionOutlined,
  CalendarOutlined,
  CheckSquareOutlined,
  FlagOutlined,
  HomeOutlined,
  IdcardOutlined,
  SoundOutlined,
  StarOutlined,
  TeamOutlined,
  TrophyOutlined,
  BookOutlined,
  FileTextOutlined,
} from '@ant-design/icons';
import type { ComponentType } from 'react';
import type { Role } from '@/lib/api/models';
import { PATHS, ROUTE_ROLES } from './paths';

export interface NavItem {
  path: string;
  label: string;
  icon: ComponentType;
  /** Who sees it; `undefined` means every signed-in person. */
  roles?: readonly Role[];
}

export {
  commendationPath,
  editCommendationPath,
  editExemplarPath,
  evaluationPath,
  exemplarPath,
  PATHS,
  ROUTE_ROLES,
} from './paths';

const NAV_ITEMS: readonly NavItem[] = [
  { path: PATHS.home, label: 'Trang chủ', icon: HomeOutlined },
  { path: PATHS.exemplars, label: 'Điển hình', icon: StarOutlined },
  { path: PATHS.introductions, label: 'Giới thiệu hằng tháng', icon: CalendarOutlined },
  { path: PATHS.movements, label: 'Phong trào thi đua', icon: FlagOutlined },
  { path: PATHS.criteria, label: 'Tiêu chí đánh giá', icon: CheckSquareOutlined },
  { path: PATHS.obligations, label: 'Lịch báo cáo', icon: ScheduleOutlined },
  { path: PATHS.reports, label: 'Báo cáo', icon: FileTextOutlined, roles: ROUTE_ROLES.reports },
  { path: PATHS.difficulties, label: 'Khó khăn, vướng mắc', icon: ExclamationCircleOutlined },
  {
    path: PATHS.commendations,
    label: 'Khen thưởng',
    icon: TrophyOutlined,
    roles: ROUTE_ROLES.commendations,
  },
  { path: PATHS.ballots, label: 'Phiếu biểu quyết', icon: SolutionOutlined },
  {
    path: PATHS.council,
    label: 'Hội đồng Thi đua – Khen thưởng',
    icon: BankOutlined,
    roles: ROUTE_ROLES.council,
  },
  {
    path: PATHS.noticeModeration,
    label: 'Kiểm duyệt công khai',
    icon: CommentOutlined,
    roles: ROUTE_ROLES.noticeModeration,
  },
  {
    path: PATHS.eligibility,
    label: 'Điều kiện khen thưởng',
    icon: SafetyCertificateOutlined,
    roles: ROUTE_ROLES.eligibility,
  },
  {
    path: PATHS.commendationCatalogue,
    label: 'Danh mục khen thưởng',
    icon: BookOutlined,
    roles: ROUTE_ROLES.commendationCatalogue,
  },
  { path: PATHS.propagation, label: 'Tuyên truyền', icon: SoundOutlined, roles: ROUTE_ROLES.propagation },
  { path: PATHS.units, label: 'Đơn vị', icon: ApartmentOutlined },
  { path: PATHS.users, label: 'Người dùng', icon: TeamOutlined, roles: ROUTE_ROLES.users },
  {
    path: PATHS.serviceAccounts,
    label: 'Tài khoản tích hợp',
    icon: ApiOutlined,
    roles: ROUTE_ROLES.serviceAccounts,
  },
  {
    path: PATHS.calendarSettings,
    label: 'Cài đặt lịch báo cáo',
    icon: SettingOutlined,
    roles: ROUTE_ROLES.calendarSettings,
  },
  { path: PATHS.webhooks, label: 'Webhook', icon: SendOutlined, roles: ROUTE_ROLES.webhooks },
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

/** Pages reached from another section (an evaluation is opened from its exemplar). */
const SECTION_OF: Record<string, string> = {
  [PATHS.evaluations]: PATHS.exemplars,
};

function isWithin(pathname: string, section: string): boolean {
  return pathname === section || pathname.startsWith(`${section}/`);
}

/** Pages reached from the header, not from the navigation: no entry is highlighted on them. */
const HEADER_PAGES: readonly string[] = [PATHS.help];

/** The navigation entry a path belongs to (for highlighting it). */
export function activeNavPath(pathname: string): string {
  const headerPage = HEADER_PAGES.find((page) => isWithin(pathname, page));
  if (headerPage) return headerPage;
  const alias = Object.entries(SECTION_OF).find(([prefix]) => isWithin(pathname, prefix));
  if (alias) return alias[1];
  const match = NAV_ITEMS.filter((item) => item.path !== '/' && isWithin(pathname, item.path));
  return match[0]?.path ?? PATHS.home;
}
