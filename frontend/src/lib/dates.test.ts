import { describe, expect, it } from 'vitest';
import {
  dayjs,
  formatApiDate,
  formatDate,
  formatDateTime,
  formatMonth,
  fromApiDate,
  toApiDate,
  todayInVietnam,
} from './dates';

describe('dates in Vietnam time', () => {
  it('shows an instant as dd/mm/yyyy HH:mm in Asia/Ho_Chi_Minh (UTC+7)', () => {
    expect(formatDateTime('2026-01-05T17:30:00Z')).toBe('06/01/2026 00:30');
    expect(formatDateTime('2026-10-20T02:05:09.123Z')).toBe('20/10/2026 09:05');
  });

  it('shows nothing for a missing value', () => {
    expect(formatDateTime(null)).toBe('');
    expect(formatDateTime(undefined)).toBe('');
  });

  it('converts between picker days and API dates without shifting the day', () => {
    const day = fromApiDate('2026-02-28');
    expect(day?.format('DD/MM/YYYY')).toBe('28/02/2026');
    expect(toApiDate(day)).toBe('2026-02-28');
    expect(toApiDate(dayjs('2026-12-31T23:59:00'))).toBe('2026-12-31');
    expect(fromApiDate('31/12/2026')).toBeNull();
  });

  it('knows that it is already tomorrow in Vietnam', () => {
    expect(todayInVietnam(new Date('2026-06-09T18:30:00Z')).format('YYYY-MM-DD')).toBe('2026-06-10');
  });

  it('shows the Vietnam calendar day of an instant', () => {
    expect(formatDate('2026-01-05T17:30:00Z')).toBe('06/01/2026');
    expect(formatDate(null)).toBe('');
  });

  it('shows API dates and months in Vietnamese order', () => {
    expect(formatApiDate('2026-03-09')).toBe('09/03/2026');
    expect(formatApiDate(undefined)).toBe('');
    expect(formatMonth('2026-11')).toBe('11/2026');
    expect(formatMonth('2026/11')).toBe('');
  });
});
