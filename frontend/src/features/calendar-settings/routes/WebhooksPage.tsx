import {
  EditOutlined,
  KeyOutlined,
  PlusOutlined,
  SendOutlined,
  UnorderedListOutlined,
} from '@ant-design/icons';
import {
  App,
  Button,
  Card,
  Checkbox,
  Drawer,
  Form,
  Input,
  Modal,
  Space,
  Switch,
  Table,
  Tag,
  Tooltip,
  Typography,
} from 'antd';
import type { ColumnsType } from 'antd/es/table';
import type { HTMLAttributes } from 'react';
import { useState } from 'react';
import { OneTimeSecretModal } from '@/components/OneTimeSecretModal';
import { PageHeading } from '@/components/PageHeading';
import { ProblemAlert } from '@/components/ProblemAlert';
import { useErrorNotice } from '@/components/use-error-notice';
import { formatDateTime } from '@/lib/dates';
import {
  type Delivery,
  type Subscription,
  type SubscriptionInput,
  type SubscriptionWithSecret,
  useCreateWebhook,
  useDeliveries,
  usePingWebhook,
  useRedeliver,
  useRotateWebhookSecret,
  useUpdateWebhook,
  useWebhooks,
} from '../api/settings';
import { DELIVERY_STATUS, SUBSCRIBABLE_EVENTS, WEBHOOK_EVENT } from '../labels';

const FIELDS = ['name', 'url', 'events', 'active'] as const;

function WebhookFormModal({
  subscription,
  onClose,
  onCreated,
}: {
  subscription?: Subscription;
  onClose: () => void;
  onCreated: (created: SubscriptionWithSecret) => void;
}) {
  const { message } = App.useApp();
  const [form] = Form.useForm<SubscriptionInput>();
  const create = useCreateWebhook();
  const update = useUpdateWebhook();
  const finish = (values: SubscriptionInput) => {
    const input = { ...values, name: values.name.trim(), url: values.url.trim() };
    if (subscription) {
      update.mutate(
        { subscription, input },
        {
          onSuccess: () => {
            message.success('Đã lưu đăng ký webhook.');
            onClose();
          },
        },
      );
    } else {
      create.mutate(input, {
        onSuccess: (created) => {
          onClose();
          onCreated(created);
        },
      });
    }
  };
  return (
    <Modal
      open
      title={subscription ? 'Sửa đăng ký webhook' : 'Thêm đăng ký webhook'}
      okText="Lưu"
      cancelText="Hủy"
      onOk={() => form.submit()}
      onCancel={onClose}
      confirmLoading={create.isPending || update.isPending}
      okButtonProps={{ 'data-testid': 'webhook-form-submit' }}
      destroyOnHidden
    >
      <ProblemAlert error={create.error ?? update.error} formFields={FIELDS} />
      <Form<SubscriptionInput>
        form={form}
        layout="vertical"
        onFinish={finish}
        initialValues={subscription ?? { active: true, events: SUBSCRIBABLE_EVENTS, name: '', url: '' }}
      >
        <Form.Item name="name" label="Hệ thống nhận" rules={[{ required: true, whitespace: true, max: 200 }]}>
          <Input maxLength={200} placeholder="Hệ thống báo cáo Sở Nội vụ" data-testid="webhook-form-name" />
        </Form.Item>
        <Form.Item
          name="url"
          label="Địa chỉ nhận (URL)"
          extra="Chỉ các máy chủ trong danh sách cho phép của hệ thống."
          rules={[
            { required: true, whitespace: true, max: 2000 },
            { type: 'url', message: 'Địa chỉ không hợp lệ' },
          ]}
        >
          <Input maxLength={2000} placeholder="https://…" data-testid="webhook-form-url" />
        </Form.Item>
        <Form.Item
          name="events"
          label="Sự kiện"
          rules={[{ required: true, type: 'array', min: 1, message: 'Chọn ít nhất một sự kiện' }]}
        >
          <Checkbox.Group
            options={SUBSCRIBABLE_EVENTS.map((event) => ({ value: event, label: WEBHOOK_EVENT[event] }))}
            data-testid="webhook-form-events"
          />
        </Form.Item>
        <Form.Item name="active" label="Đang bật" valuePropName="checked">
          <Switch data-testid="webhook-form-active" />
        </Form.Item>
      </Form>
    </Modal>
  );
}

function DeliveriesDrawer({ subscription, onClose }: { subscription: Subscription; onClose: () => void }) {
  const { message } = App.useApp();
  const notifyError = useErrorNotice();
  const [page, setPage] = useState(1);
  const deliveries = useDeliveries(subscription.id, page);
  const redeliver = useRedeliver();
  const columns: ColumnsType<Delivery> = [
    { title: 'Lúc', key: 'createdAt', render: (_, d) => formatDateTime(d.createdAt) },
    { title: 'Sự kiện', key: 'event', render: (_, d) => WEBHOOK_EVENT[d.event] },
    {
      title: 'Kết quả',
      key: 'status',
      render: (_, d) => (
        <Space direction="vertical" size={0}>
          <Tag color={DELIVERY_STATUS[d.status].color} data-testid={`delivery-status-${d.id}`}>
            {DELIVERY_STATUS[d.status].label}
          </Tag>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {d.attempts} lần gửi{d.lastStatusCode ? `, HTTP ${d.lastStatusCode}` : ''}
            {d.nextAttemptAt ? `, thử lại lúc ${formatDateTime(d.nextAttemptAt)}` : ''}
          </Typography.Text>
          {d.lastError && (
            <Typography.Text type="danger" style={{ fontSize: 12 }}>
              {d.lastError}
            </Typography.Text>
          )}
        </Space>
      ),
    },
    {
      title: 'Thao tác',
      key: 'actions',
      render: (_, d) => (
        <Button
          size="small"
          onClick={() =>
            redeliver.mutate(d, {
              onSuccess: () => message.success('Đã xếp lịch gửi lại.'),
              onError: notifyError,
            })
          }
          data-testid={`delivery-redeliver-${d.id}`}
        >
          Gửi lại
        </Button>
      ),
    },
  ];
  return (
    <Drawer open width={760} title={`Nhật ký gửi: ${subscription.name}`} onClose={onClose} destroyOnHidden>
      <ProblemAlert error={deliveries.error} />
      <Table<Delivery>
        rowKey="id"
        size="small"
        columns={columns}
        dataSource={deliveries.data?.items}
        loading={deliveries.isFetching}
        expandable={{
          expandedRowRender: (d) => (
            <pre style={{ margin: 0, fontSize: 12, whiteSpace: 'pre-wrap' }}>
              {JSON.stringify(d.payload, null, 2)}
            </pre>
          ),
        }}
        pagination={{
          current: page,
          pageSize: 20,
          total: deliveries.data?.total ?? 0,
          onChange: setPage,
          showTotal: (total) => `${total} lần gửi`,
        }}
        locale={{ emptyText: 'Chưa gửi lần nào' }}
        data-testid="delivery-table"
      />
    </Drawer>
  );
}

/** The administrator's outgoing webhooks: who is told about what, and how each delivery went. */
export default function WebhooksPage() {
  const { message, modal } = App.useApp();
  const notifyError = useErrorNotice();
  const webhooks = useWebhooks();
  const ping = usePingWebhook();
  const rotate = useRotateWebhookSecret();
  const [editing, setEditing] = useState<{ subscription?: Subscription } | null>(null);
  const [secret, setSecret] = useState<SubscriptionWithSecret | null>(null);
  const [log, setLog] = useState<Subscription | null>(null);

  const confirmRotate = (subscription: Subscription) =>
    modal.confirm({
      title: `Tạo khóa bí mật mới cho "${subscription.name}"?`,
      content: 'Khóa cũ hết hiệu lực ngay; hệ thống nhận phải cập nhật khóa mới để kiểm tra chữ ký.',
      okText: 'Tạo khóa mới',
      okButtonProps: { danger: true, 'data-testid': 'confirm-ok' },
      cancelText: 'Hủy',
      onOk: async () => {
        try {
          setSecret(await rotate.mutateAsync(subscription));
        } catch (error) {
          notifyError(error);
        }
      },
    });

  const columns: ColumnsType<Subscription> = [
    {
      title: 'Hệ thống nhận',
      key: 'name',
      render: (_, s) => (
        <div style={{ maxWidth: 360, whiteSpace: 'normal' }}>
          <div style={{ fontWeight: 500 }}>{s.name}</div>
          <Typography.Text type="secondary" style={{ fontSize: 12 }} copyable>
            {s.url}
          </Typography.Text>
        </div>
      ),
    },
    {
      title: 'Sự kiện',
      key: 'events',
      render: (_, s) => s.events.map((e) => <Tag key={e}>{WEBHOOK_EVENT[e]}</Tag>),
      responsive: ['lg'],
    },
    {
      title: 'Trạng thái',
      key: 'active',
      render: (_, s) => (s.active ? <Tag color="green">Đang bật</Tag> : <Tag>Đang tắt</Tag>),
    },
    {
      title: 'Đã gửi',
      key: 'deliveries',
      render: (_, s) => (
        <Typography.Text style={{ fontSize: 13 }}>
          {s.deliveries.delivered} thành công, {s.deliveries.failed} thất bại, {s.deliveries.pending} đang chờ
        </Typography.Text>
      ),
    },
    {
      title: 'Thao tác',
      key: 'actions',
      render: (_, s) => (
        <Space size={4}>
          <Tooltip title="Sửa">
            <Button
              size="small"
              icon={<EditOutlined />}
              aria-label="Sửa"
              onClick={() => setEditing({ subscription: s })}
              data-testid={`webhook-edit-${s.id}`}
            />
          </Tooltip>
          <Tooltip title="Thử kết nối">
            <Button
              size="small"
              icon={<SendOutlined />}
              aria-label="Thử kết nối"
              loading={ping.isPending && ping.variables?.id === s.id}
              onClick={() =>
                ping.mutate(s, {
                  onSuccess: () => message.success('Đã xếp lịch gửi thử.'),
                  onError: notifyError,
                })
              }
              data-testid={`webhook-ping-${s.id}`}
            />
          </Tooltip>
          <Tooltip title="Nhật ký gửi">
            <Button
              size="small"
              icon={<UnorderedListOutlined />}
              aria-label="Nhật ký gửi"
              onClick={() => setLog(s)}
              data-testid={`webhook-log-${s.id}`}
            />
          </Tooltip>
          <Tooltip title="Tạo khóa bí mật mới">
            <Button
              size="small"
              icon={<KeyOutlined />}
              aria-label="Tạo khóa bí mật mới"
              onClick={() => confirmRotate(s)}
              data-testid={`webhook-rotate-${s.id}`}
            />
          </Tooltip>
        </Space>
      ),
    },
  ];

  return (
    <>
      <PageHeading
        title="Webhook"
        subtitle="Hệ thống của tỉnh đăng ký nhận thông báo về nghĩa vụ và báo cáo (ký HMAC-SHA256)"
        extra={
          <Button
            type="primary"
            icon={<PlusOutlined />}
            onClick={() => setEditing({})}
            data-testid="webhook-create"
          >
            Thêm đăng ký
          </Button>
        }
      />
      <Card>
        <ProblemAlert error={webhooks.error} />
        <Table<Subscription>
          rowKey="id"
          size="middle"
          columns={columns}
          dataSource={webhooks.data}
          loading={webhooks.isFetching}
          scroll={{ x: true }}
          pagination={false}
          onRow={(s) => ({ 'data-testid': `webhook-row-${s.id}` }) as HTMLAttributes<HTMLElement>}
          locale={{ emptyText: 'Chưa có đăng ký nào' }}
          data-testid="webhook-table"
        />
      </Card>
      {editing && (
        <WebhookFormModal
          subscription={editing.subscription}
          onClose={() => setEditing(null)}
          onCreated={setSecret}
        />
      )}
      <OneTimeSecretModal
        open={secret !== null}
        title="Khóa bí mật của webhook"
        intro="Khóa chỉ hiển thị một lần. Hệ thống nhận dùng khóa này để kiểm tra chữ ký X-LanToa-Signature."
        items={secret ? [{ label: 'Khóa bí mật', value: secret.secret, testId: 'webhook-secret' }] : []}
        onClose={() => setSecret(null)}
      />
      {log && <DeliveriesDrawer subscription={log} onClose={() => setLog(null)} />}
    </>
  );
}
