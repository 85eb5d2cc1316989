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
  Skeleton,
  Space,
  Tag,
  Tooltip,
  Typography,
} from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';
import { DateInput } from '@/components/DateInput';
import { ProblemAlert } from '@/components/ProblemAlert';
import type { Exemplar } from '@/lib/api/models';
import { isApiError } from '@/lib/api/problem';
import { DATE_FORMAT, formatApiDate, formatDateTime, todayInVietnam } from '@/lib/dates';
import { optionsOf } from '@/lib/vocabulary';
import { portalExemplarPath } from '@/lib/paths';
import {
  type Publication,
  usePublication,
  usePublish,
  useSavePublication,
  useUnpublish,
} from '../api/publication';
import {
  actionState,
  CONSENT_METHOD_LABELS,
  consentField,
  PUBLICATION_FIELDS,
  PUBLICATION_STATUS_LABELS,
  type PublicationValues,
  toConsent,
  toValues,
} from './publication-form';
import { ShareKitPanel } from './ShareKitPanel';

const STATUS_COLORS: Record<Publication['status'], string> = {
  not_published: 'default',
  published: 'green',
  unpublished: 'orange',
};

/** The exemplar's publication on the public portal: text, consent, publish / unpublish, share kit. */
export function PublicationPanel({ exemplar }: { exemplar: Exemplar }) {
  const publication = usePublication(exemplar.id);
  if (publication.error) return <ProblemAlert error={publication.error} />;
  if (!publication.data) return <Skeleton active paragraph={{ rows: 4 }} />;
  // Keyed by version: a newer copy from the server starts the form again from it.
  return <PublicationView key={publication.data.version} publication={publication.data} />;
}

function PublicationView({ publication }: { publication: Publication }) {
  const { message } = App.useApp();
  const [form] = Form.useForm<PublicationValues>();
  const save = useSavePublication();
  const publish = usePublish();
  const [unpublishing, setUnpublishing] = useState(false);
  const edit = actionState(publication, 'edit');
  const publishing = actionState(publication, 'publish');
  const unpublish = actionState(publication, 'unpublish');
  // Consent may be given in the publish request itself: when it is what is missing, filling it in
  // here lifts the server's reason (any other blocker comes back as the server's answer).
  const consentMissing = publication.consentRequired && !publication.consent;
  const consentGivenOn = Form.useWatch('consentGivenOn', form);
  const consentMethod = Form.useWatch('consentMethod', form);
  const consentEntered = Boolean(consentGivenOn && consentMethod);
  const publishBlocked = Boolean(publishing.disabledReason) && !(consentMissing && consentEntered);
  const editable = edit.allowed || publishing.allowed;
  const lastError = save.error ?? publish.error;

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
    // Awaited rather than given callbacks: the saved copy has a new version, which remounts this
    // view (a fresh form), and a mutation's callbacks do not outlive the component that called it.
    try {
      if (kind === 'save') {
        await save.mutateAsync({ publication, input: { publicSummary, consent } });
        message.success('Đã lưu nội dung công bố.');
      } else {
        await publish.mutateAsync({ publication, input: { publicSummary, ...(consent ? { consent } : {}) } });
        message.success('Đã công bố điển hình trên cổng thông tin công khai.');
      }
    } catch (error) {
      showFieldErrors(error);
    }
  };

  return (
    <Flex vertical gap={16} data-testid="publication-panel">
      <Space wrap size={[8, 4]}>
        <Typography.Text strong>Trạng thái:</Typography.Text>
        <Tag color={STATUS_COLORS[publication.status]} data-testid="publication-status">
          {PUBLICATION_STATUS_LABELS[publication.status]}
        </Tag>
        {publication.publishedAt && (
          <Typography.Text type="secondary">
            Công bố lúc {formatDateTime(publication.publishedAt)}
          </Typography.Text>
        )}
        {publication.public && (
          <Link
            to={portalExemplarPath(publication.exemplarId)}
            target="_blank"
            data-testid="publication-public-link"
          >
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
          data-testid="publication-unpublished"
        />
      )}
      {publishing.allowed && publishBlocked && (
        <Alert
          type="info"
          showIcon
          title="Chưa công bố được"
          description={publishing.disabledReason}
          data-testid="publication-publish-blocked"
        />
      )}
      <ProblemAlert error={lastError} formFields={PUBLICATION_FIELDS} />
      {editable ? (
        <Form<PublicationValues>
          form={form}
          layout="vertical"
          initialValues={toValues(publication)}
          data-testid="publication-form"
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
            <Input.TextArea autoSize={{ minRows: 4, maxRows: 14 }} data-testid="publication-summary" />
          </Form.Item>
          {publication.consentRequired && <ConsentFields />}
          <Space wrap>
            {edit.allowed && (
              <Button onClick={() => run('save')} loading={save.isPending} data-testid="publication-save">
                Lưu nội dung
              </Button>
            )}
            {publishing.allowed && (
              <Tooltip title={publishBlocked ? publishing.disabledReason : undefined}>
                <Button
                  type="primary"
                  disabled={publishBlocked}
                  onClick={() => run('publish')}
                  loading={publish.isPending}
                  data-testid="publication-publish"
                >
                  {publication.status === 'unpublished' ? 'Công bố lại' : 'Công bố'}
                </Button>
              </Tooltip>
            )}
          </Space>
        </Form>
      ) : (
        <ReadOnlyPublication publication={publication} />
      )}
      {unpublish.allowed && (
        <div>
          <Button danger onClick={() => setUnpublishing(true)} data-testid="publication-unpublish">
            Gỡ công bố
          </Button>
        </div>
      )}
      {publication.public && <ShareKitPanel exemplarId={publication.exemplarId} />}
      {unpublishing && <UnpublishModal publication={publication} onClose={() => setUnpublishing(false)} />}
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

function ReadOnlyPublication({ publication }: { publication: Publication }) {
  const consent = publication.consent;
  return (
    <Descriptions column={1} size="small" bordered>
      <Descriptions.Item label="Nội dung công bố">
        <Typography.Paragraph
          style={{ whiteSpace: 'pre-line', marginBottom: 0 }}
          data-testid="publication-summary-text"
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

function UnpublishModal({ publication, onClose }: { publication: Publication; onClose: () => void }) {
  const { message } = App.useApp();
  const [form] = Form.useForm<{ reason?: string }>();
  const unpublish = useUnpublish();
  const submit = async ({ reason }: { reason?: string }) => {
    try {
      await unpublish.mutateAsync({ publication, reason: (reason ?? '').trim() });
    } catch {
      return; // Shown by the alert above the form.
    }
    message.success('Đã gỡ công bố: trang công khai không còn hiển thị điển hình này.');
    onClose();
  };
  return (
    <Modal
      open
      title="Gỡ công bố điển hình"
      okText="Gỡ công bố"
      cancelText="Hủy"
      okButtonProps={{ danger: true, 'data-testid': 'unpublish-confirm' }}
      confirmLoading={unpublish.isPending}
      onOk={() => form.submit()}
      onCancel={onClose}
    >
      <Typography.Paragraph type="secondary">
        Điển hình biến mất ngay khỏi cổng công khai, nguồn tin và danh sách nhúng. Có thể công bố lại sau.
      </Typography.Paragraph>
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
