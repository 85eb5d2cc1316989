import { describe, expect, it } from 'vitest';
import type { BallotView, Meeting } from '../api/types';
import {
  attendanceDraft,
  choicesFor,
  meetingStep,
  quorumText,
  sortMembers,
  tallyText,
  thresholdText,
  voteState,
  waitingBallots,
  writtenVoteCandidates,
} from './ballot-logic';

function ballot(patch: Partial<BallotView> = {}): BallotView {
  return {
    id: 1,
    proposalId: 10,
    nomineeId: 100,
    nomineeName: 'Nguyễn Văn An',
    workplace: 'Trung tâm Trợ giúp pháp lý',
    status: 'open',
    thresholdPercent: 50,
    thresholdStrict: true,
    denominator: 'members_present',
    membersTotal: 7,
    membersPresent: 5,
    votersCount: 0,
    voters: [],
    callerHasVoted: false,
    callerMustAbstain: false,
    ...patch,
  };
}

const member = { manages: false, runsBallots: false, memberId: 3, present: true };

function meeting(patch: Partial<Meeting> = {}): Meeting {
  return {
    id: 5,
    council: { id: 1, year: 2026, name: 'Hội đồng' },
    subject: 'Họp xét',
    meetsAt: '2026-12-01T02:00:00Z',
    venue: 'Phòng họp',
    chairMemberId: 1,
    secretaryMemberId: 2,
    status: 'voting',
    agenda: [],
    attendance: [
      { memberId: 1, fullName: 'A', role: 'chair', title: 'Giám đốc Sở', present: true },
      {
        memberId: 2,
        fullName: 'B',
        role: 'standing',
        title: 'Chánh Văn phòng',
        present: false,
        absenceReason: 'Công tác',
      },
      { memberId: 3, fullName: 'C', role: 'member', title: 'Trưởng phòng', present: null },
    ],
    quorum: { percent: 50, strict: true, present: 2, total: 3, met: true },
    ballots: [ballot()],
    caller: member,
    allowedActions: [],
    version: 1,
    ...patch,
  };
}

describe('voteState', () => {
  it('lets a present member vote on an open ballot', () => {
    expect(voteState(ballot(), member)).toEqual({ kind: 'can_vote' });
    expect(choicesFor(voteState(ballot(), member))).toEqual(['approve', 'reject', 'abstain']);
  });

  it('offers only abstention to a member of the nominee’s unit', () => {
    const state = voteState(ballot({ callerMustAbstain: true }), member);
    expect(state).toEqual({ kind: 'must_abstain' });
    expect(choicesFor(state)).toEqual(['abstain']);
  });

  it('offers nothing once voted, when closed, to non-members or to absent members', () => {
    expect(voteState(ballot({ callerHasVoted: true }), member).kind).toBe('voted');
    expect(voteState(ballot({ status: 'closed' }), member).kind).toBe('closed');
    expect(voteState(ballot(), { ...member, memberId: null }).kind).toBe('not_member');
    expect(voteState(ballot(), { ...member, present: false }).kind).toBe('not_present');
    expect(voteState(ballot(), { ...member, present: null }).kind).toBe('not_present');
    for (const kind of ['voted', 'closed', 'not_member', 'not_present'] as const) {
      expect(choicesFor({ kind })).toEqual([]);
    }
  });
});

describe('waitingBallots', () => {
  it('counts the open ballots the caller can still vote on, in voting meetings only', () => {
    const open = meeting({
      ballots: [
        ballot({ id: 1 }),
        ballot({ id: 2, callerHasVoted: true }),
        ballot({ id: 3, callerMustAbstain: true }),
      ],
    });
    const planned = meeting({ id: 6, status: 'planned', ballots: [ballot({ id: 4 })] });
    const other = meeting({ id: 7, caller: { ...member, memberId: null }, ballots: [ballot({ id: 5 })] });
    expect(waitingBallots([open, planned, other])).toBe(2);
    expect(waitingBallots([])).toBe(0);
  });
});

describe('texts', () => {
  it('states the threshold with its denominator', () => {
    expect(thresholdText(ballot())).toBe('trên 50% số thành viên có mặt');
    expect(
      thresholdText(ballot({ thresholdPercent: 70, thresholdStrict: false, denominator: 'all_members' })),
    ).toBe('từ 70% tổng số thành viên Hội đồng');
  });

  it('states a tally against its base', () => {
    expect(
      tallyText({ approve: 7, reject: 1, abstain: 1, base: 9, approvalShare: '77,78%', result: 'passed' }),
    ).toBe('7/9 đồng ý (77,78%)');
  });

  it('states the quorum', () => {
    expect(quorumText({ percent: 50, strict: true, present: 5, total: 7, met: true })).toBe(
      'Có mặt 5/7 thành viên — cần trên 50%',
    );
  });
});

describe('writtenVoteCandidates', () => {
  it('lists absent members who have not voted, only when all members are counted', () => {
    const all = ballot({ denominator: 'all_members' });
    expect(writtenVoteCandidates(meeting(), all).map((entry) => entry.memberId)).toEqual([2]);
    const voted = ballot({
      denominator: 'all_members',
      voters: [{ memberId: 2, fullName: 'B', mode: 'written', conflictDeclared: false }],
    });
    expect(writtenVoteCandidates(meeting(), voted)).toEqual([]);
    expect(writtenVoteCandidates(meeting(), ballot())).toEqual([]);
    expect(
      writtenVoteCandidates(meeting(), ballot({ denominator: 'all_members', status: 'closed' })),
    ).toEqual([]);
  });
});

describe('attendanceDraft', () => {
  it('starts unrecorded members as present and keeps reasons', () => {
    expect(attendanceDraft(meeting())).toEqual([
      { memberId: 1, present: true, absenceReason: null },
      { memberId: 2, present: false, absenceReason: 'Công tác' },
      { memberId: 3, present: true, absenceReason: null },
    ]);
  });
});

describe('sortMembers', () => {
  it('puts active members first, by their place, then by name', () => {
    const sorted = sortMembers([
      { role: 'member', active: true, fullName: 'Bình' },
      { role: 'chair', active: false, fullName: 'Cũ' },
      { role: 'member', active: true, fullName: 'An' },
      { role: 'standing', active: true, fullName: 'Dũng' },
      { role: 'chair', active: true, fullName: 'Giám' },
    ]);
    expect(sorted.map((member) => member.fullName)).toEqual(['Giám', 'Dũng', 'An', 'Bình', 'Cũ']);
  });
});

describe('meetingStep', () => {
  it('finds what the server offers the caller, with its reason, and nothing it does not offer', () => {
    const planned = meeting({
      status: 'planned',
      allowedActions: [
        { action: 'record_attendance', toStatus: null },
        { action: 'open_ballots', toStatus: 'voting', disabledReason: 'Có mặt 1/3 thành viên' },
      ],
    });
    expect(meetingStep(planned, 'record_attendance')).toEqual({
      action: 'record_attendance',
      toStatus: null,
    });
    expect(meetingStep(planned, 'open_ballots')?.disabledReason).toBe('Có mặt 1/3 thành viên');
    expect(meetingStep(planned, 'close_ballots')).toBeUndefined();
  });
});
