import { DownOutlined } from '@ant-design/icons';
import { Alert, App, Button, Dropdown, Tooltip, Typography } from 'antd';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { useErrorNotice } from '@/components/use-error-notice';
import { editCommendationPath, PATHS } from '@/lib/navigation';
import {
  type NoteStep,
  useApproveProposal,
  useDeleteProposal,
  useForwardProposal,
  useMarkAwarded,
  useNoteStep,
  useRecordOutcome,
  useReviewProposal,
  useStartNotice,
} from '../api/commendations';
import type { Proposal, ProposalAction } from '../api/models';
import type { ActionItem, ActionLayout } from './proposal-actions';
import {
  AwardedModal,
  DecisionModal,
  ForwardModal,
  NoteStepModal,
  NoticeModal,
  OutcomeModal,
  ReviewModal,
} from './StepModals';

type NoteAction =
  'submit' | 'receive' | 'return' | 'send_to_council' | 'send_to_decision' | 'close_notice' | 'reject';

const NOTE_STEPS: Record<
  NoteAction,
  { step: NoteStep; title: string; okText: string; required: boolean; done: string }
> = {
  submit: {
    step: 'submit',
    title: 'Gửi hồ sơ cho Văn phòng Sở',
    okText: 'Gửi hồ sơ',
    required: false,
    done: 'Đã gửi hồ sơ cho Văn phòng Sở.',
  },
  receive: {
    step: 'receive',
    title: 'Tiếp nhận hồ sơ',
    okText: 'Tiếp nhận',
    required: false,
    done: 'Đã tiếp nhận hồ sơ.',
  },
  return: {
    step: 'return',
    title: 'Trả lại hồ sơ cho đơn vị',
    okText: 'Trả lại',
    required: true,
    done: 'Đã trả lại hồ sơ cho đơn vị.',
  },
  send_to_council: {
    step: 'send-to-council',
    title: 'Trình Hội đồng Thi đua – Khen thưởng',
    okText: 'Trình Hội đồng',
    required: false,
    done: 'Đã trình Hội đồng.',
  },
  send_to_decision: {
    step: 'send-to-decision',
    title: 'Trình lãnh đạo quyết định',
    okText: 'Trình lãnh đạo',
    required: false,
    done: 'Đã trình lãnh đạo Sở quyết định.',
  },
  close_notice: {
    step: 'close-notice',
    title: 'Kết thúc công khai lấy ý kiến',
    okText: 'Kết thúc công khai',
    required: false,
    done: 'Đã kết thúc công khai.',
  },
  reject: {
    step: 'reject',
    title: 'Không khen thưởng',
    okText: 'Không khen thưởng',
    required: true,
    done: 'Đã ghi quyết định không khen thưởng.',
  },
};

type Dialog =
  NoteAction | 'review' | 'start_notice' | 'approve' | 'forward' | 'record_outcome' | 'mark_awarded';

const isNoteAction = (action: ProposalAction): action is NoteAction => action in NOTE_STEPS;

/**
 * The steps the caller can take now, as the server lists them: one primary button, editing at
 * hand and the rest under "Thao tác khác" (blocked ones disabled, with the server's reason).
 */
export function ProposalActionBar({ proposal, layout }: { proposal: Proposal; layout: ActionLayout }) {
  const { message, modal } = App.useApp();
  const notifyError = useErrorNotice();
  const navigate = useNavigate();
  const [dialog, setDialog] = useState<Dialog | null>(null);
  const noteStep = useNoteStep();
  const review = useReviewProposal();
  const notice = useStartNotice();
  const approve = useApproveProposal();
  const forward = useForwardProposal();
  const outcome = useRecordOutcome();
  const awarded = useMarkAwarded();
  const remove = useDeleteProposal();

  const close = () => {
    setDialog(null);
    for (const mutation of [noteStep, review, notice, approve, forward, outcome, awarded]) mutation.reset();
  };
  const done = (text: string) => () => {
    message.success(text);
    close();
  };

  const onAction = (item: ActionItem) => {
    if (item.disabledReason) return;
    if (item.action === 'edit') return navigate(editCommendationPath(proposal.id));
    if (item.action === 'delete') {
      return modal.confirm({
        title: `Xóa hồ sơ nháp "${proposal.title}"?`,
        content: 'Người được đề nghị và tệp đính kèm của hồ sơ cũng bị xóa.',
        okText: 'Xóa',
        okButtonProps: { danger: true, 'data-testid': 'confirm-ok' },
        cancelText: 'Hủy',
        onOk: async () => {
          try {
            await remove.mutateAsync(proposal);
            message.success('Đã xóa hồ sơ nháp.');
            navigate(PATHS.commendations, { replace: true });
          } catch (error) {
            notifyError(error);
          }
        },
      });
    }
    if (item.action === 'attach' || item.action === 'close_ballots') return;
    setDialog(item.action);
  };

  const button = (item: ActionItem, type: 'primary' | 'default') => {
    const rendered = (
      <Button
        key={item.action}
        type={type}
        danger={item.danger}
        disabled={item.disabledReason !== null}
        onClick={() => onAction(item)}
        data-testid={`proposal-action-${item.action}`}
      >
        {item.label}
      </Button>
    );
    return item.disabledReason ? (
      <Tooltip key={item.action} title={item.disabledReason}>
        {rendered}
      </Tooltip>
    ) : (
      rendered
    );
  };

  const noteSetup = dialog && isNoteAction(dialog) ? NOTE_STEPS[dialog] : null;

  return (
    <>
      {layout.primary && button(layout.primary, 'primary')}
      {layout.plain && button(layout.plain, 'default')}
      {layout.more.length > 0 && (
        <Dropdown
          trigger={['click']}
          menu={{
            items: layout.more.map((item) => ({
              key: item.action,
              danger: item.danger,
              disabled: item.disabledReason !== null,
              label: (
                <span data-testid={`proposal-action-${item.action}`}>
                  {item.label}
                  {item.disabledReason && (
                    <Typography.Text
                      type="secondary"
                      style={{ display: 'block', fontSize: 12, maxWidth: 320, whiteSpace: 'normal' }}
                      data-testid={`proposal-action-${item.action}-reason`}
                    >
                      {item.disabledReason}
                    </Typography.Text>
                  )}
                </span>
              ),
            })),
            onClick: ({ key }) => {
              const item = layout.more.find((candidate) => candidate.action === key);
              if (item) onAction(item);
            },
          }}
        >
          <Button data-testid="proposal-actions-more">
            Thao tác khác <DownOutlined />
          </Button>
        </Dropdown>
      )}
      {noteSetup && (
        <NoteStepModal
          title={noteSetup.title}
          description={dialog === 'close_notice' ? <PendingCommentsWarning proposal={proposal} /> : undefined}
          okText={noteSetup.okText}
          required={noteSetup.required}
          danger={noteSetup.required}
          pending={noteStep.isPending}
          error={noteStep.error}
          onSubmit={(note, setServerErrors) =>
            noteStep.mutate(
              { proposal, step: noteSetup.step, note },
              { onSuccess: done(noteSetup.done), onError: setServerErrors },
            )
          }
          onClose={close}
        />
      )}
      {dialog === 'review' && (
        <ReviewModal
          proposal={proposal}
          pending={review.isPending}
          error={review.error}
          onSubmit={(input, onError) =>
            review.mutate({ proposal, input }, { onSuccess: done('Đã ghi kết quả thẩm định.'), onError })
          }
          onClose={close}
        />
      )}
      {dialog === 'start_notice' && (
        <NoticeModal
          proposal={proposal}
          pending={notice.isPending}
          error={notice.error}
          onSubmit={(input, onError) =>
            notice.mutate(
              { proposal, input },
              { onSuccess: done('Đã bắt đầu công khai lấy ý kiến.'), onError },
            )
          }
          onClose={close}
        />
      )}
      {dialog === 'approve' && (
        <DecisionModal
          proposal={proposal}
          pending={approve.isPending}
          error={approve.error}
          onSubmit={(input, onError) =>
            approve.mutate(
              { proposal, input },
              {
                onSuccess: (saved) => {
                  message.success(`Đã ký quyết định số ${saved.decision?.number ?? ''}.`);
                  close();
                },
                onError,
              },
            )
          }
          onClose={close}
        />
      )}
      {dialog === 'forward' && (
        <ForwardModal
          proposal={proposal}
          pending={forward.isPending}
          error={forward.error}
          onSubmit={(input, onError) =>
            forward.mutate({ proposal, input }, { onSuccess: done('Đã trình cấp trên.'), onError })
          }
          onClose={close}
        />
      )}
      {dialog === 'record_outcome' && (
        <OutcomeModal
          proposal={proposal}
          pending={outcome.isPending}
          error={outcome.error}
          onSubmit={(input, onError) =>
            outcome.mutate(
              { proposal, input },
              { onSuccess: done('Đã ghi nhận kết quả của cấp trên.'), onError },
            )
          }
          onClose={close}
        />
      )}
      {dialog === 'mark_awarded' && (
        <AwardedModal
          proposal={proposal}
          pending={awarded.isPending}
          error={awarded.error}
          onSubmit={(input, onError) =>
            awarded.mutate({ proposal, ...input }, { onSuccess: done('Đã xác nhận trao tặng.'), onError })
          }
          onClose={close}
        />
      )}
    </>
  );
}

/** Closing a notice: the comments still waiting for moderation, which the council should see. */
function PendingCommentsWarning({ proposal }: { proposal: Proposal }) {
  const pending = proposal.notice?.commentsPending ?? 0;
  if (pending === 0) return null;
  return (
    <Alert
      type="warning"
      showIcon
      data-testid="close-notice-pending-comments"
      title={`Còn ${pending} ý kiến của nhân dân chưa kiểm duyệt.`}
      description={
        <>
          Nên kiểm duyệt trước khi trình Hội đồng; sau khi kết thúc công khai, các ý kiến này vẫn ở{' '}
          <Link to={PATHS.noticeModeration}>Kiểm duyệt công khai</Link>.
        </>
      }
    />
  );
}
