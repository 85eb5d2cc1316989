import { publicApi, session } from '@/lib/api/client';

/** Ends the session here at once, then revokes it on the server (best effort). */
export async function signOut(): Promise<void> {
  const refreshToken = session.end();
  if (!refreshToken) return;
  try {
    await publicApi.POST('/api/v1/auth/logout', { body: { refreshToken } });
  } catch {
    // Offline: the refresh token is gone from this browser and expires on its own.
  }
}
