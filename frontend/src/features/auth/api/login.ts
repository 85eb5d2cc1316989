import { useCallback, useState } from 'react';
import { publicApi, session, unwrap } from '@/lib/api/client';
import type { components } from '@/lib/api/schema';

type LoginRequest = components['schemas']['LoginRequest'];

interface LoginState {
  isPending: boolean;
  /** The last attempt's failure (an ApiError with the server's problem), until the next attempt. */
  error: unknown;
}

/**
 * Signs in and starts the session. Plain React state rather than the query library: the sign-in
 * page is the first thing most people load, so it carries as little code as possible.
 */
export function useLogin() {
  const [state, setState] = useState<LoginState>({ isPending: false, error: null });
  const login = useCallback(async (credentials: LoginRequest): Promise<unknown> => {
    setState({ isPending: true, error: null });
    try {
      // The form shows while the stored session resumes: let that finish first, so that the
      // two never race (when it resumes, the page moves on and there is nothing to sign in to).
      await session.restore().catch(() => undefined);
      if (session.getState().status === 'signedIn') {
        setState({ isPending: false, error: null });
        return null;
      }
      const tokens = await unwrap(publicApi.POST('/api/v1/auth/login', { body: credentials }));
      setState({ isPending: false, error: null });
      session.start(tokens);
      return null;
    } catch (error) {
      setState({ isPending: false, error });
      return error;
    }
  }, []);
  return { ...state, login };
}
