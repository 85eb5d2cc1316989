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
  obligations: '/lich-bao-cao',
  difficulties: '/kho-khan',
  reports: '/bao-cao',
  /** Finds the report of a kind, period and unit (or offers to start it): links from the calendar. */
  reportLookup: '/bao-cao/mo',
  compendium: '/bao-cao/tai-lieu-dien-hinh',
  calendarSettings: '/cai-dat-lich',
  webhooks: '/webhook',
  commendations: '/khen-thuong',
  newCommendation: '/khen-thuong/them',
  commendationCatalogue: '/danh-muc-khen-thuong',
  council: '/hoi-dong',
  councilMeetings: '/hoi-dong/phien-hop',
  ballots: '/bo-phieu',
  noticeModeration: '/kiem-duyet-cong-khai',
  eligibility: '/dieu-kien-khen-thuong',
  propagation: '/tuyen-truyen',
  portal: '/cong-khai',
  portalNotices: '/cong-khai/lay-y-kien',
  portalCommendations: '/cong-khai/khen-thuong',
} as const;

/** The page of one exemplar, of its edit form, and of one evaluation. */
export const exemplarPath = (id: number) => `${PATHS.exemplars}/${id}`;
export const editExemplarPath = (id: number) => `${PATHS.exemplars}/${id}/sua`;
export const evaluationPath = (id: number) => `${PATHS.evaluations}/${id}`;
/** A council meeting's page. */
export const councilMeetingPath = (id: number) => `${PATHS.councilMeetings}/${id}`;

/** The page of one commendation proposal and of its edit form. */
export const commendationPath = (id: number) => `${PATHS.commendations}/${id}`;
export const editCommendationPath = (id: number) => `${PATHS.commendations}/${id}/sua`;
/** A report written in Lan Tỏa (its narrative, figures and workflow). */
export const reportPagePath = (id: number) => `${PATHS.reports}/${id}`;
/**
 * The report of `kind` for `period` of a unit (`unitId` omitted: the Office's consolidated one):
 * opens it if it was started, else offers to start it.
 */
export function reportLookupPath(target: { kind: string; period: string; unitId?: number | null }): string {
  const query = new URLSearchParams({ kind: target.kind, period: target.period });
  if (target.unitId) query.set('unitId', String(target.unitId));
  return `${PATHS.reportLookup}?${query.toString()}`;
}
/**
 * The public portal's page of an exemplar and of a decided commendation (the addresses the
 * server's links use), and of a notice.
 */
export const portalExemplarPath = (id: number) => `${PATHS.portal}/guong-dien-hinh/${id}`;
export const portalCommendationPath = (nomineeId: number) => `${PATHS.portalCommendations}/${nomineeId}`;
export const portalNoticePath = (id: number) => `${PATHS.portalNotices}/${id}`;

export const ROUTE_ROLES = {
  users: ['admin'],
  serviceAccounts: ['admin'],
  audit: ['admin', 'office'],
  /** Recording and editing exemplars, importing them. */
  exemplarWrite: ['office', 'unit_head', 'unit_staff'],
  /** Managing movements, criteria sets and the introduction due day. */
  programme: ['admin', 'office'],
  /** The calendar's settings and public holidays. */
  calendarSettings: ['admin', 'office'],
  /** Outgoing webhook subscriptions. */
  webhooks: ['admin'],
  /** The commendation proposals (a unit's staff sees its unit's). */
  commendations: ['admin', 'leader', 'office', 'unit_head', 'unit_staff'],
  /** Drafting a commendation proposal. */
  commendationWrite: ['office', 'unit_head'],
  /** The award catalogue, base salary and occasions. */
  commendationCatalogue: ['admin', 'office'],
  /** The council's membership and meetings (members reach their meetings from the ballot page). */
  council: ['admin', 'leader', 'office'],
  /** Public notices and the moderation of their comments. */
  noticeModeration: ['leader', 'office'],
  /** Eligibility facts (titles, discipline) and rules. */
  eligibility: ['leader', 'office'],
  /** The propagation log (the unit roles see their own unit's; leader and admin read only). */
  propagation: ['admin', 'leader', 'office', 'unit_head', 'unit_staff'],
  /** The reports written in Lan Tỏa (unit roles see their unit's). */
  reports: ['admin', 'leader', 'office', 'unit_head', 'unit_staff'],
  /** Starting and writing a report (the server decides which unit's and which kind). */
  reportWrite: ['office', 'unit_head', 'unit_staff'],
  /** Recording propagation activities (leader and admin read the log only). */
  propagationWrite: ['office', 'unit_head', 'unit_staff'],
} as const satisfies Record<string, readonly Role[]>;
