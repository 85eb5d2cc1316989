import { describe, expect, it, vi } from 'vitest';
import { createAuthFetch } from '@/lib/api/client';
import type { TokenResponse, User } from '@/lib/api/models';
import { REFRESH_TOKEN_KEY, Session, type ExchangeRefreshToken } from './session';

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
    refreshToken: `refresh-${n}`,
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

/** Token rotation as the server does it: each refresh token is good once. */
function rotatingExchange() {
  let issued = 1;
  const exchange = vi.fn<ExchangeRefreshToken>(async (refreshToken) => {
    await new Promise((resolve) => setTimeout(resolve, 5));
    if (refreshToken !== `refresh-${issued}`) return null;
    issued += 1;
    return tokens(issued);
  });
  return { exchange, current: () => `access-${issued}` };
}

describe('Session and the authenticating fetch', () => {
  it('shares one refresh between concurrent requests and retries each with the new token', async () => {
    const { exchange, current } = rotatingExchange();
    const session = new Session({ exchange, storage: localStorage });
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
    expect(exchange).toHaveBeenCalledTimes(1);
    expect(exchange).toHaveBeenCalledWith('refresh-1');
    expect(localStorage.getItem(REFRESH_TOKEN_KEY)).toBe('refresh-2');
    const retried = server.seen.filter((request) => request.auth === 'Bearer access-2');
    expect(retried).toHaveLength(3);
    expect(retried.map((request) => request.body)).toContain('{"fullName":"Thảo"}');
  });

  it('refreshes before a request when the access token is about to expire', async () => {
    const { exchange, current } = rotatingExchange();
    let now = 1_000_000;
    const session = new Session({ exchange, storage: localStorage, now: () => now });
    session.start(tokens(1));
    const server = fakeServer(current);
    const authFetch = createAuthFetch(session, server.fetchImpl);

    now += 890_000; // 10 s before the 15-minute token expires
    const response = await authFetch(new Request('http://test/api/v1/units'));

    expect(response.status).toBe(200);
    expect(exchange).toHaveBeenCalledTimes(1);
    expect(server.seen).toEqual([{ auth: 'Bearer access-2', body: '' }]);
  });

  it('ends the session when the refresh token is refused', async () => {
    const exchange = vi.fn<ExchangeRefreshToken>(async () => null);
    const session = new Session({ exchange, storage: localStorage });
    session.start(tokens(1));
    const listener = vi.fn();
    session.subscribe(listener);
    const authFetch = createAuthFetch(session, async () => problem(401, 'token_expired'));

    const response = await authFetch(new Request('http://test/api/v1/units'));

    expect(response.status).toBe(401);
    expect(session.getState()).toEqual({ status: 'signedOut', user: null, mustChangePassword: false });
    expect(localStorage.getItem(REFRESH_TOKEN_KEY)).toBeNull();
    expect(listener).toHaveBeenCalled();
  });

  it('ends the session at once when the server says it was revoked', async () => {
    const exchange = vi.fn<ExchangeRefreshToken>();
    const session = new Session({ exchange, storage: localStorage });
    session.start(tokens(1));
    const authFetch = createAuthFetch(session, async () => problem(401, 'session_revoked'));

    await authFetch(new Request('http://test/api/v1/units'));

    expect(exchange).not.toHaveBeenCalled();
    expect(session.getState().status).toBe('signedOut');
  });

  it('keeps the session when the server cannot be reached during a refresh', async () => {
    const exchange = vi.fn<ExchangeRefreshToken>(async () => {
      throw new TypeError('Failed to fetch');
    });
    const session = new Session({ exchange, storage: localStorage });
    session.start(tokens(1));

    await expect(session.refresh()).rejects.toThrow('Failed to fetch');
    expect(session.getState().status).toBe('signedIn');
    expect(localStorage.getItem(REFRESH_TOKEN_KEY)).toBe('refresh-1');
  });

  it('resumes a stored session after a reload', async () => {
    localStorage.setItem(REFRESH_TOKEN_KEY, 'refresh-1');
    const { exchange } = rotatingExchange();
    const session = new Session({ exchange, storage: localStorage });
    expect(session.getState().status).toBe('restoring');

    await session.restore();

    expect(session.getState()).toMatchObject({ status: 'signedIn', user: { username: 'thao.pt' } });
    expect(await session.getAccessToken()).toBe('access-2');
  });

  it('flags a required password change answered by any endpoint', async () => {
    const session = new Session({ exchange: vi.fn(), storage: localStorage });
    session.start(tokens(1));
    const authFetch = createAuthFetch(session, async () => problem(403, 'password_change_required'));

    await authFetch(new Request('http://test/api/v1/units'));

    expect(session.getState().mustChangePassword).toBe(true);
  });
});
