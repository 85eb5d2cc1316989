import type { Dayjs } from 'dayjs';
import { dayjs } from '@/lib/dates';
import { type GuideLink, LINKS, type PersonRole } from './guides';

/** One deadline of the plan (section V of the Department's plan for 2026–2030). */
export interface PlanDeadline {
  key: string;
  /** The deadline as the plan states it. */
  when: string;
  task: string;
  who: string;
  /** Whose task it is (their rows are marked "Việc của bạn"). */
  roles: readonly PersonRole[];
  /** The next time it falls due, from today; `null` when not known yet (the due day is loading). */
  next: Dayjs | null;
  link?: GuideLink;
}

/** The next occurrence of day/month on or after `today`. */
function nextYearly(today: Dayjs, month: number, day: number): Dayjs {
  const thisYear = today.month(month - 1).date(day);
  return thisYear.isBefore(today, 'day') ? thisYear.add(1, 'year') : thisYear;
}

/** The next monthly due day on or after `today`. */
function nextMonthly(today: Dayjs, dueDay: number): Dayjs {
  return today.date() <= dueDay ? today.date(dueDay) : today.add(1, 'month').date(dueDay);
}

const UNITS = 'Các đơn vị thuộc, trực thuộc Sở (Thủ trưởng đơn vị)';
const OFFICE = 'Văn phòng Sở (Lãnh đạo Sở duyệt)';

/**
 * The plan's calendar: the monthly introduction by the programme's due day (a setting, 10 unless
 * the Office changed it), the yearly reports (units by 20/10, the Office to Sở Nội vụ by 30/10),
 * the mid-term review of 2026–2028 and the final review of 2026–2030.
 */
export function planCalendar(today: Dayjs, dueDay: number | undefined): PlanDeadline[] {
  const fixed = (iso: string) => dayjs(iso, 'YYYY-MM-DD');
  return [
    {
      key: 'introduction',
      when: `Trước hoặc trong ngày ${dueDay ?? '…'} hằng tháng`,
      task: 'Giới thiệu tối thiểu 01 gương điển hình tiên tiến tiêu biểu',
      who: 'Các đơn vị thuộc, trực thuộc Sở (cán bộ soạn, Thủ trưởng đơn vị gửi)',
      roles: ['unit_head', 'unit_staff'],
      next: dueDay === undefined ? null : nextMonthly(today, dueDay),
      link: LINKS.introductions,
    },
    {
      key: 'unit-report',
      when: 'Ngày 20/10 hằng năm',
      task: 'Báo cáo định kỳ kết quả thực hiện Kế hoạch về Văn phòng Sở',
      who: UNITS,
      roles: ['unit_head'],
      next: nextYearly(today, 10, 20),
    },
    {
      key: 'office-report',
      when: 'Ngày 30/10 hằng năm',
      task: 'Tổng hợp kết quả của các đơn vị, báo cáo định kỳ về Sở Nội vụ',
      who: OFFICE,
      roles: ['office', 'leader'],
      next: nextYearly(today, 10, 30),
    },
    {
      key: 'mid-term-units',
      when: 'Trước ngày 20/05/2028',
      task: 'Báo cáo sơ kết giai đoạn 2026–2028 về Văn phòng Sở',
      who: UNITS,
      roles: ['unit_head'],
      next: fixed('2028-05-20'),
    },
    {
      key: 'mid-term-office',
      when: 'Trước ngày 30/05/2028',
      task: 'Báo cáo sơ kết giai đoạn 2026–2028 về Sở Nội vụ',
      who: OFFICE,
      roles: ['office', 'leader'],
      next: fixed('2028-05-30'),
    },
    {
      key: 'final-units',
      when: 'Trước ngày 20/07/2030',
      task: 'Báo cáo tổng kết giai đoạn 2026–2030 về Văn phòng Sở',
      who: UNITS,
      roles: ['unit_head'],
      next: fixed('2030-07-20'),
    },
    {
      key: 'final-office',
      when: 'Trước ngày 31/07/2030',
      task: 'Báo cáo tổng kết giai đoạn 2026–2030 về Sở Nội vụ',
      who: OFFICE,
      roles: ['office', 'leader'],
      next: fixed('2030-07-31'),
    },
  ];
}
