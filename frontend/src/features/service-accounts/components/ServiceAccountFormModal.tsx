import { Checkbox, Form, Input, Modal } from 'antd';
import { useState } from 'react';
import { ProblemAlert } from '@/components/ProblemAlert';
import type { Scope, ServiceAccount, ServiceAccountInput, ServiceAccountWithSecret } from '@/lib/api/models';
import { blankToNull, showServerErrors } from '@/lib/forms';
import {
  useCreateServiceAccount,
  useFetchServiceAccount,
  useUpdateServiceAccount,
} from '../api/service-accounts';
import { ALL_SCOPES, SCOPE_LABELS } from './scopes';

interface AccountValues {
  name: string;
  description?: string;
  scopes: Scope[];
}

const FIELDS = ['name', 'description', 'scopes'] as const;

function toValues(account: ServiceAccount): AccountValues {
  return { name: account.name, description: account.description ?? undefined, scopes: account.scopes };
}

function toInput(values: AccountValues): ServiceAccountInput {
  return { name: values.name.trim(), description: blankToNull(values.description), scopes: values.scopes };
}

interface ServiceAccountFormModalProps {
  /** The account to edit; creates a new one when absent. */
  account?: ServiceAccount;
  onClose: () => void;
  onSaved: (account: ServiceAccount) => void;
  onCreated: (created: ServiceAccountWithSecret) => void;
}

/** Mounted only while open, so every opening starts from a fresh form. */
export function ServiceAccountFormModal({
  account,
  onClose,
  onSaved,
  onCreated,
}: ServiceAccountFormModalProps) {
  const [form] = Form.useForm<AccountValues>();
  const create = useCreateServiceAccount();
  const update = useUpdateServiceAccount();
  const fetchAccount = useFetchServiceAccount();
  const [base, setBase] = useState(account);
  const mutation = account ? update : create;

  const submit = (values: AccountValues) => {
    const onError = (error: Error) => showServerErrors(form, error, FIELDS);
    if (base) update.mutate({ account: base, input: toInput(values) }, { onSuccess: onSaved, onError });
    else create.mutate(toInput(values), { onSuccess: onCreated, onError });
  };

  const reloadLatest = async () => {
    if (!base) return;
    const latest = await fetchAccount(base.id);
    setBase(latest);
    form.setFieldsValue(toValues(latest));
    update.reset();
  };

  return (
    <Modal
      open
      title={base ? `Sửa tài khoản tích hợp: ${base.name}` : 'Thêm tài khoản tích hợp'}
      okText={base ? 'Lưu' : 'Tạo tài khoản'}
      cancelText="Hủy"
      onOk={() => form.submit()}
      onCancel={onClose}
      confirmLoading={mutation.isPending}
      okButtonProps={{ 'data-testid': 'service-account-form-submit' }}
    >
      <ProblemAlert error={mutation.error} formFields={FIELDS} onReload={reloadLatest} />
      <Form<AccountValues>
        form={form}
        layout="vertical"
        initialValues={account ? toValues(account) : { scopes: [] }}
        onFinish={submit}
      >
        <Form.Item
          name="name"
          label="Tên"
          rules={[
            { required: true, whitespace: true, message: 'Nhập tên tài khoản.' },
            { min: 3, max: 100, message: 'Tên có từ 3 đến 100 ký tự.' },
          ]}
        >
          <Input placeholder="Cổng thông tin tỉnh" data-testid="service-account-form-name" />
        </Form.Item>
        <Form.Item name="description" label="Mô tả" rules={[{ max: 500 }]}>
          <Input.TextArea rows={3} placeholder="Hệ thống nào dùng, để làm gì, ai phụ trách" />
        </Form.Item>
        <Form.Item
          name="scopes"
          label="Quyền truy cập"
          rules={[{ required: true, type: 'array', min: 1, message: 'Chọn ít nhất một quyền.' }]}
        >
          <Checkbox.Group
            options={ALL_SCOPES.map((value) => ({ value, label: SCOPE_LABELS[value] }))}
            data-testid="service-account-form-scopes"
          />
        </Form.Item>
      </Form>
    </Modal>
  );
}
