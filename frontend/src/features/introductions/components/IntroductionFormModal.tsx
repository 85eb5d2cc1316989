import { useQuery } from '@tanstack/react-query';
import { App, Button, Flex, Form, Input, Modal, Select } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { DateInput } from '@/components/DateInput';
import { ProblemAlert } from '@/components/ProblemAlert';
import { UnitSelect } from '@/components/UnitSelect';
import type { Introduction, IntroductionInput, User } from '@/lib/api/models';
import { unitTreeQuery } from '@/lib/api/queries/units';
import { dayjs, todayInVietnam } from '@/lib/dates';
import { showServerErrors } from '@/lib/forms';
import { isUnitRole } from '@/lib/roles';
import { searchOptions } from '@/lib/text';
import { CATEGORY_LABELS, STAGE_LABELS } from '@/lib/vocabulary';
import {
  useCreateIntroduction,
  useSubmitIntroduction,
  useUnitExemplars,
  useUpdateIntroduction,
} from '../api/introductions';

interface IntroductionValues {
  unitId?: number;
  month?: Dayjs | null;
  title?: string;
  writeUp?: string;
  exemplarIds?: number[];
}

const FIELDS = ['unitId', 'month', 'title', 'writeUp', 'exemplarIds'] as const;

function toInput(values: IntroductionValues): IntroductionInput {
  return {
    unitId: values.unitId as number,
    month: (values.month as Dayjs).format('YYYY-MM'),
    title: (values.title ?? '').trim(),
    writeUp: (values.writeUp ?? '').trim(),
    exemplarIds: values.exemplarIds ?? [],
  };
}

interface IntroductionFormModalProps {
  user: User;
  /** The draft to edit; writes a new one when absent. */
  introduction?: Introduction;
  /** For a new one: the unit and month to start with (from a grid cell). */
  defaults?: { unitId?: number; month?: string };
  onClose: () => void;
}

export function IntroductionFormModal({ user, introduction, defaults, onClose }: IntroductionFormModalProps) {
  const { message, modal } = App.useApp();
  const [form] = Form.useForm<IntroductionValues>();
  const create = useCreateIntroduction();
  const update = useUpdateIntroduction();
  const submit = useSubmitIntroduction();
  const [base, setBase] = useState(introduction);
  const unitRole = isUnitRole(user.role);
  const units = useQuery(unitTreeQuery(false));
  const unitId = Form.useWatch('unitId', form);
  const exemplars = useUnitExemplars(unitId);
  const canSubmit = user.role === 'office' || user.role === 'unit_head';
  const error = create.error ?? update.error ?? submit.error;
  const pending = create.isPending || update.isPending || submit.isPending;

  const save = async (andSubmit: boolean) => {
    let values: IntroductionValues;
    try {
      values = await form.validateFields();
    } catch {
      return;
    }
    const input = toInput(values);
    try {
      const saved = base
        ? await update.mutateAsync({ introduction: base, input })
        : await create.mutateAsync(input);
      setBase(saved);
      if (andSubmit) {
        const sent = await submit.mutateAsync(saved);
        message.success(
          sent.onTime ? 'Đã gửi bài giới thiệu (đúng hạn).' : 'Đã gửi bài giới thiệu (trễ hạn).',
        );
      } else {
        message.success('Đã lưu bài giới thiệu nháp.');
      }
      onClose();
    } catch (failure) {
      showServerErrors(form, failure, FIELDS);
    }
  };

  /** Sending is final and its moment decides on time or late: it is asked for, once the form is valid. */
  const confirmSend = async () => {
    let values: IntroductionValues;
    try {
      values = await form.validateFields();
    } catch {
      return;
    }
    modal.confirm({
      title: `Lưu và gửi bài giới thiệu tháng ${(values.month as Dayjs).format('MM/YYYY')}?`,
      content: 'Thời điểm gửi được dùng để xét đúng hạn hay trễ hạn. Bài đã gửi không sửa được nữa.',
      okText: 'Gửi',
      okButtonProps: { 'data-testid': 'confirm-ok' },
      cancelText: 'Hủy',
      cancelButtonProps: { 'data-testid': 'confirm-cancel' },
      onOk: () => save(true),
    });
  };

  const initialValues: IntroductionValues = introduction
    ? {
        unitId: introduction.unit.id,
        month: dayjs(`${introduction.month}-01`),
        title: introduction.title,
        writeUp: introduction.writeUp,
        exemplarIds: introduction.exemplars.map((exemplar) => exemplar.id),
      }
    : {
        unitId: unitRole ? (user.unit?.id ?? undefined) : defaults?.unitId,
        month: defaults?.month ? dayjs(`${defaults.month}-01`) : todayInVietnam().startOf('month'),
        exemplarIds: [],
      };

  return (
    <Modal
      open
      title={introduction ? 'Sửa bài giới thiệu' : 'Giới thiệu gương điển hình tiên tiến'}
      onCancel={onClose}
      width={760}
      mask={{ closable: false }}
      footer={
        <Flex justify="flex-end" gap={8}>
          <Button onClick={onClose}>Hủy</Button>
          <Button onClick={() => save(false)} loading={pending} data-testid="intro-form-save">
            Lưu nháp
          </Button>
          {canSubmit && (
            <Button type="primary" onClick={confirmSend} loading={pending} data-testid="intro-form-send">
              Lưu và gửi
            </Button>
          )}
        </Flex>
      }
    >
      <ProblemAlert error={error} formFields={FIELDS} />
      <Form<IntroductionValues>
        form={form}
        layout="vertical"
        initialValues={initialValues}
        data-testid="intro-form"
      >
        <Flex gap={16} wrap>
          <Form.Item
            name="unitId"
            label="Đơn vị"
            rules={[{ required: true, message: 'Chọn đơn vị.' }]}
            style={{ flex: '1 1 320px' }}
          >
            {unitRole ? (
              <Select disabled options={user.unit ? [{ value: user.unit.id, label: user.unit.name }] : []} />
            ) : (
              <UnitSelect
                tree={units.data}
                placeholder="Chọn đơn vị"
                onChange={() => form.setFieldValue('exemplarIds', [])}
                data-testid="intro-form-unit"
              />
            )}
          </Form.Item>
          <Form.Item
            name="month"
            label="Tháng"
            rules={[{ required: true, message: 'Chọn tháng.' }]}
            style={{ flex: '0 0 160px' }}
          >
            <DateInput
              picker="month"
              format="MM/YYYY"
              style={{ width: '100%' }}
              data-testid="intro-form-month"
            />
          </Form.Item>
        </Flex>
        <Form.Item
          name="exemplarIds"
          label="Điển hình được giới thiệu"
          rules={[
            {
              required: true,
              type: 'array',
              min: 1,
              max: 10,
              message: 'Chọn từ 1 đến 10 điển hình của đơn vị.',
            },
          ]}
        >
          <Select
            mode="multiple"
            showSearch={searchOptions}
            placeholder={unitId ? 'Chọn điển hình của đơn vị' : 'Chọn đơn vị trước'}
            disabled={!unitId}
            loading={exemplars.isFetching}
            options={(exemplars.data?.items ?? []).map((exemplar) => ({
              value: exemplar.id,
              label: exemplar.name,
              search: exemplar.name,
              hint: `${CATEGORY_LABELS[exemplar.category]} · ${STAGE_LABELS[exemplar.stage]}`,
            }))}
            optionRender={(option) => (
              <span>
                {option.label}
                <span style={{ color: '#8c8c8c', marginInlineStart: 8, fontSize: 12 }}>
                  {option.data.hint as string}
                </span>
              </span>
            )}
            data-testid="intro-form-exemplars"
          />
        </Form.Item>
        <Form.Item
          name="title"
          label="Tiêu đề"
          rules={[
            { required: true, whitespace: true, message: 'Nhập tiêu đề.' },
            { min: 3, max: 300, message: 'Tiêu đề có từ 3 đến 300 ký tự.' },
          ]}
        >
          <Input placeholder="Gương sáng trợ giúp pháp lý vùng sâu" data-testid="intro-form-title" />
        </Form.Item>
        <Form.Item
          name="writeUp"
          label="Bài giới thiệu"
          extra="Đoạn giới thiệu ngắn để đăng trên Trang thông tin điện tử."
          rules={[
            { required: true, whitespace: true, message: 'Viết bài giới thiệu.' },
            { min: 20, max: 20000, message: 'Bài giới thiệu có từ 20 đến 20.000 ký tự.' },
          ]}
        >
          <Input.TextArea autoSize={{ minRows: 5, maxRows: 16 }} data-testid="intro-form-writeUp" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
