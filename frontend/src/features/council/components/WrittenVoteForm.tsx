import { App, Button, Checkbox, Flex, Select, Typography } from 'antd';
import { useState } from 'react';
import { useErrorNotice } from '@/components/use-error-notice';
import { useWrittenVote } from '../api/council';
import type { BallotChoice, BallotView, Meeting } from '../api/types';
import { CHOICE_LABELS, writtenVoteCandidates } from './ballot-logic';

const CHOICE_OPTIONS = (Object.keys(CHOICE_LABELS) as BallotChoice[]).map((value) => ({
  value,
  label: CHOICE_LABELS[value],
}));

/** The secretary enters an absent member's written vote (only where all members are counted). */
export function WrittenVoteForm({ meeting, ballot }: { meeting: Meeting; ballot: BallotView }) {
  const { message } = App.useApp();
  const notifyError = useErrorNotice();
  const written = useWrittenVote();
  const [memberId, setMemberId] = useState<number>();
  const [choice, setChoice] = useState<BallotChoice>();
  const [declareConflict, setDeclareConflict] = useState(false);
  const candidates = writtenVoteCandidates(meeting, ballot);
  if (candidates.length === 0) return null;

  const submit = () => {
    if (memberId === undefined || choice === undefined) return;
    written.mutate(
      { ballotId: ballot.id, memberId, choice, declareConflict },
      {
        onSuccess: () => {
          message.success('Đã ghi phiếu bằng văn bản.');
          setMemberId(undefined);
          setChoice(undefined);
          setDeclareConflict(false);
        },
        onError: notifyError,
      },
    );
  };

  return (
    <div style={{ marginTop: 12, paddingTop: 8, borderTop: '1px dashed #d9d9d9' }}>
      <Typography.Text strong>Phiếu bằng văn bản của thành viên vắng mặt</Typography.Text>
      <Flex gap={8} wrap style={{ marginTop: 6 }}>
        <Select
          placeholder="Thành viên vắng mặt"
          value={memberId}
          onChange={setMemberId}
          options={candidates.map((entry) => ({ value: entry.memberId, label: entry.fullName }))}
          style={{ minWidth: 220 }}
          data-testid={`written-member-${ballot.id}`}
        />
        <Select
          placeholder="Nội dung phiếu"
          value={choice}
          onChange={setChoice}
          options={CHOICE_OPTIONS}
          style={{ minWidth: 170 }}
          data-testid={`written-choice-${ballot.id}`}
        />
        <Checkbox checked={declareConflict} onChange={(event) => setDeclareConflict(event.target.checked)}>
          Xung đột lợi ích
        </Checkbox>
        <Button
          onClick={submit}
          disabled={memberId === undefined || choice === undefined}
          loading={written.isPending}
          data-testid={`written-submit-${ballot.id}`}
        >
          Ghi phiếu
        </Button>
      </Flex>
    </div>
  );
}
