import dayjs from 'dayjs';
import { describe, expect, it } from 'vitest';
import type { Report } from '../api/types';
import { toNewReport } from './CreateReportModal';
import { historySteps } from './ReportHistory';

describe('starting a report', () => {
  it('sends the Office’s consolidated report without a unit', () => {
    expect(
      toNewReport({ kind: 'annual_report', scope: 'office', unitId: 5, period: '2026' }, undefined),
    ).toEqual({
      kind: 'annual_report',
      unitId: null,
      period: '2026',
      from: undefined,
      to: undefined,
      title: null,
    });
  });

  it('sends a unit’s report for the unit chosen, or always the own unit for its people', () => {
    expect(
      toNewReport(
        { kind: 'midterm_review', scope: 'unit', unitId: 5, period: '2026-2028', title: ' ' },
        undefined,
      ),
    ).toMatchObject({ kind: 'midterm_review', unitId: 5, period: '2026-2028', title: null });
    expect(toNewReport({ kind: 'annual_report', scope: 'office', period: '2026' }, 12)).toMatchObject({
      unitId: 12,
    });
  });

  it('sends an on-demand report’s days, not a period', () => {
    expect(
      toNewReport(
        {
          kind: 'on_demand',
          scope: 'office',
          period: '2026',
          from: dayjs('2026-01-01'),
          to: dayjs('2026-06-30'),
          title: 'Báo cáo 6 tháng đầu năm',
        },
        undefined,
      ),
    ).toEqual({
      kind: 'on_demand',
      unitId: null,
      period: null,
      from: '2026-01-01',
      to: '2026-06-30',
      title: 'Báo cáo 6 tháng đầu năm',
    });
  });
});

describe('a report’s history', () => {
  const base = {
    owner: 'unit',
    status: 'draft',
    createdAt: '2026-12-01T02:00:00Z',
    updatedAt: '2026-12-01T02:00:00Z',
    submission: null,
  } as unknown as Report;

  it('has only its start while nothing else happened', () => {
    expect(historySteps(base).map((s) => s.text)).toEqual(['Lập dự thảo']);
  });

  it('tells a late submission and its return, in time order', () => {
    const steps = historySteps({
      ...base,
      status: 'returned',
      updatedAt: '2026-12-04T02:00:00Z',
      submission: {
        id: 3,
        submittedAt: '2026-12-02T02:00:00Z',
        onTime: false,
        dueOn: '2026-10-20',
        decidedAt: '2026-12-03T02:00:00Z',
        decisionNote: 'Bổ sung số liệu nhân rộng.',
        version: 2,
      },
    });
    expect(steps.map((s) => s.text)).toEqual([
      'Lập dự thảo',
      'Gửi báo cáo (trễ hạn)',
      'Trả lại để bổ sung',
      'Sửa lần gần nhất',
    ]);
    expect(steps[2].detail).toBe('Bổ sung số liệu nhân rộng.');
  });

  it('calls the leader’s acceptance of the consolidated report an approval', () => {
    const steps = historySteps({
      ...base,
      owner: 'office',
      status: 'accepted',
      // The approval stamps the report too: that is no edit.
      updatedAt: '2026-12-03T02:00:00.000Z',
      submission: {
        id: 4,
        submittedAt: '2026-12-02T02:00:00Z',
        onTime: true,
        decidedAt: '2026-12-03T02:00:00Z',
        decisionNote: null,
        version: 2,
      },
    });
    expect(steps.map((s) => s.text)).toEqual([
      'Lập dự thảo',
      'Trình phê duyệt (đúng hạn)',
      'Lãnh đạo Sở phê duyệt',
    ]);
  });
});
