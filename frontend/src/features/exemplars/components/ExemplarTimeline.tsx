import { Timeline, Typography } from 'antd';
import { HelpEmpty } from '@/components/HelpEmpty';
import type { TimelineAction, TimelineEvent } from '@/lib/api/models';
import { formatDateTime } from '@/lib/dates';
import { STAGE_LABELS, TIMELINE_ACTION_LABELS } from '@/lib/vocabulary';

const COLORS: Partial<Record<TimelineAction, string>> = {
  created: 'blue',
  submitted: 'blue',
  confirmed: 'green',
  returned: 'red',
  proposed: 'orange',
  moved: 'green',
  rejected: 'red',
  withdrawn: 'gray',
  evaluated: 'purple',
};

/** "Phát hiện → Bồi dưỡng" for the steps that concern a stage move. */
function stageChange(event: TimelineEvent): string | null {
  if (event.action === 'created') return null;
  if (!event.fromStage || !event.toStage) return null;
  return `${STAGE_LABELS[event.fromStage]} → ${STAGE_LABELS[event.toStage]}`;
}

/** Every step of the exemplar's record, newest first: what, who, when, and the note. */
export function ExemplarTimeline({ events }: { events: TimelineEvent[] }) {
  if (events.length === 0) return <HelpEmpty description="Chưa có diễn biến" topic="exemplars" />;
  const newestFirst = [...events].reverse();
  return (
    <Timeline
      items={newestFirst.map((event) => {
        const change = stageChange(event);
        return {
          key: event.id,
          color: COLORS[event.action] ?? 'gray',
          content: (
            <div data-testid={`timeline-${event.action}`} className="timeline-event">
              <Typography.Text strong>{TIMELINE_ACTION_LABELS[event.action]}</Typography.Text>
              {change && <Typography.Text> ({change})</Typography.Text>}
              <div>
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {event.actorName} · {formatDateTime(event.occurredAt)}
                </Typography.Text>
              </div>
              {event.note && (
                <Typography.Paragraph
                  className="pre-wrap"
                  style={{ marginBottom: 0 }}
                  data-testid="timeline-note"
                >
                  {event.note}
                </Typography.Paragraph>
              )}
            </div>
          ),
        };
      })}
      data-testid="exemplar-timeline"
    />
  );
}
