import { useQuery } from '@tanstack/react-query';
import { Badge } from 'antd';
import { meetingsQuery } from '../api/council';
import { waitingBallots } from './ballot-logic';

/** Refreshed this often (and when the window regains focus). */
const POLL_MS = 60_000;

/** How many open ballots wait for the signed-in member's vote (nothing when none). */
export function useWaitingBallots(): number {
  const meetings = useQuery({ ...meetingsQuery(), refetchInterval: POLL_MS, refetchOnWindowFocus: true });
  return meetings.data ? waitingBallots(meetings.data) : 0;
}

export function WaitingBallotsBadge() {
  const waiting = useWaitingBallots();
  if (waiting === 0) return null;
  return (
    <Badge
      count={waiting}
      size="small"
      style={{ marginInlineStart: 8 }}
      title={`${waiting} phiếu đang chờ bạn biểu quyết`}
      data-testid="ballots-waiting-badge"
      data-count={waiting}
    />
  );
}
