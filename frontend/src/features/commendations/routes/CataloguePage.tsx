import { PlusOutlined } from '@ant-design/icons';
import {
  App,
  Button,
  Card,
  Form,
  Input,
  InputNumber,
  Modal,
  Select,
  Space,
  Switch,
  Table,
  Tabs,
  Tag,
  Typography,
} from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useState } from 'react';
import { DateInput } from '@/components/DateInput';
import { PageHeading } from '@/components/PageHeading';
import { ProblemAlert } from '@/components/ProblemAlert';
import { useErrorNotice } from '@/components/use-error-notice';
import { DATE_FORMAT, type dayjs, formatApiDate, fromApiDate, toApiDate } from '@/lib/dates';
import { blankToNull, showServerErrors } from '@/lib/forms';
import { optionsOf } from '@/lib/vocabulary';
import {
  type AwardFormStep,
  useAwardForms,
  useAwardFormStep,
  useBaseSalaries,
  useEligibilityRules,
  useOccasions,
  useSaveBaseSalary,
  useSaveOccasion,
} from '../api/commendations';
import type { AwardForm, BaseSalary, Occasion, OccasionKind, Rule } from '../api/models';
import { AwardFormModal } from '../components/AwardFormModal';
import {
  AUTHORITY_LABELS,
  AWARD_KIND_LABELS,
  AWARD_SUBJECT_LABELS,
  CATALOGUE_STATUS_LABELS,
  formatDong,
  formatMultiple,
  OCCASION_KIND_LABELS,
  VOTE_DENOMINATOR_LABELS,
} from '../vocabulary';

const STATUS_COLORS = { draft: 'default', published: 'green', retired: 'red' } as const;

function voteRule(form: AwardForm): string {
  if (!form.requiresVote) return 'Không bỏ phiếu';
  const share = form.voteThresholdStrict
    ? `trên ${form.voteThresholdPercent}%`
    : `từ ${form.voteThresholdPercent}% trở lên`;
  return `${share} ${VOTE_DENOMINATOR_LABELS[form.voteDenominator]}`;
}

function AwardFormsTab() {
  const forms = useAwardForms();
  const rules = useEligibilityRules();
  const step = useAwardFormStep();
  const notifyError = useErrorNotice();
  const { message, modal } = App.useApp();
  const [editing, setEditing] = useState<AwardForm | 'new' | null>(null);
  const rulesOf = (code: string): Rule[] =>
    (rules.data ?? []).filter((rule) => rule.awardFormCode === code || rule.awardFormCode === null);
  const runStep = (form: AwardForm, which: AwardFormStep, title: string, done: string) =>
    modal.confirm({
      title,
      okText: 'Đồng ý',
      cancelText: 'Hủy',
      okButtonProps: { 'data-testid': 'confirm-ok' },
      onOk: () =>
        step
          .mutateAsync({ id: form.id, version: form.version, step: which })
          .then(() => message.success(done))
          .catch(notifyError),
    });
  const columns: ColumnsType<AwardForm> = [
    {
      title: 'Hình thức',
      key: 'name',
      render: (_, form) => (
        <div>
          <Typography.Text strong>{form.name}</Typography.Text>
          <div>
            <Typography.Text type="secondary">
              {form.code} · phiên bản {form.versionNo} · {AWARD_KIND_LABELS[form.kind]} ·{' '}
              {AWARD_SUBJECT_LABELS[form.subjectKind]}
            </Typography.Text>
          </div>
        </div>
      ),
    },
    { title: 'Thẩm quyền', key: 'authority', render: (_, form) => AUTHORITY_LABELS[form.authority] },
    {
      title: 'Thủ tục',
      key: 'procedure',
      render: (_, form) => (
        <Space direction="vertical" size={0}>
          <span>
            {form.requiresNotice
              ? `Công khai${form.noticeWorkingDays ? ` ${form.noticeWorkingDays} ngày làm việc` : ''}`
              : 'Không công khai'}
          </span>
          <span>{voteRule(form)}</span>
        </Space>
      ),
    },
    {
      title: 'Mức thưởng',
      key: 'reward',
      render: (_, form) => (
        <Space direction="vertical" size={0}>
          <span>Cá nhân: {formatMultiple(form.individualMultiple)}</span>
          <span>Tập thể: {formatMultiple(form.collectiveMultiple)}</span>
        </Space>
      ),
    },
    {
      title: 'Điều kiện',
      key: 'rules',
      render: (_, form) =>
        rulesOf(form.code).length === 0 ? (
          <Typography.Text type="secondary">—</Typography.Text>
        ) : (
          <Space direction="vertical" size={0}>
            {rulesOf(form.code).map((rule) => (
              <span key={rule.id} title={rule.legalBasis}>
                <Tag color={rule.severity === 'block' ? 'red' : 'orange'}>
                  {rule.severity === 'block' ? 'Chặn' : 'Cảnh báo'}
                </Tag>
                {rule.name}
                {rule.active ? '' : ' (tắt)'}
              </span>
            ))}
          </Space>
        ),
    },
    {
      title: 'Căn cứ',
      dataIndex: 'legalBasis',
      key: 'legalBasis',
      render: (value: string) => (
        <Typography.Paragraph
          ellipsis={{ rows: 2, expandable: true, symbol: 'xem thêm' }}
          style={{ maxWidth: 260, marginBottom: 0 }}
        >
          {value}
        </Typography.Paragraph>
      ),
    },
    {
      title: 'Trạng thái',
      key: 'status',
      render: (_, form) => (
        <Tag color={STATUS_COLORS[form.status]}>{CATALOGUE_STATUS_LABELS[form.status]}</Tag>
      ),
    },
    {
      title: '',
      key: 'actions',
      render: (_, form) => (
        <Space>
          {form.status === 'draft' && (
            <Button size="small" onClick={() => setEditing(form)} data-testid={`award-form-edit-${form.id}`}>
              Sửa
            </Button>
          )}
          {form.status === 'draft' && (
            <Button
              size="small"
              onClick={() => runStep(form, 'publish', `Áp dụng "${form.name}"?`, 'Đã áp dụng phiên bản.')}
              data-testid={`award-form-publish-${form.id}`}
            >
              Áp dụng
            </Button>
          )}
          {form.status === 'published' && (
            <>
              <Button
                size="small"
                onClick={() =>
                  runStep(
                    form,
                    'new-version',
                    `Tạo phiên bản mới của "${form.name}"?`,
                    'Đã tạo bản dự thảo phiên bản mới.',
                  )
                }
                data-testid={`award-form-new-version-${form.id}`}
              >
                Phiên bản mới
              </Button>
              <Button
                size="small"
                danger
                onClick={() =>
                  runStep(
                    form,
                    'retire',
                    `Ngừng áp dụng "${form.name}"?`,
                    'Đã ngừng áp dụng; hồ sơ cũ vẫn giữ phiên bản này.',
                  )
                }
                data-testid={`award-form-retire-${form.id}`}
              >
                Ngừng áp dụng
              </Button>
            </>
          )}
        </Space>
      ),
    },
  ];
  return (
    <>
      <Button
        icon={<PlusOutlined />}
        onClick={() => setEditing('new')}
        style={{ marginBottom: 12 }}
        data-testid="award-form-create"
      >
        Thêm hình thức khen thưởng
      </Button>
      <ProblemAlert error={forms.error ?? rules.error} />
      <Table<AwardForm>
        rowKey="id"
        columns={columns}
        dataSource={forms.data}
        loading={forms.isFetching}
        pagination={false}
        scroll={{ x: 'max-content' }}
        onRow={(form) =>
          ({ 'data-testid': `award-form-row-${form.code}` }) as React.HTMLAttributes<HTMLElement>
        }
        data-testid="award-form-table"
      />
      {editing !== null && (
        <AwardFormModal
          awardForm={editing === 'new' ? undefined : editing}
          onClose={() => setEditing(null)}
        />
      )}
    </>
  );
}

interface SalaryValues {
  amount: number;
  effectiveFrom?: dayjs.Dayjs;
  legalBasis: string;
}

function SalariesTab() {
  const salaries = useBaseSalaries();
  const save = useSaveBaseSalary();
  const { message } = App.useApp();
  const [editing, setEditing] = useState<BaseSalary | 'new' | null>(null);
  const [form] = Form.useForm<SalaryValues>();
  const fields = ['amount', 'effectiveFrom', 'legalBasis'];
  const open = (salary: BaseSalary | 'new') => {
    setEditing(salary);
    save.reset();
    form.setFieldsValue(
      salary === 'new'
        ? { amount: undefined, effectiveFrom: undefined, legalBasis: '' }
        : {
            amount: salary.amount,
            effectiveFrom: fromApiDate(salary.effectiveFrom) ?? undefined,
            legalBasis: salary.legalBasis,
          },
    );
  };
  return (
    <>
      <Button
        icon={<PlusOutlined />}
        onClick={() => open('new')}
        style={{ marginBottom: 12 }}
        data-testid="salary-create"
      >
        Thêm mức lương cơ sở
      </Button>
      <ProblemAlert error={salaries.error} />
      <Table<BaseSalary>
        rowKey="id"
        dataSource={salaries.data}
        loading={salaries.isFetching}
        pagination={false}
        columns={[
          { title: 'Áp dụng từ', key: 'from', render: (_, salary) => formatApiDate(salary.effectiveFrom) },
          {
            title: 'Mức lương cơ sở',
            key: 'amount',
            render: (_, salary) => `${formatDong(salary.amount)}/tháng`,
          },
          { title: 'Căn cứ', dataIndex: 'legalBasis', key: 'legalBasis' },
          {
            title: '',
            key: 'edit',
            render: (_, salary) => (
              <Button size="small" onClick={() => open(salary)}>
                Sửa
              </Button>
            ),
          },
        ]}
        data-testid="salary-table"
      />
      <Modal
        open={editing !== null}
        title={editing === 'new' ? 'Thêm mức lương cơ sở' : 'Sửa mức lương cơ sở'}
        okText="Lưu"
        cancelText="Hủy"
        onOk={() => form.submit()}
        onCancel={() => setEditing(null)}
        confirmLoading={save.isPending}
        forceRender
      >
        <ProblemAlert error={save.error} formFields={fields} />
        <Form<SalaryValues>
          form={form}
          layout="vertical"
          onFinish={(values) =>
            save.mutate(
              {
                salary: editing === 'new' || editing === null ? undefined : editing,
                input: {
                  amount: values.amount,
                  effectiveFrom: toApiDate(values.effectiveFrom) ?? '',
                  legalBasis: values.legalBasis.trim(),
                },
              },
              {
                onSuccess: () => {
                  message.success('Đã lưu mức lương cơ sở.');
                  setEditing(null);
                },
                onError: (error) => showServerErrors(form, error, fields),
              },
            )
          }
        >
          <Form.Item
            name="amount"
            label="Mức lương (đồng/tháng)"
            rules={[{ required: true, message: 'Nhập mức lương.' }]}
          >
            <InputNumber min={1} max={1_000_000_000} style={{ width: 200 }} />
          </Form.Item>
          <Form.Item
            name="effectiveFrom"
            label="Áp dụng từ ngày"
            rules={[{ required: true, message: 'Chọn ngày.' }]}
          >
            <DateInput format={DATE_FORMAT} />
          </Form.Item>
          <Form.Item
            name="legalBasis"
            label="Căn cứ"
            rules={[{ required: true, whitespace: true, min: 3, message: 'Nhập căn cứ pháp lý.' }]}
          >
            <Input placeholder="Nghị định số 73/2024/NĐ-CP ngày 30/6/2024" maxLength={1000} />
          </Form.Item>
        </Form>
      </Modal>
    </>
  );
}

interface OccasionValues {
  code: string;
  name: string;
  kind: OccasionKind;
  year?: number;
  occursOn?: dayjs.Dayjs;
  description?: string;
  active: boolean;
}

function OccasionsTab() {
  const occasions = useOccasions();
  const save = useSaveOccasion();
  const { message } = App.useApp();
  const [editing, setEditing] = useState<Occasion | 'new' | null>(null);
  const [form] = Form.useForm<OccasionValues>();
  const fields = ['code', 'name', 'kind', 'year', 'occursOn', 'description', 'active', 'movementId'];
  const open = (occasion: Occasion | 'new') => {
    setEditing(occasion);
    save.reset();
    form.setFieldsValue(
      occasion === 'new'
        ? {
            code: '',
            name: '',
            kind: 'year_end',
            year: undefined,
            occursOn: undefined,
            description: '',
            active: true,
          }
        : {
            code: occasion.code,
            name: occasion.name,
            kind: occasion.kind,
            year: occasion.year ?? undefined,
            occursOn: fromApiDate(occasion.occursOn) ?? undefined,
            description: occasion.description ?? '',
            active: occasion.active,
          },
    );
  };
  return (
    <>
      <Button
        icon={<PlusOutlined />}
        onClick={() => open('new')}
        style={{ marginBottom: 12 }}
        data-testid="occasion-create"
      >
        Thêm dịp khen thưởng
      </Button>
      <ProblemAlert error={occasions.error} />
      <Table<Occasion>
        rowKey="id"
        dataSource={occasions.data}
        loading={occasions.isFetching}
        pagination={false}
        columns={[
          { title: 'Mã', dataIndex: 'code', key: 'code' },
          { title: 'Tên dịp', dataIndex: 'name', key: 'name' },
          { title: 'Loại', key: 'kind', render: (_, occasion) => OCCASION_KIND_LABELS[occasion.kind] },
          { title: 'Năm', dataIndex: 'year', key: 'year' },
          { title: 'Ngày', key: 'occursOn', render: (_, occasion) => formatApiDate(occasion.occursOn) },
          {
            title: 'Trạng thái',
            key: 'active',
            render: (_, occasion) =>
              occasion.active ? <Tag color="green">Đang mở</Tag> : <Tag>Đã đóng</Tag>,
          },
          {
            title: '',
            key: 'edit',
            render: (_, occasion) => (
              <Button size="small" onClick={() => open(occasion)}>
                Sửa
              </Button>
            ),
          },
        ]}
        data-testid="occasion-table"
      />
      <Modal
        open={editing !== null}
        title={editing === 'new' ? 'Thêm dịp khen thưởng' : 'Sửa dịp khen thưởng'}
        okText="Lưu"
        cancelText="Hủy"
        onOk={() => form.submit()}
        onCancel={() => setEditing(null)}
        confirmLoading={save.isPending}
        forceRender
      >
        <ProblemAlert error={save.error} formFields={fields} />
        <Form<OccasionValues>
          form={form}
          layout="vertical"
          onFinish={(values) =>
            save.mutate(
              {
                occasion: editing === 'new' || editing === null ? undefined : editing,
                input: {
                  code: values.code.trim(),
                  name: values.name.trim(),
                  kind: values.kind,
                  year: values.year ?? null,
                  occursOn: toApiDate(values.occursOn) ?? null,
                  description: blankToNull(values.description),
                  active: values.active,
                },
              },
              {
                onSuccess: () => {
                  message.success('Đã lưu dịp khen thưởng.');
                  setEditing(null);
                },
                onError: (error) => showServerErrors(form, error, fields),
              },
            )
          }
        >
          <Form.Item
            name="code"
            label="Mã"
            rules={[{ required: true, whitespace: true, min: 2, message: 'Nhập mã.' }]}
          >
            <Input placeholder="TK-2026" maxLength={30} />
          </Form.Item>
          <Form.Item
            name="name"
            label="Tên dịp"
            rules={[{ required: true, whitespace: true, min: 3, message: 'Nhập tên.' }]}
          >
            <Input placeholder="Tổng kết công tác năm 2026" maxLength={300} />
          </Form.Item>
          <Form.Item name="kind" label="Loại" rules={[{ required: true }]}>
            <Select options={optionsOf(OCCASION_KIND_LABELS)} />
          </Form.Item>
          <Space>
            <Form.Item name="year" label="Năm tổng kết">
              <InputNumber min={2000} max={2100} />
            </Form.Item>
            <Form.Item name="occursOn" label="Ngày diễn ra">
              <DateInput format={DATE_FORMAT} />
            </Form.Item>
            <Form.Item name="active" label="Đang mở" valuePropName="checked">
              <Switch />
            </Form.Item>
          </Space>
          <Form.Item name="description" label="Mô tả">
            <Input.TextArea maxLength={2000} autoSize={{ minRows: 2, maxRows: 5 }} />
          </Form.Item>
        </Form>
      </Modal>
    </>
  );
}

/** The award catalogue (forms with their rules), the base salary and the occasions. */
export default function CataloguePage() {
  return (
    <>
      <PageHeading
        title="Danh mục khen thưởng"
        subtitle="Hình thức khen thưởng, điều kiện, mức lương cơ sở và các dịp khen thưởng"
      />
      <Card>
        <Tabs
          items={[
            { key: 'forms', label: 'Hình thức khen thưởng', children: <AwardFormsTab /> },
            { key: 'salary', label: 'Lương cơ sở', children: <SalariesTab /> },
            { key: 'occasions', label: 'Dịp khen thưởng', children: <OccasionsTab /> },
          ]}
        />
      </Card>
    </>
  );
}
