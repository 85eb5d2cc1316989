import { describe, expect, it } from 'vitest';
import type { GridCell } from '@/lib/api/models';
import { CELL_LOOKS, cellDescription, cellText, dueDate, LEGEND, monthColumn } from './grid-status';
import { introductionPermissions } from './introduction-permissions';

const tgpl = { id: 8, code: 'TGPL', shortName: 'Trung tâm TGPL', name: 'Trung tâm Trợ giúp pháp lý' };
const cell = (patch: Partial<GridCell>): GridCell => ({
  month: '2026-11',
  dueOn: '2026-11-10',
  status: 'missing',
  submitted: 0,
  drafts: 0,
  ...patch,
});

describe('the introduction grid', () => {
  it('names every status in the legend, in Vietnamese, with its own colour', () => {
    expect(LEGEND.map((status) => CELL_LOOKS[status].label)).toEqual([
      'Đúng hạn',
      'Trễ hạn',
      'Chưa giới thiệu',
      'Chưa đến hạn',
      'Tháng tới',
      'Chưa áp dụng',
    ]);
    const fills = new Set(LEGEND.map((status) => CELL_LOOKS[status].background));
    expect(fills.size).toBe(LEGEND.length);
  });

  it('shows a symbol per status, with the count when several introductions were sent', () => {
    expect(cellText(cell({ status: 'on_time', submitted: 1 }))).toBe('✓');
    expect(cellText(cell({ status: 'late', submitted: 3 }))).toBe('!3');
    expect(cellText(cell({ status: 'missing', drafts: 1 }))).toBe('✗');
    expect(cellText(cell({ status: 'upcoming', month: '2026-12' }))).toBe('');
  });

  it('describes a cell fully, with its due date', () => {
    expect(cellDescription(tgpl, cell({ status: 'late', submitted: 1, drafts: 1 }), 10)).toBe(
      'Trung tâm TGPL – tháng 11/2026: Trễ hạn. 1 bài đã gửi. 1 bài nháp chưa gửi. Hạn: 10/11/2026.',
    );
    expect(cellDescription(tgpl, cell({ status: 'pending', month: '2026-03' }), 5)).toBe(
      'Trung tâm TGPL – tháng 03/2026: Chưa đến hạn. Hạn: 05/03/2026.',
    );
  });

  it('labels months and due dates the Vietnamese way', () => {
    expect(monthColumn('2026-01')).toBe('T1');
    expect(monthColumn('2026-12')).toBe('T12');
    expect(dueDate('2026-02', 28)).toBe('28/02/2026');
  });
});

describe('introductionPermissions', () => {
  const draft = { status: 'draft' as const, unit: tgpl };
  const sent = { status: 'submitted' as const, unit: tgpl };

  it('lets the staff draft but only the head (or the Office) send', () => {
    expect(introductionPermissions({ role: 'unit_staff', unitId: 8 }, draft)).toEqual({
      edit: true,
      delete: true,
      submit: false,
    });
    expect(introductionPermissions({ role: 'unit_head', unitId: 8 }, draft)).toEqual({
      edit: true,
      delete: true,
      submit: true,
    });
    expect(introductionPermissions({ role: 'office', unitId: 2 }, draft)).toEqual({
      edit: true,
      delete: true,
      submit: true,
    });
  });

  it('keeps other units, the leadership and sent introductions read-only', () => {
    const none = { edit: false, delete: false, submit: false };
    expect(introductionPermissions({ role: 'unit_head', unitId: 9 }, draft)).toEqual(none);
    expect(introductionPermissions({ role: 'leader', unitId: null }, draft)).toEqual(none);
    expect(introductionPermissions({ role: 'office', unitId: 2 }, sent)).toEqual(none);
  });
});
