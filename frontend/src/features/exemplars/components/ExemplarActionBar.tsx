import {
  ArrowRightOutlined,
  CheckOutlined,
  CloseOutlined,
  DeleteOutlined,
  DownOutlined,
  EditOutlined,
  ForwardOutlined,
  RollbackOutlined,
  SendOutlined,
  StopOutlined,
  UndoOutlined,
} from '@ant-design/icons';
import { App, Button, Dropdown, Tooltip, Typography } from 'antd';
import type { MenuProps } from 'antd';
import type { ReactNode } from 'react';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { useErrorNotice } from '@/components/use-error-notice';
import type { Exemplar, Stage, StageMove } from '@/lib/api/models';
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
import type { ActionItem, ActionLayout, DetailTab, HeaderAction } from './exemplar-actions';
import { NoteModal } from './NoteModal';
import { StageMoveModal } from './StageMoveModal';

type Decision = 'confirm' | 'return' | 'confirm_stage' | 'reject_stage';

const ICONS: Record<HeaderAction, ReactNode> = {
  edit: <EditOutlined />,
  submit: <SendOutlined />,
  confirm: <CheckOutlined />,
  return: <RollbackOutlined />,
  propose_stage: <ForwardOutlined />,
  withdraw_stage: <UndoOutlined />,
  confirm_stage: <CheckOutlined />,
  reject_stage: <CloseOutlined />,
  move_stage: <ForwardOutlined />,
  delete: <DeleteOutlined />,
};

function iconOf(item: ActionItem): ReactNode {
  if (item.toStage === 'stopped' && item.action !== 'confirm_stage') return <StopOutlined />;
  return ICONS[item.action];
}

interface ExemplarActionBarProps {
  exemplar: Exemplar;
  /** What the server allows, arranged: the step the record waits for, editing, the rest. */
  layout: ActionLayout;
  /** Switches to a tab of the page (where a missing stage record is filled in). */
  onOpenTab: (tab: DetailTab) => void;
}

/**
 * The steps the caller can take now, as the server lists them: one primary button, editing at
 * hand and the rest under "Thao tác khác"; each step asks for what it needs.
 */
export function ExemplarActionBar({ exemplar, layout, onOpenTab }: ExemplarActionBarProps) {
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
  const [moving, setMoving] = useState<{ mode: 'propose' | 'move'; toStage: Stage } | null>(null);

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
    confirm_stage: {
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
    reject_stage: {
      mutation: reject,
      title: 'Từ chối đề xuất chuyển giai đoạn',
      okText: 'Từ chối',
      required: true,
      done: 'Đã từ chối đề xuất.',
    },
  };

  const confirmSimple = (action: 'submit' | 'withdraw_stage' | 'delete') => {
    const setup = {
      submit: {
        title: 'Gửi hồ sơ cho Văn phòng Sở?',
        content: 'Sau khi gửi, đơn vị không sửa được hồ sơ nữa, trừ khi Văn phòng Sở trả lại.',
        okText: 'Gửi hồ sơ',
        run: () => submit.mutateAsync(exemplar),
        done: 'Đã gửi hồ sơ cho Văn phòng Sở.',
      },
      withdraw_stage: {
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

  const onAction = (item: ActionItem) => {
    if (item.disabledReason) return;
    switch (item.action) {
      case 'edit':
        return navigate(editExemplarPath(exemplar.id));
      case 'submit':
      case 'withdraw_stage':
      case 'delete':
        return confirmSimple(item.action);
      case 'propose_stage':
      case 'move_stage':
        return (
          item.toStage &&
          setMoving({ mode: item.action === 'propose_stage' ? 'propose' : 'move', toStage: item.toStage })
        );
      default:
        return setDecision(item.action);
    }
  };

  const button = (item: ActionItem, type: 'primary' | 'default') => {
    const rendered = (
      <Button
        key={item.key}
        icon={iconOf(item)}
        type={type}
        danger={item.danger}
        disabled={item.disabledReason !== null}
        onClick={() => onAction(item)}
        data-testid={`exemplar-action-${item.key}`}
      >
        {item.label}
      </Button>
    );
    return item.disabledReason ? (
      <Tooltip key={item.key} title={item.disabledReason}>
        {rendered}
      </Tooltip>
    ) : (
      rendered
    );
  };

  // A blocked step in the menu is followed by the way to unblock it, once per tab (the primary
  // step's is beside the page's notice).
  const offered = new Set<DetailTab>();
  if (layout.primary?.disabledReason && layout.primary.fix) offered.add(layout.primary.fix.tab);
  const menu: NonNullable<MenuProps['items']> = [];
  for (const item of layout.more) {
    menu.push(menuEntry(item));
    if (item.fix && !offered.has(item.fix.tab)) {
      offered.add(item.fix.tab);
      menu.push({
        key: `fix:${item.fix.tab}`,
        icon: <ArrowRightOutlined />,
        label: <span data-testid={`exemplar-action-fix-${item.key}`}>{item.fix.todo}</span>,
      });
    }
  }

  function menuEntry(item: ActionItem) {
    return {
      key: item.key,
      icon: iconOf(item),
      danger: item.danger,
      disabled: item.disabledReason !== null,
      label: (
        <span data-testid={`exemplar-action-${item.key}`} title={item.disabledReason ?? undefined}>
          {item.label}
          {item.disabledReason && (
            <Typography.Text
              type="secondary"
              style={{ display: 'block', fontSize: 12, maxWidth: 320, whiteSpace: 'normal' }}
            >
              {item.disabledReason}
            </Typography.Text>
          )}
        </span>
      ),
    };
  }

  const current = decision ? decisions[decision] : null;
  const moveMutation = moving?.mode === 'propose' ? propose : move;

  return (
    <>
      {layout.primary && button(layout.primary, 'primary')}
      {layout.plain && button(layout.plain, 'default')}
      {layout.more.length > 0 && (
        <Dropdown
          trigger={['click']}
          menu={{
            items: menu,
            onClick: ({ key }) => {
              if (key.startsWith('fix:')) return onOpenTab(key.slice('fix:'.length) as DetailTab);
              const item = layout.more.find((candidate) => candidate.key === key);
              if (item) onAction(item);
            },
          }}
        >
          <Button data-testid="exemplar-actions-more">
            Thao tác khác <DownOutlined />
          </Button>
        </Dropdown>
      )}
      {decision && current && (
        <NoteModal
          title={current.title}
          description={current.description}
          okText={current.okText}
          required={current.required}
          danger={decision === 'return' || decision === 'reject_stage'}
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
          mode={moving.mode}
          toStage={moving.toStage}
          pending={moveMutation.isPending}
          error={moveMutation.error}
          onSubmit={(stageMove: StageMove, onError) =>
            moveMutation.mutate(
              { exemplar, move: stageMove },
              {
                onSuccess: () => {
                  message.success(
                    moving.mode === 'propose'
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
