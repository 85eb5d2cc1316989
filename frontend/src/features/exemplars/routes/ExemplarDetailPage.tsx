import { ArrowLeftOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Col, Flex, Row, Skeleton, Space, Tabs, Typography } from 'antd';
import { type ReactNode, useState } from 'react';
import { Link, useLocation, useParams, useSearchParams } from 'react-router';
import { AttachmentPanel, PreviewModal } from '@/components/attachments/AttachmentPanel';
import { ExemplarAvatar } from '@/components/ExemplarAvatar';
import { CategoryTag, ConclusionTag, RecordStatusTag, StageTag } from '@/components/ExemplarTags';
import { PageHeading } from '@/components/PageHeading';
import { ProblemAlert } from '@/components/ProblemAlert';
import { useErrorNotice } from '@/components/use-error-notice';
import type { Exemplar } from '@/lib/api/models';
import { formatDateTime } from '@/lib/dates';
import { PATHS } from '@/lib/navigation';
import { STAGE_LABELS, SUBJECT_KIND_LABELS } from '@/lib/vocabulary';
import { useChoosePhoto, useExemplar, useRefreshExemplar } from '../api/exemplars';
import { EvaluationsSection } from '../components/EvaluationsSection';
import { ExemplarActionBar } from '../components/ExemplarActionBar';
import { DETAIL_TABS, type DetailTab, isAllowed, layoutActions } from '../components/exemplar-actions';
import { ExemplarTimeline } from '../components/ExemplarTimeline';
import { GeneralInfo } from '../components/GeneralInfo';
import { NurturingPlanSection } from '../components/NurturingPlanSection';
import { ReplicationsSection } from '../components/ReplicationsSection';
import { StageSteps } from '../components/StageSteps';
import { SummarySection } from '../components/SummarySection';

/** A tab another feature adds to the page (the app passes them in: features do not import each other). */
export interface ExemplarExtraTab {
  key: string;
  label: string;
  render: (exemplar: Exemplar) => ReactNode;
}

export default function ExemplarDetailPage({ extraTabs = [] }: { extraTabs?: readonly ExemplarExtraTab[] }) {
  const { id } = useParams();
  const exemplar = useExemplar(Number(id));

  if (exemplar.error) {
    return (
      <>
        <PageHeading title="Hồ sơ điển hình" />
        <ProblemAlert error={exemplar.error} />
        <Link to={PATHS.exemplars}>
          <ArrowLeftOutlined /> Về danh sách điển hình
        </Link>
      </>
    );
  }
  if (!exemplar.data) return <Skeleton active paragraph={{ rows: 8 }} />;
  return <ExemplarDetail exemplar={exemplar.data} extraTabs={extraTabs} />;
}

/** What the new-record form leaves for the page when the picture could not be uploaded. */
export interface DetailLocationState {
  photoError?: string;
}

function ExemplarDetail({
  exemplar,
  extraTabs,
}: {
  exemplar: Exemplar;
  extraTabs: readonly ExemplarExtraTab[];
}) {
  const refresh = useRefreshExemplar();
  const { message } = App.useApp();
  const notifyError = useErrorNotice();
  const choosePhoto = useChoosePhoto();
  const [viewingPhoto, setViewingPhoto] = useState(false);
  const photoError = (useLocation().state as DetailLocationState | null)?.photoError;
  const [search, setSearch] = useSearchParams();
  const requested = search.get('tab');
  const known = (key: string) =>
    DETAIL_TABS.includes(key as DetailTab) || extraTabs.some((extra) => extra.key === key);
  const tab = requested && known(requested) ? requested : 'thong-tin';
  // What the caller may do is the server's answer; the page only arranges it.
  const layout = layoutActions(exemplar.allowedActions);
  const canEditRecords = isAllowed(exemplar.allowedActions, 'edit_records');
  const blocked = layout.primary?.disabledReason ? layout.primary : null;
  const fix = blocked?.fix;
  const openTab = (key: string) =>
    setSearch(
      (current) => {
        const next = new URLSearchParams(current);
        next.set('tab', key);
        return next;
      },
      { replace: true },
    );
  const proposal = exemplar.proposal;
  // The Office's reason, while the returned record has not been submitted again.
  const lastReturn = exemplar.timeline.findLast((event) => event.action === 'returned');
  const returned =
    exemplar.recordStatus === 'draft' &&
    lastReturn &&
    !exemplar.timeline.some((event) => event.action === 'submitted' && event.id > lastReturn.id)
      ? lastReturn
      : null;

  const who =
    exemplar.subjectKind === 'collective'
      ? `${SUBJECT_KIND_LABELS.collective}${exemplar.memberCount ? ` (${exemplar.memberCount} thành viên)` : ''}`
      : [exemplar.position, exemplar.title].filter(Boolean).join(', ') || SUBJECT_KIND_LABELS.individual;

  return (
    <>
      <Link to={PATHS.exemplars} style={{ display: 'inline-block', marginBottom: 8 }}>
        <ArrowLeftOutlined /> Danh sách điển hình
      </Link>
      <Flex gap={16} align="flex-start">
        <ExemplarAvatar
          name={exemplar.name}
          photoUrl={exemplar.photo?.thumbnailUrl}
          large
          onClick={() => setViewingPhoto(true)}
          testId="exemplar-photo"
        />
        <div style={{ flex: 1, minWidth: 0 }}>
          <PageHeading
            title={exemplar.name}
            subtitle={
              <span data-testid="exemplar-unit">
                {who} · {exemplar.unit.name}
              </span>
            }
            extra={<ExemplarActionBar exemplar={exemplar} layout={layout} onOpenTab={openTab} />}
          />
        </div>
      </Flex>
      {viewingPhoto && exemplar.photo && (
        <PreviewModal attachment={exemplar.photo} onClose={() => setViewingPhoto(false)} />
      )}
      {photoError && (
        <Alert
          type="warning"
          showIcon
          closable
          style={{ marginBottom: 16 }}
          title={`Đã lưu điển hình nhưng chưa tải được ảnh: ${photoError}`}
          description="Có thể tải ảnh lên lại ở thẻ Tệp đính kèm."
          data-testid="exemplar-photo-error"
        />
      )}
      <Space size={[4, 8]} wrap style={{ marginBottom: 16 }} data-testid="exemplar-tags">
        <CategoryTag category={exemplar.category} />
        <StageTag stage={exemplar.stage} testId="exemplar-stage" />
        <RecordStatusTag status={exemplar.recordStatus} testId="exemplar-record-status" />
        <Typography.Text type="secondary">Kết luận:</Typography.Text>
        <ConclusionTag conclusion={exemplar.currentConclusion} testId="exemplar-conclusion" />
      </Space>
      {blocked && (
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 16 }}
          title={`${blocked.label}: chưa thực hiện được`}
          description={
            // Below the reason rather than beside it, so that a phone keeps the text readable.
            <>
              {blocked.disabledReason}
              {fix && (
                <div style={{ marginTop: 8 }}>
                  <Button size="small" onClick={() => openTab(fix.tab)} data-testid="next-step-fix">
                    {fix.todo}
                  </Button>
                </div>
              )}
            </>
          }
          data-testid="next-step-blocked"
        />
      )}
      {proposal && (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 16 }}
          title={`Đề xuất chuyển sang giai đoạn ${STAGE_LABELS[proposal.toStage]}, chờ Văn phòng Sở duyệt`}
          description={[
            proposal.note,
            proposal.proposedAt && `Đề xuất lúc ${formatDateTime(proposal.proposedAt)}`,
          ]
            .filter(Boolean)
            .join(' · ')}
          data-testid="exemplar-proposal"
        />
      )}
      {returned && (
        <Alert
          type="error"
          showIcon
          style={{ marginBottom: 16 }}
          title={`Văn phòng Sở đã trả lại hồ sơ lúc ${formatDateTime(returned.occurredAt)}; sửa rồi gửi lại.`}
          description={returned.note ?? undefined}
          data-testid="exemplar-returned"
        />
      )}
      <Card style={{ marginBottom: 16 }}>
        <StageSteps exemplar={exemplar} />
      </Card>
      <Row gutter={[16, 16]}>
        <Col xs={24} xxl={16}>
          <Card>
            <Tabs
              activeKey={tab}
              onChange={openTab}
              items={[
                { key: 'thong-tin', label: 'Thông tin chung', children: <GeneralInfo exemplar={exemplar} /> },
                {
                  key: 'boi-duong',
                  label: 'Kế hoạch bồi dưỡng',
                  children: <NurturingPlanSection exemplar={exemplar} canEdit={canEditRecords} />,
                },
                {
                  key: 'tong-ket',
                  label: 'Tổng kết',
                  children: <SummarySection exemplar={exemplar} canEdit={canEditRecords} />,
                },
                {
                  key: 'nhan-rong',
                  label: `Nhân rộng (${exemplar.replications.length})`,
                  children: <ReplicationsSection exemplar={exemplar} canEdit={canEditRecords} />,
                },
                {
                  key: 'danh-gia',
                  label: `Đánh giá (${exemplar.evaluations.length})`,
                  children: (
                    <EvaluationsSection exemplar={exemplar} evaluatorKinds={exemplar.evaluatorKinds} />
                  ),
                },
                {
                  key: 'tep',
                  label: `Tệp đính kèm (${exemplar.attachments.length})`,
                  children: (
                    <AttachmentPanel
                      owner={{ kind: 'exemplar', id: exemplar.id }}
                      attachments={exemplar.attachments}
                      canChange={canEditRecords}
                      onChanged={() => refresh(exemplar.id)}
                      photo={{
                        currentId: exemplar.photo?.id ?? null,
                        choosingId: choosePhoto.isPending
                          ? (choosePhoto.variables?.attachmentId ?? null)
                          : null,
                        onChoose: (attachment) =>
                          choosePhoto.mutate(
                            { exemplar, attachmentId: attachment.id },
                            {
                              onSuccess: () => message.success('Đã đặt ảnh đại diện.'),
                              onError: notifyError,
                            },
                          ),
                      }}
                    />
                  ),
                },
                ...extraTabs.map((extra) => ({
                  key: extra.key,
                  label: extra.label,
                  children: extra.render(exemplar),
                })),
              ].map((item) => ({
                ...item,
                label: <span data-testid={`tab-${item.key}`}>{item.label}</span>,
              }))}
            />
          </Card>
        </Col>
        <Col xs={24} xxl={8}>
          <Card title="Diễn biến hồ sơ">
            <Flex vertical>
              <ExemplarTimeline events={exemplar.timeline} />
            </Flex>
          </Card>
        </Col>
      </Row>
    </>
  );
}
