import { ArrowLeftOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, Descriptions, Space, Spin, Timeline, Typography } from 'antd';
import { useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { AttachmentPanel } from '@/components/attachments/AttachmentPanel';
import { PageHeading } from '@/components/PageHeading';
import { ProblemAlert } from '@/components/ProblemAlert';
import { useErrorNotice } from '@/components/use-error-notice';
import { formatDateTime } from '@/lib/dates';
import { exemplarPath, PATHS } from '@/lib/paths';
import {
  type DifficultyAction,
  difficultyKeys,
  type NoteStep,
  useDeleteDifficulty,
  useDifficulty,
} from '../api/difficulties';
import { DifficultyFormModal } from '../components/DifficultyFormModal';
import { DifficultyStatusTag } from '../components/DifficultyStatusTag';
import { DifficultyStepModal } from '../components/DifficultyStepModal';
import { DIFFICULTY_ACTION, DIFFICULTY_STATUS, durationText } from '../labels';

const NOTE_STEPS: readonly NoteStep[] = ['answer', 'refer', 'direct', 'close', 'reopen'];

/** One difficulty: what the unit wrote, each step with the time it took, files, the next steps. */
export default function DifficultyPage() {
  const id = Number(useParams().id);
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const { modal, message } = App.useApp();
  const notifyError = useErrorNotice();
  const difficulty = useDifficulty(Number.isSafeInteger(id) && id > 0 ? id : undefined);
  const remove = useDeleteDifficulty();
  const [step, setStep] = useState<NoteStep | null>(null);
  const [editing, setEditing] = useState(false);
  const data = difficulty.data;
  const allowed = (action: DifficultyAction) => data?.allowedActions.includes(action) ?? false;

  const confirmDelete = () =>
    data &&
    modal.confirm({
      title: 'Rút phản ánh này?',
      content: 'Phản ánh chưa được Văn phòng Sở tiếp nhận sẽ bị xóa.',
      okText: 'Xóa',
      okButtonProps: { danger: true, 'data-testid': 'confirm-ok' },
      cancelText: 'Hủy',
      onOk: async () => {
        try {
          await remove.mutateAsync(data);
          message.success('Đã xóa phản ánh.');
          navigate(PATHS.difficulties);
        } catch (error) {
          notifyError(error);
        }
      },
    });

  return (
    <>
      <PageHeading
        title="Khó khăn, vướng mắc"
        subtitle={data?.subject}
        extra={
          <Link to={PATHS.difficulties}>
            <ArrowLeftOutlined /> Danh sách phản ánh
          </Link>
        }
      />
      <ProblemAlert error={difficulty.error} />
      {difficulty.isPending && !difficulty.error && <Spin />}
      {data && (
        <Space direction="vertical" size={16} style={{ width: '100%' }}>
          <Card>
            <Descriptions column={{ xs: 1, md: 2 }} bordered size="small">
              <Descriptions.Item label="Tiêu đề" span={2}>
                <span data-testid="difficulty-subject">{data.subject}</span>
              </Descriptions.Item>
              <Descriptions.Item label="Đơn vị">{data.unit.name}</Descriptions.Item>
              <Descriptions.Item label="Trạng thái">
                <DifficultyStatusTag status={data.status} testId="difficulty-status" />
              </Descriptions.Item>
              <Descriptions.Item label="Nội dung" span={2}>
                <span style={{ whiteSpace: 'pre-wrap' }}>{data.body}</span>
              </Descriptions.Item>
              {data.obligationKey && (
                <Descriptions.Item label="Nghĩa vụ liên quan" span={2}>
                  <Link to={`${PATHS.obligations}?key=${encodeURIComponent(data.obligationKey)}`}>
                    Xem trên lịch báo cáo
                  </Link>
                </Descriptions.Item>
              )}
              {data.exemplar && (
                <Descriptions.Item label="Điển hình liên quan" span={2}>
                  <Link to={exemplarPath(data.exemplar.id)}>{data.exemplar.name}</Link>
                </Descriptions.Item>
              )}
              {data.answer && (
                <Descriptions.Item label="Trả lời của Văn phòng Sở" span={2}>
                  <span style={{ whiteSpace: 'pre-wrap' }} data-testid="difficulty-answer">
                    {data.answer}
                  </span>
                </Descriptions.Item>
              )}
              {data.referralNote && (
                <Descriptions.Item label="Báo cáo Lãnh đạo Sở" span={2}>
                  <span style={{ whiteSpace: 'pre-wrap' }}>{data.referralNote}</span>
                </Descriptions.Item>
              )}
              {data.direction && (
                <Descriptions.Item label="Chỉ đạo của Lãnh đạo Sở" span={2}>
                  <span style={{ whiteSpace: 'pre-wrap' }} data-testid="difficulty-direction">
                    {data.direction}
                  </span>
                </Descriptions.Item>
              )}
              <Descriptions.Item label="Phản hồi đầu tiên sau">
                <span data-testid="difficulty-first-response">
                  {durationText(data.timings.firstResponseSeconds)}
                </span>
              </Descriptions.Item>
              <Descriptions.Item label="Lãnh đạo chỉ đạo sau">
                {durationText(data.timings.directionSeconds)}
              </Descriptions.Item>
              <Descriptions.Item label="Giải quyết xong sau" span={2}>
                {durationText(data.timings.resolutionSeconds)}
              </Descriptions.Item>
            </Descriptions>
            <Space style={{ marginTop: 16 }} wrap>
              {NOTE_STEPS.filter(allowed).map((action) => (
                <Button
                  key={action}
                  type={action === 'close' || action === 'reopen' ? 'default' : 'primary'}
                  onClick={() => setStep(action)}
                  data-testid={`difficulty-action-${action}`}
                >
                  {DIFFICULTY_ACTION[action]}
                </Button>
              ))}
              {allowed('edit') && (
                <Button onClick={() => setEditing(true)} data-testid="difficulty-action-edit">
                  {DIFFICULTY_ACTION.edit}
                </Button>
              )}
              {allowed('delete') && (
                <Button danger onClick={confirmDelete} data-testid="difficulty-action-delete">
                  {DIFFICULTY_ACTION.delete}
                </Button>
              )}
            </Space>
          </Card>
          <Card title="Tệp đính kèm" size="small">
            <AttachmentPanel
              owner={{ kind: 'difficulty', id: data.id }}
              attachments={data.attachments}
              canChange={allowed('attach')}
              onChanged={() => queryClient.invalidateQueries({ queryKey: difficultyKeys.one(data.id) })}
              testId="difficulty-attachments"
            />
          </Card>
          <Card title="Quá trình xử lý" size="small">
            <Timeline
              data-testid="difficulty-steps"
              items={data.steps.map((item) => ({
                children: (
                  <div>
                    <Typography.Text strong>{DIFFICULTY_ACTION[item.action]}</Typography.Text>
                    {' — '}
                    {item.actor.name}, {formatDateTime(item.at)}
                    {item.secondsSincePrevious !== null && item.secondsSincePrevious !== undefined && (
                      <Typography.Text type="secondary">
                        {' '}
                        (sau {durationText(item.secondsSincePrevious)})
                      </Typography.Text>
                    )}
                    <div>
                      <Typography.Text type="secondary">
                        → {DIFFICULTY_STATUS[item.toStatus].label}
                      </Typography.Text>
                    </div>
                    {item.note && <div style={{ whiteSpace: 'pre-wrap' }}>{item.note}</div>}
                  </div>
                ),
              }))}
            />
          </Card>
        </Space>
      )}
      {data && step && <DifficultyStepModal difficulty={data} step={step} onClose={() => setStep(null)} />}
      {data && editing && <DifficultyFormModal difficulty={data} onClose={() => setEditing(false)} />}
    </>
  );
}
