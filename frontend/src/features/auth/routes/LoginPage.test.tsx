import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { createMemoryRouter, RouterProvider } from 'react-router';
import { describe, expect, it, vi } from 'vitest';
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
  // No providers: the sign-in page needs none (it loads none of the UI library).
  render(<RouterProvider router={router} />);
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
    // (The page may first have resumed the stored session: a refresh, which finds none.)
    const request = (fetchMock.mock.calls as unknown as [Request][])
      .map(([sent]) => sent)
      .find((sent) => new URL(sent.url).pathname === '/api/v1/auth/login');
    if (!request) throw new Error('no sign-in request was sent');
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
    // Under the field it belongs to, marked invalid and read out with it.
    const username = screen.getByLabelText('Tên đăng nhập');
    expect(username).toHaveAttribute('aria-invalid', 'true');
    expect(username).toHaveAccessibleDescription('Tên đăng nhập quá dài.');
    expect(screen.getByLabelText('Mật khẩu')).not.toHaveAttribute('aria-invalid');
    // Not repeated in the alert above the form, which points to the marked field instead.
    expect(screen.getByTestId('problem-detail')).toHaveTextContent(
      'Vui lòng sửa các ô được đánh dấu đỏ bên dưới rồi thử lại.',
    );
  });

  it('asks for both fields before sending anything, and focuses the first one missing', async () => {
    const fetchMock = vi.fn();
    vi.stubGlobal('fetch', fetchMock);
    renderLogin();
    const user = userEvent.setup();

    await user.type(screen.getByLabelText('Mật khẩu'), 'bi-mat');
    await user.click(screen.getByRole('button', { name: 'Đăng nhập' }));

    expect(screen.getByTestId('login-username-error')).toHaveTextContent('Nhập tên đăng nhập.');
    expect(screen.getByLabelText('Tên đăng nhập')).toHaveFocus();
    expect(screen.getByLabelText('Tên đăng nhập')).toHaveAttribute('aria-invalid', 'true');
    expect(screen.queryByTestId('login-password-error')).toBeNull();
    // Only the silent session refresh went out, no sign-in.
    const sent = fetchMock.mock.calls.map((call) => new URL((call[0] as Request).url).pathname);
    expect(sent).not.toContain('/api/v1/auth/login');

    // Typing clears the message.
    await user.type(screen.getByLabelText('Tên đăng nhập'), 'admin');
    expect(screen.queryByTestId('login-username-error')).toBeNull();
  });

  it('shows and hides the password on request', async () => {
    renderLogin();
    const user = userEvent.setup();
    const password = screen.getByLabelText('Mật khẩu');
    expect(password).toHaveAttribute('type', 'password');
    await user.click(screen.getByRole('button', { name: 'Hiện mật khẩu' }));
    expect(password).toHaveAttribute('type', 'text');
    await user.click(screen.getByRole('button', { name: 'Ẩn mật khẩu' }));
    expect(password).toHaveAttribute('type', 'password');
  });
});
