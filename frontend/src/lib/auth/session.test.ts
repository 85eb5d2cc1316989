import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createAuthFetch, refreshWithCookie } from '@/lib/api/client';
import type { TokenResponse, User } from '@/lib/api/models';
import { SESSION_MARK_KEY, Session, type RefreshTokens } from './session';
import { signOut } from './sign-out';

const user: User = {
  id: 7,
  username: 'thao.pt',
  fullName: 'Phạm Thị Thảo',
  role: 'unit_staff',
  active: true,
  mustChangePassword: false,
  passwordChangedAt: '2026-01-01T00:00:00Z',
  version: 1,
  createdAt: '2026-01-01T00:00:00Z',
  updatedAt: '2026-01-01T00:00:00Z',
};

function tokens(n: number, extra: Partial<TokenResponse> = {}): TokenResponse {
  return {
    accessToken: `access-${n}`,
    tokenType: 'Bearer',
    expiresIn: 900,
    refreshExpiresAt: '2026-12-31T00:00:00Z',
    mustChangePassword: false,
    user,
    ...extra,
  };
}

function problem(status: number, code: string): Response {
  return new Response(JSON.stringify({ type: `urn:lantoa:problem:${code}`, title: 'Lỗi', status, code }), {
    status,
    headers: { 'Content-Type': 'application/problem+json' },
  });
}

/** A server that accepts only `validToken`, and records what each request carried. */
function fakeServer(validToken: () => string) {
  const seen: { auth: string | null; body: string }[] = [];
  const fetchImpl = vi.fn(async (request: Request) => {
    const auth = request.headers.get('Authorization');
    seen.push({ auth, body: await request.text() });
    return auth === `Bearer ${validToken()}` ? Response.json({ ok: true }) : problem(401, 'token_expired');
  });
  return { fetchImpl, seen };
}

/**
 * Token rotation as the server does it, with the browser's cookie jar: each refresh uses up the
 * cookie and sets the next one; two refreshes that both send the same cookie revoke the session.
 */
function rotatingServer() {
  let issued = 1;
  let revoked = false;
  const refreshTokens = vi.fn<RefreshTokens>(async () => {
    const presented = issued;
    await new Promise((resolve) => setTimeout(resolve, 5));
    if (revoked || presented !== issued) {
      revoked = true;
      return null;
    }
    issued += 1;
    return tokens(issued);
  });
  return { refreshTokens, current: () => `access-${issued}` };
}

beforeEach(() => localStorage.clear());
afterEach(() => vi.unstubAllGlobals());

describe('Session and the authenticating fetch', () => {
  it('shares one refresh between concurrent requests and retries each with the new token', async () => {
    const { refreshTokens, current } = rotatingServer();
    const session = new Session({ refreshTokens, storage: localStorage });
    session.start(tokens(1));
    // The server has already expired access-1 (e.g. the clocks differ).
    const server = fakeServer(() => (current() === 'access-1' ? 'none' : current()));
    const authFetch = createAuthFetch(session, server.fetchImpl);

    const responses = await Promise.all([
      authFetch(new Request('http://test/api/v1/units')),
      authFetch(new Request('http://test/api/v1/users')),
      authFetch(new Request('http://test/api/v1/profile', { method: 'PUT', body: '{"fullName":"Thảo"}' })),
    ]);

    expect(responses.map((response) => response.status)).toEqual([200, 200, 200]);
    expect(refreshTokens).toHaveBeenCalledTimes(1);
    const retried = server.seen.filter((request) => request.auth === 'Bearer access-2');
    expect(retried).toHaveLength(3);
    expect(retried.map((request) => request.body)).toContain('{"fullName":"Thảo"}');
  });

  it('keeps no token in storage, only whether this browser is signed in', async () => {
    const session = new Session({ refreshTokens: rotatingServer().refreshTokens, storage: localStorage });
    session.start(tokens(1));
    await session.refresh();

    expect(Object.keys(localStorage)).toEqual([SESSION_MARK_KEY]);
    expect(localStorage.getItem(SESSION_MARK_KEY)).toBe('signedIn');
    expect(JSON.stringify(localStorage)).not.toMatch(/access-|refresh/);
  });

  it('refreshes before a request when the access token is about to expire', async () => {
    const { refreshTokens, current } = rotatingServer();
    let now = 1_000_000;
    const session = new Session({ refreshTokens, storage: localStorage, now: () => now });
    session.start(tokens(1));
    const server = fakeServer(current);
    const authFetch = createAuthFetch(session, server.fetchImpl);

    now += 890_000; // 10 s before the 15-minute token expires
    const response = await authFetch(new Request('http://test/api/v1/units'));

    expect(response.status).toBe(200);
    expect(refreshTokens).toHaveBeenCalledTimes(1);
    expect(server.seen).toEqual([{ auth: 'Bearer access-2', body: '' }]);
  });

  it('ends the session when the refresh cookie is refused', async () => {
    const refreshTokens = vi.fn<RefreshTokens>(async () => null);
    const session = new Session({ refreshTokens, storage: localStorage });
    session.start(tokens(1));
    const listener = vi.fn();
    session.subscribe(listener);
    const authFetch = createAuthFetch(session, async () => problem(401, 'token_expired'));

    const response = await authFetch(new Request('http://test/api/v1/units'));

    expect(response.status).toBe(401);
    expect(session.getState()).toEqual({ status: 'signedOut', user: null, mustChangePassword: false });
    expect(localStorage.getItem(SESSION_MARK_KEY)).toBe('signedOut');
    expect(listener).toHaveBeenCalled();
  });

  it('ends the session at once when the server says it was revoked', async () => {
    const refreshTokens = vi.fn<RefreshTokens>();
    const session = new Session({ refreshTokens, storage: localStorage });
    session.start(tokens(1));
    const authFetch = createAuthFetch(session, async () => problem(401, 'session_revoked'));

    await authFetch(new Request('http://test/api/v1/units'));

    expect(refreshTokens).not.toHaveBeenCalled();
    expect(session.getState().status).toBe('signedOut');
  });

  it('keeps the session when the server cannot be reached during a refresh', async () => {
    const refreshTokens = vi.fn<RefreshTokens>(async () => {
      throw new TypeError('Failed to fetch');
    });
    const session = new Session({ refreshTokens, storage: localStorage });
    session.start(tokens(1));

    await expect(session.refresh()).rejects.toThrow('Failed to fetch');
    expect(session.getState().status).toBe('signedIn');
    expect(localStorage.getItem(SESSION_MARK_KEY)).toBe('signedIn');
  });

  it('restores the session after a reload with a silent refresh', async () => {
    const { refreshTokens } = rotatingServer();
    const session = new Session({ refreshTokens, storage: localStorage });
    expect(session.getState().status).toBe('restoring');

    await session.restore();

    expect(refreshTokens).toHaveBeenCalledTimes(1);
    expect(session.getState()).toMatchObject({ status: 'signedIn', user: { username: 'thao.pt' } });
    expect(await session.getAccessToken()).toBe('access-2');
  });

  it('does not try to resume after this browser signed out', async () => {
    const refreshTokens = vi.fn<RefreshTokens>();
    const first = new Session({ refreshTokens, storage: localStorage });
    first.start(tokens(1));
    first.end();

    const reloaded = new Session({ refreshTokens, storage: localStorage });
    await reloaded.restore();

    expect(reloaded.getState().status).toBe('signedOut');
    expect(await reloaded.getAccessToken()).toBeNull();
    expect(refreshTokens).not.toHaveBeenCalled();
  });

  it('follows a sign-out and a sign-in in another tab', async () => {
    const { refreshTokens } = rotatingServer();
    const session = new Session({ refreshTokens, storage: localStorage });
    session.start(tokens(1));

    session.onStorageChange(SESSION_MARK_KEY, 'signedOut');
    expect(session.getState().status).toBe('signedOut');

    session.onStorageChange(SESSION_MARK_KEY, 'signedIn');
    expect(session.getState().status).toBe('restoring');
    await vi.waitFor(() => expect(session.getState().status).toBe('signedIn'));
    expect(refreshTokens).toHaveBeenCalledTimes(1);
  });

  it('flags a required password change answered by any endpoint', async () => {
    const session = new Session({ refreshTokens: vi.fn(), storage: localStorage });
    session.start(tokens(1));
    const authFetch = createAuthFetch(session, async () => problem(403, 'password_change_required'));

    await authFetch(new Request('http://test/api/v1/units'));

    expect(session.getState().mustChangePassword).toBe(true);
  });
});

describe('Refresh and sign-out requests', () => {
  it('refresh sends the CSRF header and no body; the browser adds the cookie', async () => {
    const requests: Request[] = [];
    vi.stubGlobal(
      'fetch',
      vi.fn(async (request: Request) => {
        requests.push(request);
        return Response.json(tokens(2));
      }),
    );

    await expect(refreshWithCookie()).resolves.toMatchObject({ accessToken: 'access-2' });

    const [request] = requests;
    expect(new URL(request.url).pathname).toBe('/api/v1/auth/refresh');
    expect(request.method).toBe('POST');
    expect(request.headers.get('X-Lantoa-Csrf')).toBe('1');
    expect(request.credentials).toBe('same-origin');
    expect(await request.text()).toBe('');
  });

  it('a refused refresh resolves null; a server error throws', async () => {
    vi.stubGlobal(
      'fetch',
      vi.fn(async () => problem(401, 'invalid_refresh_token')),
    );
    await expect(refreshWithCookie()).resolves.toBeNull();
    vi.stubGlobal(
      'fetch',
      vi.fn(async () => problem(503, 'service_unavailable')),
    );
    await expect(refreshWithCookie()).rejects.toThrow();
  });

  it('signing out ends the session here and revokes it on the server', async () => {
    const requests: Request[] = [];
    vi.stubGlobal(
      'fetch',
      vi.fn(async (request: Request) => {
        requests.push(request);
        return new Response(null, { status: 204 });
      }),
    );

    await signOut();

    expect(localStorage.getItem(SESSION_MARK_KEY)).toBe('signedOut');
    expect(requests.map((request) => new URL(request.url).pathname)).toEqual(['/api/v1/auth/logout']);
    expect(requests[0].headers.get('X-Lantoa-Csrf')).toBe('1');
  });
});
