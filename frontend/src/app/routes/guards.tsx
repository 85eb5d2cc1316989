import { Navigate, Outlet, useLocation } from 'react-router';
import type { Role } from '@/lib/api/models';
import { useCurrentUser, useSession } from '@/lib/auth/use-session';
import { PATHS } from '@/lib/navigation';
import { Forbidden } from './StatusPages';

/** Where the sign-in page sends the user back to. */
interface LoginLocationState {
  from?: string;
}

/**
 * Lets only signed-in people through. Someone holding a temporary password is kept on the
 * change-password page until they have changed it (the server refuses everything else anyway).
 */
export function RequireSignedIn() {
  const { status, mustChangePassword } = useSession();
  const location = useLocation();
  if (status !== 'signedIn') {
    const state: LoginLocationState = { from: location.pathname + location.search };
    return <Navigate to={PATHS.login} replace state={state} />;
  }
  const onChangePage = location.pathname === PATHS.changePassword;
  if (mustChangePassword && !onChangePage) return <Navigate to={PATHS.changePassword} replace />;
  if (!mustChangePassword && onChangePage) return <Navigate to={PATHS.home} replace />;
  return <Outlet />;
}

export function RequireRole({ roles }: { roles: readonly Role[] }) {
  const user = useCurrentUser();
  return roles.includes(user.role) ? <Outlet /> : <Forbidden />;
}
