import { ArrowLeftOutlined, DiffOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Col, Descriptions, Row, Skeleton, Tag } from 'antd';
import { Link, useNavigate, useParams } from 'react-router';
import { AttachmentPanel } from '@/components/attachments/AttachmentPanel';
import { PageHeading } from '@/components/PageHeading';
import { ProblemAlert } from '@/components/ProblemAlert';
import { useErrorNotice } from '@/components/use-error-notice';
import type { Evaluation } from '@/lib/api/models';
import { useCurrentUser } from '@/lib/auth/use-session';
import { formatDateTime } from '@/lib/dates';
import { evaluationPath, exemplarPath, PATHS } from '@/lib/navigation';
import { EVALUATION_STATUS_LABELS, EVALUATOR_KIND_LABELS } from '@/lib/vocabulary';
import {
  useAmendEvaluation,
  useEvaluatedExemplar,
  useEvaluation,
  useRefreshEvaluation,
} from '../api/evaluations';
import { EvaluationAnswers } from '../components/EvaluationAnswers';
import { EvaluationForm } from '../components/EvaluationForm';
import { EvaluationResult } from '../components/EvaluationResult';

export default function EvaluationPage() {
  const { id } = useParams();
  const evaluation = useEvaluation(Number(id));
  if (evaluation.error) {
    return (
      <>
        <PageHeading title="Phiếu đánh giá" />
        <ProblemAlert error={evaluation.error} />
        <Link to={PATHS.exemplars}>
          <ArrowLeftOutlined /> Về danh sách điển hình
        </Link>
      </>
    );
  }
  if (!evaluation.data) return <Skeleton active paragraph={{ rows: 10 }} />;
  return <EvaluationView key={evaluation.data.id} evaluation={evaluation.data} />;
}

function statusTag(evaluation: Evaluation) {
  if (evaluation.supersededAt) return <Tag data-testid="evaluation-status">Đã được điều chỉnh</Tag>;
  return (
    <Tag color={evaluation.status === 'final' ? 'green' : 'gold'} data-testid="evaluation-status">
      {EVALUATION_STATUS_LABELS[evaluation.status]}
    </Tag>
  );
}

function EvaluationView({ evaluation }: { evaluation: Evaluation }) {
  const user = useCurrentUser();
  const navigate = useNavigate();
  const { modal, message } = App.useApp();
  const notifyError = useErrorNotice();
  const exemplar = useEvaluatedExemplar(evaluation.exemplarId);
  const amend = useAmendEvaluation();
  const refresh = useRefreshEvaluation();
  const isEvaluator = user.id === evaluation.evaluator.id;
  const draft = evaluation.status === 'draft';
  const editable = draft && isEvaluator;
  const canAmend = !draft && !evaluation.supersededAt && (isEvaluator || user.role === 'office');

  const confirmAmend = () =>
    modal.confirm({
      title: 'Lập phiếu điều chỉnh?',
      content:
        'Một phiếu nháp mới được tạo từ các câu trả lời của phiếu này. Khi hoàn tất, phiếu điều chỉnh thay thế phiếu này; phiếu cũ vẫn được lưu để đối chiếu.',
      okText: 'Lập phiếu điều chỉnh',
      okButtonProps: { 'data-testid': 'confirm-ok' },
      cancelText: 'Hủy',
      onOk: async () => {
        try {
          const created = await amend.mutateAsync(evaluation);
          message.success('Đã lập phiếu điều chỉnh.');
          navigate(evaluationPath(created.id));
        } catch (error) {
          notifyError(error);
        }
      },
    });

  const back = exemplarPath(evaluation.exemplarId);
  return (
    <>
      <Link to={`${back}?tab=danh-gia`} style={{ display: 'inline-block', marginBottom: 8 }}>
        <ArrowLeftOutlined /> Hồ sơ điển hình
      </Link>
      <PageHeading
        title="Phiếu đánh giá"
        subtitle={
          exemplar.data ? (
            <span data-testid="evaluation-exemplar">
              {exemplar.data.name} · {exemplar.data.unit.name}
            </span>
          ) : undefined
        }
        extra={
          canAmend && (
            <Button
              icon={<DiffOutlined />}
              onClick={confirmAmend}
              loading={amend.isPending}
              data-testid="evaluation-amend"
            >
              Lập phiếu điều chỉnh
            </Button>
          )
        }
      />
      {evaluation.supersededAt && (
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 16 }}
          title={`Phiếu này đã được thay thế bằng phiếu điều chỉnh lúc ${formatDateTime(evaluation.supersededAt)}.`}
        />
      )}
      {draft && !isEvaluator && (
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 16 }}
          title={`Phiếu nháp của ${evaluation.evaluator.fullName}; chỉ người lập phiếu được sửa.`}
        />
      )}
      {!draft && !evaluation.supersededAt && (
        <Alert
          type="success"
          showIcon
          style={{ marginBottom: 16 }}
          title={`Phiếu đã hoàn tất lúc ${formatDateTime(evaluation.finalisedAt)} và không sửa được nữa.`}
          description="Muốn thay đổi, hãy lập phiếu điều chỉnh."
          data-testid="evaluation-final"
        />
      )}
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={16} style={{ order: 1 }}>
          {editable ? (
            <EvaluationForm evaluation={evaluation} onDeleted={() => navigate(`${back}?tab=danh-gia`)} />
          ) : (
            // Once final (or someone else's draft) the answers are read, not edited: no form, no
            // leftover field errors, nothing that looks like an empty field.
            <EvaluationAnswers evaluation={evaluation} />
          )}
        </Col>
        <Col xs={24} xl={8} style={{ order: 0 }}>
          <div style={{ position: 'sticky', top: 80 }}>
            <EvaluationResult evaluation={evaluation} />
            <Card size="small" title="Thông tin phiếu" style={{ marginTop: 16 }}>
              <Descriptions
                size="small"
                column={1}
                items={[
                  { key: 'status', label: 'Trạng thái', children: statusTag(evaluation) },
                  {
                    key: 'kind',
                    label: 'Tư cách',
                    children: EVALUATOR_KIND_LABELS[evaluation.evaluatorKind],
                  },
                  { key: 'evaluator', label: 'Người đánh giá', children: evaluation.evaluator.fullName },
                  {
                    key: 'set',
                    label: 'Bộ tiêu chí',
                    children: `${evaluation.criteriaSet.code} – ${evaluation.criteriaSet.name} (phiên bản ${evaluation.criteriaSet.versionNo})`,
                  },
                  { key: 'created', label: 'Lập lúc', children: formatDateTime(evaluation.createdAt) },
                  ...(evaluation.supersedesId
                    ? [
                        {
                          key: 'amends',
                          label: 'Điều chỉnh phiếu',
                          children: (
                            <Link to={evaluationPath(evaluation.supersedesId)}>
                              #{evaluation.supersedesId}
                            </Link>
                          ),
                        },
                      ]
                    : []),
                ]}
              />
            </Card>
            <Card size="small" title="Tệp minh chứng" style={{ marginTop: 16 }}>
              <AttachmentPanel
                owner={{ kind: 'evaluation', id: evaluation.id }}
                attachments={evaluation.attachments}
                canChange={editable}
                onChanged={() => refresh(evaluation.id)}
              />
            </Card>
          </div>
        </Col>
      </Row>
    </>
  );
}
