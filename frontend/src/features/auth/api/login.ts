import { useMutation } from '@tanstack/react-query';
import { publicApi, session, unwrap } from '@/lib/api/client';
import type { components } from '@/lib/api/schema';

type LoginRequest = components['schemas']['LoginRequest'];

export function useLogin() {
  return useMutation({
    mutationFn: (credentials: LoginRequest) =>
      unwrap(publicApi.POST('/api/v1/auth/login', { body: credentials })),
    onSuccess: (tokens) => session.start(tokens),
  });
}
