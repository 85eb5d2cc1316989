import { ArrowLeftOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Col, Descriptions, Row, Skeleton, Space, Typography } from 'antd';
import { Link, useParams } from 'react-router';
import { PageHeading } from '@/components/PageHeading';
import { ProblemAlert } from '@/components/ProblemAlert';
import { formatApiDate, formatDateTime } from '@/lib/dates';
import { PATHS } from '@/lib/navigation';
import { useProposal } from '../api/commendations';
import type { Proposal } from '../api/models';
import { AttachmentsCard } from '../components/AttachmentsCard';
import { DocumentsCard } from '../components/DocumentsCard';
import { type DecidedNomineeSlot, NomineesCard } from '../components/NomineesCard';
import { layoutActions } from '../components/proposal-actions';
import { ProposalActionBar } from '../components/ProposalActionBar';
import { ProposalStateTag } from '../components/ProposalStateTag';
import { ProposalTimeline } from '../components/ProposalTimeline';
import { AUTHORITY_LABELS, COMMENDATION_TYPE_LABELS, formatDong } from '../vocabulary';

/** The procedure the form and type call for, in words. */
function procedure(proposal: Proposal): string {
  const steps = ['Thẩm định'];
  if (proposal.noticeRequired) steps.push('công khai lấy ý kiến');
  if (proposal.voteRequired) steps.push('Hội đồng bỏ phiếu kín');
  steps.push(proposal.awardForm.authority === 'giam_doc_so' ? 'Giám đốc Sở quyết định' : 'trình cấp trên');
  return steps.join(' → ');
}

function Overview({ proposal }: { proposal: Proposal }) {
  const { decision, forward, notice } = proposal;
  return (
    <Card style={{ marginBottom: 16 }}>
      <Descriptions column={{ xs: 1, md: 2 }} size="small" data-testid="proposal-overview">
        <Descriptions.Item label="Đơn vị đề nghị">{proposal.unit.name}</Descriptions.Item>
        <Descriptions.Item label="Trạng thái">
          <ProposalStateTag state={proposal.state} />
        </Descriptions.Item>
        <Descriptions.Item label="Hình thức">
          {proposal.awardForm.name} (phiên bản {proposal.awardForm.versionNo})
        </Descriptions.Item>
        <Descriptions.Item label="Thẩm quyền">
          {AUTHORITY_LABELS[proposal.awardForm.authority]}
        </Descriptions.Item>
        <Descriptions.Item label="Loại khen thưởng">
          {COMMENDATION_TYPE_LABELS[proposal.commendationType]}
        </Descriptions.Item>
        <Descriptions.Item label="Năm thành tích">{proposal.year}</Descriptions.Item>
        {proposal.occasion && <Descriptions.Item label="Dịp">{proposal.occasion.name}</Descriptions.Item>}
        {proposal.movement && (
          <Descriptions.Item label="Phong trào">{proposal.movement.name}</Descriptions.Item>
        )}
        <Descriptions.Item label="Quy trình">{procedure(proposal)}</Descriptions.Item>
        {notice && (
          <Descriptions.Item label="Công khai">
            {formatDateTime(notice.startsAt)} – {formatDateTime(notice.endsAt)}
            {notice.ended ? ' (đã hết hạn)' : ''} · ý kiến: {notice.commentsApproved} đã duyệt,{' '}
            {notice.commentsPending} chờ duyệt, {notice.commentsRejected} không đăng
          </Descriptions.Item>
        )}
        {decision && (
          <Descriptions.Item label="Quyết định">
            <span data-testid="proposal-decision-number">Số {decision.number}</span> ngày{' '}
            {formatApiDate(decision.decidedOn)} ·{' '}
            {decision.signerAuthority ? `${decision.signerAuthority} ` : ''}
            {decision.signerTitle} {decision.signerName} · tổng tiền thưởng {formatDong(decision.totalReward)}
          </Descriptions.Item>
        )}
        {forward && (
          <Descriptions.Item label="Trình cấp trên">
            Tờ trình số {forward.toTrinhNumber}
            {forward.forwardedOn ? ` ngày ${formatApiDate(forward.forwardedOn)}` : ''}
            {forward.higherDecisionNumber &&
              ` · Quyết định số ${forward.higherDecisionNumber} ngày ${formatApiDate(forward.higherDecisionDate)}`}
          </Descriptions.Item>
        )}
        {proposal.awardedOn && (
          <Descriptions.Item label="Ngày trao tặng">{formatApiDate(proposal.awardedOn)}</Descriptions.Item>
        )}
        {proposal.meetings.length > 0 && (
          <Descriptions.Item label="Hội đồng">
            {proposal.meetings
              .map((meeting) => `${meeting.subject} (${formatDateTime(meeting.meetsAt)})`)
              .join('; ')}
          </Descriptions.Item>
        )}
      </Descriptions>
      {proposal.summary && (
        <Typography.Paragraph className="pre-wrap" style={{ marginTop: 12, marginBottom: 0 }}>
          {proposal.summary}
        </Typography.Paragraph>
      )}
    </Card>
  );
}

export default function ProposalDetailPage({ decidedNominee }: { decidedNominee?: DecidedNomineeSlot }) {
  const id = Number(useParams().id);
  const proposal = useProposal(id);
  if (proposal.error) {
    return (
      <>
        <PageHeading title="Hồ sơ đề nghị khen thưởng" />
        <ProblemAlert error={proposal.error} onReload={() => void proposal.refetch()} />
      </>
    );
  }
  if (!proposal.data) return <Skeleton active />;
  const data = proposal.data;
  const layout = layoutActions(data.allowedActions);
  return (
    <>
      <Link to={PATHS.commendations}>
        <Space style={{ marginBottom: 8 }}>
          <ArrowLeftOutlined /> Danh sách hồ sơ
        </Space>
      </Link>
      <PageHeading
        title={data.title}
        subtitle={`${data.unit.name} · ${data.awardForm.name}`}
        extra={<ProposalActionBar proposal={data} layout={layout} />}
      />
      {data.state === 'returned' && data.returnReason && (
        <Alert
          type="warning"
          showIcon
          title="Văn phòng Sở trả lại hồ sơ"
          description={data.returnReason}
          style={{ marginBottom: 16 }}
          data-testid="proposal-return-reason"
        />
      )}
      {data.state === 'rejected' && data.rejectionReason && (
        <Alert
          type="error"
          showIcon
          title="Không khen thưởng"
          description={data.rejectionReason}
          style={{ marginBottom: 16 }}
        />
      )}
      {layout.primary?.disabledReason && (
        <Alert
          type="info"
          showIcon
          title={`Chưa thể ${layout.primary.label.toLowerCase()}`}
          description={layout.primary.disabledReason}
          style={{ marginBottom: 16 }}
          data-testid="proposal-blocked-reason"
        />
      )}
      <Row gutter={16}>
        <Col xs={24} xl={16}>
          <Overview proposal={data} />
          <NomineesCard proposal={data} decidedNominee={decidedNominee} />
          <AttachmentsCard proposal={data} />
        </Col>
        <Col xs={24} xl={8}>
          <DocumentsCard proposal={data} />
          <Card title="Diễn biến" data-testid="proposal-history">
            <ProposalTimeline events={data.timeline} />
          </Card>
          <div style={{ marginTop: 16 }}>
            <Button onClick={() => void proposal.refetch()} loading={proposal.isFetching}>
              Tải lại
            </Button>
          </div>
        </Col>
      </Row>
    </>
  );
}
