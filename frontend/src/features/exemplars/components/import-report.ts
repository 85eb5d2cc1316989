import type { FieldError, ImportReport, ImportRow, Problem } from '@/lib/api/models';

/** The spreadsheet's columns, as the server reads them (headers match ignoring case and diacritics). */
export const IMPORT_COLUMNS = [
  { header: 'Tên điển hình', required: true, example: 'Nguyễn Văn An' },
  { header: 'Đối tượng', required: true, example: 'Cá nhân' },
  { header: 'Mã đơn vị', required: false, example: 'TGPL' },
  { header: 'Phân loại', required: true, example: 'Điển hình tiên tiến' },
  { header: 'Lĩnh vực', required: true, example: 'Trợ giúp pháp lý' },
  {
    header: 'Thành tích',
    required: true,
    example: 'Thực hiện 120 vụ việc trợ giúp pháp lý, không có khiếu nại',
  },
  { header: 'Ngày phát hiện', required: true, example: '15/03/2026' },
  { header: 'Chức vụ', required: false, example: 'Trợ giúp viên pháp lý' },
  { header: 'Chức danh', required: false, example: 'Trợ giúp viên pháp lý hạng II' },
  { header: 'Số thành viên', required: false, example: '' },
  { header: 'Cách phát hiện', required: false, example: 'Qua phong trào thi đua' },
  { header: 'Người phát hiện', required: false, example: 'Lê Văn Minh' },
  { header: 'Phong trào thi đua', required: false, example: 'BDHVS' },
  { header: 'Sáng kiến', required: false, example: 'Số hóa hồ sơ trợ giúp pháp lý' },
] as const;

export interface ColumnProblems {
  column: string;
  messages: string[];
}

export interface ImportRowView {
  row: number;
  name: string | null;
  ok: boolean;
  createdId: number | null;
  problems: ColumnProblems[];
}

/** A row-level problem that names no column. */
const GENERAL = 'Chung';

function groupByColumn(errors: FieldError[]): ColumnProblems[] {
  const groups = new Map<string, string[]>();
  for (const error of errors) {
    const column = error.field.trim() || GENERAL;
    groups.set(column, [...(groups.get(column) ?? []), error.message]);
  }
  return [...groups].map(([column, messages]) => ({ column, messages }));
}

/** The report's rows for the table: each row's problems grouped by the column they concern. */
export function importRowsView(rows: ImportRow[]): ImportRowView[] {
  return rows.map((row) => ({
    row: row.row,
    name: row.name ?? null,
    ok: row.errors.length === 0,
    createdId: row.createdId ?? null,
    problems: groupByColumn(row.errors),
  }));
}

/**
 * The rows named in a refused import (422): the server reports each problem as
 * `rows[<row number>].<column>`. Problems that name no row are left out.
 */
export function rowsFromProblem(problem: Problem): ImportRowView[] {
  const byRow = new Map<number, FieldError[]>();
  for (const error of problem.errors ?? []) {
    const match = /^rows\[(\d+)\]\.?(.*)$/.exec(error.field);
    if (!match) continue;
    const row = Number(match[1]);
    byRow.set(row, [...(byRow.get(row) ?? []), { ...error, field: match[2] }]);
  }
  return [...byRow]
    .sort(([a], [b]) => a - b)
    .map(([row, errors]) => ({
      row,
      name: null,
      ok: false,
      createdId: null,
      problems: groupByColumn(errors),
    }));
}

/** One sentence on what the report says. */
export function importSummary(report: ImportReport): string {
  if (report.totalRows === 0) return 'Tệp không có dòng dữ liệu nào (dòng 1 là dòng tiêu đề).';
  if (report.committed) {
    const skipped = report.errorRows > 0 ? ` Đã bỏ qua ${report.errorRows} dòng có lỗi.` : '';
    return `Đã nhập ${report.created} điển hình.${skipped}`;
  }
  if (report.errorRows === 0) {
    return `Đã kiểm tra ${report.totalRows} dòng: tất cả hợp lệ.`;
  }
  return `Đã kiểm tra ${report.totalRows} dòng: ${report.validRows} dòng hợp lệ, ${report.errorRows} dòng có lỗi.`;
}

/**
 * What can be imported after a dry run: everything (only when no row has a problem), or just the
 * valid rows (when some have problems and some do not).
 */
export function importChoices(report: ImportReport): { all: boolean; onlyValid: boolean } {
  if (!report.dryRun || report.validRows === 0) return { all: false, onlyValid: false };
  return { all: report.errorRows === 0, onlyValid: report.errorRows > 0 };
}
