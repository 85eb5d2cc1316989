import { useSyncExternalStore } from 'react';
import { session } from '@/lib/api/client';
import type { User } from '@/lib/api/models';
import type { SessionState } from './session';

export function useSession(): SessionState {
  return useSyncExternalStore(session.subscribe, session.getState);
}

/** The signed-in user; only for components rendered behind the sign-in guard. */
export function useCurrentUser(): User {
  const { user } = useSession();
  if (!user) throw new Error('useCurrentUser() used outside a signed-in route');
  return user;
}
