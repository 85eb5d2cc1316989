import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { createMemoryRouter, RouterProvider } from 'react-router';
import { describe, expect, it, vi } from 'vitest';
import { AppProviders } from '@/app/providers';
import LoginPage from './LoginPage';

function problemResponse(status: number, body: object, headers: Record<string, string> = {}) {
  return new Response(JSON.stringify({ type: 'urn:lantoa:problem', status, ...body }), {
    status,
    headers: { 'Content-Type': 'application/problem+json', ...headers },
  });
}

function renderLogin() {
  const router = createMemoryRouter(
    [
      { path: '/dang-nhap', element: <LoginPage /> },
      { path: '/', element: <p>Trang chủ</p> },
    ],
    { initialEntries: ['/dang-nhap'] },
  );
  render(
    <AppProviders>
      <RouterProvider router={router} />
    </AppProviders>,
  );
}

async function submit(username: string, password: string) {
  const user = userEvent.setup();
  await user.type(screen.getByTestId('login-username'), username);
  await user.type(screen.getByTestId('login-password'), password);
  await user.click(screen.getByTestId('login-submit'));
}

describe('LoginPage', () => {
  it('shows the server’s Vietnamese explanation and request id for wrong credentials', async () => {
    const fetchMock = vi.fn(async () =>
      problemResponse(401, {
        code: 'invalid_credentials',
        title: 'Sai tên đăng nhập hoặc mật khẩu',
        detail: 'Tên đăng nhập hoặc mật khẩu không đúng.',
        requestId: 'req-42',
      }),
    );
    vi.stubGlobal('fetch', fetchMock);
    renderLogin();

    await submit('admin', 'sai-mat-khau');

    expect(await screen.findByText('Sai tên đăng nhập hoặc mật khẩu')).toBeInTheDocument();
    expect(screen.getByTestId('problem-detail')).toHaveTextContent('Tên đăng nhập hoặc mật khẩu không đúng.');
    expect(screen.getByTestId('problem-request-id')).toHaveTextContent('req-42');
    // What the user typed stays, and nothing leaks into the address bar.
    expect(screen.getByTestId('login-username')).toHaveValue('admin');
    const request = (fetchMock.mock.calls[0] as unknown as [Request])[0];
    expect(request.method).toBe('POST');
    expect(new URL(request.url).search).toBe('');
    expect(await request.json()).toEqual({ username: 'admin', password: 'sai-mat-khau' });
  });

  it('tells how long to wait when sign-in is throttled', async () => {
    vi.stubGlobal(
      'fetch',
      vi.fn(async () =>
        problemResponse(
          429,
          {
            code: 'too_many_requests',
            title: 'Quá nhiều lần thử',
            detail: 'Bạn đã thử sai quá nhiều lần. Vui lòng thử lại sau 120 giây.',
          },
          { 'Retry-After': '120' },
        ),
      ),
    );
    renderLogin();

    await submit('admin', 'sai-mat-khau');

    expect(await screen.findByText('Quá nhiều lần thử')).toBeInTheDocument();
    expect(screen.getByTestId('login-wait')).toHaveTextContent('Bạn có thể thử lại sau 120 giây.');
    expect(screen.getByTestId('login-submit')).toBeDisabled();
  });

  it('puts field errors from the server under the fields', async () => {
    vi.stubGlobal(
      'fetch',
      vi.fn(async () =>
        problemResponse(422, {
          code: 'validation_failed',
          title: 'Dữ liệu không hợp lệ',
          errors: [{ field: 'username', code: 'length', message: 'Tên đăng nhập quá dài.' }],
        }),
      ),
    );
    renderLogin();

    await submit('a'.repeat(10), 'x');

    expect(await screen.findByText('Tên đăng nhập quá dài.')).toBeInTheDocument();
    expect(screen.getByText('Tên đăng nhập quá dài.').closest('.ant-form-item')).toHaveClass(
      'ant-form-item-has-error',
    );
  });
});
