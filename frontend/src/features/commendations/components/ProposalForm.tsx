import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Button, Card, Flex, Form, Input, InputNumber, Select, Space, Typography } from 'antd';
import { ProblemAlert } from '@/components/ProblemAlert';
import { UnitSelect } from '@/components/UnitSelect';
import type { SubjectKind, User } from '@/lib/api/models';
import { exemplarListQuery } from '@/lib/api/queries/exemplars';
import { movementChoicesQuery } from '@/lib/api/queries/movements';
import { unitTreeQuery } from '@/lib/api/queries/units';
import { blankToNull, showServerErrors } from '@/lib/forms';
import { isUnitRole } from '@/lib/roles';
import { searchOptions } from '@/lib/text';
import { optionsOf, SUBJECT_KIND_LABELS } from '@/lib/vocabulary';
import { useAwardForms, useCreateProposal, useOccasions, useUpdateProposal } from '../api/commendations';
import type { CommendationType, NomineeInput, Proposal, ProposalInput } from '../api/models';
import { AUTHORITY_LABELS, COMMENDATION_TYPE_LABELS } from '../vocabulary';

interface NomineeValues {
  exemplarId?: number;
  subjectKind?: SubjectKind;
  fullName?: string;
  jobTitle?: string;
  workplace?: string;
  memberCount?: number;
  membersCompleted?: number;
  recognisedInitiatives?: number;
  achievement?: string;
}

interface Values {
  unitId?: number;
  awardFormId?: number;
  commendationType: CommendationType;
  occasionId?: number;
  movementId?: number;
  year: number;
  title: string;
  summary?: string;
  nominees: NomineeValues[];
}

const FIELDS = [
  'unitId',
  'awardFormId',
  'commendationType',
  'occasionId',
  'movementId',
  'year',
  'title',
  'summary',
  'nominees',
];

function nomineeInput(values: NomineeValues): NomineeInput {
  const common = {
    achievement: blankToNull(values.achievement),
    recognisedInitiatives: values.recognisedInitiatives ?? null,
  };
  if (values.exemplarId) return { ...common, exemplarId: values.exemplarId };
  return {
    ...common,
    subjectKind: values.subjectKind ?? 'individual',
    fullName: blankToNull(values.fullName),
    jobTitle: blankToNull(values.jobTitle),
    workplace: blankToNull(values.workplace),
    memberCount: values.memberCount ?? null,
    membersCompleted: values.membersCompleted ?? null,
  };
}

function initialValues(user: User, proposal?: Proposal): Partial<Values> {
  if (!proposal) {
    return {
      unitId: user.unit?.id,
      commendationType: 'regular',
      year: new Date().getFullYear(),
      nominees: [{}],
    };
  }
  return {
    unitId: proposal.unit.id,
    awardFormId: proposal.awardForm.id,
    commendationType: proposal.commendationType,
    occasionId: proposal.occasion?.id,
    movementId: proposal.movement?.id,
    year: proposal.year,
    title: proposal.title,
    summary: proposal.summary ?? undefined,
    nominees: proposal.nominees.map((nominee) =>
      nominee.exemplarId
        ? {
            exemplarId: nominee.exemplarId,
            achievement: nominee.achievement,
            recognisedInitiatives: nominee.recognisedInitiatives,
          }
        : {
            subjectKind: nominee.subjectKind,
            fullName: nominee.fullName,
            jobTitle: nominee.jobTitle ?? undefined,
            workplace: nominee.workplace,
            memberCount: nominee.memberCount ?? undefined,
            membersCompleted: nominee.membersCompleted ?? undefined,
            recognisedInitiatives: nominee.recognisedInitiatives,
            achievement: nominee.achievement,
          },
    ),
  };
}

interface ProposalFormProps {
  user: User;
  proposal?: Proposal;
  onSaved: (saved: Proposal) => void;
  onCancel: () => void;
}

/** A unit's proposal: the award form, its type and occasion, and the nominees with their achievements. */
export function ProposalForm({ user, proposal, onSaved, onCancel }: ProposalFormProps) {
  const [form] = Form.useForm<Values>();
  const create = useCreateProposal();
  const update = useUpdateProposal();
  const mutation = proposal ? update : create;
  const choosesUnit = !isUnitRole(user.role);
  const units = useQuery({ ...unitTreeQuery(false), enabled: choosesUnit });
  // A unit head proposes for their own unit: the field is not on the form, so not watched.
  const chosenUnitId = Form.useWatch('unitId', form);
  const unitId = choosesUnit ? chosenUnitId : (proposal?.unit.id ?? user.unit?.id);
  const type = Form.useWatch('commendationType', form);
  const awardFormId = Form.useWatch('awardFormId', form);
  const forms = useAwardForms('published');
  const occasions = useOccasions(true);
  const movements = useQuery(movementChoicesQuery(false));
  const exemplars = useQuery({
    ...exemplarListQuery({ unitId, pageSize: 100 }),
    enabled: unitId !== undefined,
  });
  const chosenForm = forms.data?.find((candidate) => candidate.id === awardFormId);

  const submit = (values: Values) => {
    const input: ProposalInput = {
      unitId: (choosesUnit ? values.unitId : unitId) ?? 0,
      awardFormId: values.awardFormId ?? 0,
      commendationType: values.commendationType,
      occasionId: values.occasionId ?? null,
      movementId: values.commendationType === 'thematic' ? (values.movementId ?? null) : null,
      year: values.year,
      title: values.title.trim(),
      summary: blankToNull(values.summary),
      nominees: values.nominees.map(nomineeInput),
    };
    const onError = (error: unknown) => showServerErrors(form, error, FIELDS);
    if (proposal) update.mutate({ proposal, input }, { onSuccess: onSaved, onError });
    else create.mutate(input, { onSuccess: onSaved, onError });
  };

  return (
    <Form<Values>
      form={form}
      layout="vertical"
      initialValues={initialValues(user, proposal)}
      onFinish={submit}
      scrollToFirstError
      data-testid="proposal-form"
    >
      <ProblemAlert error={mutation.error} formFields={FIELDS} />
      <Card title="Thông tin đề nghị" style={{ marginBottom: 16 }}>
        {choosesUnit && (
          <Form.Item
            name="unitId"
            label="Đơn vị đề nghị"
            rules={[{ required: true, message: 'Chọn đơn vị.' }]}
          >
            <UnitSelect tree={units.data} placeholder="Chọn đơn vị" data-testid="proposal-form-unit" />
          </Form.Item>
        )}
        <Form.Item
          name="awardFormId"
          label="Hình thức khen thưởng"
          rules={[{ required: true, message: 'Chọn hình thức khen thưởng.' }]}
          extra={
            chosenForm &&
            `Thẩm quyền: ${AUTHORITY_LABELS[chosenForm.authority]}${chosenForm.requiresNotice ? ' · công khai lấy ý kiến' : ''}${chosenForm.requiresVote ? ' · Hội đồng bỏ phiếu kín' : ''}`
          }
        >
          <Select
            showSearch={searchOptions}
            placeholder="Chọn từ danh mục"
            options={(forms.data ?? []).map((candidate) => ({
              value: candidate.id,
              label: candidate.name,
              search: `${candidate.code} ${candidate.name}`,
            }))}
            data-testid="proposal-form-award"
          />
        </Form.Item>
        <Flex gap={16} wrap>
          <Form.Item name="commendationType" label="Loại khen thưởng" rules={[{ required: true }]}>
            <Select
              options={optionsOf(COMMENDATION_TYPE_LABELS)}
              style={{ width: 200 }}
              data-testid="proposal-form-type"
            />
          </Form.Item>
          <Form.Item name="year" label="Năm thành tích" rules={[{ required: true, message: 'Nhập năm.' }]}>
            <InputNumber min={2000} max={2100} style={{ width: 120 }} data-testid="proposal-form-year" />
          </Form.Item>
          <Form.Item
            name="occasionId"
            label="Dịp khen thưởng"
            rules={[
              { required: type === 'regular', message: 'Khen thưởng thường xuyên phải gắn với một dịp.' },
            ]}
            style={{ minWidth: 280, flex: 1 }}
          >
            <Select
              allowClear
              showSearch={searchOptions}
              placeholder="Tổng kết năm, sơ kết, 28/8…"
              options={(occasions.data ?? []).map((occasion) => ({
                value: occasion.id,
                label: occasion.name,
                search: `${occasion.code} ${occasion.name}`,
              }))}
              data-testid="proposal-form-occasion"
            />
          </Form.Item>
          {type === 'thematic' && (
            <Form.Item
              name="movementId"
              label="Phong trào thi đua"
              rules={[{ required: true, message: 'Khen thưởng chuyên đề phải gắn với một phong trào.' }]}
              style={{ minWidth: 280, flex: 1 }}
            >
              <Select
                showSearch={searchOptions}
                options={(movements.data?.items ?? []).map((movement) => ({
                  value: movement.id,
                  label: movement.name,
                  search: `${movement.code} ${movement.name}`,
                }))}
                data-testid="proposal-form-movement"
              />
            </Form.Item>
          )}
        </Flex>
        <Form.Item
          name="title"
          label="Trích yếu"
          rules={[
            { required: true, whitespace: true, message: 'Nhập trích yếu.' },
            { min: 5, max: 500, message: 'Từ 5 đến 500 ký tự.' },
          ]}
        >
          <Input
            placeholder="Đề nghị tặng Giấy khen cho tập thể, cá nhân có thành tích năm 2026"
            data-testid="proposal-form-title"
          />
        </Form.Item>
        <Form.Item
          name="summary"
          label="Tóm tắt thành tích"
          rules={[
            {
              required: type === 'ad_hoc',
              whitespace: true,
              message: 'Khen thưởng đột xuất cần tóm tắt thành tích.',
            },
            { max: 4000, message: 'Tối đa 4.000 ký tự.' },
          ]}
          extra={type === 'ad_hoc' ? 'Thủ tục đơn giản: không cần báo cáo thành tích.' : undefined}
        >
          <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} data-testid="proposal-form-summary" />
        </Form.Item>
      </Card>

      <Card title="Người được đề nghị" style={{ marginBottom: 16 }}>
        <Form.List name="nominees">
          {(fields, { add, remove }) => (
            <>
              {fields.map((field, index) => (
                <NomineeFields
                  key={field.key}
                  index={index}
                  name={field.name}
                  exemplarOptions={(exemplars.data?.items ?? []).map((exemplar) => ({
                    value: exemplar.id,
                    label: exemplar.name,
                    search: exemplar.name,
                  }))}
                  onRemove={fields.length > 1 ? () => remove(field.name) : undefined}
                />
              ))}
              <Button icon={<PlusOutlined />} onClick={() => add({})} data-testid="proposal-form-add-nominee">
                Thêm người được đề nghị
              </Button>
            </>
          )}
        </Form.List>
      </Card>

      <Space>
        <Button
          type="primary"
          htmlType="submit"
          loading={mutation.isPending}
          data-testid="proposal-form-submit"
        >
          {proposal ? 'Lưu hồ sơ' : 'Tạo hồ sơ nháp'}
        </Button>
        <Button onClick={onCancel}>Hủy</Button>
      </Space>
    </Form>
  );
}

function NomineeFields({
  index,
  name,
  exemplarOptions,
  onRemove,
}: {
  index: number;
  name: number;
  exemplarOptions: { value: number; label: string; search: string }[];
  onRemove?: () => void;
}) {
  const form = Form.useFormInstance<Values>();
  const exemplarId = Form.useWatch(['nominees', name, 'exemplarId'], form);
  const kind = Form.useWatch(['nominees', name, 'subjectKind'], form) ?? 'individual';
  const testId = (field: string) => `proposal-nominee-${index}-${field}`;
  return (
    <Card
      size="small"
      style={{ marginBottom: 12 }}
      title={<Typography.Text strong>Người được đề nghị {index + 1}</Typography.Text>}
      extra={
        onRemove && (
          <Button
            type="text"
            danger
            icon={<DeleteOutlined />}
            onClick={onRemove}
            data-testid={testId('remove')}
          >
            Bỏ
          </Button>
        )
      }
      data-testid={`proposal-nominee-${index}`}
    >
      <Form.Item
        name={[name, 'exemplarId']}
        label="Điển hình của đơn vị"
        extra="Chọn một điển hình đã ghi nhận, hoặc để trống để nhập cá nhân, tập thể khác."
      >
        <Select
          allowClear
          showSearch={searchOptions}
          placeholder="Chọn điển hình"
          options={exemplarOptions}
          data-testid={testId('exemplar')}
        />
      </Form.Item>
      {!exemplarId && (
        <Flex gap={16} wrap>
          <Form.Item name={[name, 'subjectKind']} label="Đối tượng" initialValue="individual">
            <Select
              options={optionsOf(SUBJECT_KIND_LABELS)}
              style={{ width: 140 }}
              data-testid={testId('kind')}
            />
          </Form.Item>
          <Form.Item
            name={[name, 'fullName']}
            label={kind === 'collective' ? 'Tên tập thể' : 'Họ và tên'}
            rules={[
              { required: true, whitespace: true, message: 'Nhập tên.' },
              { min: 2, max: 300, message: 'Từ 2 đến 300 ký tự.' },
            ]}
            style={{ minWidth: 240, flex: 1 }}
          >
            <Input data-testid={testId('name')} />
          </Form.Item>
          {kind === 'individual' ? (
            <Form.Item name={[name, 'jobTitle']} label="Chức vụ" style={{ minWidth: 200 }}>
              <Input maxLength={200} data-testid={testId('job')} />
            </Form.Item>
          ) : (
            <>
              <Form.Item name={[name, 'memberCount']} label="Số thành viên">
                <InputNumber min={2} max={100000} data-testid={testId('members')} />
              </Form.Item>
              <Form.Item name={[name, 'membersCompleted']} label="Số hoàn thành nhiệm vụ">
                <InputNumber min={0} max={100000} data-testid={testId('completed')} />
              </Form.Item>
            </>
          )}
          <Form.Item
            name={[name, 'workplace']}
            label="Đơn vị công tác"
            rules={[{ required: true, whitespace: true, message: 'Ghi đơn vị công tác.' }]}
            style={{ minWidth: 240, flex: 1 }}
          >
            <Input maxLength={300} data-testid={testId('workplace')} />
          </Form.Item>
        </Flex>
      )}
      <Form.Item name={[name, 'recognisedInitiatives']} label="Số sáng kiến được công nhận">
        <InputNumber min={0} max={100} data-testid={testId('initiatives')} />
      </Form.Item>
      <Form.Item
        name={[name, 'achievement']}
        label="Tóm tắt thành tích"
        extra={exemplarId ? 'Để trống: dùng thành tích đã ghi trong hồ sơ điển hình.' : undefined}
        rules={[
          { required: !exemplarId, whitespace: true, message: 'Nhập tóm tắt thành tích.' },
          { min: 10, max: 4000, message: 'Từ 10 đến 4.000 ký tự.' },
        ]}
      >
        <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} data-testid={testId('achievement')} />
      </Form.Item>
    </Card>
  );
}
