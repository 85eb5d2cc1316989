import { render, screen, waitFor } from '@testing-library/react';
import { createMemoryRouter, RouterProvider } from 'react-router';
import { describe, expect, it, vi } from 'vitest';
import type { PublicCommendation } from '../api/portal';
import CommendationsPage from './CommendationsPage';
import PortalLayout from './PortalLayout';
import PublicCommendationPage from './PublicCommendationPage';

const commendation = (over: Partial<PublicCommendation> = {}): PublicCommendation => ({
  id: 9,
  name: 'Phạm Thị Hòa',
  subjectKind: 'individual',
  jobTitle: 'Hòa giải viên',
  workplace: 'Tổ hòa giải ấp Tân Hòa',
  unit: { id: 4, name: 'Phòng Tư pháp huyện Cao Lãnh', shortName: 'PTP Cao Lãnh' },
  awardForm: 'Giấy khen của Giám đốc Sở Tư pháp',
  authority: 'giam_doc_so',
  authorityLabel: 'Giám đốc Sở Tư pháp',
  commendationType: 'ad_hoc',
  commendationTypeLabel: 'Đột xuất',
  year: 2026,
  decisionNumber: '05/QĐ-STP',
  decisionDate: '2026-12-10',
  publicSummary: 'Hòa giải thành vụ tranh chấp đất đai kéo dài nhiều năm.\n\nĐược nhân dân ghi nhận.',
  exemplarUrl: 'https://congkhai.example.vn/cong-khai/guong-dien-hinh/4',
  publicUrl: 'https://congkhai.example.vn/cong-khai/khen-thuong/9',
  publishedAt: '2026-12-11T03:00:00Z',
  updatedAt: '2026-12-11T03:00:00Z',
  ...over,
});

const json = (body: unknown, status = 200) =>
  new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });

function showPortal(path: string, answer: (request: Request) => Response) {
  const fetch = vi.fn(async (request: Request) => answer(request));
  vi.stubGlobal('fetch', fetch);
  const router = createMemoryRouter(
    [
      {
        path: '/cong-khai',
        element: <PortalLayout />,
        children: [
          { path: 'khen-thuong', element: <CommendationsPage /> },
          { path: 'khen-thuong/:id', element: <PublicCommendationPage /> },
        ],
      },
    ],
    { initialEntries: [path] },
  );
  render(<RouterProvider router={router} />);
  return fetch;
}

describe('the public commendations', () => {
  it('lists them with the decision, and asks with the filters of the address', async () => {
    const fetch = showPortal('/cong-khai/khen-thuong?q=hoa&year=2026', () =>
      json({ items: [commendation()], total: 1, page: 1, pageSize: 12 }),
    );
    const item = await screen.findByTestId('portal-commendation-item');
    expect(item).toHaveTextContent('Phạm Thị Hòa');
    expect(item).toHaveTextContent('Hòa giải viên – Tổ hòa giải ấp Tân Hòa');
    expect(item).toHaveTextContent('Quyết định số 05/QĐ-STP ngày 10/12/2026 · Phòng Tư pháp huyện Cao Lãnh');
    expect(item).not.toHaveTextContent('Được nhân dân ghi nhận');
    expect(screen.getByRole('link', { name: 'Phạm Thị Hòa' })).toHaveAttribute(
      'href',
      '/cong-khai/khen-thuong/9',
    );
    expect(screen.getByTestId('portal-nav-commendations')).toHaveAttribute('href', '/cong-khai/khen-thuong');
    const url = new URL((fetch.mock.calls[0][0] as Request).url);
    expect(url.pathname).toBe('/api/v1/public/commendations');
    expect(url.searchParams.get('q')).toBe('hoa');
    expect(url.searchParams.get('year')).toBe('2026');
    expect(screen.getByTestId('portal-commendation-year')).toHaveValue('2026');
  });

  it('shows one with its decision and the exemplar it came from', async () => {
    showPortal('/cong-khai/khen-thuong/9', () => json(commendation()));
    expect(await screen.findByTestId('portal-commendation-detail')).toBeInTheDocument();
    expect(screen.getByTestId('portal-commendation-name')).toHaveTextContent('Phạm Thị Hòa');
    expect(screen.getByTestId('portal-commendation-decision')).toHaveTextContent(
      'Quyết định số 05/QĐ-STP ngày 10/12/2026',
    );
    expect(screen.getByTestId('portal-commendation-exemplar')).toHaveAttribute(
      'href',
      '/cong-khai/guong-dien-hinh/4',
    );
    await waitFor(() => expect(document.title).toBe('Phạm Thị Hòa – Lan Tỏa'));
  });

  it('says it is not found once taken down', async () => {
    showPortal('/cong-khai/khen-thuong/9', () =>
      json({ status: 404, title: 'Không tìm thấy', detail: 'Không tìm thấy khen thưởng đã công bố.' }, 404),
    );
    expect(await screen.findByTestId('portal-not-found')).toHaveTextContent(
      'Không tìm thấy khen thưởng đã công bố',
    );
    expect(screen.queryByTestId('portal-commendation-exemplar')).toBeNull();
  });
});
