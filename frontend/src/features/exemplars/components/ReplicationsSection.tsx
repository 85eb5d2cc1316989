import { DeleteOutlined, EditOutlined, PlusOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { App, Button, Card, Col, Descriptions, Flex, Form, Input, Modal, Row } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { DateInput } from '@/components/DateInput';
import { AttachmentPanel } from '@/components/attachments/AttachmentPanel';
import { HelpEmpty } from '@/components/HelpEmpty';
import { ProblemAlert } from '@/components/ProblemAlert';
import { UnitSelect } from '@/components/UnitSelect';
import { useErrorNotice } from '@/components/use-error-notice';
import type { Exemplar, Replication, ReplicationInput } from '@/lib/api/models';
import { unitTreeQuery } from '@/lib/api/queries/units';
import { DATE_FORMAT, formatApiDate, fromApiDate, toApiDate, todayInVietnam } from '@/lib/dates';
import { blankToNull, showServerErrors } from '@/lib/forms';
import { flattenUnitTree } from '@/lib/unit-tree';
import {
  useAddReplication,
  useDeleteReplication,
  useRefreshExemplar,
  useUpdateReplication,
} from '../api/exemplars';

interface ReplicationValues {
  adopterUnitId?: number | null;
  adopterName?: string;
  adoptedOn?: Dayjs | null;
  scale?: string;
  outcome?: string;
  evidence?: string;
}

const FIELDS = ['adopterUnitId', 'adopterName', 'adoptedOn', 'scale', 'outcome', 'evidence'] as const;

function toValues(replication: Replication): ReplicationValues {
  return {
    adopterUnitId: replication.adopterUnit?.id ?? null,
    adopterName: replication.adopterName,
    adoptedOn: fromApiDate(replication.adoptedOn),
    scale: replication.scale,
    outcome: replication.outcome,
    evidence: replication.evidence ?? undefined,
  };
}

function toInput(values: ReplicationValues): ReplicationInput {
  return {
    adopterUnitId: values.adopterUnitId ?? null,
    adopterName: (values.adopterName ?? '').trim(),
    adoptedOn: toApiDate(values.adoptedOn) as string,
    scale: (values.scale ?? '').trim(),
    outcome: (values.outcome ?? '').trim(),
    evidence: blankToNull(values.evidence),
  };
}

interface ReplicationsSectionProps {
  exemplar: Exemplar;
  canEdit: boolean;
}

/** Where the model was adopted (nhân rộng), each with its evidence files. */
export function ReplicationsSection({ exemplar, canEdit }: ReplicationsSectionProps) {
  const { modal, message } = App.useApp();
  const notifyError = useErrorNotice();
  const remove = useDeleteReplication();
  const refresh = useRefreshExemplar();
  // `null`: closed; `{}`: adding; `{ replication }`: editing.
  const [editing, setEditing] = useState<{ replication?: Replication } | null>(null);

  const confirmDelete = (replication: Replication) =>
    modal.confirm({
      title: `Xóa nơi nhân rộng "${replication.adopterName}"?`,
      content: 'Thông tin và tệp minh chứng của nơi nhân rộng này sẽ bị gỡ khỏi hồ sơ.',
      okText: 'Xóa',
      okButtonProps: { danger: true, 'data-testid': 'confirm-ok' },
      cancelText: 'Hủy',
      onOk: async () => {
        try {
          await remove.mutateAsync(replication);
          message.success('Đã xóa nơi nhân rộng.');
        } catch (error) {
          notifyError(error);
        }
      },
    });

  return (
    <div data-testid="replications">
      {canEdit && (
        <Button
          type="primary"
          icon={<PlusOutlined />}
          onClick={() => setEditing({})}
          style={{ marginBottom: 12 }}
          data-testid="replication-add"
        >
          Ghi nhận nơi nhân rộng
        </Button>
      )}
      {exemplar.replications.length === 0 ? (
        <HelpEmpty
          description="Chưa ghi nhận nơi nhân rộng. Cần ít nhất một nơi trước khi chuyển sang giai đoạn Nhân rộng."
          topic="stages"
        />
      ) : (
        <Flex vertical gap={12}>
          {exemplar.replications.map((replication) => (
            <Card
              key={replication.id}
              size="small"
              title={replication.adopterName}
              extra={
                canEdit && (
                  <Flex gap={4}>
                    <Button
                      size="small"
                      icon={<EditOutlined />}
                      onClick={() => setEditing({ replication })}
                      data-testid={`replication-edit-${replication.id}`}
                    >
                      Sửa
                    </Button>
                    <Button
                      size="small"
                      danger
                      icon={<DeleteOutlined />}
                      onClick={() => confirmDelete(replication)}
                      data-testid={`replication-delete-${replication.id}`}
                    >
                      Xóa
                    </Button>
                  </Flex>
                )
              }
              data-testid={`replication-${replication.id}`}
            >
              <Descriptions
                size="small"
                column={{ xs: 1, md: 2 }}
                items={[
                  { key: 'adoptedOn', label: 'Ngày áp dụng', children: formatApiDate(replication.adoptedOn) },
                  { key: 'unit', label: 'Đơn vị của Sở', children: replication.adopterUnit?.name ?? '—' },
                  { key: 'scale', label: 'Quy mô', children: replication.scale, span: 'filled' },
                  {
                    key: 'outcome',
                    label: 'Kết quả',
                    children: <span className="pre-wrap">{replication.outcome}</span>,
                    span: 'filled',
                  },
                  {
                    key: 'evidence',
                    label: 'Minh chứng',
                    children: <span className="pre-wrap">{replication.evidence ?? '—'}</span>,
                    span: 'filled',
                  },
                ]}
              />
              <AttachmentPanel
                owner={{ kind: 'replication', id: replication.id }}
                attachments={replication.attachments}
                canChange={canEdit}
                onChanged={() => refresh(exemplar.id)}
              />
            </Card>
          ))}
        </Flex>
      )}
      {editing && (
        <ReplicationFormModal
          exemplar={exemplar}
          replication={editing.replication}
          onClose={() => setEditing(null)}
        />
      )}
    </div>
  );
}

function ReplicationFormModal({
  exemplar,
  replication,
  onClose,
}: {
  exemplar: Exemplar;
  replication?: Replication;
  onClose: () => void;
}) {
  const { message } = App.useApp();
  const [form] = Form.useForm<ReplicationValues>();
  const add = useAddReplication();
  const update = useUpdateReplication();
  const mutation = replication ? update : add;
  const units = useQuery(unitTreeQuery(false));
  const today = todayInVietnam();
  const discoveredOn = fromApiDate(exemplar.discoveredOn);

  const submit = (values: ReplicationValues) => {
    const input = toInput(values);
    const options = {
      onSuccess: () => {
        message.success(replication ? 'Đã lưu nơi nhân rộng.' : 'Đã ghi nhận nơi nhân rộng.');
        onClose();
      },
      onError: (error: Error) => showServerErrors(form, error, FIELDS),
    };
    if (replication) update.mutate({ replication, input }, options);
    else add.mutate({ exemplar, input }, options);
  };

  return (
    <Modal
      open
      title={replication ? 'Sửa nơi nhân rộng' : 'Ghi nhận nơi nhân rộng'}
      okText={replication ? 'Lưu' : 'Ghi nhận'}
      cancelText="Hủy"
      onOk={() => form.submit()}
      onCancel={onClose}
      confirmLoading={mutation.isPending}
      okButtonProps={{ 'data-testid': 'replication-submit' }}
      width={720}
    >
      <ProblemAlert error={mutation.error} formFields={FIELDS} />
      <Form<ReplicationValues>
        form={form}
        layout="vertical"
        initialValues={replication ? toValues(replication) : { adoptedOn: today }}
        onFinish={submit}
      >
        <Row gutter={16}>
          <Col xs={24} md={12}>
            <Form.Item name="adopterUnitId" label="Đơn vị của Sở áp dụng (nếu có)">
              <UnitSelect
                tree={units.data}
                allowClear
                placeholder="Chọn đơn vị"
                onChange={(id) => {
                  const unit = flattenUnitTree(units.data ?? []).find(({ unit: u }) => u.id === id)?.unit;
                  if (unit && !form.getFieldValue('adopterName'))
                    form.setFieldValue('adopterName', unit.name);
                }}
                data-testid="replication-unit"
              />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item
              name="adoptedOn"
              label="Ngày áp dụng"
              rules={[{ required: true, message: 'Chọn ngày áp dụng.' }]}
            >
              <DateInput
                format={DATE_FORMAT}
                disabledDate={(day) =>
                  day.isAfter(today, 'day') || Boolean(discoveredOn && day.isBefore(discoveredOn, 'day'))
                }
                style={{ width: '100%' }}
                data-testid="replication-adoptedOn"
              />
            </Form.Item>
          </Col>
        </Row>
        <Form.Item
          name="adopterName"
          label="Nơi áp dụng"
          extra="Tên đơn vị, cơ quan hoặc xã, phường đã áp dụng mô hình."
          rules={[
            { required: true, whitespace: true, message: 'Nhập nơi áp dụng.' },
            { min: 2, max: 300 },
          ]}
        >
          <Input placeholder="UBND xã Mỹ Hiệp" data-testid="replication-adopter" />
        </Form.Item>
        <Form.Item
          name="scale"
          label="Quy mô"
          rules={[{ required: true, whitespace: true, message: 'Nêu quy mô áp dụng.' }, { max: 2000 }]}
        >
          <Input placeholder="3 tổ hòa giải, 45 hòa giải viên" data-testid="replication-scale" />
        </Form.Item>
        <Form.Item
          name="outcome"
          label="Kết quả"
          rules={[{ required: true, whitespace: true, message: 'Nêu kết quả áp dụng.' }, { max: 10000 }]}
        >
          <Input.TextArea autoSize={{ minRows: 3, maxRows: 10 }} data-testid="replication-outcome" />
        </Form.Item>
        <Form.Item
          name="evidence"
          label="Minh chứng"
          extra="Văn bản, đường dẫn; tệp đính kèm thêm được sau khi lưu."
          rules={[{ max: 5000 }]}
        >
          <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
