import { FilterOutlined } from '@ant-design/icons';
import { Badge, Button, Flex, Grid } from 'antd';
import { type ReactNode, useState } from 'react';

interface FilterBarProps {
  /** The search box: always in view. */
  search: ReactNode;
  /** How many of the filters are set, shown on the button that opens them on a phone. */
  activeCount: number;
  /** The filters. */
  children: ReactNode;
}

/**
 * A list's search and filters. On a wide screen they sit in rows above the list; on a phone the
 * filters fold behind a "Bộ lọc" button that counts those set, so the list starts near the top.
 */
export function FilterBar({ search, activeCount, children }: FilterBarProps) {
  const screens = Grid.useBreakpoint();
  const [open, setOpen] = useState(false);
  if (screens.md !== false) {
    return (
      <Flex gap={8} wrap style={{ marginBottom: 12 }}>
        {search}
        {children}
      </Flex>
    );
  }
  return (
    <div style={{ marginBottom: 12 }}>
      <Flex gap={8} align="center">
        <div style={{ flex: 1, minWidth: 0 }}>{search}</div>
        <Button
          icon={<FilterOutlined />}
          onClick={() => setOpen(!open)}
          aria-expanded={open}
          type={open ? 'primary' : 'default'}
          ghost={open}
          data-testid="filters-toggle"
        >
          Bộ lọc
          {activeCount > 0 && (
            <Badge
              count={activeCount}
              size="small"
              color="#1f5fa8"
              aria-label={`${activeCount} bộ lọc đang áp dụng`}
              data-testid="filters-count"
            />
          )}
        </Button>
      </Flex>
      {open && (
        <Flex
          vertical
          gap={8}
          className="filter-bar-panel"
          style={{ marginTop: 8 }}
          data-testid="filters-panel"
        >
          {children}
        </Flex>
      )}
    </div>
  );
}
