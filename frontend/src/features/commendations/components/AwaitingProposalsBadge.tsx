import { useQueries } from '@tanstack/react-query';
import { Badge } from 'antd';
import type { Role } from '@/lib/api/models';
import { proposalListQuery } from '../api/commendations';
import { awaitingQueues } from './awaiting';

/** Refreshed this often (and when the window regains focus). */
const POLL_MS = 60_000;

/**
 * How many proposals wait for someone in the caller's role: the sum of the queues counted above
 * the proposal list (nothing when none, or for a role without queues, which asks nothing). The
 * queries are those of the list's shortcuts, so both share a cache, and a workflow step, which
 * invalidates the proposal queries, refreshes the badge too.
 */
export function useAwaitingProposals(role: Role): number {
  return useQueries({
    queries: awaitingQueues(role).map((queue) => ({
      ...proposalListQuery({ state: queue.state, pageSize: 1 }),
      select: (page: { total: number }) => page.total,
      refetchInterval: POLL_MS,
      refetchOnWindowFocus: true,
    })),
    combine: (counts) => counts.reduce((sum, count) => sum + (count.data ?? 0), 0),
  });
}

export function AwaitingProposalsBadge({ role }: { role: Role }) {
  const waiting = useAwaitingProposals(role);
  if (waiting === 0) return null;
  const label = `${waiting} hồ sơ đề nghị đang chờ xử lý`;
  return (
    <Badge
      count={waiting}
      size="small"
      style={{ marginInlineStart: 8 }}
      title={label}
      aria-label={label}
      data-testid="awaiting-proposals-badge"
      data-count={waiting}
    />
  );
}
