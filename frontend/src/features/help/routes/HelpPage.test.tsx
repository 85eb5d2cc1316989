import { cleanup, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { createMemoryRouter, RouterProvider } from 'react-router';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { AppProviders } from '@/app/providers';
import { session } from '@/lib/api/client';
import type { Role, User } from '@/lib/api/models';
import { dayjs } from '@/lib/dates';
import { planCalendar } from '../components/calendar';
import HelpPage from './HelpPage';

const TGPL = {
  id: 5,
  code: 'TGPL',
  shortName: 'Trung tâm TGPL',
  name: 'Trung tâm Trợ giúp pháp lý nhà nước',
};

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

function json(body: unknown, status = 200) {
  return new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });
}

/** The settings say introductions are due by the 12th (not the default 10th). */
function stubSettings() {
  vi.stubGlobal(
    'fetch',
    vi.fn(async (request: Request) => {
      if (new URL(request.url).pathname === '/api/v1/settings') {
        return json({ introductionDueDay: 12, introductionsStart: '2026-04', version: 3 });
      }
      return json({ code: 'route_not_found', title: 'x', status: 404, type: 'about:blank' }, 404);
    }),
  );
}

function renderHelp(role: Role, at = '/huong-dan') {
  signIn(role);
  stubSettings();
  const router = createMemoryRouter(
    [
      { path: '/huong-dan', element: <HelpPage /> },
      { path: '*', element: <p>Trang khác</p> },
    ],
    { initialEntries: [at] },
  );
  render(
    <AppProviders>
      <RouterProvider router={router} />
    </AppProviders>,
  );
  return router;
}

// Unmounted before the session ends (the page is only ever shown to someone signed in).
afterEach(() => {
  cleanup();
  session.end();
});

describe('HelpPage', () => {
  it('shows a unit head their own tasks first, with the due day from the settings and links to where each is done', async () => {
    renderHelp('unit_head');

    const own = screen.getByTestId('help-own-role');
    expect(own).toHaveTextContent('Việc của bạn – Thủ trưởng đơn vị');
    expect(within(own).getByTestId('help-role-unit_head')).toBeInTheDocument();
    // The reader's own section comes before the common ones.
    const stages = screen.getByTestId('help-stages');
    expect(own.compareDocumentPosition(stages) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();

    // The due day is the programme's setting, not a hard-coded 10.
    await waitFor(() =>
      expect(screen.getByTestId('help-task-unit_head-introduce')).toHaveTextContent(
        'trước hoặc trong ngày 12',
      ),
    );
    expect(screen.getByTestId('help-task-link-unit_head-introduce')).toHaveAttribute('href', '/gioi-thieu');
    expect(screen.getByTestId('help-task-link-unit_head-submit')).toHaveAttribute(
      'href',
      '/diem-hinh?recordStatus=draft',
    );
    expect(screen.getByTestId('help-task-link-unit_head-milestones')).toHaveAttribute(
      'href',
      '/diem-hinh?milestones=due_soon',
    );
    expect(screen.getByTestId('help-task-link-unit_head-annual-report')).toHaveAttribute(
      'href',
      '/diem-hinh',
    );
    expect(screen.getByTestId('help-task-link-unit_head-reviews')).toHaveAttribute(
      'href',
      '/huong-dan#lich-thuc-hien',
    );
    expect(screen.getByTestId('help-role')).toHaveTextContent('Thủ trưởng đơn vị');

    // The four stages, in the app's words, and the four standards.
    expect(
      ['discovered', 'nurturing', 'summarized', 'replicated'].map(
        (stage) => screen.getByTestId(`help-stage-${stage}`).textContent,
      ),
    ).toEqual([
      expect.stringContaining('1. Phát hiện'),
      expect.stringContaining('2. Bồi dưỡng'),
      expect.stringContaining('3. Tổng kết'),
      expect.stringContaining('4. Nhân rộng'),
    ]);
    expect(screen.getByTestId('help-stage-nurturing')).toHaveTextContent('Kế hoạch bồi dưỡng');
    expect(within(screen.getByTestId('help-standards')).getAllByRole('listitem')).toHaveLength(4);
    expect(screen.getByTestId('help-standards')).toHaveTextContent('Hoàn thành xuất sắc nhiệm vụ được giao.');

    // The plan's calendar, the unit head's rows marked.
    expect(screen.getByTestId('help-deadline-introduction')).toHaveTextContent(
      'Trước hoặc trong ngày 12 hằng tháng',
    );
    expect(screen.getByTestId('help-deadline-mine-introduction')).toHaveTextContent('Việc của bạn');
    expect(screen.getByTestId('help-deadline-mine-unit-report')).toBeInTheDocument();
    expect(screen.queryByTestId('help-deadline-mine-office-report')).not.toBeInTheDocument();
    expect(screen.getByTestId('help-deadline-unit-report')).toHaveTextContent('Ngày 20/10 hằng năm');
    expect(screen.getByTestId('help-deadline-office-report')).toHaveTextContent('Ngày 30/10 hằng năm');
    expect(screen.getByTestId('help-deadline-mid-term-units')).toHaveTextContent('Trước ngày 20/05/2028');
    expect(screen.getByTestId('help-deadline-mid-term-office')).toHaveTextContent('Trước ngày 30/05/2028');
    expect(screen.getByTestId('help-deadline-final-units')).toHaveTextContent('Trước ngày 20/07/2030');
    expect(screen.getByTestId('help-deadline-final-office')).toHaveTextContent('Trước ngày 31/07/2030');
    expect(screen.getByTestId('help-deadline-next-final-office')).toHaveTextContent('31/07/2030');
    expect(screen.getByTestId('help-deadline-next-introduction').textContent).toMatch(/^12\/\d{2}\/\d{4}$/);
    expect(screen.getByTestId('help-calendar-section')).toHaveTextContent('tính từ tháng 04/2026');

    // The pages the unit head can open; no administration pages.
    expect(screen.getByTestId('help-page-trang-diem-hinh')).toBeInTheDocument();
    expect(screen.getByTestId('help-page-trang-thong-bao')).toBeInTheDocument();
    expect(screen.queryByTestId('help-page-trang-nguoi-dung')).not.toBeInTheDocument();
  });

  it.each([
    ['unit_staff', 'Cán bộ đơn vị', 'write-up', '/gioi-thieu'],
    ['office', 'Văn phòng Sở', 'confirm', '/diem-hinh?recordStatus=submitted'],
    ['leader', 'Lãnh đạo Sở', 'proposals', '/diem-hinh?hasProposal=true'],
    ['admin', 'Quản trị hệ thống', 'service-accounts', '/tai-khoan-tich-hop'],
  ] as const)('shows %s their own section first', async (role, label, task, href) => {
    renderHelp(role);
    const own = screen.getByTestId('help-own-role');
    expect(own).toHaveTextContent(`Việc của bạn – ${label}`);
    expect(within(own).getByTestId(`help-role-${role}`)).toBeInTheDocument();
    expect(within(own).getByTestId(`help-task-link-${role}-${task}`)).toHaveAttribute('href', href);
    // The other roles are folded below.
    expect(screen.getByTestId('help-other-roles')).not.toHaveTextContent(label);
  });

  it("names the pages of other roles' tasks without linking to pages the reader may not open", async () => {
    renderHelp('unit_staff');
    await userEvent.setup().click(screen.getByRole('button', { name: /Quản trị hệ thống/ }));
    const admin = await screen.findByTestId('help-role-admin');
    expect(within(admin).getByTestId('help-task-admin-users')).toHaveTextContent('Người dùng');
    expect(within(admin).queryByTestId('help-task-link-admin-users')).not.toBeInTheDocument();
  });

  it('opens at the section the address names, with the keyboard focus there', async () => {
    renderHelp('office', '/huong-dan#lich-thuc-hien');
    await waitFor(() => expect(document.activeElement).toBe(document.getElementById('lich-thuc-hien')));
    expect(screen.getByTestId('help-deadline-mine-office-report')).toBeInTheDocument();
  });

  it('follows a link within the page', async () => {
    const router = renderHelp('leader');
    await userEvent.setup().click(screen.getByTestId('help-toc-tieu-chuan-chung'));
    expect(router.state.location.hash).toBe('#tieu-chuan-chung');
    await waitFor(() => expect(document.activeElement).toBe(document.getElementById('tieu-chuan-chung')));
  });
});

describe('planCalendar', () => {
  const next = (today: string, dueDay?: number) =>
    Object.fromEntries(
      planCalendar(dayjs(today), dueDay).map((deadline) => [
        deadline.key,
        deadline.next?.format('DD/MM/YYYY'),
      ]),
    );

  it('gives the next monthly due day and the next yearly reports, and the fixed reviews', () => {
    expect(next('2026-11-10', 10)).toEqual({
      introduction: '10/11/2026',
      'unit-report': '20/10/2027',
      'office-report': '30/10/2027',
      'mid-term-units': '20/05/2028',
      'mid-term-office': '30/05/2028',
      'final-units': '20/07/2030',
      'final-office': '31/07/2030',
    });
    expect(next('2026-11-11', 10).introduction).toBe('10/12/2026');
    expect(next('2026-12-20', 15).introduction).toBe('15/01/2027');
    expect(next('2026-10-20', 10)['unit-report']).toBe('20/10/2026');
    expect(next('2026-10-21', 10)['office-report']).toBe('30/10/2026');
  });

  it('leaves the monthly date open until the due day is known', () => {
    const [introduction] = planCalendar(dayjs('2026-11-10'), undefined);
    expect(introduction.next).toBeNull();
    expect(introduction.when).toBe('Trước hoặc trong ngày … hằng tháng');
  });
});
