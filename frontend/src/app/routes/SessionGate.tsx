import { Button, Result } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { Outlet } from 'react-router';
import { session } from '@/lib/api/client';
import { useSession } from '@/lib/auth/use-session';
import { FullPageSpin } from './StatusPages';

/** Resumes the stored session before any page renders. */
export function SessionGate() {
  const { status } = useSession();
  const [unreachable, setUnreachable] = useState(false);

  const restore = useCallback(() => {
    setUnreachable(false);
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
          <Button type="primary" onClick={restore}>
            Thử lại
          </Button>
        }
      />
    );
  }
  return status === 'restoring' ? <FullPageSpin /> : <Outlet />;
}
