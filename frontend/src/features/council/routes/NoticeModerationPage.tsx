import { CheckOutlined, EyeInvisibleOutlined } from '@ant-design/icons';
import {
  Badge,
  Button,
  Card,
  Descriptions,
  Empty,
  Flex,
  Segmented,
  Skeleton,
  Space,
  Table,
  Tag,
  Typography,
} from 'antd';
import type { HTMLAttributes } from 'react';
import { useState } from 'react';
import { PageHeading } from '@/components/PageHeading';
import { ProblemAlert } from '@/components/ProblemAlert';
import { useCurrentUser } from '@/lib/auth/use-session';
import { formatDateTime } from '@/lib/dates';
import { useComments, useNoticeProposal } from '../api/notices';
import { useProposalsInState } from '../api/proposals';
import type { CommentStatus, ModeratedComment, ProposalSummary } from '../api/types';
import { ModerateCommentModal } from '../components/ModerateCommentModal';
import { COMMENT_STATUS_COLORS, COMMENT_STATUS_LABELS, noticeWindow } from '../components/notice-logic';

/** The proposals under public notice and the public's comments waiting for the Office. */
export default function NoticeModerationPage() {
  const proposals = useProposalsInState('in_notice');
  const items = proposals.data?.items ?? [];

  return (
    <>
      <PageHeading
        title="Kiểm duyệt công khai"
        subtitle="Hồ sơ đề nghị khen thưởng đang công khai lấy ý kiến và ý kiến của nhân dân chờ kiểm duyệt"
      />
      <ProblemAlert error={proposals.error} />
      {proposals.isPending ? (
        <Skeleton active />
      ) : items.length === 0 ? (
        <Card>
          <Empty description="Không có hồ sơ nào đang công khai" />
        </Card>
      ) : (
        items.map((proposal) => <NoticeCard key={proposal.id} summary={proposal} />)
      )}
    </>
  );
}

const STATUS_FILTERS: { value: CommentStatus | 'all'; label: string }[] = [
  { value: 'pending', label: 'Chờ kiểm duyệt' },
  { value: 'approved', label: 'Đã duyệt' },
  { value: 'rejected', label: 'Không duyệt' },
  { value: 'all', label: 'Tất cả' },
];

function NoticeCard({ summary }: { summary: ProposalSummary }) {
  const user = useCurrentUser();
  const proposal = useNoticeProposal(summary.id);
  const [status, setStatus] = useState<CommentStatus | 'all'>('pending');
  const comments = useComments(summary.id, status === 'all' ? undefined : status);
  const [moderating, setModerating] = useState<{ comment: ModeratedComment; approve: boolean } | null>(null);
  const canModerate = user.role === 'office';
  const notice = proposal.data?.notice;
  const window = notice ? noticeWindow(notice.startsAt, notice.endsAt) : null;
  const nameOf = (nomineeId: number | null | undefined) =>
    nomineeId ? proposal.data?.nominees.find((nominee) => nominee.id === nomineeId)?.fullName : undefined;

  return (
    <Card
      style={{ marginBottom: 16 }}
      title={summary.title}
      extra={<Tag>{summary.awardForm.name}</Tag>}
      data-testid={`notice-${summary.id}`}
    >
      <Descriptions size="small" column={{ xs: 1, md: 2 }} style={{ marginBottom: 12 }}>
        <Descriptions.Item label="Đơn vị đề nghị">{summary.unit.name}</Descriptions.Item>
        <Descriptions.Item label="Thời gian công khai">
          {notice ? (
            <span data-testid={`notice-window-${summary.id}`}>
              {formatDateTime(notice.startsAt)} – {formatDateTime(notice.endsAt)}{' '}
              {window?.kind === 'running' && <Tag color="processing">Còn {window.daysLeft} ngày</Tag>}
              {window?.kind === 'ended' && <Tag>Đã hết hạn</Tag>}
              {window?.kind === 'upcoming' && <Tag>Chưa bắt đầu</Tag>}
            </span>
          ) : summary.noticeEndsAt ? (
            `đến ${formatDateTime(summary.noticeEndsAt)}`
          ) : (
            '—'
          )}
        </Descriptions.Item>
        {notice && (
          <Descriptions.Item label="Ý kiến">
            <Space size={4} wrap>
              <Badge status="warning" text={`${notice.commentsPending} chờ kiểm duyệt`} />
              <Badge status="success" text={`${notice.commentsApproved} đã duyệt`} />
              <Badge status="default" text={`${notice.commentsRejected} không duyệt`} />
            </Space>
          </Descriptions.Item>
        )}
      </Descriptions>
      <Flex justify="space-between" style={{ marginBottom: 8 }}>
        <Segmented
          value={status}
          onChange={(value) => setStatus(value as CommentStatus | 'all')}
          options={STATUS_FILTERS}
          data-testid={`notice-filter-${summary.id}`}
        />
      </Flex>
      <ProblemAlert error={comments.error} />
      <Table<ModeratedComment>
        rowKey="id"
        size="small"
        loading={comments.isFetching}
        dataSource={comments.data}
        pagination={(comments.data?.length ?? 0) > 20 ? { pageSize: 20 } : false}
        onRow={(comment) =>
          ({
            'data-testid': `comment-row-${comment.id}`,
            'data-status': comment.status,
          }) as HTMLAttributes<HTMLElement>
        }
        columns={[
          {
            title: 'Ý kiến',
            key: 'body',
            render: (_, comment) => (
              <div style={{ maxWidth: 560, whiteSpace: 'pre-wrap' }}>
                {nameOf(comment.nomineeId) && (
                  <Typography.Text type="secondary">Về: {nameOf(comment.nomineeId)}. </Typography.Text>
                )}
                {comment.body}
                {comment.moderationReason && (
                  <Typography.Paragraph type="secondary" style={{ margin: '4px 0 0', fontSize: 12 }}>
                    Ghi chú kiểm duyệt: {comment.moderationReason}
                  </Typography.Paragraph>
                )}
              </div>
            ),
          },
          {
            title: 'Người gửi',
            key: 'author',
            render: (_, comment) => (
              <>
                <div>{comment.authorName}</div>
                {comment.contact && (
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    Liên hệ (không công khai): {comment.contact}
                  </Typography.Text>
                )}
              </>
            ),
          },
          {
            title: 'Gửi lúc',
            key: 'createdAt',
            render: (_, comment) => formatDateTime(comment.createdAt),
            responsive: ['md'],
          },
          {
            title: 'Trạng thái',
            key: 'status',
            render: (_, comment) => (
              <Tag color={COMMENT_STATUS_COLORS[comment.status]}>{COMMENT_STATUS_LABELS[comment.status]}</Tag>
            ),
          },
          ...(canModerate
            ? [
                {
                  title: 'Kiểm duyệt',
                  key: 'actions',
                  render: (_: unknown, comment: ModeratedComment) =>
                    comment.status === 'pending' && (
                      <Space size={4}>
                        <Button
                          size="small"
                          type="primary"
                          icon={<CheckOutlined />}
                          onClick={() => setModerating({ comment, approve: true })}
                          data-testid={`comment-approve-${comment.id}`}
                        >
                          Duyệt
                        </Button>
                        <Button
                          size="small"
                          icon={<EyeInvisibleOutlined />}
                          onClick={() => setModerating({ comment, approve: false })}
                          data-testid={`comment-reject-${comment.id}`}
                        >
                          Ẩn
                        </Button>
                      </Space>
                    ),
                },
              ]
            : []),
        ]}
        locale={{ emptyText: 'Không có ý kiến nào' }}
        data-testid={`comments-${summary.id}`}
      />
      {moderating && (
        <ModerateCommentModal
          comment={moderating.comment}
          approve={moderating.approve}
          onClose={() => setModerating(null)}
        />
      )}
    </Card>
  );
}
