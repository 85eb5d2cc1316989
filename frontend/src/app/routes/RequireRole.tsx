import { Outlet } from 'react-router';
import type { Role } from '@/lib/api/models';
import { useCurrentUser } from '@/lib/auth/use-session';
import { Forbidden } from './StatusPages';

export function RequireRole({ roles }: { roles: readonly Role[] }) {
  const user = useCurrentUser();
  return roles.includes(user.role) ? <Outlet /> : <Forbidden />;
}
