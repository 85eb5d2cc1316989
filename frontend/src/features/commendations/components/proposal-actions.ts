import type { ProposalAction, ProposalAllowedAction, ProposalState } from '../api/models';
import { ACTION_LABELS } from '../vocabulary';

/**
 * How the proposal page presents what the server allows (`Proposal.allowedActions`): one primary
 * step, editing at hand, the rest grouped. Whether a step is allowed is the server's answer alone;
 * nothing here looks at the caller's role, unit or the proposal's state.
 */

/** Steps taken elsewhere: files in the attachments card, ballots from the council meeting. */
const ELSEWHERE: ReadonlySet<ProposalAction> = new Set(['attach', 'close_ballots']);

/** The steps that move the proposal on, in the pipeline's order: the primary one is among them. */
const FORWARD_STEPS: readonly ProposalAction[] = [
  'submit',
  'receive',
  'review',
  'start_notice',
  'send_to_council',
  'send_to_decision',
  'close_notice',
  'approve',
  'forward',
  'record_outcome',
  'mark_awarded',
];

const DANGER: ReadonlySet<ProposalAction> = new Set(['delete', 'return', 'reject']);

export interface ActionItem {
  action: ProposalAction;
  label: string;
  toState: ProposalState | null;
  /** Why the server says it cannot be done yet; the button is then disabled. */
  disabledReason: string | null;
  danger: boolean;
}

export interface ActionLayout {
  primary: ActionItem | null;
  /** Editing, as a plain button beside the primary one. */
  plain: ActionItem | null;
  /** Everything else, under "Thao tác khác"; deleting last. */
  more: ActionItem[];
}

export function actionItems(allowed: readonly ProposalAllowedAction[]): ActionItem[] {
  const items = allowed
    .filter((item) => !ELSEWHERE.has(item.action))
    .map((item) => ({
      action: item.action,
      label: ACTION_LABELS[item.action],
      toState: item.toState ?? null,
      disabledReason: item.disabledReason || null,
      danger: DANGER.has(item.action),
    }));
  return [
    ...items.filter((item) => item.action !== 'delete'),
    ...items.filter((item) => item.action === 'delete'),
  ];
}

/**
 * The primary step is the first step forward the caller can take now, in the pipeline's order;
 * when every one is blocked, the first blocked one (its reason says what is missing).
 */
export function layoutActions(allowed: readonly ProposalAllowedAction[]): ActionLayout {
  const items = actionItems(allowed);
  const forward = FORWARD_STEPS.flatMap((action) => items.filter((item) => item.action === action));
  const primary = forward.find((item) => item.disabledReason === null) ?? forward[0] ?? null;
  const plain = items.find((item) => item.action === 'edit') ?? null;
  return { primary, plain, more: items.filter((item) => item !== primary && item !== plain) };
}

/** Whether the server lets the caller take `action` now (allowed and not blocked). */
export function isAllowed(allowed: readonly ProposalAllowedAction[], action: ProposalAction): boolean {
  return allowed.some((item) => item.action === action && !item.disabledReason);
}

/** Whether the server lists `action` for the caller at all (perhaps blocked). */
export function isOffered(allowed: readonly ProposalAllowedAction[], action: ProposalAction): boolean {
  return allowed.some((item) => item.action === action);
}
