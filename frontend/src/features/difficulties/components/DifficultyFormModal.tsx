import { UploadOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { App, Button, Form, Input, Modal, Select, Upload, type UploadFile } from 'antd';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { ProblemAlert } from '@/components/ProblemAlert';
import { api, unwrap } from '@/lib/api/client';
import { multipart } from '@/lib/api/files';
import { exemplarListQuery } from '@/lib/api/queries/exemplars';
import { obligationListQuery } from '@/lib/api/queries/obligations';
import { searchOptions } from '@/lib/text';
import type { components } from '@/lib/api/schema';
import { type Difficulty, useRaiseDifficulty, useUpdateDifficulty } from '../api/difficulties';

interface Values {
  subject: string;
  body: string;
  obligationKey?: string;
  exemplarId?: number;
}

const FIELDS = ['subject', 'body', 'obligationKey', 'exemplarId'] as const;
const ACCEPT = '.pdf,.jpg,.jpeg,.png,.webp,.gif,.doc,.docx,.xls,.xlsx,.ppt,.pptx,.odt';

/** A unit raises a difficulty (or edits it while nobody has taken it up), with files on raising. */
export function DifficultyFormModal({
  difficulty,
  onClose,
}: {
  difficulty?: Difficulty;
  onClose: () => void;
}) {
  const { message } = App.useApp();
  const navigate = useNavigate();
  const [form] = Form.useForm<Values>();
  const raise = useRaiseDifficulty();
  const update = useUpdateDifficulty();
  const [files, setFiles] = useState<UploadFile[]>([]);
  const [uploadError, setUploadError] = useState<unknown>(null);
  // The unit's report obligations and exemplars (the API scopes both to the caller's unit).
  const obligations = useQuery(obligationListQuery({ responsible: 'unit' }, 1, 100));
  const exemplars = useQuery(exemplarListQuery({ page: 1, pageSize: 100 }));
  const pending = raise.isPending || update.isPending;

  const finish = async (values: Values) => {
    const input = {
      subject: values.subject.trim(),
      body: values.body.trim(),
      obligationKey: values.obligationKey ?? null,
      exemplarId: values.exemplarId ?? null,
    };
    if (difficulty) {
      update.mutate(
        { difficulty, input },
        {
          onSuccess: () => {
            message.success('Đã lưu phản ánh.');
            onClose();
          },
        },
      );
      return;
    }
    const created = await raise.mutateAsync(input).catch(() => null);
    if (!created) return;
    try {
      for (const file of files) {
        if (!file.originFileObj) continue;
        const body = multipart<components['schemas']['DifficultyUploadForm']>({ file: file.originFileObj });
        await unwrap(
          api.POST('/api/v1/difficulties/{id}/attachments', { params: { path: { id: created.id } }, body }),
        );
      }
    } catch (error) {
      setUploadError(error);
      message.warning('Đã gửi phản ánh nhưng chưa tải lên được tệp; hãy đính kèm lại ở trang phản ánh.');
    }
    message.success('Đã gửi phản ánh tới Văn phòng Sở.');
    onClose();
    navigate(`/kho-khan/${created.id}`);
  };

  return (
    <Modal
      open
      title={difficulty ? 'Sửa phản ánh' : 'Phản ánh khó khăn, vướng mắc'}
      okText={difficulty ? 'Lưu' : 'Gửi phản ánh'}
      cancelText="Hủy"
      onOk={() => form.submit()}
      onCancel={onClose}
      confirmLoading={pending}
      okButtonProps={{ 'data-testid': 'difficulty-form-submit' }}
      width={640}
      destroyOnHidden
    >
      <ProblemAlert error={raise.error ?? update.error ?? uploadError} formFields={FIELDS} />
      <Form<Values>
        form={form}
        layout="vertical"
        onFinish={finish}
        initialValues={
          difficulty && {
            subject: difficulty.subject,
            body: difficulty.body,
            obligationKey: difficulty.obligationKey ?? undefined,
            exemplarId: difficulty.exemplar?.id,
          }
        }
      >
        <Form.Item
          name="subject"
          label="Tiêu đề"
          rules={[
            { required: true, whitespace: true, message: 'Nhập tiêu đề' },
            { min: 3, max: 300, message: 'Tiêu đề dài từ 3 đến 300 ký tự' },
          ]}
        >
          <Input maxLength={300} data-testid="difficulty-form-subject" />
        </Form.Item>
        <Form.Item
          name="body"
          label="Nội dung"
          extra="Khó khăn là gì, đơn vị đã làm gì, đề nghị Văn phòng Sở hướng dẫn điều gì."
          rules={[
            { required: true, whitespace: true, message: 'Nhập nội dung' },
            { min: 10, max: 10000, message: 'Nội dung dài từ 10 đến 10.000 ký tự' },
          ]}
        >
          <Input.TextArea rows={6} maxLength={10000} data-testid="difficulty-form-body" />
        </Form.Item>
        <Form.Item name="obligationKey" label="Liên quan nghĩa vụ (không bắt buộc)">
          <Select
            allowClear
            showSearch={searchOptions}
            loading={obligations.isPending}
            options={(obligations.data?.items ?? []).map((o) => ({
              value: o.key,
              label: o.title,
              search: o.title,
            }))}
            data-testid="difficulty-form-obligation"
          />
        </Form.Item>
        <Form.Item name="exemplarId" label="Liên quan điển hình (không bắt buộc)">
          <Select
            allowClear
            showSearch={searchOptions}
            loading={exemplars.isPending}
            options={(exemplars.data?.items ?? []).map((e) => ({
              value: e.id,
              label: e.name,
              search: e.name,
            }))}
            data-testid="difficulty-form-exemplar"
          />
        </Form.Item>
        {!difficulty && (
          <Form.Item label="Tệp đính kèm (không bắt buộc)">
            <Upload
              multiple
              accept={ACCEPT}
              fileList={files}
              beforeUpload={() => false}
              onChange={({ fileList }) => setFiles(fileList)}
            >
              <Button icon={<UploadOutlined />} data-testid="difficulty-form-files">
                Chọn tệp
              </Button>
            </Upload>
          </Form.Item>
        )}
      </Form>
    </Modal>
  );
}
