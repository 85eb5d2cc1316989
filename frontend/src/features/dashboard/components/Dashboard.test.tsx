import { render, screen, waitFor, within } from '@testing-library/react';
import { createMemoryRouter, RouterProvider } from 'react-router';
import { describe, expect, it, vi } from 'vitest';
import { AppProviders } from '@/app/providers';
import { session } from '@/lib/api/client';
import type { Role, User } from '@/lib/api/models';
import { dashboardAnswer, GRID, TGPL } from '../test/fixtures';
import { Dashboard } from './Dashboard';

function signIn(role: Role) {
  const user: User = {
    id: 1,
    username: 'nguoi.dung',
    fullName: 'Lê Văn Minh',
    role,
    unit: role === 'unit_head' || role === 'unit_staff' ? TGPL : null,
    active: true,
    mustChangePassword: false,
    passwordChangedAt: '2026-01-01T00:00:00Z',
    version: 1,
    createdAt: '2026-01-01T00:00:00Z',
    updatedAt: '2026-01-01T00:00:00Z',
  };
  session.start({
    accessToken: 'token',
    tokenType: 'Bearer',
    expiresIn: 900,
    refreshExpiresAt: '2099-01-01T00:00:00Z',
    mustChangePassword: false,
    user,
  });
}

const json = (body: unknown) =>
  new Response(JSON.stringify(body), { headers: { 'Content-Type': 'application/json' } });

/** Answers the dashboard (and the unit tree); returns the dashboard requests' query strings. */
function stubApi(answer = dashboardAnswer()) {
  const asked: URLSearchParams[] = [];
  vi.stubGlobal(
    'fetch',
    vi.fn(async (request: Request) => {
      const url = new URL(request.url);
      if (url.pathname === '/api/v1/dashboard') {
        asked.push(url.searchParams);
        return json(answer);
      }
      if (url.pathname === '/api/v1/units/tree') return json([]);
      return new Response('{}', { status: 404, headers: { 'Content-Type': 'application/json' } });
    }),
  );
  return asked;
}

function renderDashboard(at = '/') {
  const router = createMemoryRouter(
    [{ path: '/', element: <Dashboard tasks={<div data-testid="the-tasks">Việc cần làm</div>} /> }],
    { initialEntries: [at] },
  );
  render(
    <AppProviders>
      <RouterProvider router={router} />
    </AppProviders>,
  );
}

describe('Dashboard', () => {
  it('shows the Office the year’s and the plan’s figures, the heatmap, the obligations and the tasks', async () => {
    signIn('office');
    const asked = stubApi();
    renderDashboard();
    await screen.findByTestId('dashboard-figures');
    expect(asked[0].toString()).toBe('');
    expect(screen.getByTestId('dashboard-title')).toHaveTextContent('Tình hình thực hiện Kế hoạch năm 2026');
    expect(screen.getByTestId('dashboard-scope')).toHaveTextContent('Toàn Sở · giai đoạn 2026–2030');
    expect(screen.getByTestId('the-tasks')).toBeInTheDocument();

    // The figures are the report's: 7 discovered this year, 11 over the plan, each linked to the
    // list of exactly those records (drafts left out, as the figures count).
    expect(screen.getByTestId('dashboard-discovered-year-value')).toHaveTextContent(/^7$/);
    expect(screen.getByTestId('dashboard-discovered-year')).toHaveAttribute(
      'href',
      '/diem-hinh?year=2026&excludeDrafts=true',
    );
    expect(screen.getByTestId('dashboard-discovered-plan')).toHaveTextContent(/^11$/);
    expect(screen.getByTestId('dashboard-discovered-plan')).toHaveAttribute(
      'href',
      '/diem-hinh?yearFrom=2026&yearTo=2030&excludeDrafts=true',
    );
    expect(screen.getByTestId('dashboard-introductions-tally')).toHaveTextContent(
      'Đúng hạn: 17Trễ hạn: 2Chưa giới thiệu: 2',
    );
    expect(screen.getByTestId('dashboard-stage-year-nurturing-count')).toHaveAttribute(
      'href',
      '/diem-hinh?year=2026&excludeDrafts=true&stage=nurturing',
    );
    expect(screen.getByTestId('dashboard-stage-plan-nurturing-count')).toHaveAttribute(
      'href',
      '/diem-hinh?yearFrom=2026&yearTo=2030&excludeDrafts=true&stage=nurturing',
    );

    // Every unit's row, each cell labelled for screen readers and linked to its month.
    const heatmap = screen.getByTestId('dashboard-heatmap');
    expect(within(heatmap).getByTestId('heatmap-legend-missing')).toHaveTextContent('Chưa giới thiệu');
    expect(within(heatmap).getAllByTestId(/^heatmap-row-/)).toHaveLength(GRID.rows.length);
    const may = within(heatmap).getByTestId('heatmap-cell-TGPL-2026-05');
    expect(may).toHaveAttribute('data-status', 'missing');
    expect(may).toHaveAccessibleName('Trung tâm TGPL – tháng 05/2026: Chưa giới thiệu. Hạn: 11/05/2026.');
    expect(may).toHaveAttribute('href', '/gioi-thieu?month=2026-05&unitId=12');
    expect(within(heatmap).getByTestId('heatmap-missing-TGPL')).toHaveTextContent('2');

    // Overdue: 14 in all, the first shown with its unit, due date and status, linked to its page.
    const overdue = screen.getByTestId('dashboard-overdue');
    expect(within(overdue).getByTestId('dashboard-overdue-total')).toHaveAttribute('data-count', '14');
    const item = within(overdue).getByTestId('dashboard-obligation-annual_report:2026:12');
    expect(item).toHaveTextContent('Trung tâm TGPL · Hạn 20/10/2026 · Quá hạn 48 ngày');
    expect(item).toHaveTextContent('Quá hạn, chưa thực hiện');
    expect(within(item).getByRole('link')).toHaveAttribute('href', '/lich-bao-cao?key=annual_report:2026:12');
    expect(within(overdue).getByTestId('dashboard-overdue-all')).toHaveAttribute(
      'href',
      '/lich-bao-cao?status=missing',
    );
    const dueSoon = screen.getByTestId('dashboard-due-soon');
    expect(dueSoon).toHaveTextContent('Giới thiệu điển hình tháng 12/2026');
    expect(dueSoon).toHaveTextContent('Hạn 10/12/2026 · Còn 3 ngày');

    // The three charts' places (the chart library itself loads on its own).
    for (const dimension of ['category', 'stage', 'movement']) {
      expect(screen.getByTestId(`dashboard-chart-${dimension}-chart`)).toBeInTheDocument();
    }
    expect(await screen.findByTestId('dashboard-unit', {}, { timeout: 10_000 })).toBeInTheDocument();
  });

  it('asks for the year and unit in the address', async () => {
    signIn('leader');
    const asked = stubApi(
      dashboardAnswer({ year: 2027, unit: TGPL, introductions: { ...GRID, rows: [GRID.rows[0]] } }),
    );
    renderDashboard('/?year=2027&unitId=12');
    await screen.findByTestId('dashboard-figures');
    expect(Object.fromEntries(asked[0])).toEqual({ year: '2027', unitId: '12' });
    expect(screen.getByTestId('dashboard-scope')).toHaveTextContent('Trung tâm Trợ giúp pháp lý');
    // One unit: its links carry it, and no by-unit figure.
    expect(screen.getByTestId('dashboard-discovered-year')).toHaveAttribute(
      'href',
      '/diem-hinh?year=2027&excludeDrafts=true&unitId=12',
    );
    expect(screen.getByTestId('dashboard-discovered-plan')).toHaveAttribute(
      'href',
      '/diem-hinh?yearFrom=2026&yearTo=2030&excludeDrafts=true&unitId=12',
    );
    expect(screen.queryByTestId('dashboard-by-unit')).toBeNull();
    expect(screen.getByTestId('dashboard-overdue-all')).toHaveAttribute(
      'href',
      '/lich-bao-cao?status=missing&unitId=12',
    );
  });

  it('shows a unit head their unit, whatever the address says, with no unit to pick', async () => {
    signIn('unit_head');
    const asked = stubApi(dashboardAnswer({ unit: TGPL, introductions: { ...GRID, rows: [GRID.rows[0]] } }));
    renderDashboard('/?unitId=7');
    await screen.findByTestId('dashboard-figures');
    expect(asked[0].has('unitId')).toBe(false);
    expect(screen.getByTestId('dashboard-scope')).toHaveTextContent('Trung tâm Trợ giúp pháp lý');
    expect(screen.queryByTestId('dashboard-unit')).toBeNull();
    await waitFor(() => expect(screen.getAllByTestId(/^heatmap-row-/)).toHaveLength(1));
    expect(screen.getByTestId('heatmap-row-TGPL')).toBeInTheDocument();
  });
});
