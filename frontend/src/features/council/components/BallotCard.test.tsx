import { render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { AppProviders } from '@/app/providers';
import type { BallotView, Meeting } from '../api/types';
import { BallotCard } from './BallotCard';

function json(body: unknown, status = 200) {
  return new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });
}

const open: BallotView = {
  id: 11,
  proposalId: 3,
  nomineeId: 30,
  nomineeName: 'Nguyễn Văn An',
  workplace: 'Trung tâm Trợ giúp pháp lý',
  status: 'open',
  thresholdPercent: 50,
  thresholdStrict: true,
  denominator: 'members_present',
  membersTotal: 5,
  membersPresent: 4,
  votersCount: 1,
  voters: [{ memberId: 2, fullName: 'Trần Thị Lan', mode: 'in_person', conflictDeclared: false }],
  callerHasVoted: false,
  callerMustAbstain: false,
};

function meeting(ballot: BallotView): Meeting {
  return {
    id: 5,
    council: { id: 1, year: 2026, name: 'Hội đồng' },
    subject: 'Họp xét',
    meetsAt: '2026-12-01T02:00:00Z',
    venue: 'Phòng họp',
    chairMemberId: 1,
    secretaryMemberId: 2,
    status: ballot.status === 'open' ? 'voting' : 'closed',
    agenda: [],
    attendance: [],
    quorum: { percent: 50, strict: true, present: 4, total: 5, met: true },
    ballots: [ballot],
    caller: { manages: false, runsBallots: false, memberId: 3, present: true },
    allowedActions: [],
    version: 2,
  };
}

function renderCard(ballot: BallotView) {
  const data = meeting(ballot);
  render(
    <AppProviders>
      <BallotCard meeting={data} ballot={ballot} />
    </AppProviders>,
  );
}

describe('BallotCard', () => {
  it('tells a member of the nominee’s unit why, and casts only an abstention with the conflict declared', async () => {
    const votes: unknown[] = [];
    vi.stubGlobal(
      'fetch',
      vi.fn(async (request: Request) => {
        if (new URL(request.url).pathname === '/api/v1/ballots/11/vote') {
          votes.push(await request.json());
          return json({ ...open, callerHasVoted: true, votersCount: 2 });
        }
        return json({ code: 'not_found', title: 'x', status: 404, type: 'about:blank' }, 404);
      }),
    );
    renderCard({ ...open, callerMustAbstain: true });

    expect(screen.getByTestId('ballot-conflict-11')).toHaveTextContent('thuộc đơn vị của bạn');
    expect(screen.queryByTestId('ballot-vote-11-approve')).toBeNull();
    expect(screen.queryByTestId('ballot-vote-11-reject')).toBeNull();
    // Who has voted, never how; no tally while the ballot is open.
    expect(screen.getByTestId('ballot-voters-11')).toHaveTextContent('Trần Thị Lan');
    expect(screen.queryByTestId('ballot-tally-11')).toBeNull();

    const user = userEvent.setup();
    await user.click(screen.getByTestId('ballot-vote-11-abstain'));
    await user.click(await screen.findByTestId('confirm-ok'));
    await waitFor(() => expect(votes).toEqual([{ choice: 'abstain', declareConflict: true }]));
  });

  it('shows the tally and the result against the form’s threshold once closed, with nothing to vote', () => {
    renderCard({
      ...open,
      status: 'closed',
      denominator: 'all_members',
      thresholdPercent: 70,
      thresholdStrict: false,
      tally: { approve: 4, reject: 1, abstain: 0, base: 5, approvalShare: '80,00%', result: 'passed' },
    });

    expect(screen.getByTestId('ballot-result-11')).toHaveTextContent('Đạt: 4/5 đồng ý (80,00%)');
    expect(screen.getByTestId('ballot-tally-11')).toHaveTextContent(
      'Đồng ý 4 · Không đồng ý 1 · Không biểu quyết 0 — tính trên 5 (từ 70% tổng số thành viên Hội đồng)',
    );
    expect(screen.queryByTestId('ballot-vote-11-approve')).toBeNull();
    expect(screen.queryByTestId('ballot-vote-11-abstain')).toBeNull();
  });
});
