import createClient from 'openapi-fetch';
import { ApiError } from './problem';
import type { paths } from './schema';
import type { ErrorCode, TokenResponse } from './models';
import { Session } from '@/lib/auth/session';

type Fetch = (request: Request) => Promise<Response>;

const baseUrl = globalThis.location?.origin ?? '';
// Looked up at call time, so tests can stub the global fetch.
const plainFetch: Fetch = (request) => globalThis.fetch(request);

/**
 * Endpoints that take no access token: sign-in, refresh, sign-out. Same origin, so the browser
 * stores the refresh cookie the server sets and sends it back to `/api/v1/auth`.
 */
export const publicApi = createClient<paths>({ baseUrl, fetch: plainFetch });

/** The header the server requires on the endpoints the refresh cookie authenticates. */
export const CSRF_HEADER = { 'X-Lantoa-Csrf': '1' } as const;

async function problemCode(response: Response): Promise<ErrorCode | undefined> {
  try {
    const body: unknown = await response.clone().json();
    return (body as { code?: ErrorCode }).code;
  } catch {
    return undefined;
  }
}

/**
 * Adds the access token to each request. When the server says the token expired (or no longer
 * verifies), refreshes once (shared with every other request waiting on it) and retries.
 * A revoked session ends the local session; `password_change_required` flags it.
 */
export function createAuthFetch(session: Session, fetchImpl: Fetch = plainFetch): Fetch {
  const send = (request: Request, token: string | null) => {
    const authorized = new Request(request);
    if (token) authorized.headers.set('Authorization', `Bearer ${token}`);
    return fetchImpl(authorized);
  };

  return async (request) => {
    const retry = request.clone();
    const token = await session.getAccessToken();
    const response = await send(request, token);
    if (response.status !== 401 && response.status !== 403) return response;

    const code = await problemCode(response);
    if (code === 'password_change_required') {
      session.requirePasswordChange();
    } else if (code === 'session_revoked') {
      session.end();
    } else if (token && (code === 'token_expired' || code === 'invalid_token')) {
      const fresh = await session.refresh(token);
      if (fresh) return send(retry, fresh);
    }
    return response;
  };
}

/** New tokens for the refresh cookie; `null` when the server refuses it. */
export async function refreshWithCookie(): Promise<TokenResponse | null> {
  const { data, response } = await publicApi.POST('/api/v1/auth/refresh', {
    params: { header: CSRF_HEADER },
  });
  if (data) return data;
  if (response.status >= 500) throw ApiError.fromResponse(response, null);
  return null;
}

export const session = new Session({
  refreshTokens: refreshWithCookie,
  storage: globalThis.localStorage,
  locks: globalThis.navigator?.locks,
});

globalThis.addEventListener?.('storage', (event) => session.onStorageChange(event.key, event.newValue));

/** The typed client for every endpoint that needs the signed-in user. */
export const api = createClient<paths>({ baseUrl, fetch: createAuthFetch(session) });

interface Result<D> {
  data?: D;
  error?: unknown;
  response: Response;
}

/** Resolves to the response body, or throws an {@link ApiError} with the server's problem. */
export async function unwrap<D>(pending: Promise<Result<D>>): Promise<D> {
  let result: Result<D>;
  try {
    result = await pending;
  } catch (error) {
    if (error instanceof DOMException && error.name === 'AbortError') throw error;
    if (error instanceof ApiError) throw error;
    throw ApiError.network();
  }
  if (!result.response.ok) throw ApiError.fromResponse(result.response, result.error);
  return result.data as D;
}

/** The `If-Match` value for a record read at `version` (the server's ETag format). */
export function ifMatch(version: number): string {
  return `"${version}"`;
}
