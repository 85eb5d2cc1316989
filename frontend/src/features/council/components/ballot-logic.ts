import type {
  BallotChoice,
  BallotView,
  CouncilRole,
  Meeting,
  MeetingAction,
  MeetingAllowedAction,
  TallyView,
  VoteDenominator,
} from '../api/types';

export const ROLE_LABELS: Record<CouncilRole, string> = {
  chair: 'Chủ tịch Hội đồng',
  vice_chair: 'Phó Chủ tịch Hội đồng',
  standing: 'Ủy viên thường trực',
  member: 'Ủy viên',
};

/** Chair first, then vice chairs, the standing member, the members. */
export const ROLE_ORDER: readonly CouncilRole[] = ['chair', 'vice_chair', 'standing', 'member'];

export const CHOICE_LABELS: Record<BallotChoice, string> = {
  approve: 'Đồng ý',
  reject: 'Không đồng ý',
  abstain: 'Không biểu quyết',
};

export const DENOMINATOR_LABELS: Record<VoteDenominator, string> = {
  all_members: 'tổng số thành viên Hội đồng',
  members_present: 'số thành viên có mặt',
};

export const MEETING_STATUS_LABELS: Record<Meeting['status'], string> = {
  planned: 'Dự kiến',
  voting: 'Đang bỏ phiếu',
  closed: 'Đã kết thúc',
};

/** "trên 50% tổng số thành viên Hội đồng" / "từ 70% số thành viên có mặt". */
export function thresholdText(
  ballot: Pick<BallotView, 'thresholdPercent' | 'thresholdStrict' | 'denominator'>,
): string {
  const comparison = ballot.thresholdStrict ? 'trên' : 'từ';
  return `${comparison} ${ballot.thresholdPercent}% ${DENOMINATOR_LABELS[ballot.denominator]}`;
}

/** "7/9 đồng ý (77,78%)" — the base is what the share is counted on. */
export function tallyText(tally: TallyView): string {
  return `${tally.approve}/${tally.base} đồng ý (${tally.approvalShare})`;
}

/** The quorum rule and where the meeting stands: "Có mặt 5/7 — cần trên 50%". */
export function quorumText(quorum: Meeting['quorum']): string {
  const comparison = quorum.strict ? 'trên' : 'từ';
  return `Có mặt ${quorum.present}/${quorum.total} thành viên — cần ${comparison} ${quorum.percent}%`;
}

export type VoteState =
  | { kind: 'closed' }
  | { kind: 'voted' }
  | { kind: 'not_member' }
  | { kind: 'not_present' }
  | { kind: 'must_abstain' }
  | { kind: 'can_vote' };

/**
 * What the caller can do on a ballot, from what the server says about them: the server enforces
 * it; this only picks what to show (and why a member may only abstain).
 */
export function voteState(ballot: BallotView, caller: Meeting['caller']): VoteState {
  if (ballot.status === 'closed') return { kind: 'closed' };
  if (caller.memberId === null || caller.memberId === undefined) return { kind: 'not_member' };
  if (ballot.callerHasVoted) return { kind: 'voted' };
  if (caller.present !== true) return { kind: 'not_present' };
  if (ballot.callerMustAbstain) return { kind: 'must_abstain' };
  return { kind: 'can_vote' };
}

/** The choices offered: a member in conflict may only abstain. */
export function choicesFor(state: VoteState): BallotChoice[] {
  if (state.kind === 'can_vote') return ['approve', 'reject', 'abstain'];
  if (state.kind === 'must_abstain') return ['abstain'];
  return [];
}

/** Ballots waiting for the caller's vote in the meetings they can see. */
export function waitingBallots(meetings: readonly Meeting[]): number {
  let count = 0;
  for (const meeting of meetings) {
    if (meeting.status !== 'voting') continue;
    for (const ballot of meeting.ballots) {
      const state = voteState(ballot, meeting.caller);
      if (state.kind === 'can_vote' || state.kind === 'must_abstain') count += 1;
    }
  }
  return count;
}

/**
 * Absent members who may still vote in writing on a ballot: only when the share is counted on
 * the whole membership, and not those who have voted already.
 */
export function writtenVoteCandidates(meeting: Meeting, ballot: BallotView) {
  if (ballot.status !== 'open' || ballot.denominator !== 'all_members') return [];
  const voted = new Set(ballot.voters.map((voter) => voter.memberId));
  return meeting.attendance.filter((entry) => entry.present === false && !voted.has(entry.memberId));
}

/** Attendance rows for the form: everyone the meeting lists, unrecorded ones as present. */
export function attendanceDraft(meeting: Meeting) {
  return meeting.attendance.map((entry) => ({
    memberId: entry.memberId,
    present: entry.present ?? true,
    absenceReason: entry.absenceReason ?? null,
  }));
}

/** Members by their place (chair first), active ones before those who left, then by name. */
export function sortMembers<T extends { role: CouncilRole; active: boolean; fullName: string }>(
  members: readonly T[],
): T[] {
  return [...members].sort(
    (a, b) =>
      Number(b.active) - Number(a.active) ||
      ROLE_ORDER.indexOf(a.role) - ROLE_ORDER.indexOf(b.role) ||
      a.fullName.localeCompare(b.fullName, 'vi'),
  );
}

/** The step the server offers the caller on this meeting now, if any (never re-derived here). */
export function meetingStep(meeting: Meeting, action: MeetingAction): MeetingAllowedAction | undefined {
  return meeting.allowedActions.find((allowed) => allowed.action === action);
}
