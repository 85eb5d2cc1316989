import { describe, expect, it } from 'vitest';
import { heatmapCellLabel, heatmapCellText, monthHeader } from './heatmap';
import { GRID, TGPL } from './test/fixtures';

const cell = (month: string) => GRID.rows[0].cells.find((c) => c.month === month)!;

describe('heatmap cells', () => {
  it('say the unit, the month, the status, the due date (dd/mm/yyyy) and the counts', () => {
    expect(heatmapCellLabel(TGPL, cell('2026-01'))).toBe(
      'Trung tâm TGPL – tháng 01/2026: Đúng hạn. Hạn: 10/01/2026. Đã gửi 2 bài.',
    );
    expect(heatmapCellLabel(TGPL, cell('2026-02'))).toBe(
      'Trung tâm TGPL – tháng 02/2026: Trễ hạn. Hạn: 10/02/2026. Đã gửi 1 bài.',
    );
    expect(heatmapCellLabel(TGPL, cell('2026-12'))).toBe(
      'Trung tâm TGPL – tháng 12/2026: Chưa đến hạn. Hạn: 10/12/2026. 1 bài nháp chưa gửi.',
    );
  });

  it('give the due date the calendar moved, not the plan’s day', () => {
    expect(heatmapCellLabel(TGPL, cell('2026-05'))).toBe(
      'Trung tâm TGPL – tháng 05/2026: Chưa giới thiệu. Hạn: 11/05/2026.',
    );
  });

  it('show the status’s symbol, with the number sent when more than one', () => {
    expect(heatmapCellText(cell('2026-01'))).toBe('✓2');
    expect(heatmapCellText(cell('2026-02'))).toBe('!');
    expect(heatmapCellText(cell('2026-05'))).toBe('✗');
    expect(monthHeader('2026-05')).toBe('T5');
    expect(monthHeader('2026-12')).toBe('T12');
  });
});
