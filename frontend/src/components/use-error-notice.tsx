import { App } from 'antd';
import { useCallback } from 'react';
import { isApiError } from '@/lib/api/problem';
import { ProblemText } from './ProblemAlert';

/** Reports a failed action (outside a form) as a notification with the server's explanation. */
export function useErrorNotice(): (error: unknown) => void {
  const { notification } = App.useApp();
  return useCallback(
    (error: unknown) => {
      if (!isApiError(error)) {
        notification.error({ title: 'Đã xảy ra lỗi không mong muốn', description: 'Vui lòng thử lại.' });
        return;
      }
      const { problem } = error;
      notification.error({
        title: problem.title,
        description: (
          <div data-testid="error-notice">
            <ProblemText problem={problem} />
          </div>
        ),
        duration: 8,
      });
    },
    [notification],
  );
}
