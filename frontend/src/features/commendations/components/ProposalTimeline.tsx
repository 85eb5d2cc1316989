import { Timeline, Typography } from 'antd';
import { formatDateTime } from '@/lib/dates';
import type { ProposalAction, ProposalEvent } from '../api/models';
import { ACTION_LABELS, PROPOSAL_STATE_LABELS } from '../vocabulary';

const OTHER_STEPS: Record<string, string> = {
  create: 'Lập hồ sơ',
  upload: 'Đính kèm tệp',
  remove_file: 'Gỡ tệp đính kèm',
};

const RED: ReadonlySet<string> = new Set(['return', 'reject', 'delete']);
const GREEN: ReadonlySet<string> = new Set(['approve', 'mark_awarded', 'record_outcome', 'review']);

export function stepLabel(action: string): string {
  return OTHER_STEPS[action] ?? ACTION_LABELS[action as ProposalAction] ?? action;
}

/** Every step of the proposal, newest first: what, who, when, the state it led to, the note. */
export function ProposalTimeline({ events }: { events: ProposalEvent[] }) {
  if (events.length === 0) return <Typography.Text type="secondary">Chưa có diễn biến.</Typography.Text>;
  return (
    <Timeline
      data-testid="proposal-timeline"
      items={[...events].reverse().map((event) => ({
        key: event.id,
        color: RED.has(event.action) ? 'red' : GREEN.has(event.action) ? 'green' : 'blue',
        content: (
          <div data-testid={`proposal-timeline-${event.action}`}>
            <Typography.Text strong>{stepLabel(event.action)}</Typography.Text>
            {event.toState && event.toState !== event.fromState && (
              <Typography.Text> → {PROPOSAL_STATE_LABELS[event.toState]}</Typography.Text>
            )}
            <div>
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {event.actorName} · {formatDateTime(event.occurredAt)}
              </Typography.Text>
            </div>
            {event.note && (
              <Typography.Paragraph className="pre-wrap" style={{ marginBottom: 0 }}>
                {event.note}
              </Typography.Paragraph>
            )}
          </div>
        ),
      }))}
    />
  );
}
