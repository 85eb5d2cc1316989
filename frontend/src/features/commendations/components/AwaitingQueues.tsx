import { useQuery } from '@tanstack/react-query';
import { Badge, Button, Flex } from 'antd';
import type { Role } from '@/lib/api/models';
import { proposalListQuery } from '../api/commendations';
import type { ProposalState } from '../api/models';
import { type AwaitingQueue, awaitingQueues } from './awaiting';

function QueueButton({
  queue,
  active,
  onPick,
}: {
  queue: AwaitingQueue;
  active: boolean;
  onPick: (state: ProposalState | undefined) => void;
}) {
  const count = useQuery({
    ...proposalListQuery({ state: queue.state, pageSize: 1 }),
    select: (page) => page.total,
  });
  return (
    <Badge count={count.data ?? 0} overflowCount={99} data-testid={`proposal-queue-count-${queue.state}`}>
      <Button
        type={active ? 'primary' : 'default'}
        onClick={() => onPick(active ? undefined : queue.state)}
        data-testid={`proposal-queue-${queue.state}`}
      >
        {queue.label}
      </Button>
    </Badge>
  );
}

/** The counted shortcuts to what waits for the caller (the Office's inbox, the leader's decisions…). */
export function AwaitingQueues({
  role,
  state,
  onPick,
}: {
  role: Role;
  state: string | undefined;
  onPick: (state: ProposalState | undefined) => void;
}) {
  const queues = awaitingQueues(role);
  if (queues.length === 0) return null;
  return (
    <Flex gap={16} wrap style={{ marginBottom: 16 }} data-testid="proposal-queues">
      {queues.map((queue) => (
        <QueueButton key={queue.state} queue={queue} active={state === queue.state} onPick={onPick} />
      ))}
    </Flex>
  );
}
