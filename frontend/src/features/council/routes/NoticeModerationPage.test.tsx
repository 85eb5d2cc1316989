import { cleanup, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { createMemoryRouter, RouterProvider } from 'react-router';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { AppProviders } from '@/app/providers';
import { session } from '@/lib/api/client';
import type { Role, User } from '@/lib/api/models';
import type { QueuedComment } from '../api/types';
import NoticeModerationPage from './NoticeModerationPage';

function signIn(role: Role) {
  const user: User = {
    id: 1,
    username: 'van.phong',
    fullName: 'Lê Thị Hoa',
    role,
    unit: null,
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

const json = (body: unknown, status = 200) =>
  new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });

const page = <T,>(items: T[]) => ({ items, page: 1, pageSize: 10, total: items.length, totalCapped: false });

/** A comment still pending on a proposal whose notice the Office closed: it went to the council. */
const queued: QueuedComment = {
  id: 41,
  proposalId: 9,
  nomineeId: null,
  authorName: 'Phạm Văn Bình',
  contact: '0912 345 678',
  body: 'Đồng chí An luôn tận tình giúp đỡ người dân.',
  status: 'pending',
  moderationReason: null,
  moderatedAt: null,
  moderatedBy: null,
  version: 3,
  createdAt: '2026-11-20T02:00:00Z',
  updatedAt: '2026-11-20T02:00:00Z',
  proposal: {
    id: 9,
    title: 'Đề nghị tặng Bằng khen năm 2026 – Trung tâm Trợ giúp pháp lý',
    state: 'in_council',
    unitShortName: 'TGPL',
    noticeEndsAt: '2026-11-25T10:00:00Z',
  },
};

function renderPage(role: Role) {
  signIn(role);
  const queueAsked: URLSearchParams[] = [];
  const moderations: { path: string; ifMatch: string | null; body: unknown }[] = [];
  vi.stubGlobal(
    'fetch',
    vi.fn(async (request: Request) => {
      const url = new URL(request.url);
      if (url.pathname === '/api/v1/notice-comments' && request.method === 'GET') {
        queueAsked.push(url.searchParams);
        return json(page(moderations.length === 0 ? [queued] : []));
      }
      if (url.pathname === '/api/v1/commendation-proposals') return json(page([]));
      if (url.pathname.startsWith('/api/v1/notice-comments/') && request.method === 'POST') {
        moderations.push({
          path: url.pathname,
          ifMatch: request.headers.get('If-Match'),
          body: await request.json(),
        });
        return json({ ...queued, proposal: undefined, status: 'approved', version: 4 });
      }
      return json({ code: 'not_found', title: 'x', status: 404, type: 'about:blank' }, 404);
    }),
  );
  const router = createMemoryRouter([{ path: '/kiem-duyet-cong-khai', element: <NoticeModerationPage /> }], {
    initialEntries: ['/kiem-duyet-cong-khai'],
  });
  render(
    <AppProviders>
      <RouterProvider router={router} />
    </AppProviders>,
  );
  return { queueAsked, moderations };
}

// Unmounted before the session ends (the page is only ever shown to someone signed in).
afterEach(() => {
  cleanup();
  session.end();
});

describe('NoticeModerationPage', () => {
  it('lists the Office the comments still pending on a proposal gone to the council, and approves one with If-Match', async () => {
    const { queueAsked, moderations } = renderPage('office');

    const row = await screen.findByTestId('comment-queue-row-41');
    expect(queueAsked[0].get('status')).toBe('pending');
    expect(queueAsked[0].get('page')).toBe('1');
    expect(queueAsked[0].get('pageSize')).toBe('10');
    const link = within(row).getByTestId('comment-queue-proposal-41');
    expect(link).toHaveTextContent('Đề nghị tặng Bằng khen năm 2026 – Trung tâm Trợ giúp pháp lý');
    expect(link).toHaveAttribute('href', '/khen-thuong/9');
    expect(row).toHaveTextContent('TGPL');
    expect(row).toHaveTextContent('Chờ Hội đồng xét');
    expect(within(row).getByTestId('comment-queue-ended-41')).toHaveTextContent('Đã hết thời hạn công khai');
    expect(row).toHaveTextContent('Hết hạn công khai 25/11/2026 17:00');
    expect(row).toHaveTextContent('Phạm Văn Bình');
    expect(row).toHaveTextContent('0912 345 678');
    expect(row).toHaveTextContent('Đồng chí An luôn tận tình giúp đỡ người dân.');
    expect(screen.getByTestId('comment-queue')).toHaveTextContent('Tổng số 1 ý kiến');

    const user = userEvent.setup();
    await user.click(within(row).getByTestId('comment-queue-approve-41'));
    await user.click(await screen.findByTestId('moderate-ok'));

    await waitFor(() =>
      expect(moderations).toEqual([
        { path: '/api/v1/notice-comments/41/approve', ifMatch: '"3"', body: { reason: null } },
      ]),
    );
    // The queue is asked again and the comment is gone from it.
    expect(await screen.findByText('Không có ý kiến nào chờ kiểm duyệt')).toBeInTheDocument();
    expect(screen.queryByTestId('comment-queue-row-41')).toBeNull();
  });

  it('shows the leader the queue without the moderation buttons', async () => {
    renderPage('leader');

    const row = await screen.findByTestId('comment-queue-row-41');
    expect(row).toHaveTextContent('Đã hết thời hạn công khai');
    expect(screen.queryByTestId('comment-queue-approve-41')).toBeNull();
    expect(screen.queryByTestId('comment-queue-reject-41')).toBeNull();
  });
});
