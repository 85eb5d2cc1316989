import { DownloadOutlined } from '@ant-design/icons';
import { Button, Card, Dropdown, Space, Table, Tag, Tooltip, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import type { ReactNode } from 'react';
import { useErrorNotice } from '@/components/use-error-notice';
import { SUBJECT_KIND_LABELS } from '@/lib/vocabulary';
import { useDownloadDocument } from '../api/commendations';
import type { CheckResult, Nominee, Proposal } from '../api/models';
import { formatDong } from '../vocabulary';

const REVIEW: Record<Nominee['review'], { label: string; color: string }> = {
  pending: { label: 'Chưa thẩm định', color: 'default' },
  eligible: { label: 'Đủ điều kiện', color: 'green' },
  not_eligible: { label: 'Không đủ điều kiện', color: 'red' },
};

const OUTCOME: Record<Nominee['outcome'], { label: string; color: string }> = {
  pending: { label: 'Chưa quyết định', color: 'default' },
  approved: { label: 'Được khen thưởng', color: 'green' },
  rejected: { label: 'Không được khen thưởng', color: 'red' },
};

/** The failed rules first (blocks, then warnings); passed ones are listed quietly. */
function Checks({ checks }: { checks: CheckResult[] }) {
  if (checks.length === 0)
    return <Typography.Text type="secondary">Không có điều kiện áp dụng</Typography.Text>;
  const failed = checks.filter((check) => !check.passed);
  const passed = checks.filter((check) => check.passed);
  return (
    <Space direction="vertical" size={2}>
      {failed
        .sort((a, b) => (a.severity === b.severity ? 0 : a.severity === 'block' ? -1 : 1))
        .map((check) => (
          <Tooltip key={check.ruleCode} title={`Căn cứ: ${check.legalBasis}`}>
            <div data-testid={`nominee-check-${check.severity}`}>
              <Tag color={check.severity === 'block' ? 'red' : 'orange'}>
                {check.severity === 'block' ? 'Chặn' : 'Cảnh báo'}
              </Tag>
              <Typography.Text>
                {check.ruleName}: {check.reason}
              </Typography.Text>
            </div>
          </Tooltip>
        ))}
      {passed.length > 0 && (
        <Tooltip title={passed.map((check) => `${check.ruleName}: ${check.reason}`).join('\n')}>
          <Typography.Text type="success" data-testid="nominee-checks-passed">
            Đạt {passed.length}/{checks.length} điều kiện
          </Typography.Text>
        </Tooltip>
      )}
    </Space>
  );
}

/**
 * What another feature shows for a nominee approved by the proposal's decision (the app passes
 * the publication on the public portal): one cell per such nominee.
 */
export type DecidedNomineeSlot = (nominee: Nominee, proposal: Proposal) => ReactNode;

/** The states in which a proposal's approved nominees hold a decision in force. */
const DECIDED_STATES: readonly Proposal['state'][] = ['approved', 'awarded'];

/** The nominees: who, what they achieved, the eligibility checks, the review, vote and decision. */
export function NomineesCard({
  proposal,
  decidedNominee,
}: {
  proposal: Proposal;
  decidedNominee?: DecidedNomineeSlot;
}) {
  const download = useDownloadDocument();
  const notifyError = useErrorNotice();
  const decided = proposal.decision !== null && proposal.decision !== undefined;
  const inForce = DECIDED_STATES.includes(proposal.state);
  const columns: ColumnsType<Nominee> = [
    {
      title: 'Người được đề nghị',
      key: 'name',
      render: (_, nominee) => (
        <div>
          <Typography.Text strong>{nominee.fullName}</Typography.Text>
          <div>
            <Typography.Text type="secondary">
              {[SUBJECT_KIND_LABELS[nominee.subjectKind], nominee.jobTitle, nominee.workplace]
                .filter(Boolean)
                .join(' · ')}
            </Typography.Text>
          </div>
          <Typography.Paragraph
            ellipsis={{ rows: 3, expandable: true, symbol: 'xem thêm' }}
            style={{ marginBottom: 0, maxWidth: 420 }}
          >
            {nominee.achievement}
          </Typography.Paragraph>
        </div>
      ),
    },
    {
      title: 'Điều kiện khen thưởng',
      key: 'checks',
      render: (_, nominee) => <Checks checks={nominee.checks} />,
    },
    {
      title: 'Kết quả',
      key: 'result',
      render: (_, nominee) => (
        <Space direction="vertical" size={2}>
          <Tooltip title={nominee.reviewReason}>
            <Tag color={REVIEW[nominee.review].color} data-testid="nominee-review">
              {REVIEW[nominee.review].label}
            </Tag>
          </Tooltip>
          {nominee.reviewReason && <Typography.Text type="secondary">{nominee.reviewReason}</Typography.Text>}
          {nominee.voteResult && (
            <Tag color={nominee.voteResult === 'passed' ? 'green' : 'red'}>
              Hội đồng: {nominee.voteResult === 'passed' ? 'Đạt' : 'Không đạt'}
            </Tag>
          )}
          {nominee.outcome !== 'pending' && (
            <Tag color={OUTCOME[nominee.outcome].color} data-testid="nominee-outcome">
              {OUTCOME[nominee.outcome].label}
            </Tag>
          )}
          {nominee.outcomeReason && (
            <Typography.Text type="secondary">{nominee.outcomeReason}</Typography.Text>
          )}
          {nominee.rewardAmount ? (
            <Typography.Text>Tiền thưởng: {formatDong(nominee.rewardAmount)}</Typography.Text>
          ) : null}
        </Space>
      ),
    },
    ...(decided
      ? [
          {
            title: 'Giấy khen',
            key: 'certificate',
            render: (_: unknown, nominee: Nominee) =>
              nominee.outcome === 'approved' && (
                <Dropdown
                  trigger={['click']}
                  menu={{
                    items: [
                      { key: 'full', label: 'In trên giấy A4' },
                      { key: 'blank', label: 'In trên phôi in sẵn' },
                    ],
                    onClick: ({ key }) =>
                      download.mutate(
                        { kind: 'certificate', nomineeId: nominee.id, mode: key as 'full' | 'blank' },
                        { onError: notifyError },
                      ),
                  }}
                >
                  <Button icon={<DownloadOutlined />} data-testid={`nominee-certificate-${nominee.id}`}>
                    Tải Giấy khen
                  </Button>
                </Dropdown>
              ),
          },
        ]
      : []),
    ...(inForce && decidedNominee
      ? [
          {
            title: 'Công khai',
            key: 'publication',
            render: (_: unknown, nominee: Nominee) =>
              nominee.outcome === 'approved' ? decidedNominee(nominee, proposal) : null,
          },
        ]
      : []),
  ];
  return (
    <Card title={`Người được đề nghị (${proposal.nominees.length})`} style={{ marginBottom: 16 }}>
      <Table<Nominee>
        rowKey="id"
        columns={columns}
        dataSource={proposal.nominees}
        pagination={false}
        scroll={{ x: 'max-content' }}
        onRow={(nominee) =>
          ({ 'data-testid': `nominee-row-${nominee.id}` }) as React.HTMLAttributes<HTMLElement>
        }
      />
    </Card>
  );
}
