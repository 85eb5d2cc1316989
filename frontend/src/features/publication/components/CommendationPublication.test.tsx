import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import { createMemoryRouter, RouterProvider } from 'react-router';
import { describe, expect, it, vi } from 'vitest';
import { AppProviders } from '@/app/providers';
import type { CommendationPublication } from '../api/commendation-publication';
import { CommendationPublicationButton } from './CommendationPublication';

const publication = (over: Partial<CommendationPublication> = {}): CommendationPublication => ({
  nomineeId: 9,
  proposalId: 3,
  decided: true,
  status: 'not_published',
  public: false,
  publicSummary: 'Tổ hòa giải hòa giải thành 25 vụ việc trong năm.',
  consentRequired: false,
  consent: null,
  publicUrl: null,
  allowedActions: [{ action: 'edit' }, { action: 'publish' }],
  version: 0,
  ...over,
});

const json = (body: unknown, status = 200) =>
  new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });

/** Answers GET with `read` (in turn), and the writes with `write`. */
function showPublication(
  read: CommendationPublication[],
  write: (request: Request) => Promise<Response> = async () => json(read[0]),
) {
  let reads = 0;
  const fetch = vi.fn(async (request: Request) => {
    // No session in these tests: the client's refresh is refused, and it asks without a token.
    if (request.url.includes('/api/v1/auth/')) return json({ status: 401, title: 'Chưa đăng nhập' }, 401);
    if (request.method === 'GET') return json(read[Math.min(reads++, read.length - 1)]);
    return write(request);
  });
  vi.stubGlobal('fetch', fetch);
  const router = createMemoryRouter(
    [
      {
        path: '/khen-thuong/:id',
        element: (
          <CommendationPublicationButton target={{ proposalId: 3, nomineeId: 9, name: 'Tổ hòa giải ấp 3' }} />
        ),
      },
    ],
    { initialEntries: ['/khen-thuong/3'] },
  );
  render(
    <AppProviders>
      <RouterProvider router={router} />
    </AppProviders>,
  );
  fireEvent.click(screen.getByTestId('nominee-publication-9'));
  return fetch;
}

const reads = (fetch: ReturnType<typeof showPublication>) =>
  fetch.mock.calls.filter(([request]) => (request as Request).method === 'GET').length;

describe('CommendationPublicationButton', () => {
  it('publishes with If-Match, then shows the status and the public page', async () => {
    const published = publication({
      status: 'published',
      public: true,
      publicUrl: 'https://congkhai.example.vn/cong-khai/khen-thuong/9',
      publishedAt: '2026-12-10T03:00:00Z',
      allowedActions: [{ action: 'edit' }, { action: 'unpublish' }],
      version: 1,
    });
    const write = vi.fn(async (_request: Request) => json(published));
    showPublication([publication(), published], write);
    expect(await screen.findByTestId('commendation-publication-status')).toHaveTextContent('Chưa công bố');
    expect(screen.queryByTestId('consent-given-on')).toBeNull();
    expect(screen.queryByTestId('commendation-unpublish')).toBeNull();

    fireEvent.click(screen.getByTestId('commendation-publish'));
    await waitFor(() => expect(write).toHaveBeenCalled());
    const request = write.mock.calls[0][0];
    expect(request.url).toMatch(/\/api\/v1\/commendation-nominees\/9\/publication\/publish$/);
    expect(request.headers.get('If-Match')).toBe('"0"');
    expect(await request.json()).toEqual({
      publicSummary: 'Tổ hòa giải hòa giải thành 25 vụ việc trong năm.',
    });

    expect(await screen.findByTestId('commendation-publication-status')).toHaveTextContent('Đang công bố');
    expect(screen.getByTestId('commendation-public-link')).toHaveAttribute(
      'href',
      '/cong-khai/khen-thuong/9',
    );
    expect(screen.getByTestId('commendation-unpublish')).toBeInTheDocument();
    expect(screen.queryByTestId('commendation-publish')).toBeNull();
  });

  it('asks an individual’s consent and says why publishing waits', async () => {
    showPublication([
      publication({
        consentRequired: true,
        allowedActions: [
          { action: 'edit' },
          { action: 'publish', disabledReason: 'Chưa ghi nhận sự đồng ý của cá nhân.' },
        ],
      }),
    ]);
    expect(await screen.findByTestId('consent-given-on')).toBeInTheDocument();
    expect(screen.getByTestId('consent-method')).toBeInTheDocument();
    expect(screen.getByTestId('commendation-publish-blocked')).toHaveTextContent(
      'Chưa ghi nhận sự đồng ý của cá nhân.',
    );
    expect(screen.getByTestId('commendation-publish')).toBeDisabled();
  });

  it('shows the text read-only to whom may only take it down', async () => {
    showPublication([
      publication({
        status: 'published',
        public: true,
        allowedActions: [{ action: 'unpublish' }],
        version: 2,
      }),
    ]);
    expect(await screen.findByTestId('commendation-publication-summary-text')).toHaveTextContent(
      'Tổ hòa giải hòa giải thành 25 vụ việc',
    );
    expect(screen.queryByTestId('commendation-publication-form')).toBeNull();
    expect(screen.getByTestId('commendation-unpublish')).toBeInTheDocument();
  });

  it('reads the publication again when someone changed it meanwhile (412)', async () => {
    const newer = publication({
      publicSummary: 'Nội dung người khác vừa lưu, dài hơn mười ký tự.',
      version: 4,
    });
    const write = vi.fn(async (_request: Request) =>
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
    const fetch = showPublication([publication(), newer], write);
    fireEvent.click(await screen.findByTestId('commendation-publication-save'));
    await waitFor(() => expect(write).toHaveBeenCalled());
    expect(write.mock.calls[0][0].method).toBe('PUT');
    await waitFor(() => expect(reads(fetch)).toBe(2));
    expect(await screen.findByTestId('commendation-publication-summary')).toHaveValue(
      'Nội dung người khác vừa lưu, dài hơn mười ký tự.',
    );
    expect(screen.getByText('Bản ghi đã được người khác cập nhật.', { exact: false })).toBeInTheDocument();
  });
});
