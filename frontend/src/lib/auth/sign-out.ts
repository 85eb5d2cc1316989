import { CSRF_HEADER, publicApi, session } from '@/lib/api/client';

/** Ends the session here at once, then revokes it on the server and drops its cookie (best effort). */
export async function signOut(): Promise<void> {
  session.end();
  try {
    await publicApi.POST('/api/v1/auth/logout', { params: { header: CSRF_HEADER } });
  } catch {
    // Offline: this browser no longer resumes the session (it is marked signed out), and the
    // session expires on the server on its own.
  }
}
