import { render, screen } from '@testing-library/react';
import { createMemoryRouter, RouterProvider } from 'react-router';
import { describe, expect, it, vi } from 'vitest';
import { AppProviders } from '@/app/providers';
import type { ReportSubmission } from '../api/types';
import ReportSubmissionPage from './ReportSubmissionPage';

const report = (over: Partial<ReportSubmission>): ReportSubmission => ({
  id: 5,
  obligationKey: 'annual_report:2026:12',
  kind: 'annual_report',
  period: '2026',
  responsible: 'unit',
  status: 'returned',
  title: 'Báo cáo định kỳ năm 2026 của Trung tâm TGPL',
  note: null,
  submittedAt: '2026-10-20T09:00:00Z',
  submittedBy: { id: 3, fullName: 'Lê Văn Minh' },
  decidedAt: '2026-10-23T03:00:00Z',
  decidedBy: { id: 2, fullName: 'Trần Thị Lan' },
  decisionNote: 'Đề nghị bổ sung số liệu nhân rộng.',
  dueOn: '2026-10-20',
  onTime: true,
  unit: { id: 12, code: 'TGPL', name: 'Trung tâm Trợ giúp pháp lý', shortName: 'TGPL' },
  allowedActions: [],
  version: 2,
  createdAt: '2026-10-20T09:00:00Z',
  updatedAt: '2026-10-23T03:00:00Z',
  ...over,
});

const json = (body: unknown) =>
  new Response(JSON.stringify(body), { headers: { 'Content-Type': 'application/json' } });

/** The submission, and the reports written in Lan Tỏa for its obligation (none by default). */
function showReport(answer: ReportSubmission, written: unknown[] = []) {
  vi.stubGlobal(
    'fetch',
    vi.fn(async (request: Request) =>
      new URL(request.url).pathname === '/api/v1/reports'
        ? json({ items: written, page: 1, pageSize: 100, total: written.length, totalCapped: false })
        : json(answer),
    ),
  );
  const router = createMemoryRouter(
    [{ path: '/lich-bao-cao/bao-cao/:id', element: <ReportSubmissionPage /> }],
    {
      initialEntries: ['/lich-bao-cao/bao-cao/5'],
    },
  );
  render(
    <AppProviders>
      <RouterProvider router={router} />
    </AppProviders>,
  );
}

describe('ReportSubmissionPage', () => {
  it('shows why a report was returned and offers only what the server allows', async () => {
    showReport(report({ allowedActions: ['resubmit'] }));
    expect(await screen.findByTestId('report-decision-note')).toHaveTextContent('bổ sung số liệu nhân rộng');
    expect(screen.getByTestId('report-status')).toHaveTextContent('Bị trả lại');
    expect(await screen.findByTestId('report-action-resubmit')).toHaveTextContent('Gửi lại');
    expect(screen.queryByTestId('report-action-accept')).toBeNull();
    expect(screen.queryByTestId('report-action-return')).toBeNull();
    expect(screen.getByText('(đúng hạn)')).toBeInTheDocument();
  });

  it('offers the Office the decision on a sent report, nothing once it is accepted', async () => {
    showReport(report({ status: 'submitted', decisionNote: null, allowedActions: ['accept', 'return'] }));
    expect(await screen.findByTestId('report-action-accept')).toHaveTextContent('Tiếp nhận');
    expect(screen.getByTestId('report-action-return')).toHaveTextContent('Trả lại');
    expect(screen.queryByTestId('report-decision-note')).toBeNull();
  });

  it('sends a report written in Lan Tỏa to its own page for the steps', async () => {
    showReport(report({ status: 'submitted', decisionNote: null, allowedActions: ['accept', 'return'] }), [
      { id: 41, owner: 'unit', unit: { id: 12 }, kind: 'annual_report', period: '2026' },
    ]);
    const link = await screen.findByTestId('report-written-link');
    expect(link).toHaveAttribute('href', '/bao-cao/41');
    expect(link).toHaveTextContent('Mở báo cáo để xem xét, gửi');
    expect(screen.queryAllByTestId(/^report-action-/)).toHaveLength(0);
  });

  it('shows no step the server does not list', async () => {
    showReport(report({ status: 'accepted', decisionNote: 'Đồng ý', allowedActions: [] }));
    expect(await screen.findByTestId('report-status')).toHaveTextContent('Đã tiếp nhận');
    expect(screen.queryAllByTestId(/^report-action-/)).toHaveLength(0);
  });
});
