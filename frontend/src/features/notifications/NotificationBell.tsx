import { BellOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Badge, Button, Popover, Spin, Typography } from 'antd';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { HelpEmpty } from '@/components/HelpEmpty';
import { ProblemAlert } from '@/components/ProblemAlert';
import { useErrorNotice } from '@/components/use-error-notice';
import { api, unwrap } from '@/lib/api/client';
import type { Notification } from '@/lib/api/models';
import {
  latestNotificationsQuery,
  notificationKeys,
  unreadCountQuery,
} from '@/lib/api/queries/notifications';
import { formatDateTime } from '@/lib/dates';

/** The badge is refreshed this often (and whenever the window regains focus). */
const POLL_MS = 60_000;

function useMarkRead() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (ids: number[]) => unwrap(api.POST('/api/v1/notifications/read', { body: { ids } })),
    onSettled: () => queryClient.invalidateQueries({ queryKey: notificationKeys.all }),
  });
}

function useMarkAllRead() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => unwrap(api.POST('/api/v1/notifications/read-all')),
    onSettled: () => queryClient.invalidateQueries({ queryKey: notificationKeys.all }),
  });
}

/** The header's bell: the unread count, and the latest notifications on a click. */
export function NotificationBell() {
  const [open, setOpen] = useState(false);
  const count = useQuery({
    ...unreadCountQuery(),
    refetchInterval: POLL_MS,
    refetchOnWindowFocus: true,
  });
  const unread = count.data?.unreadCount ?? 0;

  return (
    <Popover
      open={open}
      onOpenChange={setOpen}
      trigger="click"
      placement="bottomRight"
      title="Thông báo"
      content={<NotificationList onDone={() => setOpen(false)} />}
      destroyOnHidden
    >
      <Badge count={unread} size="small" overflowCount={99} data-testid="bell-count-badge">
        <Button
          type="text"
          icon={<BellOutlined style={{ color: '#fff', fontSize: 18 }} />}
          aria-label={unread > 0 ? `Thông báo: ${unread} chưa đọc` : 'Thông báo'}
          title="Thông báo"
          data-testid="bell"
          data-unread={unread}
        />
      </Badge>
    </Popover>
  );
}

function NotificationList({ onDone }: { onDone: () => void }) {
  const navigate = useNavigate();
  const notifyError = useErrorNotice();
  const latest = useQuery(latestNotificationsQuery());
  const markRead = useMarkRead();
  const markAll = useMarkAllRead();

  const follow = (notification: Notification) => {
    if (!notification.readAt) markRead.mutate([notification.id], { onError: notifyError });
    onDone();
    if (notification.link) navigate(notification.link);
  };

  const items = latest.data?.items ?? [];
  return (
    <div style={{ width: 340, maxWidth: 'calc(100vw - 32px)' }} data-testid="bell-panel">
      <ProblemAlert error={latest.error} />
      {latest.isPending ? (
        <div style={{ display: 'grid', placeItems: 'center', minHeight: 80 }}>
          <Spin />
        </div>
      ) : items.length === 0 ? (
        <HelpEmpty description="Chưa có thông báo nào" topic="notifications" onFollow={onDone} />
      ) : (
        <ul className="bell-list">
          {items.map((notification) => (
            <li key={notification.id}>
              <button
                type="button"
                className={notification.readAt ? 'bell-item' : 'bell-item bell-item-unread'}
                onClick={() => follow(notification)}
                data-testid={`bell-item-${notification.id}`}
                data-unread={notification.readAt ? undefined : 'true'}
              >
                <Typography.Text strong={!notification.readAt}>{notification.title}</Typography.Text>
                <Typography.Text type="secondary" style={{ fontSize: 13 }}>
                  {notification.body}
                </Typography.Text>
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {formatDateTime(notification.createdAt)}
                </Typography.Text>
              </button>
            </li>
          ))}
        </ul>
      )}
      {(latest.data?.unreadCount ?? 0) > 0 && (
        <Button
          type="link"
          size="small"
          loading={markAll.isPending}
          onClick={() => markAll.mutate(undefined, { onError: notifyError })}
          style={{ paddingInline: 0, marginTop: 4 }}
          data-testid="bell-read-all"
        >
          Đánh dấu tất cả đã đọc
        </Button>
      )}
    </div>
  );
}
