import { render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { createMemoryRouter, RouterProvider } from 'react-router';
import { describe, expect, it, vi } from 'vitest';
import { AppProviders } from '@/app/providers';
import { NotificationBell } from './NotificationBell';

const reminder = {
  id: 7,
  kind: 'introduction_reminder',
  title: 'Nhắc giới thiệu điển hình tháng 11/2026',
  body: 'Văn phòng Sở nhắc đơn vị giới thiệu điển hình tháng 11/2026.',
  link: '/gioi-thieu?month=2026-11',
  createdAt: '2026-11-12T02:30:00Z',
  readAt: null,
};

function json(body: unknown, status = 200) {
  return new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });
}

describe('NotificationBell', () => {
  it('shows the unread count, and a click marks the notification read and follows its link', async () => {
    const marked: unknown[] = [];
    vi.stubGlobal(
      'fetch',
      vi.fn(async (request: Request) => {
        const { pathname } = new URL(request.url);
        if (pathname === '/api/v1/notifications/unread-count') return json({ unreadCount: 3 });
        if (pathname === '/api/v1/notifications')
          return json({ items: [reminder], total: 1, unreadCount: 3, page: 1, pageSize: 10 });
        if (pathname === '/api/v1/notifications/read') {
          marked.push(await request.json());
          return json({ unreadCount: 2 });
        }
        return json({ code: 'unauthorized', title: 'x', status: 401, type: 'about:blank' }, 401);
      }),
    );
    const router = createMemoryRouter([
      { path: '/', element: <NotificationBell /> },
      { path: '/gioi-thieu', element: <p>Trang giới thiệu</p> },
    ]);
    render(
      <AppProviders>
        <RouterProvider router={router} />
      </AppProviders>,
    );

    await waitFor(() => expect(screen.getByTestId('bell')).toHaveAttribute('data-unread', '3'));
    expect(screen.getByTestId('bell-count-badge')).toHaveTextContent('3');
    await userEvent.setup().click(screen.getByTestId('bell'));
    const item = await screen.findByTestId('bell-item-7');
    expect(item).toHaveAttribute('data-unread', 'true');
    expect(item).toHaveTextContent('12/11/2026 09:30');
    await userEvent.setup().click(item);

    await screen.findByText('Trang giới thiệu');
    expect(router.state.location.search).toBe('?month=2026-11');
    await waitFor(() => expect(marked).toEqual([{ ids: [7] }]));
  });
});
