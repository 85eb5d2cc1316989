import { useQueryClient } from '@tanstack/react-query';
import { Button, Result } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { Outlet } from 'react-router';
import { session } from '@/lib/api/client';
import { useSession } from '@/lib/auth/use-session';
import { FullPageSpin } from './StatusPages';

/**
 * Resumes the stored session before any page renders, and forgets every cached answer when
 * the session ends, so the next person to sign in on this browser never sees them.
 */
export function SessionGate() {
  const { status } = useSession();
  const queryClient = useQueryClient();
  const [unreachable, setUnreachable] = useState(false);

  useEffect(() => {
    if (status === 'signedOut') queryClient.clear();
  }, [status, queryClient]);

  const restore = useCallback(() => {
    session.restore().catch(() => setUnreachable(true));
  }, []);

  useEffect(restore, [restore]);

  if (unreachable) {
    return (
      <Result
        status="warning"
        title="Không kết nối được máy chủ"
        subTitle="Kiểm tra kết nối mạng rồi thử lại."
        extra={
          <Button
            type="primary"
            onClick={() => {
              setUnreachable(false);
              restore();
            }}
          >
            Thử lại
          </Button>
        }
      />
    );
  }
  return status === 'restoring' ? <FullPageSpin /> : <Outlet />;
}
