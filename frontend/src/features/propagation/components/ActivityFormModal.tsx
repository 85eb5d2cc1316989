import { useQuery } from '@tanstack/react-query';
import { App, Col, Form, Input, InputNumber, Modal, Row, Select } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { DateInput } from '@/components/DateInput';
import { ProblemAlert } from '@/components/ProblemAlert';
import { UnitSelect } from '@/components/UnitSelect';
import { exemplarListQuery } from '@/lib/api/queries/exemplars';
import { unitTreeQuery } from '@/lib/api/queries/units';
import { useCurrentUser } from '@/lib/auth/use-session';
import { DATE_FORMAT, fromApiDate, toApiDate, todayInVietnam } from '@/lib/dates';
import { blankToNull, showServerErrors } from '@/lib/forms';
import { optionsOf } from '@/lib/vocabulary';
import {
  type PropagationActivity,
  type PropagationInput,
  useCreateActivity,
  useFetchPropagationActivity,
  useUpdateActivity,
} from '../api/propagation';
import { CHANNEL_LABELS, countOrNull } from './channels';

interface Values {
  unitId?: number;
  channel?: PropagationInput['channel'];
  title?: string;
  heldOn?: Dayjs | null;
  url?: string;
  views?: number | null;
  shares?: number | null;
  attendees?: number | null;
  exemplarIds?: number[];
  note?: string;
}

const FIELDS = [
  'unitId',
  'channel',
  'title',
  'heldOn',
  'url',
  'views',
  'shares',
  'attendees',
  'exemplarIds',
  'note',
];

function toValues(activity: PropagationActivity): Values {
  return {
    unitId: activity.unit.id,
    channel: activity.channel,
    title: activity.title,
    heldOn: fromApiDate(activity.heldOn),
    url: activity.url ?? undefined,
    views: activity.views ?? null,
    shares: activity.shares ?? null,
    attendees: activity.attendees ?? null,
    exemplarIds: activity.featuredExemplars.map((exemplar) => exemplar.id),
    note: activity.note ?? undefined,
  };
}

function toInput(values: Values): PropagationInput {
  return {
    unitId: values.unitId as number,
    channel: values.channel as PropagationInput['channel'],
    title: (values.title ?? '').trim(),
    heldOn: toApiDate(values.heldOn) as string,
    url: blankToNull(values.url),
    views: countOrNull(values.views),
    shares: countOrNull(values.shares),
    attendees: countOrNull(values.attendees),
    exemplarIds: values.exemplarIds ?? [],
    note: blankToNull(values.note),
  };
}

/** Picks featured exemplars by searching the exemplars the caller may see. */
function ExemplarPicker(props: {
  value?: number[];
  onChange?: (value: number[]) => void;
  known: { id: number; name: string }[];
}) {
  const [q, setQ] = useState('');
  const found = useQuery({ ...exemplarListQuery({ q: q || undefined, pageSize: 20 }) });
  const options = new Map<number, string>();
  for (const exemplar of props.known) options.set(exemplar.id, exemplar.name);
  for (const exemplar of found.data?.items ?? [])
    options.set(exemplar.id, `${exemplar.name} – ${exemplar.unit.shortName}`);
  return (
    <Select<number[]>
      mode="multiple"
      value={props.value}
      onChange={props.onChange}
      showSearch={{ filterOption: false, onSearch: setQ }}
      loading={found.isFetching}
      placeholder="Gõ tên điển hình để tìm"
      options={[...options].map(([value, label]) => ({ value, label }))}
      data-testid="propagation-form-exemplars"
    />
  );
}

/** Mounted only while open, so every opening starts from a fresh form. */
export function ActivityFormModal({
  activity,
  onClose,
}: {
  activity?: PropagationActivity;
  onClose: () => void;
}) {
  const { message } = App.useApp();
  const user = useCurrentUser();
  const [form] = Form.useForm<Values>();
  const create = useCreateActivity();
  const update = useUpdateActivity();
  const fetchLatest = useFetchPropagationActivity();
  const [base, setBase] = useState(activity);
  const mutation = base ? update : create;
  const units = useQuery(unitTreeQuery(false));
  // The unit roles record their own unit's activities only.
  const ownUnitOnly = user.role === 'unit_head' || user.role === 'unit_staff';
  const today = todayInVietnam();

  const submit = (values: Values) => {
    const input = toInput(values);
    const options = {
      onSuccess: () => {
        message.success(base ? 'Đã lưu hoạt động tuyên truyền.' : 'Đã ghi nhận hoạt động tuyên truyền.');
        onClose();
      },
      onError: (error: Error) => showServerErrors(form, error, FIELDS),
    };
    if (base) update.mutate({ activity: base, input }, options);
    else create.mutate(input, options);
  };

  const reloadLatest = async () => {
    if (!base) return;
    const latest = await fetchLatest(base.id);
    setBase(latest);
    form.setFieldsValue(toValues(latest));
    update.reset();
  };

  return (
    <Modal
      open
      title={base ? 'Sửa hoạt động tuyên truyền' : 'Ghi nhận hoạt động tuyên truyền'}
      okText={base ? 'Lưu' : 'Ghi nhận'}
      cancelText="Hủy"
      onOk={() => form.submit()}
      onCancel={onClose}
      confirmLoading={mutation.isPending}
      okButtonProps={{ 'data-testid': 'propagation-form-submit' }}
      width={760}
    >
      <ProblemAlert error={mutation.error} formFields={FIELDS} onReload={reloadLatest} />
      <Form<Values>
        form={form}
        layout="vertical"
        initialValues={activity ? toValues(activity) : { unitId: user.unit?.id, exemplarIds: [] }}
        onFinish={submit}
        data-testid="propagation-form"
      >
        <Row gutter={16}>
          <Col xs={24} sm={12}>
            <Form.Item
              name="unitId"
              label="Đơn vị thực hiện"
              rules={[{ required: true, message: 'Chọn đơn vị.' }]}
            >
              <UnitSelect tree={units.data} disabled={ownUnitOnly} data-testid="propagation-form-unit" />
            </Form.Item>
          </Col>
          <Col xs={24} sm={12}>
            <Form.Item
              name="channel"
              label="Kênh"
              rules={[{ required: true, message: 'Chọn kênh tuyên truyền.' }]}
            >
              <Select
                options={optionsOf(CHANNEL_LABELS)}
                placeholder="Chọn kênh"
                data-testid="propagation-form-channel"
              />
            </Form.Item>
          </Col>
        </Row>
        <Form.Item
          name="title"
          label="Tiêu đề"
          rules={[
            { required: true, whitespace: true, message: 'Nhập tiêu đề.' },
            { min: 3, max: 500, message: 'Tiêu đề có từ 3 đến 500 ký tự.' },
          ]}
        >
          <Input
            placeholder="Bài viết: Chị Nguyễn Thị Hồng Nhung – người trợ giúp pháp lý tận tụy"
            data-testid="propagation-form-title"
          />
        </Form.Item>
        <Row gutter={16}>
          <Col xs={24} sm={8}>
            <Form.Item
              name="heldOn"
              label="Ngày đăng / tổ chức"
              rules={[{ required: true, message: 'Chọn ngày.' }]}
            >
              <DateInput
                format={DATE_FORMAT}
                placeholder="dd/mm/yyyy"
                style={{ width: '100%' }}
                disabledDate={(day) => day.isAfter(today, 'day')}
                data-testid="propagation-form-held-on"
              />
            </Form.Item>
          </Col>
          <Col xs={24} sm={16}>
            <Form.Item
              name="url"
              label="Đường dẫn"
              rules={[
                { pattern: /^https?:\/\/\S+$/i, message: 'Nhập địa chỉ bắt đầu bằng http:// hoặc https://.' },
                { max: 2000, message: 'Tối đa 2.000 ký tự.' },
              ]}
            >
              <Input placeholder="https://sotuphap.dongthap.gov.vn/…" data-testid="propagation-form-url" />
            </Form.Item>
          </Col>
        </Row>
        <Row gutter={16}>
          {(
            [
              ['views', 'Lượt xem'],
              ['shares', 'Lượt chia sẻ'],
              ['attendees', 'Người tham dự'],
            ] as const
          ).map(([name, label]) => (
            <Col xs={24} sm={8} key={name}>
              <Form.Item name={name} label={label}>
                <InputNumber
                  min={0}
                  max={1_000_000_000}
                  precision={0}
                  style={{ width: '100%' }}
                  data-testid={`propagation-form-${name}`}
                />
              </Form.Item>
            </Col>
          ))}
        </Row>
        <Form.Item name="exemplarIds" label="Điển hình được giới thiệu">
          <ExemplarPicker known={activity?.featuredExemplars ?? []} />
        </Form.Item>
        <Form.Item name="note" label="Ghi chú" rules={[{ max: 5000, message: 'Tối đa 5.000 ký tự.' }]}>
          <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} data-testid="propagation-form-note" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
