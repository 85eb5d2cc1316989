import { render, screen } from '@testing-library/react';
import { createMemoryRouter, RouterProvider } from 'react-router';
import { describe, expect, it } from 'vitest';
import { AppProviders } from '@/app/providers';
import type { ExemplarSummary, Page } from '@/lib/api/models';
import { ExemplarTable } from './ExemplarTable';

function exemplar(id: number): ExemplarSummary {
  return {
    id,
    name: `Nguyễn Văn ${id}`,
    category: 'advanced',
    subjectKind: 'individual',
    stage: 'discovered',
    recordStatus: 'confirmed',
    fieldOfWork: 'Trợ giúp pháp lý',
    discoveredOn: '2026-03-02',
    updatedAt: '2026-03-02T01:00:00Z',
    unit: { id: 2, code: 'TGPL', name: 'Trung tâm Trợ giúp pháp lý nhà nước', shortName: 'Trung tâm TGPL' },
    version: 1,
    published: false,
  };
}

function renderTable(data: Page<ExemplarSummary>) {
  const router = createMemoryRouter([
    {
      path: '/',
      element: (
        <ExemplarTable
          data={data}
          loading={false}
          sort={undefined}
          showUnit
          onPage={() => {}}
          onSort={() => {}}
        />
      ),
    },
  ]);
  render(
    <AppProviders>
      <RouterProvider router={router} />
    </AppProviders>,
  );
}

const firstPage = Array.from({ length: 20 }, (_, index) => exemplar(index + 1));

describe('ExemplarTable', () => {
  it('shows the exact count of a list counted in full', () => {
    renderTable({ items: firstPage, total: 35, totalCapped: false, page: 1, pageSize: 20 });
    expect(screen.getByText('35 điển hình')).toBeInTheDocument();
    expect(screen.getByTitle('2')).toBeInTheDocument();
    expect(screen.queryByTitle('3')).not.toBeInTheDocument();
  });

  it('says there are more than 200 results, not 200, when the search stopped counting', () => {
    renderTable({ items: firstPage, total: 200, totalCapped: true, page: 1, pageSize: 20 });
    expect(screen.getByText('Hơn 200 kết quả — hãy thu hẹp điều kiện tìm kiếm')).toBeInTheDocument();
    expect(screen.queryByText(/^200 /)).not.toBeInTheDocument();
    // The pager reaches past the 200 counted (page 11), and no further than what is known.
    expect(screen.getByTitle('11')).toBeInTheDocument();
    expect(screen.queryByTitle('12')).not.toBeInTheDocument();
  });
});
