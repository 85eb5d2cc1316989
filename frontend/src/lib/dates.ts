import dayjs from 'dayjs';
import 'dayjs/locale/vi';
import customParseFormat from 'dayjs/plugin/customParseFormat';
import timezone from 'dayjs/plugin/timezone';
import utc from 'dayjs/plugin/utc';

dayjs.extend(utc);
dayjs.extend(timezone);
dayjs.extend(customParseFormat);
dayjs.locale('vi');

const VN_TIME_ZONE = 'Asia/Ho_Chi_Minh';
export const DATE_FORMAT = 'DD/MM/YYYY';
const DATE_TIME_FORMAT = 'DD/MM/YYYY HH:mm';
/** The API's calendar-date format. */
const API_DATE_FORMAT = 'YYYY-MM-DD';

/** An ISO 8601 instant (UTC) as "dd/mm/yyyy HH:mm", Vietnam time. */
export function formatDateTime(instant: string | null | undefined): string {
  if (!instant) return '';
  return dayjs.utc(instant).tz(VN_TIME_ZONE).format(DATE_TIME_FORMAT);
}

/** The Vietnam calendar day of an ISO 8601 instant, as "dd/mm/yyyy". */
export function formatDate(instant: string | null | undefined): string {
  if (!instant) return '';
  return dayjs.utc(instant).tz(VN_TIME_ZONE).format(DATE_FORMAT);
}

/** An API calendar date (`YYYY-MM-DD`) as "dd/mm/yyyy". */
export function formatApiDate(value: string | null | undefined): string {
  return fromApiDate(value)?.format(DATE_FORMAT) ?? '';
}

/** A month (`YYYY-MM`) as "mm/yyyy". */
export function formatMonth(value: string | null | undefined): string {
  const match = /^(\d{4})-(\d{2})$/.exec(value ?? '');
  return match ? `${match[2]}/${match[1]}` : '';
}

/** A picked calendar day as the API's `YYYY-MM-DD` (a picker's day has no time zone meaning). */
export function toApiDate(day: dayjs.Dayjs | null | undefined): string | undefined {
  return day ? day.format(API_DATE_FORMAT) : undefined;
}

/** Parses an API date (`YYYY-MM-DD`) for a date picker. */
export function fromApiDate(value: string | null | undefined): dayjs.Dayjs | null {
  if (!value) return null;
  const day = dayjs(value, API_DATE_FORMAT, true);
  return day.isValid() ? day : null;
}

/** Today's calendar day in Vietnam, whatever the browser's time zone. */
export function todayInVietnam(now: Date = new Date()): dayjs.Dayjs {
  return dayjs(dayjs(now).tz(VN_TIME_ZONE).format(API_DATE_FORMAT), API_DATE_FORMAT);
}

export { dayjs };
