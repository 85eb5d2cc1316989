import { Flex, Typography } from 'antd';
import type { ReactNode } from 'react';
import { usePageTitle } from '@/lib/page-title';

interface PageHeadingProps {
  title: string;
  subtitle?: ReactNode;
  extra?: ReactNode;
}

/** The page's heading, which also sets the browser tab's title. */
export function PageHeading({ title, subtitle, extra }: PageHeadingProps) {
  usePageTitle(title);
  return (
    <Flex justify="space-between" align="flex-start" wrap gap={12} style={{ marginBottom: 16 }}>
      <div>
        <Typography.Title level={3} style={{ margin: 0 }} data-testid="page-title">
          {title}
        </Typography.Title>
        {subtitle && <Typography.Text type="secondary">{subtitle}</Typography.Text>}
      </div>
      {extra && (
        <Flex gap={8} wrap>
          {extra}
        </Flex>
      )}
    </Flex>
  );
}
