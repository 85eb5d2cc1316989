import { CheckCircleOutlined, LockOutlined, WarningOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Checkbox, Descriptions, Flex, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useErrorNotice } from '@/components/use-error-notice';
import { useVote } from '../api/council';
import type { BallotChoice, BallotView, Meeting } from '../api/types';
import { CHOICE_LABELS, choicesFor, meetingStep, tallyText, thresholdText, voteState } from './ballot-logic';
import { WrittenVoteForm } from './WrittenVoteForm';

interface BallotCardProps {
  meeting: Meeting;
  ballot: BallotView;
}

/** One nominee's secret ballot: the caller's vote, who has voted (never how), the tally once closed. */
export function BallotCard({ meeting, ballot }: BallotCardProps) {
  const { modal, message } = App.useApp();
  const notifyError = useErrorNotice();
  const vote = useVote();
  const [declareConflict, setDeclareConflict] = useState(false);
  const state = voteState(ballot, meeting.caller);
  const choices = choicesFor(declareConflict && state.kind === 'can_vote' ? { kind: 'must_abstain' } : state);

  const cast = (choice: BallotChoice) =>
    modal.confirm({
      title: `Bỏ phiếu "${CHOICE_LABELS[choice]}" cho ${ballot.nomineeName}?`,
      content: 'Phiếu kín: không ai xem được bạn đã chọn gì. Đã bỏ phiếu thì không sửa được.',
      okText: 'Bỏ phiếu',
      cancelText: 'Hủy',
      okButtonProps: { 'data-testid': 'confirm-ok' },
      onOk: async () => {
        try {
          await vote.mutateAsync({
            ballotId: ballot.id,
            choice,
            declareConflict: declareConflict || state.kind === 'must_abstain',
          });
          message.success('Đã ghi nhận phiếu của bạn.');
        } catch (error) {
          notifyError(error);
        }
      },
    });

  return (
    <Card
      size="small"
      title={
        <Flex gap={8} align="center" wrap>
          <span>{ballot.nomineeName}</span>
          <Typography.Text type="secondary" style={{ fontWeight: 'normal' }}>
            {ballot.workplace}
          </Typography.Text>
        </Flex>
      }
      extra={
        ballot.status === 'closed' ? (
          <Tag icon={<LockOutlined />}>Đã kiểm phiếu</Tag>
        ) : (
          <Tag color="processing">Đang bỏ phiếu</Tag>
        )
      }
      data-testid={`ballot-${ballot.id}`}
      data-status={ballot.status}
      style={{ marginBottom: 12 }}
    >
      <Descriptions size="small" column={{ xs: 1, md: 2 }}>
        <Descriptions.Item label="Điều kiện đạt">
          <span data-testid={`ballot-threshold-${ballot.id}`}>Số phiếu đồng ý {thresholdText(ballot)}</span>
        </Descriptions.Item>
        <Descriptions.Item label="Đã bỏ phiếu">
          <span data-testid={`ballot-voters-count-${ballot.id}`}>
            {ballot.votersCount}/
            {ballot.denominator === 'all_members' ? ballot.membersTotal : ballot.membersPresent}
          </span>
        </Descriptions.Item>
      </Descriptions>

      {ballot.tally && (
        <Alert
          type={ballot.tally.result === 'passed' ? 'success' : 'warning'}
          showIcon
          style={{ marginBottom: 8 }}
          title={
            <span data-testid={`ballot-result-${ballot.id}`} data-result={ballot.tally.result}>
              {ballot.tally.result === 'passed' ? 'Đạt' : 'Không đạt'}: {tallyText(ballot.tally)}
            </span>
          }
          description={
            <span data-testid={`ballot-tally-${ballot.id}`}>
              Đồng ý {ballot.tally.approve} · Không đồng ý {ballot.tally.reject} · Không biểu quyết{' '}
              {ballot.tally.abstain} — tính trên {ballot.tally.base} ({thresholdText(ballot)})
            </span>
          }
        />
      )}

      {ballot.voters.length > 0 && (
        <div style={{ marginBottom: 8 }}>
          <Typography.Text type="secondary">
            Thành viên đã bỏ phiếu (không hiển thị nội dung phiếu):{' '}
          </Typography.Text>
          <Space size={[4, 4]} wrap data-testid={`ballot-voters-${ballot.id}`}>
            {ballot.voters.map((voter) => (
              <Tag key={voter.memberId}>
                {voter.fullName}
                {voter.mode === 'written' ? ' (bằng văn bản)' : ''}
                {voter.conflictDeclared ? ' — xung đột lợi ích' : ''}
              </Tag>
            ))}
          </Space>
        </div>
      )}

      {state.kind === 'voted' && (
        <Typography.Text type="success" data-testid={`ballot-voted-${ballot.id}`}>
          <CheckCircleOutlined /> Bạn đã bỏ phiếu.
        </Typography.Text>
      )}
      {state.kind === 'not_present' && (
        <Typography.Text type="secondary">
          Bạn không được ghi nhận có mặt tại cuộc họp nên không bỏ phiếu trực tiếp.
        </Typography.Text>
      )}
      {state.kind === 'must_abstain' && (
        <Alert
          type="warning"
          showIcon
          icon={<WarningOutlined />}
          style={{ marginBottom: 8 }}
          title="Xung đột lợi ích: bạn chỉ được chọn “Không biểu quyết”"
          description="Người được đề nghị thuộc đơn vị của bạn. Theo quy chế, thành viên Hội đồng không biểu quyết đối với người được đề nghị của đơn vị mình."
          data-testid={`ballot-conflict-${ballot.id}`}
        />
      )}
      {choices.length > 0 && (
        <Flex gap={8} wrap align="center">
          {choices.map((choice) => (
            <Button
              key={choice}
              type={choice === 'approve' ? 'primary' : 'default'}
              danger={choice === 'reject'}
              loading={vote.isPending && vote.variables?.choice === choice}
              onClick={() => cast(choice)}
              data-testid={`ballot-vote-${ballot.id}-${choice}`}
            >
              {CHOICE_LABELS[choice]}
            </Button>
          ))}
          {state.kind === 'can_vote' && (
            <Checkbox
              checked={declareConflict}
              onChange={(event) => setDeclareConflict(event.target.checked)}
              data-testid={`ballot-declare-conflict-${ballot.id}`}
            >
              Tôi có xung đột lợi ích (chỉ được không biểu quyết)
            </Checkbox>
          )}
        </Flex>
      )}
      {meetingStep(meeting, 'record_written_vote') && <WrittenVoteForm meeting={meeting} ballot={ballot} />}
    </Card>
  );
}
