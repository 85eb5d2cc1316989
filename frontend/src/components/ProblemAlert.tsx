import { Alert, Button, Typography } from 'antd';
import type { ReactNode } from 'react';
import { isApiError, problemFieldErrors } from '@/lib/api/problem';

interface ProblemAlertProps {
  error: unknown;
  /** Fields shown by the surrounding form: their errors appear there, not here. */
  formFields?: readonly string[];
  /** Offered when someone else changed the record meanwhile (412). */
  onReload?: () => void;
}

/** An API failure in Vietnamese: the server's title and detail, plus the request id in small print. */
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
  const { unmatched } = problemFieldErrors(problem, formFields);
  const conflict = problem.code === 'version_mismatch';
  let description: ReactNode = (
    <>
      {problem.detail && <div data-testid="problem-detail">{problem.detail}</div>}
      {unmatched.length > 0 && (
        <ul style={{ margin: '4px 0 0', paddingInlineStart: 20 }}>
          {unmatched.map((item) => (
            <li key={`${item.field}:${item.code}`}>{item.message}</li>
          ))}
        </ul>
      )}
      {problem.requestId && <RequestId id={problem.requestId} />}
    </>
  );
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

export function RequestId({ id }: { id: string }) {
  return (
    <Typography.Text type="secondary" style={{ fontSize: 12, display: 'block', marginTop: 4 }}>
      Mã yêu cầu: <span data-testid="problem-request-id">{id}</span>
    </Typography.Text>
  );
}
