import { describe, expect, it } from 'vitest';
import { formatApiDate } from '@/lib/dates';
import type { FactImportReport } from '../api/types';
import { factImportChoices, factImportSummary, factRowsFromProblem, factRowsView } from './fact-import';
import { periodText, ruleParameters } from './labels';

function report(patch: Partial<FactImportReport> = {}): FactImportReport {
  return {
    dryRun: true,
    committed: false,
    totalRows: 3,
    validRows: 2,
    errorRows: 1,
    created: 0,
    rows: [],
    ...patch,
  };
}

describe('fact import report', () => {
  it('groups each row’s problems by column', () => {
    const rows = factRowsView([
      { row: 2, name: 'Nguyễn Văn An', errors: [], createdId: 9 },
      {
        row: 3,
        name: null,
        errors: [
          { field: 'Năm', code: 'range', message: 'Năm ngoài khoảng.' },
          { field: 'Năm', code: 'required', message: 'Thiếu năm.' },
          { field: '', code: 'invalid', message: 'Dòng trống.' },
        ],
      },
    ]);
    expect(rows[0]).toEqual({ row: 2, name: 'Nguyễn Văn An', ok: true, created: true, problems: [] });
    expect(rows[1].problems).toEqual([
      { column: 'Năm', messages: ['Năm ngoài khoảng.', 'Thiếu năm.'] },
      { column: 'Chung', messages: ['Dòng trống.'] },
    ]);
  });

  it('reads the rows of a refused import from the problem', () => {
    const rows = factRowsFromProblem({
      type: 'about:blank',
      title: 'Dữ liệu không hợp lệ',
      status: 422,
      code: 'validation_failed',
      errors: [
        { field: 'rows[4].Từ ngày', code: 'invalid', message: 'Ngày không hợp lệ.' },
        { field: 'rows[2].Loại', code: 'unknown', message: 'Không rõ loại.' },
        { field: 'file', code: 'invalid', message: 'Tệp hỏng.' },
      ],
    } as never);
    expect(rows.map((row) => [row.row, row.problems[0].column])).toEqual([
      [2, 'Loại'],
      [4, 'Từ ngày'],
    ]);
  });

  it('sums up and offers the right imports', () => {
    expect(factImportSummary(report(), 'danh hiệu')).toBe(
      'Đã kiểm tra 3 dòng: 2 dòng hợp lệ, 1 dòng có lỗi.',
    );
    expect(factImportSummary(report({ errorRows: 0, validRows: 3 }), 'danh hiệu')).toBe(
      'Đã kiểm tra 3 dòng: tất cả hợp lệ.',
    );
    expect(factImportSummary(report({ committed: true, dryRun: false, created: 2 }), 'danh hiệu')).toBe(
      'Đã nhập 2 danh hiệu. Đã bỏ qua 1 dòng có lỗi.',
    );
    expect(factImportSummary(report({ totalRows: 0 }), 'danh hiệu')).toMatch(/không có dòng/);
    expect(factImportChoices(report())).toEqual({ all: false, onlyValid: true });
    expect(factImportChoices(report({ errorRows: 0, validRows: 3 }))).toEqual({
      all: true,
      onlyValid: false,
    });
    expect(factImportChoices(report({ validRows: 0, errorRows: 3 }))).toEqual({
      all: false,
      onlyValid: false,
    });
    expect(factImportChoices(report({ dryRun: false }))).toEqual({ all: false, onlyValid: false });
  });
});

describe('labels', () => {
  it('shows a discipline period, open-ended while in force', () => {
    expect(periodText('2026-03-01', '2027-02-28', formatApiDate)).toBe('01/03/2026 – 28/02/2027');
    expect(periodText('2026-03-01', null, formatApiDate)).toBe('từ 01/03/2026 (đang hiệu lực)');
  });

  it('states a rule’s parameters, a cap as a ceiling', () => {
    const names = (code: string) => ({ LDTT: 'Lao động tiên tiến' })[code] ?? code;
    expect(
      ruleParameters({ checkKind: 'unit_share_cap', titleCode: 'LDTT', percent: 15, strict: false }, names),
    ).toBe('Lao động tiên tiến · tối đa 15%');
    expect(
      ruleParameters(
        { checkKind: 'collective_share_with_title', titleCode: 'LDTT', percent: 50, strict: true },
        names,
      ),
    ).toBe('Lao động tiên tiến · trên 50%');
    expect(
      ruleParameters(
        { checkKind: 'collective_no_discipline', strict: false, disciplineLevel: 'canh_cao' },
        names,
      ),
    ).toBe('từ mức Cảnh cáo');
    expect(ruleParameters({ checkKind: 'no_double_reward', strict: false }, names)).toBe('');
  });
});
