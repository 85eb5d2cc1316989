import { SaveOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Form, type FormInstance, Input, Typography } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { ProblemAlert } from '@/components/ProblemAlert';
import { isApiError } from '@/lib/api/problem';
import { showServerErrors } from '@/lib/forms';
import { useFetchReport, useUpdateReport } from '../api/reports';
import type { Report, ReportInput } from '../api/types';
import { mayEdit, NARRATIVE_SECTIONS } from '../labels';

/** The form's fields, as the server names the top of their paths (`narrative.causes` …). */
const FIELDS = ['title', 'narrative'] as const;

/** The form's values for a report (the title and the six sections). */
export function narrativeValues(report: Pick<Report, 'title' | 'narrative'>): ReportInput {
  return { title: report.title, narrative: { ...report.narrative } };
}

export interface NarrativeEditor {
  form: FormInstance<ReportInput>;
  /** The version the text being edited started from (what `If-Match` carries). */
  base: Report;
  dirty: boolean;
  markDirty: () => void;
  editable: boolean;
  /** Saves the text if it changed; resolves to the report as it now stands (or `null` on failure). */
  saveIfChanged: () => Promise<Report | null>;
  save: () => void;
  saving: boolean;
  error: unknown;
  /** After someone else changed the report: their version replaces the text being edited. */
  reload: () => Promise<void>;
}

/** The narrative's form state, shared by the text and the workflow buttons (which save it first). */
export function useNarrativeEditor(report: Report): NarrativeEditor {
  const { message } = App.useApp();
  const [form] = Form.useForm<ReportInput>();
  const update = useUpdateReport();
  const fetchReport = useFetchReport();
  const [base, setBase] = useState(report);
  const [dirty, setDirty] = useState(false);

  // A newer version from the server (a step, a refetch) replaces the text unless it is being edited.
  if (report.version !== base.version && !dirty) {
    setBase(report);
  }
  useEffect(() => {
    form.setFieldsValue(narrativeValues(base));
  }, [base, form]);

  const write = useCallback(
    async (values: ReportInput): Promise<Report | null> => {
      try {
        const saved = await update.mutateAsync({ report: base, input: values });
        setDirty(false);
        setBase(saved);
        return saved;
      } catch (error) {
        showServerErrors(form, error, FIELDS);
        return null;
      }
    },
    [update, base, form],
  );

  const saveIfChanged = useCallback(async () => {
    if (!dirty) return base;
    try {
      const values = await form.validateFields();
      return await write(values);
    } catch {
      return null;
    }
  }, [dirty, base, form, write]);

  const save = useCallback(() => {
    void form
      .validateFields()
      .then(write)
      .then((saved) => {
        if (saved) message.success('Đã lưu nội dung báo cáo.');
      })
      .catch(() => undefined);
  }, [form, write, message]);

  const reload = useCallback(async () => {
    const latest = await fetchReport(base.id);
    setDirty(false);
    setBase(latest);
    update.reset();
  }, [fetchReport, base.id, update]);

  return {
    form,
    base,
    dirty,
    markDirty: () => setDirty(true),
    editable: mayEdit(report.allowedActions),
    saveIfChanged,
    save,
    saving: update.isPending,
    error: update.error,
    reload,
  };
}

function SectionText({ text }: { text: string }) {
  if (!text.trim()) return <Typography.Text type="secondary">(Chưa có nội dung)</Typography.Text>;
  return (
    <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', marginBottom: 0 }}>{text}</Typography.Paragraph>
  );
}

/** The title and the six narrative sections: a form while the server allows editing, text otherwise. */
export function NarrativeCard({ editor, report }: { editor: NarrativeEditor; report: Report }) {
  const conflict = isApiError(editor.error, 'version_mismatch');

  if (!editor.editable) {
    return (
      <Card title="Nội dung báo cáo" style={{ marginBottom: 16 }} data-testid="report-narrative">
        {NARRATIVE_SECTIONS.map(({ key, title }, index) => (
          <section key={key} style={{ marginBottom: 16 }} data-testid={`report-section-${key}`}>
            <Typography.Title level={5}>
              {index + 1}. {title}
            </Typography.Title>
            <SectionText text={report.narrative[key] ?? ''} />
          </section>
        ))}
      </Card>
    );
  }

  return (
    <Card
      title="Nội dung báo cáo"
      style={{ marginBottom: 16 }}
      data-testid="report-narrative"
      extra={
        <Button
          type="primary"
          icon={<SaveOutlined />}
          onClick={editor.save}
          loading={editor.saving}
          disabled={!editor.dirty}
          data-testid="report-save"
        >
          Lưu nội dung
        </Button>
      }
    >
      {conflict && (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 12 }}
          data-testid="report-conflict"
          title="Báo cáo vừa được người khác sửa hoặc gửi, nên nội dung của bạn chưa được lưu."
          description="Hãy sao chép phần bạn vừa viết (nếu cần giữ), rồi bấm “Tải lại dữ liệu mới nhất” để xem bản hiện hành và sửa tiếp trên bản đó."
        />
      )}
      <ProblemAlert error={editor.error} formFields={FIELDS} onReload={editor.reload} />
      <Form<ReportInput>
        form={editor.form}
        layout="vertical"
        initialValues={narrativeValues(editor.base)}
        onValuesChange={editor.markDirty}
        onFinish={editor.save}
      >
        <Form.Item
          name="title"
          label="Tiêu đề"
          rules={[
            { required: true, whitespace: true, message: 'Nhập tiêu đề báo cáo' },
            { min: 3, max: 300, message: 'Tiêu đề dài từ 3 đến 300 ký tự' },
          ]}
        >
          <Input maxLength={300} data-testid="report-title-input" />
        </Form.Item>
        {NARRATIVE_SECTIONS.map(({ key, title, hint }, index) => (
          <Form.Item
            key={key}
            name={['narrative', key]}
            label={`${index + 1}. ${title}`}
            extra={hint}
            rules={[{ max: 50000, message: 'Mỗi mục dài tối đa 50.000 ký tự' }]}
          >
            <Input.TextArea
              autoSize={{ minRows: 3, maxRows: 16 }}
              maxLength={50000}
              data-testid={`report-section-${key}`}
            />
          </Form.Item>
        ))}
      </Form>
      {editor.dirty && (
        <Typography.Text type="warning" data-testid="report-unsaved">
          Có nội dung chưa lưu.
        </Typography.Text>
      )}
    </Card>
  );
}
