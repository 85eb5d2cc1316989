import {
  App,
  Alert,
  Button,
  Col,
  Descriptions,
  Flex,
  Form,
  Input,
  Modal,
  Row,
  Select,
  Space,
  Tag,
  Tooltip,
  Typography,
} from 'antd';
import { useState, type ReactNode } from 'react';
import { Link } from 'react-router';
import { DateInput } from '@/components/DateInput';
import { ProblemAlert } from '@/components/ProblemAlert';
import { isApiError } from '@/lib/api/problem';
import { DATE_FORMAT, formatApiDate, formatDateTime, todayInVietnam } from '@/lib/dates';
import { optionsOf } from '@/lib/vocabulary';
import type { PublicationInput, PublishRequest } from '../api/publication';
import {
  actionState,
  CONSENT_METHOD_LABELS,
  consentField,
  PUBLICATION_FIELDS,
  PUBLICATION_STATUS_LABELS,
  type PublicationState,
  type PublicationValues,
  toConsent,
  toValues,
} from './publication-form';

const STATUS_COLORS: Record<PublicationState['status'], string> = {
  not_published: 'default',
  published: 'green',
  unpublished: 'orange',
};

/** What the editor needs of a mutation (the hooks of `api/`, called by the panel that holds it). */
interface Mutation<P, V> {
  mutateAsync: (variables: V) => Promise<P>;
  isPending: boolean;
  error: unknown;
  reset: () => void;
}

/**
 * Saving, publishing and taking down one publication. Held by the panel above the editor, which
 * is keyed by version: a refusal (412) refreshes the publication and remounts the editor, and
 * its reason stays shown.
 */
export interface PublicationMutations<P> {
  save: Mutation<P, { publication: P; input: PublicationInput }>;
  publish: Mutation<P, { publication: P; input: PublishRequest }>;
  unpublish: Mutation<P, { publication: P; reason: string }>;
}

/** What is published: the exemplar or the commendation, in the editor's messages. */
export interface PublicationCopy {
  /** After publishing ("Đã công bố điển hình trên cổng thông tin công khai."). */
  published: string;
  /** After taking down. */
  unpublished: string;
  /** The title of the take-down dialog. */
  unpublishTitle: string;
  /** What taking down does, in the dialog. */
  unpublishHint: string;
}

/** The test ids of the editor's parts (the consent fields and the take-down dialog share theirs). */
export interface PublicationTestIds {
  panel: string;
  status: string;
  publicLink: string;
  unpublished: string;
  publishBlocked: string;
  form: string;
  summary: string;
  summaryText: string;
  save: string;
  publish: string;
  unpublish: string;
}

export interface PublicationEditorProps<P extends PublicationState> {
  /** The publication as read; the editor is to be keyed by its version. */
  publication: P;
  mutations: PublicationMutations<P>;
  copy: PublicationCopy;
  testIds: PublicationTestIds;
  /** The public page in the SPA, shown while public. */
  publicPath: string | null;
  /** Shown above the status (what only this kind of publication has to say). */
  header?: ReactNode;
  /** Shown below the buttons (the exemplar's share kit). */
  children?: ReactNode;
}

/**
 * A publication on the public portal: its status, the text the public reads, the subject's
 * consent, and the buttons the server offers (`allowedActions`, with the reason one cannot be
 * done yet). Shared by the exemplars' and the decided commendations' publications.
 */
export function PublicationEditor<P extends PublicationState>({
  publication,
  mutations,
  copy,
  testIds,
  publicPath,
  header,
  children,
}: PublicationEditorProps<P>) {
  const { message } = App.useApp();
  const [form] = Form.useForm<PublicationValues>();
  const { save, publish, unpublish } = mutations;
  const [unpublishing, setUnpublishing] = useState(false);
  const edit = actionState(publication, 'edit');
  const publishing = actionState(publication, 'publish');
  const unpublishAction = actionState(publication, 'unpublish');
  // Consent may be given in the publish request itself: when it is what is missing, filling it in
  // here lifts the server's reason (any other blocker comes back as the server's answer).
  const consentMissing = publication.consentRequired && !publication.consent;
  const consentGivenOn = Form.useWatch('consentGivenOn', form);
  const consentMethod = Form.useWatch('consentMethod', form);
  const consentEntered = Boolean(consentGivenOn && consentMethod);
  const publishBlocked = Boolean(publishing.disabledReason) && !(consentMissing && consentEntered);
  const editable = edit.allowed || publishing.allowed;
  // A refused take-down is shown here once its dialog is gone (the refusal refreshed the view).
  const lastError = save.error ?? publish.error ?? (unpublishing ? null : unpublish.error);

  const showFieldErrors = (error: unknown) => {
    if (!isApiError(error)) return;
    const fields = (error.problem.errors ?? [])
      .map((item) => ({ name: consentField(item.field), errors: [item.message] }))
      .filter((item): item is { name: keyof PublicationValues; errors: string[] } => item.name !== null);
    form.setFields(fields);
  };

  const run = async (kind: 'save' | 'publish') => {
    let values: PublicationValues;
    try {
      values = await form.validateFields();
    } catch {
      return;
    }
    const publicSummary = (values.publicSummary ?? '').trim();
    const consent = publication.consentRequired ? toConsent(values) : null;
    save.reset();
    publish.reset();
    unpublish.reset();
    // Awaited rather than given callbacks: the saved copy has a new version, which remounts this
    // view (a fresh form), and a mutation's callbacks do not outlive the component that called it.
    try {
      if (kind === 'save') {
        await save.mutateAsync({ publication, input: { publicSummary, consent } });
        message.success('Đã lưu nội dung công bố.');
      } else {
        await publish.mutateAsync({ publication, input: { publicSummary, ...(consent ? { consent } : {}) } });
        message.success(copy.published);
      }
    } catch (error) {
      showFieldErrors(error);
    }
  };

  const openUnpublish = () => {
    save.reset();
    publish.reset();
    unpublish.reset();
    setUnpublishing(true);
  };

  return (
    <Flex vertical gap={16} data-testid={testIds.panel}>
      {header}
      <Space wrap size={[8, 4]}>
        <Typography.Text strong>Trạng thái:</Typography.Text>
        <Tag color={STATUS_COLORS[publication.status]} data-testid={testIds.status}>
          {PUBLICATION_STATUS_LABELS[publication.status]}
        </Tag>
        {publication.publishedAt && (
          <Typography.Text type="secondary">
            Công bố lúc {formatDateTime(publication.publishedAt)}
          </Typography.Text>
        )}
        {publication.public && publicPath && (
          <Link to={publicPath} target="_blank" data-testid={testIds.publicLink}>
            Xem trang công khai
          </Link>
        )}
      </Space>
      {publication.status === 'unpublished' && publication.unpublishReason && (
        <Alert
          type="warning"
          showIcon
          title={`Đã gỡ công bố${publication.unpublishedAt ? ` lúc ${formatDateTime(publication.unpublishedAt)}` : ''}`}
          description={publication.unpublishReason}
          data-testid={testIds.unpublished}
        />
      )}
      {publishing.allowed && publishBlocked && (
        <Alert
          type="info"
          showIcon
          title="Chưa công bố được"
          description={publishing.disabledReason}
          data-testid={testIds.publishBlocked}
        />
      )}
      <ProblemAlert error={lastError} formFields={PUBLICATION_FIELDS} />
      {editable ? (
        <Form<PublicationValues>
          form={form}
          layout="vertical"
          initialValues={toValues(publication)}
          data-testid={testIds.form}
        >
          <Form.Item
            name="publicSummary"
            label="Nội dung công bố (người xem cổng công khai đọc được)"
            extra="Không đưa ghi chú nội bộ hay thông tin cá nhân ngoài phạm vi đương sự đồng ý."
            rules={[
              { required: true, whitespace: true, message: 'Nhập nội dung công bố.' },
              { min: 10, max: 5000, message: 'Nội dung có từ 10 đến 5.000 ký tự.' },
            ]}
          >
            <Input.TextArea autoSize={{ minRows: 4, maxRows: 14 }} data-testid={testIds.summary} />
          </Form.Item>
          {publication.consentRequired && <ConsentFields />}
          <Space wrap>
            {edit.allowed && (
              <Tooltip title={edit.disabledReason ?? undefined}>
                <Button
                  disabled={Boolean(edit.disabledReason)}
                  onClick={() => run('save')}
                  loading={save.isPending}
                  data-testid={testIds.save}
                >
                  Lưu nội dung
                </Button>
              </Tooltip>
            )}
            {publishing.allowed && (
              <Tooltip title={publishBlocked ? publishing.disabledReason : undefined}>
                <Button
                  type="primary"
                  disabled={publishBlocked}
                  onClick={() => run('publish')}
                  loading={publish.isPending}
                  data-testid={testIds.publish}
                >
                  {publication.status === 'unpublished' ? 'Công bố lại' : 'Công bố'}
                </Button>
              </Tooltip>
            )}
          </Space>
        </Form>
      ) : (
        <ReadOnlyPublication publication={publication} testIds={testIds} />
      )}
      {unpublishAction.allowed && (
        <div>
          <Tooltip title={unpublishAction.disabledReason ?? undefined}>
            <Button
              danger
              disabled={Boolean(unpublishAction.disabledReason)}
              onClick={openUnpublish}
              data-testid={testIds.unpublish}
            >
              Gỡ công bố
            </Button>
          </Tooltip>
        </div>
      )}
      {children}
      {unpublishing && (
        <UnpublishModal
          publication={publication}
          unpublish={unpublish}
          copy={copy}
          onClose={() => setUnpublishing(false)}
        />
      )}
    </Flex>
  );
}

function ConsentFields() {
  const today = todayInVietnam();
  return (
    <>
      <Typography.Title level={5} style={{ marginTop: 0 }}>
        Sự đồng ý của cá nhân
      </Typography.Title>
      <Row gutter={16}>
        <Col xs={24} sm={8}>
          <Form.Item name="consentGivenOn" label="Ngày đồng ý">
            <DateInput
              format={DATE_FORMAT}
              placeholder="dd/mm/yyyy"
              style={{ width: '100%' }}
              disabledDate={(day) => day.isAfter(today, 'day')}
              data-testid="consent-given-on"
            />
          </Form.Item>
        </Col>
        <Col xs={24} sm={8}>
          <Form.Item name="consentMethod" label="Hình thức">
            <Select
              allowClear
              placeholder="Chọn hình thức"
              options={optionsOf(CONSENT_METHOD_LABELS)}
              data-testid="consent-method"
            />
          </Form.Item>
        </Col>
        <Col xs={24} sm={8}>
          <Form.Item
            name="consentRecordedBy"
            label="Người ghi nhận"
            extra="Để trống: tên người đang đăng nhập."
            rules={[{ max: 200, message: 'Tối đa 200 ký tự.' }]}
          >
            <Input data-testid="consent-recorded-by" />
          </Form.Item>
        </Col>
      </Row>
      <Form.Item
        name="consentNote"
        label="Ghi chú (nơi lưu văn bản đồng ý…)"
        rules={[{ max: 1000, message: 'Tối đa 1.000 ký tự.' }]}
      >
        <Input data-testid="consent-note" />
      </Form.Item>
    </>
  );
}

function ReadOnlyPublication({
  publication,
  testIds,
}: {
  publication: PublicationState;
  testIds: PublicationTestIds;
}) {
  const consent = publication.consent;
  return (
    <Descriptions column={1} size="small" bordered>
      <Descriptions.Item label="Nội dung công bố">
        <Typography.Paragraph
          style={{ whiteSpace: 'pre-line', marginBottom: 0 }}
          data-testid={testIds.summaryText}
        >
          {publication.publicSummary}
        </Typography.Paragraph>
      </Descriptions.Item>
      {publication.consentRequired && (
        <Descriptions.Item label="Sự đồng ý của cá nhân">
          {consent
            ? `${formatApiDate(consent.givenOn)} · ${CONSENT_METHOD_LABELS[consent.method]} · ${consent.recordedBy}${consent.note ? ` · ${consent.note}` : ''}`
            : 'Chưa ghi nhận'}
        </Descriptions.Item>
      )}
    </Descriptions>
  );
}

function UnpublishModal<P extends PublicationState>({
  publication,
  unpublish,
  copy,
  onClose,
}: {
  publication: P;
  unpublish: PublicationMutations<P>['unpublish'];
  copy: PublicationCopy;
  onClose: () => void;
}) {
  const { message } = App.useApp();
  const [form] = Form.useForm<{ reason?: string }>();
  const submit = async ({ reason }: { reason?: string }) => {
    try {
      await unpublish.mutateAsync({ publication, reason: (reason ?? '').trim() });
    } catch {
      return; // Shown by the alert above the form.
    }
    message.success(copy.unpublished);
    onClose();
  };
  return (
    <Modal
      open
      title={copy.unpublishTitle}
      okText="Gỡ công bố"
      cancelText="Hủy"
      okButtonProps={{ danger: true, 'data-testid': 'unpublish-confirm' }}
      confirmLoading={unpublish.isPending}
      onOk={() => form.submit()}
      onCancel={onClose}
    >
      <Typography.Paragraph type="secondary">{copy.unpublishHint}</Typography.Paragraph>
      <ProblemAlert error={unpublish.error} formFields={['reason']} />
      <Form form={form} layout="vertical" onFinish={submit}>
        <Form.Item
          name="reason"
          label="Lý do"
          rules={[
            { required: true, whitespace: true, message: 'Nhập lý do gỡ công bố.' },
            { min: 5, max: 1000, message: 'Lý do có từ 5 đến 1.000 ký tự.' },
          ]}
        >
          <Input.TextArea rows={3} placeholder="Cá nhân rút lại sự đồng ý" data-testid="unpublish-reason" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
