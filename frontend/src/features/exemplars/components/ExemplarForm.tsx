import { DeleteOutlined, PictureOutlined, PlusOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import {
  App,
  AutoComplete,
  Button,
  Card,
  Col,
  Flex,
  Form,
  Input,
  InputNumber,
  Radio,
  Row,
  Select,
  Typography,
  Upload,
} from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { DateInput } from '@/components/DateInput';
import { ProblemAlert } from '@/components/ProblemAlert';
import { UnitSelect } from '@/components/UnitSelect';
import type { Category, Exemplar, ExemplarInput, SubjectKind, User } from '@/lib/api/models';
import { isApiError } from '@/lib/api/problem';
import { movementChoicesQuery } from '@/lib/api/queries/movements';
import { unitTreeQuery } from '@/lib/api/queries/units';
import { DATE_FORMAT, fromApiDate, toApiDate, todayInVietnam } from '@/lib/dates';
import { blankToNull, showServerErrors } from '@/lib/forms';
import { isUnitRole } from '@/lib/roles';
import { searchOptions } from '@/lib/text';
import { CATEGORY_LABELS, optionsOf, SUBJECT_KIND_LABELS } from '@/lib/vocabulary';
import { useCreateExemplar, useFetchExemplar, useUpdateExemplar, useUploadPhoto } from '../api/exemplars';
import { FIELD_OPTIONS } from './fields-of-work';

interface InitiativeValues {
  title?: string;
  year?: number | null;
  recognisedBy?: string;
  scope?: string;
}

export interface ExemplarValues {
  subjectKind: SubjectKind;
  name?: string;
  position?: string;
  title?: string;
  memberCount?: number | null;
  unitId?: number;
  category?: Category;
  fieldOfWork?: string;
  achievements?: string;
  discoveredOn?: Dayjs | null;
  discoveryMethod?: string;
  discoveredBy?: string;
  movementIds?: number[];
  initiatives?: InitiativeValues[];
}

const FIELDS = [
  'subjectKind',
  'name',
  'position',
  'title',
  'memberCount',
  'unitId',
  'category',
  'fieldOfWork',
  'achievements',
  'discoveredOn',
  'discoveryMethod',
  'discoveredBy',
  'movementIds',
  'initiatives',
] as const;

export function toValues(exemplar: Exemplar): ExemplarValues {
  return {
    subjectKind: exemplar.subjectKind,
    name: exemplar.name,
    position: exemplar.position ?? undefined,
    title: exemplar.title ?? undefined,
    memberCount: exemplar.memberCount ?? null,
    unitId: exemplar.unit.id,
    category: exemplar.category,
    fieldOfWork: exemplar.fieldOfWork,
    achievements: exemplar.achievements,
    discoveredOn: fromApiDate(exemplar.discoveredOn),
    discoveryMethod: exemplar.discoveryMethod ?? undefined,
    discoveredBy: exemplar.discoveredBy ?? undefined,
    movementIds: exemplar.movements.map((movement) => movement.id),
    initiatives: exemplar.initiatives.map((initiative) => ({
      title: initiative.title,
      year: initiative.year ?? null,
      recognisedBy: initiative.recognisedBy ?? undefined,
      scope: initiative.scope ?? undefined,
    })),
  };
}

/** The request body: fields that do not apply to the subject kind are cleared, blanks become `null`. */
export function toInput(values: ExemplarValues): ExemplarInput {
  const individual = values.subjectKind === 'individual';
  return {
    subjectKind: values.subjectKind,
    name: (values.name ?? '').trim(),
    position: individual ? blankToNull(values.position) : null,
    title: individual ? blankToNull(values.title) : null,
    memberCount: individual ? null : (values.memberCount ?? null),
    unitId: values.unitId as number,
    category: values.category as Category,
    fieldOfWork: (values.fieldOfWork ?? '').trim(),
    achievements: (values.achievements ?? '').trim(),
    discoveredOn: toApiDate(values.discoveredOn) as string,
    discoveryMethod: blankToNull(values.discoveryMethod),
    discoveredBy: blankToNull(values.discoveredBy),
    movementIds: values.movementIds ?? [],
    initiatives: (values.initiatives ?? [])
      .filter((initiative) => initiative.title?.trim())
      .map((initiative) => ({
        title: (initiative.title ?? '').trim(),
        year: initiative.year ?? null,
        recognisedBy: blankToNull(initiative.recognisedBy),
        scope: blankToNull(initiative.scope),
      })),
  };
}

/** The picture a new record may start with. */
export const PHOTO_ACCEPT = 'image/jpeg,image/png,image/webp';

/** Why an upload failed, in a few words for the warning. */
function uploadFailure(error: unknown): string {
  if (isApiError(error)) return error.problem.detail ?? error.problem.title;
  return 'lỗi không xác định.';
}

interface ExemplarFormProps {
  user: User;
  /** The exemplar to edit; records a new one when absent. */
  exemplar?: Exemplar;
  /** `photoError`: the record was saved, but its picture could not be uploaded (why). */
  onSaved: (exemplar: Exemplar, photoError?: string) => void;
  onCancel: () => void;
}

export function ExemplarForm({ user, exemplar, onSaved, onCancel }: ExemplarFormProps) {
  const { message } = App.useApp();
  const [form] = Form.useForm<ExemplarValues>();
  const create = useCreateExemplar();
  const update = useUpdateExemplar();
  const uploadPhoto = useUploadPhoto();
  const [photo, setPhoto] = useState<File | null>(null);
  const fetchExemplar = useFetchExemplar();
  const [base, setBase] = useState(exemplar);
  const mutation = base ? update : create;
  const subjectKind = Form.useWatch('subjectKind', form);
  const unitRole = isUnitRole(user.role);
  const units = useQuery(unitTreeQuery(false));
  const movements = useQuery(movementChoicesQuery(true));
  const today = todayInVietnam();

  // Open movements, plus those already linked (a closed movement keeps its links).
  const movementOptions = [
    ...(movements.data?.items ?? []).map((movement) => ({
      value: movement.id,
      label: `${movement.code} – ${movement.name}`,
      search: `${movement.code} ${movement.name}`,
    })),
    ...(base?.movements ?? [])
      .filter((linked) => !movements.data?.items.some((movement) => movement.id === linked.id))
      .map((linked) => ({
        value: linked.id,
        label: `${linked.code} – ${linked.name} (đã kết thúc)`,
        search: `${linked.code} ${linked.name}`,
      })),
  ];

  const submit = (values: ExemplarValues) => {
    // Unit roles record for their own unit, shown but not a field of the form.
    const input = toInput(unitRole ? { ...values, unitId: base?.unit.id ?? user.unit?.id } : values);
    const options = {
      onSuccess: async (saved: Exemplar) => {
        message.success(base ? `Đã lưu hồ sơ ${saved.name}.` : `Đã ghi nhận điển hình ${saved.name}.`);
        if (base || !photo) return onSaved(saved);
        // The record is saved whatever happens to its picture: a failed upload is only reported.
        try {
          await uploadPhoto.mutateAsync({ exemplarId: saved.id, file: photo });
          onSaved(saved);
        } catch (error) {
          const why = uploadFailure(error);
          message.warning(`Đã lưu điển hình nhưng chưa tải được ảnh: ${why}`, 8);
          onSaved(saved, why);
        }
      },
      onError: (error: Error) => showServerErrors(form, error, FIELDS),
    };
    if (base) update.mutate({ exemplar: base, input }, options);
    else create.mutate(input, options);
  };

  const reloadLatest = async () => {
    if (!base) return;
    const latest = await fetchExemplar(base.id);
    setBase(latest);
    form.setFieldsValue(toValues(latest));
    update.reset();
  };

  const initialValues: ExemplarValues = exemplar
    ? toValues(exemplar)
    : {
        subjectKind: 'individual',
        unitId: unitRole ? (user.unit?.id ?? undefined) : undefined,
        discoveredOn: today,
        movementIds: [],
        initiatives: [],
      };

  return (
    <Form<ExemplarValues>
      form={form}
      layout="vertical"
      initialValues={initialValues}
      onFinish={submit}
      scrollToFirstError
      data-testid="exemplar-form"
    >
      <ProblemAlert error={mutation.error} formFields={FIELDS} onReload={reloadLatest} />
      <Card title="Đối tượng" style={{ marginBottom: 16 }}>
        <Form.Item name="subjectKind" label="Điển hình là" rules={[{ required: true }]}>
          <Radio.Group
            options={optionsOf(SUBJECT_KIND_LABELS)}
            optionType="button"
            buttonStyle="solid"
            data-testid="exemplar-form-subject"
          />
        </Form.Item>
        <Form.Item
          name="name"
          label={subjectKind === 'collective' ? 'Tên tập thể' : 'Họ và tên'}
          rules={[
            { required: true, whitespace: true, message: 'Nhập tên điển hình.' },
            { min: 2, max: 300, message: 'Tên có từ 2 đến 300 ký tự.' },
          ]}
        >
          <Input
            placeholder={subjectKind === 'collective' ? 'Tổ trợ giúp pháp lý lưu động' : 'Nguyễn Văn A'}
            data-testid="exemplar-form-name"
          />
        </Form.Item>
        {subjectKind === 'collective' ? (
          <Form.Item
            name="memberCount"
            label="Số thành viên"
            rules={[{ required: true, message: 'Nhập số thành viên của tập thể.' }]}
          >
            <InputNumber
              min={2}
              max={100000}
              precision={0}
              style={{ width: 200 }}
              data-testid="exemplar-form-members"
            />
          </Form.Item>
        ) : (
          <Row gutter={16}>
            <Col xs={24} md={12}>
              <Form.Item name="position" label="Chức vụ" rules={[{ max: 200 }]}>
                <Input placeholder="Phó Trưởng phòng" data-testid="exemplar-form-position" />
              </Form.Item>
            </Col>
            <Col xs={24} md={12}>
              <Form.Item name="title" label="Chức danh" rules={[{ max: 200 }]}>
                <Input placeholder="Trợ giúp viên pháp lý hạng II" data-testid="exemplar-form-title" />
              </Form.Item>
            </Col>
          </Row>
        )}
        {!base && (
          <Form.Item label="Ảnh đại diện" extra="Không bắt buộc. Ảnh JPEG, PNG hoặc WebP; tối đa 20 MB.">
            <Upload
              accept={PHOTO_ACCEPT}
              maxCount={1}
              listType="picture"
              beforeUpload={(file) => {
                setPhoto(file);
                // Sent once the record exists.
                return false;
              }}
              onRemove={() => setPhoto(null)}
              fileList={
                photo
                  ? [{ uid: 'photo', name: photo.name, status: 'done', originFileObj: photo as never }]
                  : []
              }
              data-testid="exemplar-form-photo"
            >
              <Button icon={<PictureOutlined />} data-testid="exemplar-form-photo-button">
                Chọn ảnh
              </Button>
            </Upload>
          </Form.Item>
        )}
        <Typography.Text type="secondary">
          Chỉ ghi những thông tin cá nhân cần thiết: họ tên, chức vụ, chức danh.
        </Typography.Text>
      </Card>

      <Card title="Phân loại và thành tích" style={{ marginBottom: 16 }}>
        <Row gutter={16}>
          <Col xs={24} md={12}>
            {unitRole ? (
              <Form.Item label="Đơn vị">
                <Input value={user.unit?.name} disabled data-testid="exemplar-form-unit-fixed" />
              </Form.Item>
            ) : (
              <Form.Item name="unitId" label="Đơn vị" rules={[{ required: true, message: 'Chọn đơn vị.' }]}>
                <UnitSelect tree={units.data} placeholder="Chọn đơn vị" data-testid="exemplar-form-unit" />
              </Form.Item>
            )}
          </Col>
          <Col xs={24} md={12}>
            <Form.Item
              name="category"
              label="Phân loại"
              rules={[{ required: true, message: 'Chọn phân loại.' }]}
            >
              <Select
                placeholder="Chọn phân loại"
                options={optionsOf(CATEGORY_LABELS)}
                data-testid="exemplar-form-category"
              />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item
              name="fieldOfWork"
              label="Lĩnh vực"
              rules={[
                { required: true, whitespace: true, message: 'Nhập lĩnh vực công tác.' },
                { min: 2, max: 200, message: 'Lĩnh vực có từ 2 đến 200 ký tự.' },
              ]}
            >
              <AutoComplete
                options={FIELD_OPTIONS}
                placeholder="Trợ giúp pháp lý"
                showSearch={{
                  filterOption: (input, option) =>
                    String(option?.value ?? '')
                      .toLowerCase()
                      .includes(input.toLowerCase()),
                }}
                data-testid="exemplar-form-field"
              />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item name="movementIds" label="Phong trào thi đua">
              <Select
                mode="multiple"
                allowClear
                showSearch={searchOptions}
                placeholder="Gắn với phong trào đang diễn ra"
                loading={movements.isPending}
                options={movementOptions}
                data-testid="exemplar-form-movements"
              />
            </Form.Item>
          </Col>
        </Row>
        <Form.Item
          name="achievements"
          label="Thành tích"
          rules={[
            { required: true, whitespace: true, message: 'Nêu thành tích của điển hình.' },
            { min: 10, max: 20000, message: 'Thành tích có từ 10 đến 20.000 ký tự.' },
          ]}
        >
          <Input.TextArea
            autoSize={{ minRows: 4, maxRows: 14 }}
            placeholder="Thành tích tiêu biểu, cách làm hay, kết quả cụ thể"
            data-testid="exemplar-form-achievements"
          />
        </Form.Item>
      </Card>

      <Card title="Phát hiện" style={{ marginBottom: 16 }}>
        <Row gutter={16}>
          <Col xs={24} md={6}>
            <Form.Item
              name="discoveredOn"
              label="Ngày phát hiện"
              rules={[{ required: true, message: 'Chọn ngày phát hiện.' }]}
            >
              <DateInput
                format={DATE_FORMAT}
                disabledDate={(day) => day.isAfter(today, 'day') || day.year() < 2000}
                style={{ width: '100%' }}
                data-testid="exemplar-form-discoveredOn"
              />
            </Form.Item>
          </Col>
          <Col xs={24} md={10}>
            <Form.Item name="discoveryMethod" label="Cách phát hiện" rules={[{ max: 500 }]}>
              <Input
                placeholder="Qua phong trào thi đua, qua phản ánh của người dân…"
                data-testid="exemplar-form-method"
              />
            </Form.Item>
          </Col>
          <Col xs={24} md={8}>
            <Form.Item name="discoveredBy" label="Người phát hiện" rules={[{ max: 200 }]}>
              <Input data-testid="exemplar-form-by" />
            </Form.Item>
          </Col>
        </Row>
      </Card>

      <Card title="Sáng kiến, giải pháp" style={{ marginBottom: 16 }}>
        <Form.List name="initiatives">
          {(fields, { add, remove }) => (
            <>
              {fields.map((field, index) => (
                <Row gutter={8} key={field.key} align="top" data-testid={`initiative-${index}`}>
                  <Col xs={24} md={9}>
                    <Form.Item
                      name={[field.name, 'title']}
                      label={index === 0 ? 'Tên sáng kiến' : undefined}
                      rules={[
                        { required: true, whitespace: true, message: 'Nhập tên sáng kiến.' },
                        { max: 500 },
                      ]}
                    >
                      <Input
                        placeholder="Tên sáng kiến, giải pháp"
                        data-testid={`initiative-title-${index}`}
                      />
                    </Form.Item>
                  </Col>
                  <Col xs={8} md={3}>
                    <Form.Item name={[field.name, 'year']} label={index === 0 ? 'Năm' : undefined}>
                      <InputNumber
                        min={1990}
                        max={2100}
                        precision={0}
                        placeholder="Năm"
                        style={{ width: '100%' }}
                      />
                    </Form.Item>
                  </Col>
                  <Col xs={16} md={6}>
                    <Form.Item
                      name={[field.name, 'recognisedBy']}
                      label={index === 0 ? 'Cấp công nhận' : undefined}
                      rules={[{ max: 300 }]}
                    >
                      <Input placeholder="Hội đồng sáng kiến Sở" />
                    </Form.Item>
                  </Col>
                  <Col xs={20} md={5}>
                    <Form.Item
                      name={[field.name, 'scope']}
                      label={index === 0 ? 'Phạm vi áp dụng' : undefined}
                      rules={[{ max: 300 }]}
                    >
                      <Input placeholder="Toàn tỉnh, trong đơn vị…" />
                    </Form.Item>
                  </Col>
                  <Col xs={4} md={1}>
                    <Form.Item label={index === 0 ? ' ' : undefined}>
                      <Button
                        icon={<DeleteOutlined />}
                        danger
                        type="text"
                        onClick={() => remove(field.name)}
                        aria-label="Bỏ sáng kiến"
                      />
                    </Form.Item>
                  </Col>
                </Row>
              ))}
              <Button icon={<PlusOutlined />} onClick={() => add({})} data-testid="initiative-add">
                Thêm sáng kiến
              </Button>
            </>
          )}
        </Form.List>
      </Card>

      <Flex gap={8} justify="flex-end">
        <Button onClick={onCancel}>Hủy</Button>
        <Button
          type="primary"
          htmlType="submit"
          loading={mutation.isPending || uploadPhoto.isPending}
          data-testid="exemplar-form-submit"
        >
          {base ? 'Lưu hồ sơ' : 'Ghi nhận điển hình'}
        </Button>
      </Flex>
    </Form>
  );
}
