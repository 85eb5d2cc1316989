/** Dates for the public (dd/mm/yyyy, Vietnam's time), without the date library of the signed-in app. */
const DAY = new Intl.DateTimeFormat('vi-VN', {
  timeZone: 'Asia/Ho_Chi_Minh',
  day: '2-digit',
  month: '2-digit',
  year: 'numeric',
});
const TIME = new Intl.DateTimeFormat('vi-VN', {
  timeZone: 'Asia/Ho_Chi_Minh',
  hour: '2-digit',
  minute: '2-digit',
  hour12: false,
});

function parts(date: Date): string {
  const get = (type: string) => DAY.formatToParts(date).find((part) => part.type === type)?.value ?? '';
  return `${get('day')}/${get('month')}/${get('year')}`;
}

/** `2026-12-07T03:00:00Z` → `07/12/2026`. */
export function publicDate(instant: string): string {
  const date = new Date(instant);
  return Number.isNaN(date.getTime()) ? '' : parts(date);
}

/** `2026-12-07T03:00:00Z` → `10:00 07/12/2026`. */
export function publicDateTime(instant: string): string {
  const date = new Date(instant);
  return Number.isNaN(date.getTime()) ? '' : `${TIME.format(date)} ${parts(date)}`;
}

/** An API calendar day `2026-12-10` → `10/12/2026` (no time zone: it is a day, not an instant). */
export function publicDay(day: string | null | undefined): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(day ?? '');
  return match ? `${match[3]}/${match[2]}/${match[1]}` : '';
}

/** The current year in Vietnam. */
export function currentYear(now: Date = new Date()): number {
  const year = DAY.formatToParts(now).find((part) => part.type === 'year')?.value;
  return Number(year) || now.getFullYear();
}
