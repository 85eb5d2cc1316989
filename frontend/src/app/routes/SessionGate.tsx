import { useCallback, useEffect, useState } from 'react';
import { Outlet, useLocation } from 'react-router';
import { session } from '@/lib/api/client';
import { useSession } from '@/lib/auth/use-session';
import { PATHS } from '@/lib/paths';
import { FullPageSpin, LightNotice } from './LightStatus';

/**
 * Resumes the stored session before any page renders. What was cached for a signed-in person
 * lives in the signed-in part of the app (SignedInShell), which unmounts when the session ends,
 * so the next person to sign in on this browser never sees it.
 *
 * The sign-in page shows at once, without waiting: it is what was asked for, it is usable while
 * the session resumes (signing in waits for that), and it sends a signed-in person on.
 */
export function SessionGate() {
  const { status } = useSession();
  const onLoginPage = useLocation().pathname === PATHS.login;
  const [unreachable, setUnreachable] = useState(false);

  const restore = useCallback(() => {
    session.restore().catch(() => setUnreachable(true));
  }, []);

  useEffect(restore, [restore]);

  if (unreachable) {
    return (
      <LightNotice
        tone="warning"
        title="Không kết nối được máy chủ"
        detail="Kiểm tra kết nối mạng rồi thử lại."
        action="Thử lại"
        onAction={() => {
          setUnreachable(false);
          restore();
        }}
      />
    );
  }
  return status === 'restoring' && !onLoginPage ? <FullPageSpin /> : <Outlet />;
}
