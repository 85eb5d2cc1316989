import {
  CheckOutlined,
  CloseOutlined,
  DeleteOutlined,
  EditOutlined,
  ForwardOutlined,
  RollbackOutlined,
  SendOutlined,
  UndoOutlined,
} from '@ant-design/icons';
import { App, Button } from 'antd';
import type { ReactNode } from 'react';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { useErrorNotice } from '@/components/use-error-notice';
import type { Exemplar, StageMove } from '@/lib/api/models';
import { editExemplarPath, PATHS } from '@/lib/navigation';
import { STAGE_LABELS } from '@/lib/vocabulary';
import {
  useConfirmExemplar,
  useConfirmProposal,
  useDeleteExemplar,
  useMoveStage,
  useProposeStage,
  useRejectProposal,
  useReturnExemplar,
  useSubmitExemplar,
  useWithdrawProposal,
} from '../api/exemplars';
import { ACTION_LABELS, type ExemplarAction } from './exemplar-actions';
import { NoteModal } from './NoteModal';
import { StageMoveModal } from './StageMoveModal';

type Decision = 'confirm' | 'return' | 'confirmProposal' | 'rejectProposal';

const ICONS: Record<ExemplarAction, ReactNode> = {
  edit: <EditOutlined />,
  submit: <SendOutlined />,
  confirm: <CheckOutlined />,
  return: <RollbackOutlined />,
  propose: <ForwardOutlined />,
  withdrawProposal: <UndoOutlined />,
  confirmProposal: <CheckOutlined />,
  rejectProposal: <CloseOutlined />,
  move: <ForwardOutlined />,
  delete: <DeleteOutlined />,
};

const PRIMARY: readonly ExemplarAction[] = ['submit', 'confirm', 'confirmProposal', 'propose'];
const DANGER: readonly ExemplarAction[] = ['delete', 'rejectProposal', 'return'];

interface ExemplarActionBarProps {
  exemplar: Exemplar;
  actions: ExemplarAction[];
}

/** The review steps the caller can take now, each asking for what it needs. */
export function ExemplarActionBar({ exemplar, actions }: ExemplarActionBarProps) {
  const { modal, message } = App.useApp();
  const notifyError = useErrorNotice();
  const navigate = useNavigate();
  const submit = useSubmitExemplar();
  const withdraw = useWithdrawProposal();
  const remove = useDeleteExemplar();
  const confirm = useConfirmExemplar();
  const giveBack = useReturnExemplar();
  const approve = useConfirmProposal();
  const reject = useRejectProposal();
  const propose = useProposeStage();
  const move = useMoveStage();
  const [decision, setDecision] = useState<Decision | null>(null);
  const [moving, setMoving] = useState<'propose' | 'move' | null>(null);

  const proposal = exemplar.proposal;
  const decisions: Record<
    Decision,
    {
      mutation: typeof confirm;
      title: string;
      okText: string;
      required: boolean;
      done: string;
      description?: ReactNode;
    }
  > = {
    confirm: {
      mutation: confirm,
      title: 'Xác nhận hồ sơ điển hình',
      okText: 'Xác nhận',
      required: false,
      done: 'Đã xác nhận hồ sơ.',
      description: 'Hồ sơ được ghi nhận là đã Văn phòng Sở xác nhận.',
    },
    return: {
      mutation: giveBack,
      title: 'Trả lại hồ sơ cho đơn vị',
      okText: 'Trả lại',
      required: true,
      done: 'Đã trả lại hồ sơ cho đơn vị.',
      description: 'Hồ sơ trở về bản nháp để đơn vị sửa và gửi lại.',
    },
    confirmProposal: {
      mutation: approve,
      title: 'Duyệt đề xuất chuyển giai đoạn',
      okText: 'Duyệt',
      required: false,
      done: 'Đã duyệt đề xuất; điển hình đã chuyển giai đoạn.',
      description: proposal && (
        <>
          Đơn vị đề xuất chuyển từ <strong>{STAGE_LABELS[exemplar.stage]}</strong> sang{' '}
          <strong>{STAGE_LABELS[proposal.toStage]}</strong>
          {proposal.note ? `: “${proposal.note}”` : '.'}
        </>
      ),
    },
    rejectProposal: {
      mutation: reject,
      title: 'Từ chối đề xuất chuyển giai đoạn',
      okText: 'Từ chối',
      required: true,
      done: 'Đã từ chối đề xuất.',
    },
  };

  const confirmSimple = (action: 'submit' | 'withdrawProposal' | 'delete') => {
    const setup = {
      submit: {
        title: 'Gửi hồ sơ cho Văn phòng Sở?',
        content: 'Sau khi gửi, đơn vị không sửa được hồ sơ nữa, trừ khi Văn phòng Sở trả lại.',
        okText: 'Gửi hồ sơ',
        run: () => submit.mutateAsync(exemplar),
        done: 'Đã gửi hồ sơ cho Văn phòng Sở.',
      },
      withdrawProposal: {
        title: 'Rút đề xuất chuyển giai đoạn?',
        content: 'Đề xuất đang chờ duyệt sẽ bị hủy; đơn vị có thể đề xuất lại sau.',
        okText: 'Rút đề xuất',
        run: () => withdraw.mutateAsync(exemplar),
        done: 'Đã rút đề xuất.',
      },
      delete: {
        title: `Xóa hồ sơ nháp "${exemplar.name}"?`,
        content:
          'Chỉ xóa được hồ sơ ghi nhận nhầm, chưa đánh giá hay giới thiệu. Kế hoạch, tổng kết và tệp đính kèm cũng bị xóa.',
        okText: 'Xóa',
        run: async () => {
          await remove.mutateAsync(exemplar);
          navigate(PATHS.exemplars, { replace: true });
        },
        done: 'Đã xóa hồ sơ nháp.',
      },
    }[action];
    modal.confirm({
      title: setup.title,
      content: setup.content,
      okText: setup.okText,
      okButtonProps: { danger: action === 'delete', 'data-testid': 'confirm-ok' },
      cancelText: 'Hủy',
      onOk: async () => {
        try {
          await setup.run();
          message.success(setup.done);
        } catch (error) {
          notifyError(error);
        }
      },
    });
  };

  const onAction = (action: ExemplarAction) => {
    switch (action) {
      case 'edit':
        return navigate(editExemplarPath(exemplar.id));
      case 'submit':
      case 'withdrawProposal':
      case 'delete':
        return confirmSimple(action);
      case 'propose':
      case 'move':
        return setMoving(action);
      default:
        return setDecision(action);
    }
  };

  const current = decision ? decisions[decision] : null;
  const moveMutation = moving === 'propose' ? propose : move;

  return (
    <>
      {actions.map((action) => (
        <Button
          key={action}
          icon={ICONS[action]}
          type={PRIMARY.includes(action) ? 'primary' : 'default'}
          danger={DANGER.includes(action)}
          onClick={() => onAction(action)}
          data-testid={`exemplar-action-${action}`}
        >
          {ACTION_LABELS[action]}
        </Button>
      ))}
      {decision && current && (
        <NoteModal
          title={current.title}
          description={current.description}
          okText={current.okText}
          required={current.required}
          danger={decision === 'return' || decision === 'rejectProposal'}
          pending={current.mutation.isPending}
          error={current.mutation.error}
          onSubmit={(note, form) =>
            current.mutation.mutate(
              { exemplar, note },
              {
                onSuccess: () => {
                  message.success(current.done);
                  setDecision(null);
                  current.mutation.reset();
                },
                onError: form.setServerErrors,
              },
            )
          }
          onClose={() => {
            setDecision(null);
            current.mutation.reset();
          }}
        />
      )}
      {moving && (
        <StageMoveModal
          exemplar={exemplar}
          mode={moving}
          pending={moveMutation.isPending}
          error={moveMutation.error}
          onSubmit={(stageMove: StageMove, onError) =>
            moveMutation.mutate(
              { exemplar, move: stageMove },
              {
                onSuccess: () => {
                  message.success(
                    moving === 'propose'
                      ? `Đã gửi đề xuất chuyển sang giai đoạn ${STAGE_LABELS[stageMove.toStage]}.`
                      : `Đã chuyển sang giai đoạn ${STAGE_LABELS[stageMove.toStage]}.`,
                  );
                  setMoving(null);
                  moveMutation.reset();
                },
                onError,
              },
            )
          }
          onClose={() => {
            setMoving(null);
            moveMutation.reset();
          }}
        />
      )}
    </>
  );
}
