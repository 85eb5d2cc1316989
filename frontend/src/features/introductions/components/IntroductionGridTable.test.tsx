import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { AppProviders } from '@/app/providers';
import type { CellStatus, IntroductionGrid } from '@/lib/api/models';
import { GridLegend, IntroductionGridTable } from './IntroductionGridTable';

const tgpl = { id: 8, code: 'TGPL', shortName: 'Trung tâm TGPL', name: 'Trung tâm Trợ giúp pháp lý' };
const months = Array.from({ length: 12 }, (_, index) => `2026-${String(index + 1).padStart(2, '0')}`);
const statuses: CellStatus[] = [
  'on_time',
  'late',
  'missing',
  'missing',
  'missing',
  'missing',
  'missing',
  'missing',
  'missing',
  'missing',
  'pending',
  'upcoming',
];

const grid: IntroductionGrid = {
  year: 2026,
  dueDay: 10,
  startMonth: '2026-01',
  today: '2026-11-05',
  months,
  rows: [
    {
      unit: tgpl,
      cells: months.map((month, index) => ({
        month,
        dueOn: `${month}-10`,
        status: statuses[index],
        submitted: index === 0 ? 2 : index === 1 ? 1 : 0,
        drafts: index === 10 ? 1 : 0,
      })),
      onTime: 1,
      late: 1,
      missing: 8,
    },
  ],
};

describe('IntroductionGridTable', () => {
  it('colours each month by its status, counts per unit, and opens a cell', async () => {
    const onSelect = vi.fn();
    render(
      <AppProviders>
        <GridLegend />
        <IntroductionGridTable grid={grid} loading={false} onSelect={onSelect} />
      </AppProviders>,
    );

    // Every status the grid can show is in the legend, with what it means.
    expect(screen.getByTestId('grid-legend-on_time')).toHaveTextContent('✓Đúng hạn: đã gửi');
    expect(screen.getByTestId('grid-legend-late')).toHaveTextContent('!Trễ hạn: đã gửi, nhưng sau ngày hạn');
    expect(screen.getByTestId('grid-legend-missing')).toHaveTextContent('✗Chưa giới thiệu: đã quá hạn');
    expect(screen.getByTestId('grid-legend-pending')).toHaveTextContent('…Chưa đến hạn: tháng này');
    expect(screen.getByTestId('grid-legend-upcoming')).toHaveTextContent('Tháng tới: các tháng chưa đến');
    expect(screen.getByTestId('grid-legend-not_applicable')).toHaveTextContent(
      /–Chưa áp dụng: không tính: .*thành lập hoặc hoạt động lại/,
    );
    const january = screen.getByTestId('grid-cell-TGPL-2026-01');
    expect(january).toHaveAttribute('data-status', 'on_time');
    expect(january).toHaveTextContent('✓2');
    expect(january).toHaveAccessibleName(/Trung tâm TGPL – tháng 01\/2026: Đúng hạn\. 2 bài đã gửi\./);
    expect(screen.getByTestId('grid-cell-TGPL-2026-02')).toHaveAttribute('data-status', 'late');
    expect(screen.getByTestId('grid-cell-TGPL-2026-11')).toHaveAccessibleName(
      /Chưa đến hạn\. 1 bài nháp chưa gửi\. Hạn: 10\/11\/2026\./,
    );
    expect(screen.getByTestId('grid-missing-TGPL')).toHaveTextContent('8');
    expect(screen.getByTestId('grid-ontime-TGPL')).toHaveTextContent('1');

    await userEvent.setup().click(screen.getByTestId('grid-cell-TGPL-2026-03'));
    expect(onSelect).toHaveBeenCalledWith(tgpl, '2026-03');
  });
});
