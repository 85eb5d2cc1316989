import type { DeliveryStatus, WebhookEvent } from './api/settings';

export const WEBHOOK_EVENT: Record<WebhookEvent, string> = {
  'obligation.due_soon': 'Nghĩa vụ sắp đến hạn',
  'obligation.due': 'Nghĩa vụ đến hạn hôm nay',
  'obligation.overdue': 'Nghĩa vụ quá hạn',
  'report.submitted': 'Báo cáo đã được gửi',
  'report.accepted': 'Báo cáo đã được tiếp nhận',
  'report.returned': 'Báo cáo bị trả lại',
  ping: 'Thử kết nối',
};

/** Events a subscription may ask for (`ping` is sent on demand only). */
export const SUBSCRIBABLE_EVENTS = (Object.keys(WEBHOOK_EVENT) as WebhookEvent[]).filter((e) => e !== 'ping');

export const DELIVERY_STATUS: Record<DeliveryStatus, { label: string; color: string }> = {
  pending: { label: 'Đang chờ gửi', color: 'gold' },
  delivered: { label: 'Đã gửi thành công', color: 'green' },
  failed: { label: 'Thất bại', color: 'red' },
};

/** "5 ngày trước hạn", "đúng ngày hạn", "1 ngày sau hạn" for a reminder offset. */
export function offsetText(days: number): string {
  if (days === 0) return 'Đúng ngày hạn';
  return days < 0 ? `${-days} ngày trước hạn` : `${days} ngày sau hạn`;
}
