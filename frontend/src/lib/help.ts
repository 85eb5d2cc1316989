import { PATHS } from './paths';

/**
 * The sections of the help page ("Hướng dẫn sử dụng") that other pages link to: the anchor
 * (`/huong-dan#…`) of each. Not in paths.ts, so that the sign-in page's chunk stays as it was.
 */
export const HELP_TOPICS = {
  /** The signed-in person's own role: what to do each month and year. */
  yourTasks: 'viec-cua-ban',
  stages: 'bon-giai-doan',
  standards: 'tieu-chuan-chung',
  calendar: 'lich-thuc-hien',
  pages: 'cac-trang',
  home: 'trang-chu',
  exemplars: 'trang-diem-hinh',
  introductions: 'trang-gioi-thieu',
  movements: 'trang-phong-trao',
  criteria: 'trang-tieu-chi',
  units: 'trang-don-vi',
  users: 'trang-nguoi-dung',
  serviceAccounts: 'trang-tai-khoan-tich-hop',
  audit: 'trang-nhat-ky',
  profile: 'trang-ho-so',
  notifications: 'trang-thong-bao',
  otherRoles: 'vai-tro-khac',
} as const;

export type HelpTopic = keyof typeof HELP_TOPICS;

/** The help page, at a section when one is given. */
export function helpPath(topic?: HelpTopic): string {
  return topic ? `${PATHS.help}#${HELP_TOPICS[topic]}` : PATHS.help;
}
