import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { createMemoryRouter, RouterProvider } from 'react-router';
import { describe, expect, it, vi } from 'vitest';
import { HelpEmpty } from './HelpEmpty';

describe('HelpEmpty', () => {
  it('says what is missing and links to the help section about it', async () => {
    const followed = vi.fn();
    const router = createMemoryRouter([
      {
        path: '/',
        element: (
          <HelpEmpty description="Không có điển hình nào phù hợp" topic="exemplars" onFollow={followed} />
        ),
      },
      { path: '/huong-dan', element: <p>Hướng dẫn</p> },
    ]);
    render(<RouterProvider router={router} />);

    expect(screen.getByText('Không có điển hình nào phù hợp')).toBeInTheDocument();
    const link = screen.getByRole('link', { name: 'Xem hướng dẫn sử dụng' });
    expect(link).toHaveAttribute('href', '/huong-dan#trang-diem-hinh');
    await userEvent.setup().click(link);
    await screen.findByText('Hướng dẫn');
    expect(router.state.location.hash).toBe('#trang-diem-hinh');
    expect(followed).toHaveBeenCalledOnce();
  });

  it('without a topic, links to the top of the help page', () => {
    render(
      <RouterProvider
        router={createMemoryRouter([{ path: '/', element: <HelpEmpty description="Chưa có gì" /> }])}
      />,
    );
    expect(screen.getByRole('link', { name: 'Xem hướng dẫn sử dụng' })).toHaveAttribute('href', '/huong-dan');
  });
});
