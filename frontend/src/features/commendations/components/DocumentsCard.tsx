import { FileWordOutlined } from '@ant-design/icons';
import { Button, Card, Flex, Typography } from 'antd';
import { useErrorNotice } from '@/components/use-error-notice';
import { formatDateTime } from '@/lib/dates';
import { useDownloadDocument } from '../api/commendations';
import type { Proposal } from '../api/models';

/** The documents Lan Tỏa drafts (DOCX, Nghị định 30/2020 layout), downloaded as files. */
export function DocumentsCard({ proposal }: { proposal: Proposal }) {
  const download = useDownloadDocument();
  const notifyError = useErrorNotice();
  const pendingKind = download.isPending ? download.variables?.kind : undefined;
  const closedMeetings = proposal.meetings.filter((meeting) => meeting.status === 'closed');
  return (
    <Card title="Văn bản" style={{ marginBottom: 16 }} data-testid="proposal-documents">
      <Flex vertical gap={8} align="flex-start">
        <Button
          icon={<FileWordOutlined />}
          loading={pendingKind === 'to-trinh'}
          onClick={() =>
            download.mutate({ kind: 'to-trinh', proposalId: proposal.id }, { onError: notifyError })
          }
          data-testid="document-to-trinh"
        >
          Tờ trình đề nghị khen thưởng
        </Button>
        {closedMeetings.map((meeting) => (
          <Button
            key={meeting.id}
            icon={<FileWordOutlined />}
            loading={pendingKind === 'minutes'}
            onClick={() =>
              download.mutate({ kind: 'minutes', meetingId: meeting.id }, { onError: notifyError })
            }
            data-testid={`document-minutes-${meeting.id}`}
          >
            Biên bản họp Hội đồng ({formatDateTime(meeting.meetsAt)})
          </Button>
        ))}
        {proposal.decision && (
          <Button
            type="primary"
            icon={<FileWordOutlined />}
            loading={pendingKind === 'quyet-dinh'}
            onClick={() =>
              download.mutate({ kind: 'quyet-dinh', proposalId: proposal.id }, { onError: notifyError })
            }
            data-testid="document-quyet-dinh"
          >
            Quyết định khen thưởng số {proposal.decision.number}
          </Button>
        )}
        {proposal.decision && (
          <Typography.Text type="secondary">
            Giấy khen của từng người: ở danh sách người được đề nghị.
          </Typography.Text>
        )}
      </Flex>
    </Card>
  );
}
