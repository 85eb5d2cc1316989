import { describe, expect, it } from 'vitest';
import type { Obligation } from './api/types';
import { currentReport, daysLeftText, mayOfferSubmit, OBLIGATION_STATUS, periodText } from './labels';

const obligation = (over: Partial<Obligation> = {}): Obligation => ({
  key: 'annual_report:2026:12',
  kind: 'annual_report',
  period: '2026',
  responsible: 'unit',
  owedTo: 'Văn phòng Sở',
  title: 'Báo cáo định kỳ năm 2026',
  statedDue: '2026-10-20',
  statedRule: 'by',
  dueOn: '2026-10-20',
  deadline: '2026-10-20T16:59:59Z',
  status: 'missing',
  daysLeft: -48,
  fulfilment: [],
  link: '/lich-bao-cao?key=annual_report:2026:12',
  unit: { id: 12, code: 'TGPL', name: 'Trung tâm Trợ giúp pháp lý', shortName: 'TGPL' },
  ...over,
});

describe('obligation labels', () => {
  it('names every status in Vietnamese', () => {
    expect(OBLIGATION_STATUS.missing.label).toBe('Quá hạn, chưa thực hiện');
    expect(OBLIGATION_STATUS.done_late.color).toBe('orange');
  });

  it('says how long is left, only while not met', () => {
    expect(daysLeftText(obligation())).toBe('Quá hạn 48 ngày');
    expect(daysLeftText(obligation({ status: 'due_soon', daysLeft: 0 }))).toBe('Hạn là hôm nay');
    expect(daysLeftText(obligation({ status: 'upcoming', daysLeft: 12 }))).toBe('Còn 12 ngày');
    expect(daysLeftText(obligation({ status: 'done_on_time', daysLeft: -3 }))).toBeNull();
  });

  it('reads periods as people say them', () => {
    expect(periodText('monthly_introduction', '2026-11')).toBe('Tháng 11/2026');
    expect(periodText('annual_report', '2026')).toBe('Năm 2026');
    expect(periodText('midterm_review', '2026-2028')).toBe('Giai đoạn 2026–2028');
  });

  it('offers the first report to the unit head of the unit and the Office only', () => {
    expect(mayOfferSubmit(obligation(), 'unit_head', 12)).toBe(true);
    expect(mayOfferSubmit(obligation(), 'unit_head', 13)).toBe(false);
    expect(mayOfferSubmit(obligation(), 'unit_staff', 12)).toBe(false);
    expect(mayOfferSubmit(obligation(), 'office', undefined)).toBe(true);
    expect(mayOfferSubmit(obligation({ responsible: 'office', unit: null }), 'leader', undefined)).toBe(
      false,
    );
    const sent = obligation({
      fulfilment: [
        { kind: 'report_submission', id: 4, status: 'returned', href: '/api/v1/report-submissions/4' },
      ],
    });
    expect(mayOfferSubmit(sent, 'unit_head', 12)).toBe(false);
    expect(currentReport(sent)?.id).toBe(4);
  });
});
