import type { AllowedAction, ExemplarAction, Stage } from '@/lib/api/models';
import { STAGE_LABELS } from '@/lib/vocabulary';

/**
 * How the detail page presents what the server allows (`Exemplar.allowedActions`): labels, the one
 * primary step and the rest. Whether an action is allowed is the server's answer alone; nothing
 * here looks at the caller's role, the unit or the record's status.
 */

/** The steps that are buttons in the exemplar's header (the other two open tabs and forms). */
export type HeaderAction = Exclude<ExemplarAction, 'edit_records' | 'evaluate'>;

/** The tabs of the detail page, as they appear in the address (`?tab=`). */
export const DETAIL_TABS = ['thong-tin', 'boi-duong', 'tong-ket', 'nhan-rong', 'danh-gia', 'tep'] as const;
export type DetailTab = (typeof DETAIL_TABS)[number];

/** The tab that keeps the record a stage move needs, and what to do there. */
export const STAGE_RECORD_TABS: Partial<Record<Stage, { tab: DetailTab; todo: string }>> = {
  nurturing: { tab: 'boi-duong', todo: 'Lập kế hoạch bồi dưỡng' },
  summarized: { tab: 'tong-ket', todo: 'Nhập kết quả tổng kết' },
  replicated: { tab: 'nhan-rong', todo: 'Ghi nhận nơi nhân rộng' },
};

export interface ActionItem {
  /** Unique on the page: the action, and the target stage for stage moves. */
  key: string;
  action: HeaderAction;
  toStage: Stage | null;
  label: string;
  /** Why the server says it cannot be done yet; the button is then disabled. */
  disabledReason: string | null;
  /** Where the missing stage record is filled in, when that is what blocks it. */
  fix: { tab: DetailTab; todo: string } | null;
  /** Undoes or refuses something: shown in red. */
  danger: boolean;
}

export interface ActionLayout {
  /** The step the record is waiting for from the caller: the page's one primary button. */
  primary: ActionItem | null;
  /** Without such a step, editing stays at hand as a plain button. */
  plain: ActionItem | null;
  /** Everything else, in the "Thao tác khác" menu. */
  more: ActionItem[];
}

const LABELS: Record<HeaderAction, string> = {
  edit: 'Sửa',
  delete: 'Xóa nháp',
  submit: 'Gửi hồ sơ',
  confirm: 'Xác nhận hồ sơ',
  return: 'Trả lại',
  propose_stage: 'Gửi đề xuất',
  confirm_stage: 'Duyệt đề xuất',
  reject_stage: 'Từ chối đề xuất',
  withdraw_stage: 'Rút đề xuất',
  move_stage: 'Chuyển giai đoạn',
};

const DANGER: ReadonlySet<HeaderAction> = new Set(['delete', 'return', 'reject_stage']);

/**
 * The steps a record waits for, most pressing first: deciding on a proposal also confirms the
 * record, so it comes before confirming; the unit head's proposal is the next stage of the plan
 * (not stopping or archiving).
 */
const WAITING_FOR: readonly HeaderAction[] = ['confirm_stage', 'confirm', 'submit', 'propose_stage'];

function isHeaderAction(action: ExemplarAction): action is HeaderAction {
  return action !== 'edit_records' && action !== 'evaluate';
}

function labelOf(action: HeaderAction, toStage: Stage | null): string {
  if (!toStage || action === 'confirm_stage') return LABELS[action];
  const stage = STAGE_LABELS[toStage];
  if (action === 'propose_stage') {
    if (toStage === 'stopped') return 'Đề xuất dừng theo dõi';
    if (toStage === 'archived') return 'Đề xuất lưu trữ';
    return `Đề xuất chuyển sang ${stage}`;
  }
  if (action === 'move_stage') {
    if (toStage === 'stopped' || toStage === 'archived') return stage;
    return `Chuyển sang ${stage}`;
  }
  return LABELS[action];
}

/** The header's buttons for what the server allows, in the server's order, deleting last. */
export function actionItems(allowed: readonly AllowedAction[]): ActionItem[] {
  const canKeepRecords = allowed.some((item) => item.action === 'edit_records');
  const items = allowed.flatMap((item): ActionItem[] => {
    if (!isHeaderAction(item.action)) return [];
    const toStage = item.toStage ?? null;
    const disabledReason = item.disabledReason || null;
    const recordTab = toStage && item.action !== 'confirm_stage' ? STAGE_RECORD_TABS[toStage] : undefined;
    return [
      {
        key: toStage ? `${item.action}-${toStage}` : item.action,
        action: item.action,
        toStage,
        label: labelOf(item.action, toStage),
        disabledReason,
        // Only someone who keeps the stage records is sent to fill one in.
        fix: disabledReason && recordTab && canKeepRecords ? recordTab : null,
        danger: DANGER.has(item.action),
      },
    ];
  });
  return [
    ...items.filter((item) => item.action !== 'delete'),
    ...items.filter((item) => item.action === 'delete'),
  ];
}

function isWaitingStep(item: ActionItem): boolean {
  if (item.action !== 'propose_stage') return WAITING_FOR.includes(item.action);
  return item.toStage !== 'stopped' && item.toStage !== 'archived';
}

/** One primary step (the one the record waits for), editing at hand, the rest grouped. */
export function layoutActions(allowed: readonly AllowedAction[]): ActionLayout {
  const items = actionItems(allowed);
  const primary =
    WAITING_FOR.map((action) => items.find((item) => item.action === action && isWaitingStep(item))).find(
      (item) => item !== undefined,
    ) ?? null;
  const edit = items.find((item) => item.action === 'edit') ?? null;
  const plain = primary ? null : edit;
  return { primary, plain, more: items.filter((item) => item !== primary && item !== plain) };
}

/** Whether the server lets the caller take `action` now (allowed and not blocked). */
export function isAllowed(allowed: readonly AllowedAction[], action: ExemplarAction): boolean {
  return allowed.some((item) => item.action === action && !item.disabledReason);
}
