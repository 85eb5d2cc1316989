import type { Role } from '@/lib/api/models';

/**
 * The SPA's addresses and who may open the restricted ones. Apart from the navigation (which
 * carries icons), so that the sign-in page and the route guards load none of the UI library.
 */

export const PATHS = {
  home: '/',
  login: '/dang-nhap',
  changePassword: '/doi-mat-khau',
  units: '/don-vi',
  users: '/nguoi-dung',
  serviceAccounts: '/tai-khoan-tich-hop',
  audit: '/nhat-ky',
  profile: '/ho-so',
  exemplars: '/diem-hinh',
  newExemplar: '/diem-hinh/them',
  evaluations: '/danh-gia',
  introductions: '/gioi-thieu',
  movements: '/phong-trao',
  criteria: '/tieu-chi',
  help: '/huong-dan',
  propagation: '/tuyen-truyen',
  portal: '/cong-khai',
  portalNotices: '/cong-khai/lay-y-kien',
} as const;

/** The page of one exemplar, of its edit form, and of one evaluation. */
export const exemplarPath = (id: number) => `${PATHS.exemplars}/${id}`;
export const editExemplarPath = (id: number) => `${PATHS.exemplars}/${id}/sua`;
export const evaluationPath = (id: number) => `${PATHS.evaluations}/${id}`;
/** The public portal's page of an exemplar (the address the server's links use) and of a notice. */
export const portalExemplarPath = (id: number) => `${PATHS.portal}/guong-dien-hinh/${id}`;
export const portalNoticePath = (id: number) => `${PATHS.portalNotices}/${id}`;

export const ROUTE_ROLES = {
  users: ['admin'],
  serviceAccounts: ['admin'],
  audit: ['admin', 'office'],
  /** Recording and editing exemplars, importing them. */
  exemplarWrite: ['office', 'unit_head', 'unit_staff'],
  /** Managing movements, criteria sets and the introduction due day. */
  programme: ['admin', 'office'],
  /** The propagation log (the unit roles see their own unit's; leader and admin read only). */
  propagation: ['admin', 'leader', 'office', 'unit_head', 'unit_staff'],
  /** Recording propagation activities (leader and admin read the log only). */
  propagationWrite: ['office', 'unit_head', 'unit_staff'],
} as const satisfies Record<string, readonly Role[]>;
