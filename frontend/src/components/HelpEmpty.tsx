import { QuestionCircleOutlined } from '@ant-design/icons';
import { Empty } from 'antd';
import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { type HelpTopic, helpPath } from '@/lib/help';

/** "Xem hướng dẫn sử dụng": a link to the help page, at the section about `topic`. */
export function HelpLink({
  topic,
  children,
  onFollow,
}: {
  topic?: HelpTopic;
  children?: ReactNode;
  /** Called when the link is followed (e.g. to close the popover it is in). */
  onFollow?: () => void;
}) {
  return (
    <Link to={helpPath(topic)} onClick={onFollow} data-testid="help-link" data-topic={topic}>
      <QuestionCircleOutlined aria-hidden /> {children ?? 'Xem hướng dẫn sử dụng'}
    </Link>
  );
}

interface HelpEmptyProps {
  /** What is missing, and what to do about it. */
  description: ReactNode;
  /** The help page's section that explains this page or record. */
  topic?: HelpTopic;
  /** The small picture (lists, panels) or the large one (a whole tab that is empty). */
  image?: 'simple' | 'default';
  /** Actions under the text (e.g. "Lập kế hoạch bồi dưỡng"). */
  children?: ReactNode;
  onFollow?: () => void;
  testId?: string;
}

/**
 * The empty state of a list or a record: what is missing, and a link to the help page where the
 * work behind it is explained. Every page's empty state uses this one.
 */
export function HelpEmpty({
  description,
  topic,
  image = 'simple',
  children,
  onFollow,
  testId,
}: HelpEmptyProps) {
  return (
    <Empty
      image={image === 'simple' ? Empty.PRESENTED_IMAGE_SIMPLE : Empty.PRESENTED_IMAGE_DEFAULT}
      description={
        <>
          <div>{description}</div>
          <div style={{ marginTop: 4 }}>
            <HelpLink topic={topic} onFollow={onFollow} />
          </div>
        </>
      }
      data-testid={testId}
    >
      {children}
    </Empty>
  );
}
