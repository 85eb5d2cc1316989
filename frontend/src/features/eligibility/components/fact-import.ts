import type { FactImportReport, FactImportRow, FieldError, Problem } from '../api/types';

export interface ColumnProblems {
  column: string;
  messages: string[];
}

export interface FactRowView {
  row: number;
  name: string | null;
  ok: boolean;
  created: boolean;
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
export function factRowsView(rows: FactImportRow[]): FactRowView[] {
  return rows.map((row) => ({
    row: row.row,
    name: row.name ?? null,
    ok: row.errors.length === 0,
    created: row.createdId !== null && row.createdId !== undefined,
    problems: groupByColumn(row.errors),
  }));
}

/** The rows named in a refused import (422): problems reported as `rows[<row>].<column>`. */
export function factRowsFromProblem(problem: Problem): FactRowView[] {
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
      created: false,
      problems: groupByColumn(errors),
    }));
}

/** One sentence on what the report says; `noun` names what is imported ("danh hiệu"). */
export function factImportSummary(report: FactImportReport, noun: string): string {
  if (report.totalRows === 0) return 'Tệp không có dòng dữ liệu nào (dòng 1 là dòng tiêu đề).';
  if (report.committed) {
    const skipped = report.errorRows > 0 ? ` Đã bỏ qua ${report.errorRows} dòng có lỗi.` : '';
    return `Đã nhập ${report.created} ${noun}.${skipped}`;
  }
  if (report.errorRows === 0) return `Đã kiểm tra ${report.totalRows} dòng: tất cả hợp lệ.`;
  return `Đã kiểm tra ${report.totalRows} dòng: ${report.validRows} dòng hợp lệ, ${report.errorRows} dòng có lỗi.`;
}

/** After a dry run: import everything (no row has a problem), or only the valid rows. */
export function factImportChoices(report: FactImportReport): { all: boolean; onlyValid: boolean } {
  if (!report.dryRun || report.validRows === 0) return { all: false, onlyValid: false };
  return { all: report.errorRows === 0, onlyValid: report.errorRows > 0 };
}

/** The spreadsheet headers the server reads, per kind (matched ignoring case and diacritics). */
export const FACT_COLUMNS = {
  titles: [
    'Họ và tên',
    'Đối tượng',
    'Mã đơn vị',
    'Đơn vị công tác',
    'Danh hiệu',
    'Năm',
    'Loại khen thưởng',
    'Số quyết định',
    'Ngày quyết định',
  ],
  discipline: [
    'Họ và tên',
    'Mã đơn vị',
    'Đơn vị công tác',
    'Loại',
    'Hình thức kỷ luật',
    'Từ ngày',
    'Đến ngày',
    'Ghi chú',
  ],
} as const;
