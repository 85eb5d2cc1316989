import type { Dayjs } from 'dayjs';

export interface Deadline {
  key: string;
  label: string;
  due: Dayjs;
}

/** The next occurrence of day/month on or after `today` (a calendar day). */
function nextYearly(today: Dayjs, month: number, day: number): Dayjs {
  const thisYear = today.month(month - 1).date(day);
  return thisYear.isBefore(today, 'day') ? thisYear.add(1, 'year') : thisYear;
}

/**
 * The plan's recurring deadlines (the monthly introduction by the programme's due day, the
 * 10th unless the Office changed it; unit reports by 20/10; the consolidated report to Sở Nội vụ
 * by 30/10), soonest first.
 */
export function upcomingDeadlines(today: Dayjs, dueDay = 10): Deadline[] {
  const monthly = today.date() <= dueDay ? today.date(dueDay) : today.add(1, 'month').date(dueDay);
  return [
    { key: 'introduction', label: 'Giới thiệu điển hình tiên tiến hằng tháng', due: monthly },
    { key: 'unitReport', label: 'Đơn vị gửi báo cáo năm', due: nextYearly(today, 10, 20) },
    { key: 'consolidated', label: 'Gửi báo cáo tổng hợp đến Sở Nội vụ', due: nextYearly(today, 10, 30) },
  ].sort((a, b) => a.due.valueOf() - b.due.valueOf());
}
