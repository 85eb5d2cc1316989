import { Navigate, Outlet, useLocation } from 'react-router';
import { useSession } from '@/lib/auth/use-session';
import { PATHS } from '@/lib/paths';

/** Where the sign-in page sends the user back to. */
interface LoginLocationState {
  from?: string;
}

/**
 * Lets only signed-in people through. Someone holding a temporary password is kept on the
 * change-password page until they have changed it (the server refuses everything else anyway).
 */
export function RequireSignedIn() {
  const { status } = useSession();
  const location = useLocation();
  if (status !== 'signedIn') {
    const state: LoginLocationState = { from: location.pathname + location.search + location.hash };
    return <Navigate to={PATHS.login} replace state={state} />;
  }
  return <Outlet />;
}

/**
 * Keeps someone holding a temporary password on the change-password page until they have changed
 * it (the server refuses everything else anyway). Inside the signed-in part, so that its providers
 * (and a confirmation they show) stay mounted on the way from that page to the home page.
 */
export function RequirePasswordChanged() {
  const { mustChangePassword } = useSession();
  const location = useLocation();
  const onChangePage = location.pathname === PATHS.changePassword;
  if (mustChangePassword && !onChangePage) return <Navigate to={PATHS.changePassword} replace />;
  if (!mustChangePassword && onChangePage) return <Navigate to={PATHS.home} replace />;
  return <Outlet />;
}
