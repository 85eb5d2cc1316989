import type { EvaluatorKind, Exemplar, Role } from '@/lib/api/models';

/** The review steps that may appear in an exemplar's header, in display order. */
export type ExemplarAction =
  | 'edit'
  | 'submit'
  | 'confirm'
  | 'return'
  | 'propose'
  | 'withdrawProposal'
  | 'confirmProposal'
  | 'rejectProposal'
  | 'move'
  | 'delete';

export const ACTION_LABELS: Record<ExemplarAction, string> = {
  edit: 'Sửa',
  submit: 'Gửi hồ sơ',
  confirm: 'Xác nhận hồ sơ',
  return: 'Trả lại',
  propose: 'Đề xuất chuyển giai đoạn',
  withdrawProposal: 'Rút đề xuất',
  confirmProposal: 'Duyệt đề xuất',
  rejectProposal: 'Từ chối đề xuất',
  move: 'Chuyển giai đoạn',
  delete: 'Xóa nháp',
};

export interface Caller {
  role: Role;
  unitId: number | null | undefined;
}

export type ExemplarState = Pick<Exemplar, 'unit' | 'stage' | 'recordStatus' | 'proposal' | 'nextStages'>;

export interface ExemplarPermissions {
  /** The steps the caller can take now. */
  actions: ExemplarAction[];
  /** Whether the caller keeps the stage records (plan, summary, replications, files). */
  canEditRecords: boolean;
  /** The capacities the caller may evaluate in; none means no evaluation. */
  evaluatorKinds: EvaluatorKind[];
}

const EVALUATOR_KINDS: Partial<Record<Role, EvaluatorKind[]>> = {
  unit_head: ['self_assessment'],
  unit_staff: ['self_assessment'],
  office: ['office_review', 'council_member'],
  leader: ['council_member', 'office_review'],
};

/**
 * What the caller may do with an exemplar in its current state, following the API's rules:
 * units keep their own records and may edit them while they are drafts; the unit head submits
 * them and proposes stage moves; the Office and the leadership confirm, return, decide on
 * proposals and move stages; the Office may also edit any record. Nothing changes once archived.
 */
export function exemplarPermissions(caller: Caller, exemplar: ExemplarState): ExemplarPermissions {
  const { role } = caller;
  const archived = exemplar.stage === 'archived';
  const ownUnit = caller.unitId != null && caller.unitId === exemplar.unit.id;
  const unitRole = role === 'unit_head' || role === 'unit_staff';
  const keeper = role === 'office' || (unitRole && ownUnit);
  const reviewer = role === 'office' || role === 'leader';
  const draft = exemplar.recordStatus === 'draft';
  const submitted = exemplar.recordStatus === 'submitted';
  const proposal = exemplar.proposal ?? null;
  const canMoveOn = exemplar.nextStages.length > 0;
  const isHead = role === 'unit_head' && ownUnit;

  if (archived) {
    return { actions: [], canEditRecords: false, evaluatorKinds: [] };
  }

  const allowed: Record<ExemplarAction, boolean> = {
    edit: role === 'office' || (unitRole && ownUnit && draft),
    submit: isHead && draft,
    confirm: reviewer && submitted,
    return: reviewer && submitted,
    propose: isHead && !draft && !proposal && canMoveOn,
    withdrawProposal: isHead && proposal !== null,
    // A returned record (a draft again) may still carry its proposal: it can be rejected or
    // withdrawn, but not carried out before the unit submits the record again.
    confirmProposal: reviewer && proposal !== null && !draft,
    rejectProposal: reviewer && proposal !== null,
    move: reviewer && !draft && canMoveOn,
    delete: keeper && draft,
  };
  const actions = (Object.keys(ACTION_LABELS) as ExemplarAction[]).filter((action) => allowed[action]);
  const evaluatorKinds = unitRole && !ownUnit ? [] : (EVALUATOR_KINDS[role] ?? []);
  return { actions, canEditRecords: keeper, evaluatorKinds };
}
