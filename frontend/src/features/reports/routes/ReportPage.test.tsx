import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import { createMemoryRouter, RouterProvider } from 'react-router';
import { describe, expect, it, vi } from 'vitest';
import { AppProviders } from '@/app/providers';
import type { Figures, Report } from '../api/types';
import ReportPage from './ReportPage';

const unit = { id: 12, code: 'BTTP', shortName: 'BTTP', name: 'Phòng Bổ trợ tư pháp' };

const figures = (over: Partial<Figures> = {}): Figures => ({
  from: '2026-01-01',
  to: '2026-12-31',
  unit,
  computedAt: '2026-12-07T03:00:00Z',
  exemplars: {
    discovered: 4,
    byStage: [
      { key: 'discovered', label: 'Phát hiện', count: 1 },
      { key: 'nurturing', label: 'Bồi dưỡng', count: 3 },
    ],
    byCategory: [{ key: 'individual_worker', label: 'Cá nhân', count: 4 }],
    byMovement: [],
    byField: [{ key: 'Công chứng', label: 'Công chứng', count: 4 }],
    byUnit: [{ unit, discovered: 4, nurturing: 3, summarized: 0, replicated: 0 }],
  },
  introductions: {
    judged: 11,
    onTime: 8,
    late: 2,
    missing: 1,
    byUnit: [{ unit, onTime: 8, late: 2, missing: 1 }],
  },
  evaluations: { total: 2, byConclusion: [], byEvaluator: [] },
  replications: { total: 0, exemplars: 0, adopters: 0, byScale: [] },
  difficulties: { total: 0, byStatus: [], items: [] },
  ...over,
});

const report = (over: Partial<Report> = {}): Report => ({
  id: 7,
  kind: 'annual_report',
  owner: 'unit',
  unit,
  period: '2026',
  from: '2026-01-01',
  to: '2026-12-31',
  title: 'Báo cáo kết quả năm 2026 của Phòng Bổ trợ tư pháp',
  narrative: {
    achievements: 'Phát hiện 04 điển hình.',
    shortcomings: '',
    causes: '',
    lessons: '',
    directions: '',
    recommendations: '',
  },
  status: 'draft',
  submission: null,
  figures: { figures: figures(), consolidation: null },
  figuresFrozen: false,
  frozenAt: null,
  allowedActions: ['edit', 'submit'],
  version: 3,
  createdAt: '2026-12-01T02:00:00Z',
  updatedAt: '2026-12-02T02:00:00Z',
  ...over,
});

const json = (body: unknown, status = 200) =>
  new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });

function showReport(answer: Report, put?: (request: Request) => Promise<Response>) {
  const fetch = vi.fn(async (request: Request) =>
    request.method === 'PUT' && put ? put(request) : json(answer),
  );
  vi.stubGlobal('fetch', fetch);
  const router = createMemoryRouter([{ path: '/bao-cao/:id', element: <ReportPage /> }], {
    initialEntries: ['/bao-cao/7'],
  });
  render(
    <AppProviders>
      <RouterProvider router={router} />
    </AppProviders>,
  );
  return fetch;
}

describe('ReportPage', () => {
  it('lets the unit write a draft: six sections, live figures, only the steps allowed', async () => {
    showReport(report());
    expect(await screen.findByTestId('report-status')).toHaveTextContent('Dự thảo');
    for (const key of [
      'achievements',
      'shortcomings',
      'causes',
      'lessons',
      'directions',
      'recommendations',
    ]) {
      expect(screen.getByTestId(`report-section-${key}`).tagName).toBe('TEXTAREA');
    }
    expect(screen.getByTestId('report-section-achievements')).toHaveValue('Phát hiện 04 điển hình.');
    expect(screen.getByTestId('report-action-submit')).toHaveTextContent('Gửi báo cáo');
    expect(screen.queryByTestId('report-action-accept')).toBeNull();
    expect(screen.getByTestId('figures-live')).toBeInTheDocument();
    expect(screen.getByTestId('figures-discovered')).toHaveTextContent('4');
    expect(screen.getByTestId('report-download-docx')).toBeInTheDocument();
  });

  it('shows a submitted report read-only, frozen, late, with the decision the Office may take', async () => {
    showReport(
      report({
        status: 'submitted',
        allowedActions: ['accept', 'return'],
        figuresFrozen: true,
        frozenAt: '2026-12-03T02:00:00Z',
        submission: {
          id: 30,
          submittedAt: '2026-12-03T02:00:00Z',
          dueOn: '2026-10-20',
          onTime: false,
          decidedAt: null,
          decisionNote: null,
          version: 1,
        },
      }),
    );
    expect(await screen.findByTestId('report-status')).toHaveTextContent(
      'Đã gửi, chờ Văn phòng Sở tiếp nhận',
    );
    expect(screen.getByTestId('report-late')).toHaveTextContent('trễ hạn');
    expect(screen.getByTestId('report-section-achievements').tagName).toBe('SECTION');
    expect(screen.getByTestId('figures-frozen')).toHaveTextContent('Số liệu đã chốt lúc 03/12/2026 09:00');
    expect(screen.getAllByTestId(/^report-action-/).map((b) => b.dataset.testid)).toEqual([
      'report-action-accept',
      'report-action-return',
    ]);
    expect(screen.getByTestId('report-submission-link')).toHaveAttribute('href', '/lich-bao-cao/bao-cao/30');
  });

  it('lists the units’ reports and those that did not submit in the consolidated report', async () => {
    showReport(
      report({
        owner: 'office',
        unit: null,
        status: 'submitted',
        allowedActions: ['approve', 'return'],
        figures: {
          figures: figures({ unit: null }),
          consolidation: {
            unitReports: [
              {
                unit,
                status: 'accepted',
                submittedOn: '2026-12-03',
                onTime: false,
                reportId: 7,
                exemplarsDiscovered: 4,
                introductionsOnTime: 8,
                introductionsLate: 2,
                introductionsMissing: 1,
                evaluations: 2,
                replications: 0,
                difficulties: 0,
              },
            ],
            totals: {
              reports: 1,
              onTime: 0,
              late: 1,
              exemplarsDiscovered: 4,
              introductionsOnTime: 8,
              introductionsLate: 2,
              introductionsMissing: 1,
              evaluations: 2,
              replications: 0,
              difficulties: 0,
            },
            missingUnits: [
              { id: 13, code: 'DGTS', shortName: 'DGTS', name: 'Trung tâm Dịch vụ đấu giá tài sản' },
            ],
          },
        },
      }),
    );
    expect(await screen.findByTestId('report-status')).toHaveTextContent('Chờ Lãnh đạo Sở phê duyệt');
    expect(screen.getByTestId('report-action-approve')).toHaveTextContent('Phê duyệt');
    expect(screen.getByTestId('consolidation-report-12')).toHaveAttribute('href', '/bao-cao/7');
    expect(screen.getByTestId('consolidation-missing-13')).toHaveTextContent(
      'Trung tâm Dịch vụ đấu giá tài sản',
    );
    expect(screen.getByTestId('report-owner')).toHaveTextContent('Văn phòng Sở (báo cáo tổng hợp)');
  });

  it('saves with If-Match and explains a change made meanwhile by someone else', async () => {
    const put = vi.fn(async (_request: Request) =>
      json(
        {
          type: 'about:blank',
          status: 412,
          code: 'version_mismatch',
          title: 'Dữ liệu đã thay đổi',
          detail: 'Bản ghi đã được người khác cập nhật.',
        },
        412,
      ),
    );
    showReport(report(), put);
    const causes = await screen.findByTestId('report-section-causes');
    fireEvent.change(causes, { target: { value: 'Nhân lực còn mỏng.' } });
    expect(await screen.findByTestId('report-unsaved')).toBeInTheDocument();
    fireEvent.click(screen.getByTestId('report-save'));
    await waitFor(() => expect(put).toHaveBeenCalled());
    const request = put.mock.calls[0][0] as Request;
    expect(request.headers.get('If-Match')).toBe('"3"');
    const body = (await request.json()) as { narrative: { causes: string } };
    expect(body.narrative.causes).toBe('Nhân lực còn mỏng.');
    expect(await screen.findByTestId('report-conflict')).toHaveTextContent('chưa được lưu');
    expect(screen.getByTestId('problem-reload')).toBeInTheDocument();
  });
});
