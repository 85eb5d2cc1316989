import { Alert, Button, Modal, Typography } from 'antd';
import type { ReactNode } from 'react';

export interface SecretItem {
  label: string;
  value: string;
  testId: string;
}

interface OneTimeSecretModalProps {
  open: boolean;
  title: string;
  intro?: ReactNode;
  items: SecretItem[];
  onClose: () => void;
}

/** Shows credentials the server will never show again, each with a copy button. */
export function OneTimeSecretModal({ open, title, intro, items, onClose }: OneTimeSecretModalProps) {
  return (
    <Modal
      open={open}
      title={title}
      onCancel={onClose}
      mask={{ closable: false }}
      destroyOnHidden
      footer={
        <Button type="primary" onClick={onClose} data-testid="secret-close">
          Tôi đã lưu lại, đóng
        </Button>
      }
      data-testid="secret-modal"
    >
      {intro}
      {items.map((item) => (
        <div key={item.testId} style={{ marginTop: 12 }}>
          <Typography.Text type="secondary">{item.label}</Typography.Text>
          <Typography.Paragraph
            code
            copyable={{ text: item.value, tooltips: ['Sao chép', 'Đã sao chép'] }}
            style={{ fontSize: 16, marginBottom: 0 }}
          >
            <span data-testid={item.testId}>{item.value}</span>
          </Typography.Paragraph>
        </div>
      ))}
      <Alert
        type="warning"
        showIcon
        style={{ marginTop: 16 }}
        title="Thông tin này chỉ hiển thị một lần."
        description="Hãy sao chép và chuyển giao qua kênh an toàn ngay bây giờ. Sau khi đóng, không thể xem lại."
      />
    </Modal>
  );
}
