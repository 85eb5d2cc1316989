import { Alert, Button, Typography } from 'antd';
import type { ReactNode } from 'react';
import type { Problem } from '@/lib/api/models';
import { isApiError, problemMessages } from '@/lib/api/problem';

interface ProblemAlertProps {
  error: unknown;
  /** Fields shown by the surrounding form: their errors appear there, not here. */
  formFields?: readonly string[];
  /** Offered when someone else changed the record meanwhile (412). */
  onReload?: () => void;
}

/** An API failure in Vietnamese: the server's title and explanation, plus the request id in small print. */
export function ProblemAlert({ error, formFields = [], onReload }: ProblemAlertProps) {
  if (!error) return null;
  if (!isApiError(error)) {
    return (
      <Alert
        type="error"
        showIcon
        style={{ marginBottom: 16 }}
        title="Đã xảy ra lỗi không mong muốn"
        description="Vui lòng tải lại trang và thử lại."
        data-testid="problem-alert"
      />
    );
  }
  const { problem } = error;
  const conflict = problem.code === 'version_mismatch';
  let description: ReactNode = <ProblemText problem={problem} formFields={formFields} />;
  if (conflict && onReload) {
    description = (
      <>
        {description}
        <Button size="small" style={{ marginTop: 8 }} onClick={onReload} data-testid="problem-reload">
          Tải lại dữ liệu mới nhất
        </Button>
      </>
    );
  }
  return (
    <Alert
      type={conflict ? 'warning' : 'error'}
      showIcon
      style={{ marginBottom: 16 }}
      title={problem.title}
      description={description}
      data-testid="problem-alert"
    />
  );
}

/**
 * A problem's explanation in Vietnamese, as the main text (one line, or a list), and below it, in
 * small print for support, the request id.
 */
export function ProblemText({
  problem,
  formFields = [],
}: {
  problem: Problem;
  formFields?: readonly string[];
}) {
  const messages = problemMessages(problem, formFields);
  return (
    <>
      {messages.length === 1 && <div data-testid="problem-detail">{messages[0]}</div>}
      {messages.length > 1 && (
        <ul style={{ margin: '4px 0 0', paddingInlineStart: 20 }} data-testid="problem-detail">
          {messages.map((message, index) => (
            <li key={index}>{message}</li>
          ))}
        </ul>
      )}
      {problem.requestId && <RequestId id={problem.requestId} />}
    </>
  );
}

export function RequestId({ id }: { id: string }) {
  return (
    <Typography.Text type="secondary" style={{ fontSize: 11, display: 'block', marginTop: 6 }}>
      Mã yêu cầu (khi cần báo lỗi): <span data-testid="problem-request-id">{id}</span>
    </Typography.Text>
  );
}
