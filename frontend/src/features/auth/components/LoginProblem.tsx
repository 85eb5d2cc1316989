import { isApiError, problemMessages } from '@/lib/api/problem';
import { ErrorIcon } from './icons';

/**
 * Why sign-in failed, in Vietnamese: the server's title and explanation, and the request id in
 * small print (the same content as the app's ProblemAlert, without the UI library).
 */
export function LoginProblem({ error, formFields }: { error: unknown; formFields: readonly string[] }) {
  if (!error) return null;
  const problem = isApiError(error) ? error.problem : null;
  const title = problem?.title ?? 'Đã xảy ra lỗi không mong muốn';
  const messages = problem ? problemMessages(problem, formFields) : ['Vui lòng tải lại trang và thử lại.'];
  return (
    <div className="login-alert" role="alert" data-testid="problem-alert">
      <ErrorIcon className="login-alert-icon" />
      <div className="login-alert-body">
        <div className="login-alert-title">{title}</div>
        {messages.length === 1 && <div data-testid="problem-detail">{messages[0]}</div>}
        {messages.length > 1 && (
          <ul className="login-alert-list" data-testid="problem-detail">
            {messages.map((message, index) => (
              <li key={index}>{message}</li>
            ))}
          </ul>
        )}
        {problem?.requestId && (
          <small className="login-alert-request">
            Mã yêu cầu (khi cần báo lỗi): <span data-testid="problem-request-id">{problem.requestId}</span>
          </small>
        )}
      </div>
    </div>
  );
}
