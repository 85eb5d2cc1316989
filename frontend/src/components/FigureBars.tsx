import { Typography } from 'antd';
import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { HelpEmpty } from '@/components/HelpEmpty';
import type { HelpTopic } from '@/lib/help';

export interface FigureBar {
  key: string;
  label: ReactNode;
  /** The label as text, for the link's accessible name. */
  title: string;
  count: number;
  to: string;
  testId: string;
}

const counts = new Intl.NumberFormat('vi-VN');

/** A compact bar list: one line per figure, its bar scaled to the largest, its count a link to the list. */
export function FigureBars({
  bars,
  empty,
  emptyTopic,
  color = '#1f5fa8',
  testId,
}: {
  bars: FigureBar[];
  empty: string;
  /** The help section that explains what would be counted here. */
  emptyTopic?: HelpTopic;
  color?: string;
  testId: string;
}) {
  if (bars.length === 0) {
    return <HelpEmpty description={empty} topic={emptyTopic} />;
  }
  const max = Math.max(1, ...bars.map((bar) => bar.count));
  return (
    <ul className="home-bars" data-testid={testId}>
      {bars.map((bar) => (
        <li key={bar.key} className="home-bar" data-testid={bar.testId}>
          <span className="home-bar-label" title={bar.title}>
            {bar.label}
          </span>
          <span className="home-bar-track" aria-hidden>
            <span
              className="home-bar-fill"
              style={{ width: `${(bar.count / max) * 100}%`, background: color }}
            />
          </span>
          <Link
            to={bar.to}
            className="home-bar-count"
            aria-label={`${bar.title}: ${bar.count}`}
            data-testid={`${bar.testId}-count`}
          >
            <Typography.Text strong>{counts.format(bar.count)}</Typography.Text>
          </Link>
        </li>
      ))}
    </ul>
  );
}
