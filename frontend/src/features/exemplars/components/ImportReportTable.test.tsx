import { render, screen, within } from '@testing-library/react';
import { createMemoryRouter, RouterProvider } from 'react-router';
import { describe, expect, it } from 'vitest';
import { AppProviders } from '@/app/providers';
import { importRowsView } from './import-report';
import { ImportReportTable } from './ImportReportTable';

function renderTable(element: React.ReactNode) {
  const router = createMemoryRouter([{ path: '/', element }]);
  render(
    <AppProviders>
      <RouterProvider router={router} />
    </AppProviders>,
  );
}

describe('ImportReportTable', () => {
  it('shows every row with its number, name and the server’s Vietnamese errors by column', () => {
    renderTable(
      <ImportReportTable
        rows={importRowsView([
          { row: 2, name: 'Nguyễn Văn An', errors: [] },
          {
            row: 3,
            name: 'Tổ hòa giải ấp 1',
            errors: [
              { field: 'Số thành viên', code: 'required', message: 'Nhập số thành viên của tập thể.' },
            ],
          },
          { row: 4, name: 'Lê Thị Bình', errors: [], createdId: 42 },
        ])}
      />,
    );

    const valid = screen.getByTestId('import-row-2');
    expect(valid).toHaveAttribute('data-ok', 'true');
    expect(within(valid).getByText('Nguyễn Văn An')).toBeInTheDocument();
    expect(within(valid).getByText('Hợp lệ')).toBeInTheDocument();

    const wrong = screen.getByTestId('import-row-3');
    expect(wrong).toHaveAttribute('data-ok', 'false');
    expect(within(wrong).getByTestId('import-problem')).toHaveTextContent(
      'Số thành viênNhập số thành viên của tập thể.',
    );

    const created = screen.getByTestId('import-row-4');
    expect(within(created).getByRole('link', { name: 'Lê Thị Bình' })).toHaveAttribute(
      'href',
      '/diem-hinh/42',
    );
    expect(within(created).getByText('Đã nhập')).toBeInTheDocument();
  });
});
