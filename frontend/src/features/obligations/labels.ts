import type { Role } from '@/lib/api/models';
import type { Obligation, ObligationKind, SubmissionAction, SubmissionStatus } from './api/types';

export { daysLeftText, OBLIGATION_STATUS } from '@/lib/obligation-status';

export const OBLIGATION_KIND: Record<ObligationKind, string> = {
  monthly_introduction: 'Giới thiệu điển hình hằng tháng',
  annual_report: 'Báo cáo định kỳ hằng năm',
  midterm_review: 'Báo cáo sơ kết',
  final_review: 'Báo cáo tổng kết',
};

export const SUBMISSION_STATUS: Record<SubmissionStatus, { label: string; color: string }> = {
  submitted: { label: 'Đã gửi', color: 'blue' },
  accepted: { label: 'Đã tiếp nhận', color: 'green' },
  returned: { label: 'Bị trả lại', color: 'red' },
};

export const SUBMISSION_ACTION: Record<SubmissionAction, string> = {
  submit: 'Gửi báo cáo',
  resubmit: 'Gửi lại',
  accept: 'Tiếp nhận',
  return: 'Trả lại',
};

export const optionsOf = <K extends string>(labels: Record<K, string | { label: string }>) =>
  (Object.keys(labels) as K[]).map((value) => {
    const entry = labels[value];
    return { value, label: typeof entry === 'string' ? entry : entry.label };
  });

/** A report obligation's period as people say it: "năm 2026", "giai đoạn 2026–2028", "tháng 11/2026". */
export function periodText(kind: ObligationKind, period: string): string {
  if (kind === 'monthly_introduction') {
    const [year, month] = period.split('-');
    return month ? `Tháng ${month}/${year}` : period;
  }
  if (kind === 'annual_report') return `Năm ${period}`;
  return `Giai đoạn ${period.replace('-', '–')}`;
}

/** The report that currently stands for an obligation (the last one listed), if any. */
export function currentReport(obligation: Obligation) {
  const reports = obligation.fulfilment.filter((f) => f.kind === 'report_submission');
  return reports.length > 0 ? reports[reports.length - 1] : undefined;
}

/**
 * Whether to offer "Gửi báo cáo" on an obligation nobody has reported on yet. The calendar's
 * entries carry no `allowedActions` (only sent reports do), so this mirrors the server's first
 * step (a unit's head or the Office for a unit's report, the Office for its own); the server
 * still decides, and says why if it refuses.
 */
export function mayOfferSubmit(obligation: Obligation, role: Role, unitId: number | undefined): boolean {
  if (obligation.kind === 'monthly_introduction') return false;
  if (obligation.fulfilment.some((f) => f.kind === 'report_submission')) return false;
  if (obligation.responsible === 'office') return role === 'office';
  if (role === 'office') return true;
  return role === 'unit_head' && obligation.unit?.id === unitId;
}

/** The page of a report, which the notifications of its steps link to. */
export const reportPath = (id: number) => `/lich-bao-cao/bao-cao/${id}`;
