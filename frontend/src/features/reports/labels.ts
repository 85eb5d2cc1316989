import type { Role } from '@/lib/api/models';
import { formatApiDate } from '@/lib/dates';
import type {
  Narrative,
  ReportAction,
  ReportKind,
  ReportOwner,
  ReportStatus,
  SubmissionStatus,
} from './api/types';

export const REPORT_KIND: Record<ReportKind, string> = {
  annual_report: 'Báo cáo định kỳ hằng năm',
  midterm_review: 'Báo cáo sơ kết',
  final_review: 'Báo cáo tổng kết',
  on_demand: 'Báo cáo theo yêu cầu',
};

/** The kinds a report is started as, in the order of the plan. */
export const CALENDAR_KINDS: readonly ReportKind[] = ['annual_report', 'midterm_review', 'final_review'];

export const REPORT_STATUS: Record<ReportStatus, { label: string; color: string }> = {
  draft: { label: 'Dự thảo', color: 'default' },
  submitted: { label: 'Đã gửi', color: 'blue' },
  accepted: { label: 'Đã tiếp nhận', color: 'green' },
  returned: { label: 'Bị trả lại', color: 'red' },
};

/**
 * A report's status as its reader says it: the Office's consolidated report goes to the leader,
 * who approves it ("Đã phê duyệt") rather than accepting it.
 */
export function statusText(status: ReportStatus, owner: ReportOwner): string {
  if (owner === 'office' && status === 'submitted') return 'Chờ Lãnh đạo Sở phê duyệt';
  if (owner === 'office' && status === 'accepted') return 'Đã phê duyệt';
  if (owner === 'unit' && status === 'submitted') return 'Đã gửi, chờ Văn phòng Sở tiếp nhận';
  return REPORT_STATUS[status].label;
}

/** A unit's report as the consolidated report lists it (the state of its submission). */
export const UNIT_REPORT_STATUS: Record<SubmissionStatus, { label: string; color: string }> = {
  submitted: { label: 'Đã gửi', color: 'blue' },
  accepted: { label: 'Đã tiếp nhận', color: 'green' },
  returned: { label: 'Bị trả lại', color: 'red' },
};

/** Whose report: a unit's name, the Office's consolidated report, or the whole Department's. */
export function ownerText(report: { owner: ReportOwner; unit?: { name: string } | null }): string {
  if (report.unit) return report.unit.name;
  return report.owner === 'office' ? 'Văn phòng Sở (báo cáo tổng hợp)' : 'Toàn Sở';
}

/** A report's period as people say it: "Năm 2026", "Giai đoạn 2026–2028", "Từ 01/01/2026 đến 30/06/2026". */
export function periodText(report: { kind: ReportKind; period: string; from: string; to: string }): string {
  switch (report.kind) {
    case 'annual_report':
      return `Năm ${report.period}`;
    case 'midterm_review':
    case 'final_review':
      return `Giai đoạn ${report.period.replace('-', '–')}`;
    case 'on_demand':
      return `Từ ${formatApiDate(report.from)} đến ${formatApiDate(report.to)}`;
  }
}

/** The narrative sections, in the report's order, with the headings the DOCX prints. */
export const NARRATIVE_SECTIONS: readonly { key: keyof Narrative; title: string; hint: string }[] = [
  {
    key: 'achievements',
    title: 'Kết quả đạt được',
    hint: 'Việc phát hiện, bồi dưỡng, tổng kết và nhân rộng điển hình tiên tiến trong kỳ; số liệu chi tiết ở các biểu dưới đây.',
  },
  { key: 'shortcomings', title: 'Hạn chế', hint: 'Những việc chưa làm được hoặc làm chưa tốt.' },
  { key: 'causes', title: 'Nguyên nhân', hint: 'Nguyên nhân khách quan và chủ quan của hạn chế.' },
  { key: 'lessons', title: 'Bài học kinh nghiệm', hint: 'Cách làm hiệu quả cần duy trì, nhân rộng.' },
  {
    key: 'directions',
    title: 'Phương hướng, nhiệm vụ thời gian tới',
    hint: 'Nhiệm vụ, giải pháp trong kỳ tiếp theo.',
  },
  {
    key: 'recommendations',
    title: 'Kiến nghị, đề xuất',
    hint: 'Đề xuất với Văn phòng Sở, Lãnh đạo Sở, cấp trên.',
  },
];

/** How many sections have text (a hint before sending). */
export function filledSections(narrative: Narrative): number {
  return NARRATIVE_SECTIONS.filter(({ key }) => (narrative[key] ?? '').trim() !== '').length;
}

/** A workflow step (editing is the form, not a button). */
export type ReportStep = Exclude<ReportAction, 'edit'>;

export interface StepButton {
  step: ReportStep;
  label: string;
  /** The confirmation's question and what it explains. */
  confirmTitle: string;
  confirmText: string;
  /** What the note is for; `null`: the step takes no note. */
  noteLabel: string | null;
  noteRequired: boolean;
  danger: boolean;
  primary: boolean;
  /** What happened, without the final full stop (a late submission adds "(trễ hạn)"). */
  done: string;
}

const STEP_ORDER: readonly ReportStep[] = ['submit', 'resubmit', 'accept', 'approve', 'return'];

function stepButton(step: ReportStep, owner: ReportOwner): StepButton {
  const toLeader = owner === 'office';
  switch (step) {
    case 'submit':
      return {
        step,
        label: toLeader ? 'Trình Lãnh đạo Sở phê duyệt' : 'Gửi báo cáo',
        confirmTitle: toLeader
          ? 'Trình Lãnh đạo Sở phê duyệt báo cáo tổng hợp?'
          : 'Gửi báo cáo tới Văn phòng Sở?',
        confirmText:
          'Số liệu được chốt tại thời điểm gửi; thời hạn được tính theo giờ Việt Nam. Sau khi gửi, báo cáo chỉ sửa được nếu bị trả lại.',
        noteLabel: null,
        noteRequired: false,
        danger: false,
        primary: true,
        done: toLeader ? 'Đã trình Lãnh đạo Sở phê duyệt' : 'Đã gửi báo cáo',
      };
    case 'resubmit':
      return {
        step,
        label: 'Gửi lại',
        confirmTitle: 'Gửi lại báo cáo đã bổ sung?',
        confirmText: 'Số liệu được chốt lại tại thời điểm gửi lại.',
        noteLabel: null,
        noteRequired: false,
        danger: false,
        primary: true,
        done: 'Đã gửi lại báo cáo',
      };
    case 'accept':
      return {
        step,
        label: 'Tiếp nhận',
        confirmTitle: 'Tiếp nhận báo cáo của đơn vị?',
        confirmText: 'Báo cáo được tính vào báo cáo tổng hợp của Văn phòng Sở.',
        noteLabel: 'Ý kiến khi tiếp nhận (không bắt buộc)',
        noteRequired: false,
        danger: false,
        primary: true,
        done: 'Đã tiếp nhận báo cáo',
      };
    case 'approve':
      return {
        step,
        label: 'Phê duyệt',
        confirmTitle: 'Phê duyệt báo cáo tổng hợp?',
        confirmText: 'Báo cáo được phê duyệt để Văn phòng Sở gửi Sở Nội vụ.',
        noteLabel: 'Ý kiến chỉ đạo (không bắt buộc)',
        noteRequired: false,
        danger: false,
        primary: true,
        done: 'Đã phê duyệt báo cáo',
      };
    case 'return':
      return {
        step,
        label: 'Trả lại',
        confirmTitle: 'Trả lại báo cáo để bổ sung?',
        confirmText: toLeader
          ? 'Văn phòng Sở sửa báo cáo theo ý kiến và trình lại.'
          : 'Đơn vị sửa báo cáo theo ý kiến và gửi lại.',
        noteLabel: 'Lý do trả lại, nội dung cần bổ sung',
        noteRequired: true,
        danger: true,
        primary: false,
        done: 'Đã trả lại báo cáo',
      };
  }
}

/** The buttons for the steps the server allows now, in the workflow's order. */
export function stepButtons(allowed: readonly ReportAction[], owner: ReportOwner): StepButton[] {
  return STEP_ORDER.filter((step) => allowed.includes(step)).map((step) => stepButton(step, owner));
}

/** Whether the server lets the caller change the title and the narrative now. */
export const mayEdit = (allowed: readonly ReportAction[]) => allowed.includes('edit');

export const optionsOf = <K extends string>(labels: Record<K, string | { label: string }>) =>
  (Object.keys(labels) as K[]).map((value) => {
    const entry = labels[value];
    return { value, label: typeof entry === 'string' ? entry : entry.label };
  });

/**
 * Whether to offer to start the calendar report of `unitId` (`undefined`: the Office's). There
 * is no report yet to carry `allowedActions`, so this mirrors who may draft one (the Office any,
 * a unit's people their own unit's); the server still decides and says why if it refuses.
 */
export function mayOfferCreate(
  role: Role,
  ownUnitId: number | null | undefined,
  unitId: number | undefined,
): boolean {
  if (role === 'office') return true;
  if (role !== 'unit_head' && role !== 'unit_staff') return false;
  return unitId !== undefined && unitId === ownUnitId;
}
