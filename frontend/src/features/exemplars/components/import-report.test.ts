import { describe, expect, it } from 'vitest';
import type { ImportReport, Problem } from '@/lib/api/models';
import { importChoices, importRowsView, importSummary, rowsFromProblem } from './import-report';

const report = (patch: Partial<ImportReport>): ImportReport => ({
  dryRun: true,
  committed: false,
  totalRows: 3,
  validRows: 2,
  errorRows: 1,
  created: 0,
  rows: [],
  ...patch,
});

describe('importRowsView', () => {
  it('groups each row’s problems by the column they concern', () => {
    const rows = importRowsView([
      { row: 2, name: 'Nguyễn Văn An', errors: [] },
      {
        row: 3,
        name: 'Tổ hòa giải ấp 1',
        errors: [
          { field: 'Thành tích', code: 'length', message: 'Độ dài phải từ 10 đến 20000 ký tự.' },
          { field: 'Số thành viên', code: 'required', message: 'Nhập số thành viên của tập thể.' },
          { field: 'Thành tích', code: 'other', message: 'Thêm một lỗi nữa.' },
        ],
      },
      { row: 4, name: null, errors: [{ field: '', code: 'conflict', message: 'Không ghi được dòng này.' }] },
    ]);
    expect(rows[0]).toEqual({ row: 2, name: 'Nguyễn Văn An', ok: true, createdId: null, problems: [] });
    expect(rows[1].problems).toEqual([
      { column: 'Thành tích', messages: ['Độ dài phải từ 10 đến 20000 ký tự.', 'Thêm một lỗi nữa.'] },
      { column: 'Số thành viên', messages: ['Nhập số thành viên của tập thể.'] },
    ]);
    expect(rows[2]).toMatchObject({ ok: false, name: null, problems: [{ column: 'Chung' }] });
  });
});

describe('rowsFromProblem', () => {
  it('recovers the rows of a refused import from the field paths', () => {
    const problem: Problem = {
      type: 'urn:lantoa:problem:validation_failed',
      code: 'validation_failed',
      status: 422,
      title: 'Dữ liệu không hợp lệ',
      detail: '2 dòng có lỗi nên chưa nhập dòng nào.',
      errors: [
        { field: 'rows[5].Ngày phát hiện', code: 'invalid_format', message: 'Ngày phải có dạng dd/mm/yyyy.' },
        { field: 'rows[3].Phân loại', code: 'invalid', message: 'Phân loại không hợp lệ.' },
        { field: 'file', code: 'x', message: 'Không thuộc dòng nào.' },
      ],
    };
    expect(rowsFromProblem(problem)).toEqual([
      {
        row: 3,
        name: null,
        ok: false,
        createdId: null,
        problems: [{ column: 'Phân loại', messages: ['Phân loại không hợp lệ.'] }],
      },
      {
        row: 5,
        name: null,
        ok: false,
        createdId: null,
        problems: [{ column: 'Ngày phát hiện', messages: ['Ngày phải có dạng dd/mm/yyyy.'] }],
      },
    ]);
  });
});

describe('what a report allows', () => {
  it('imports everything only when no row has a problem', () => {
    expect(importChoices(report({ errorRows: 0, validRows: 3 }))).toEqual({ all: true, onlyValid: false });
    expect(importChoices(report({}))).toEqual({ all: false, onlyValid: true });
    expect(importChoices(report({ validRows: 0, errorRows: 3 }))).toEqual({ all: false, onlyValid: false });
    expect(importChoices(report({ dryRun: false, committed: true }))).toEqual({
      all: false,
      onlyValid: false,
    });
  });

  it('sums the report up in one sentence', () => {
    expect(importSummary(report({}))).toBe('Đã kiểm tra 3 dòng: 2 dòng hợp lệ, 1 dòng có lỗi.');
    expect(importSummary(report({ errorRows: 0, validRows: 3 }))).toBe('Đã kiểm tra 3 dòng: tất cả hợp lệ.');
    expect(importSummary(report({ dryRun: false, committed: true, created: 2 }))).toBe(
      'Đã nhập 2 điển hình. Đã bỏ qua 1 dòng có lỗi.',
    );
    expect(importSummary(report({ totalRows: 0, validRows: 0, errorRows: 0 }))).toMatch(
      /không có dòng dữ liệu/,
    );
  });
});
