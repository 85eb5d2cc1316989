import type { TokenResponse, User } from '@/lib/api/models';

/**
 * Exchanges a refresh token for new tokens. Resolves `null` when the server refuses the token
 * (the session is over); throws when the server could not be reached (the session may still
 * be fine, so it is kept).
 */
export type ExchangeRefreshToken = (refreshToken: string) => Promise<TokenResponse | null>;

export type SessionStatus = 'restoring' | 'signedIn' | 'signedOut';

export interface SessionState {
  status: SessionStatus;
  user: User | null;
  mustChangePassword: boolean;
}

interface SessionOptions {
  exchange: ExchangeRefreshToken;
  storage: Storage;
  now?: () => number;
  /** Serialises refreshes across browser tabs (the Web Locks API where available). */
  locks?: Pick<LockManager, 'request'>;
}

export const REFRESH_TOKEN_KEY = 'lantoa.refreshToken';
const LOCK_NAME = 'lantoa.refresh';
/** Refresh this long before the access token expires, so a request never carries a dying token. */
const EXPIRY_MARGIN_MS = 30_000;

/**
 * The signed-in session. The access token lives only in memory; the refresh token is kept in
 * storage so a reload keeps the session. Refresh tokens are single-use and reusing one revokes
 * the whole session, so every refresh goes through one in-flight promise per tab, and through
 * a lock across tabs, always reading the newest refresh token from storage.
 */
export class Session {
  private readonly exchange: ExchangeRefreshToken;
  private readonly storage: Storage;
  private readonly now: () => number;
  private readonly locks?: Pick<LockManager, 'request'>;
  private readonly listeners = new Set<() => void>();
  private accessToken: string | null = null;
  private accessExpiresAt = 0;
  private inFlight: Promise<string | null> | null = null;
  private state: SessionState;

  constructor({ exchange, storage, now = Date.now, locks }: SessionOptions) {
    this.exchange = exchange;
    this.storage = storage;
    this.now = now;
    this.locks = locks;
    this.state = {
      status: this.storedRefreshToken() ? 'restoring' : 'signedOut',
      user: null,
      mustChangePassword: false,
    };
  }

  getState = (): SessionState => this.state;

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  /** Starts (or renews) the session with tokens from login, refresh or a password change. */
  start(tokens: TokenResponse): void {
    this.accessToken = tokens.accessToken;
    this.accessExpiresAt = this.now() + tokens.expiresIn * 1000;
    this.storage.setItem(REFRESH_TOKEN_KEY, tokens.refreshToken);
    this.setState({ status: 'signedIn', user: tokens.user, mustChangePassword: tokens.mustChangePassword });
  }

  /** Forgets everything locally. Returns the refresh token, so the caller can revoke it. */
  end(): string | null {
    const refreshToken = this.storedRefreshToken();
    this.storage.removeItem(REFRESH_TOKEN_KEY);
    this.accessToken = null;
    this.accessExpiresAt = 0;
    if (this.state.status !== 'signedOut' || this.state.user) {
      this.setState({ status: 'signedOut', user: null, mustChangePassword: false });
    }
    return refreshToken;
  }

  /**
   * At start-up: resumes the session from the stored refresh token, if any. Throws when the
   * server cannot be reached; the session then stays `restoring` so it can be tried again.
   */
  async restore(): Promise<void> {
    if (this.state.status === 'restoring') await this.refresh();
  }

  updateUser(user: User): void {
    if (this.state.status !== 'signedIn') return;
    this.setState({ ...this.state, user, mustChangePassword: user.mustChangePassword });
  }

  /** The server answered `password_change_required`: the user must change it before anything else. */
  requirePasswordChange(): void {
    if (this.state.status === 'signedIn' && !this.state.mustChangePassword) {
      this.setState({ ...this.state, mustChangePassword: true });
    }
  }

  /** A usable access token, refreshed first when it is missing or about to expire. */
  async getAccessToken(): Promise<string | null> {
    if (this.accessToken && this.accessExpiresAt - this.now() > EXPIRY_MARGIN_MS) {
      return this.accessToken;
    }
    if (!this.storedRefreshToken()) return null;
    return this.refresh();
  }

  /**
   * Gets new tokens. `rejected` is the access token the server just refused: if the session
   * has moved on since (another request refreshed meanwhile), the current token is returned
   * without refreshing again.
   */
  refresh(rejected?: string): Promise<string | null> {
    if (rejected !== undefined && this.accessToken && this.accessToken !== rejected) {
      return Promise.resolve(this.accessToken);
    }
    this.inFlight ??= this.refreshExclusively().finally(() => {
      this.inFlight = null;
    });
    return this.inFlight;
  }

  /** Follows a sign-out or sign-in made in another tab (`storage` events). */
  onStorageChange(key: string | null): void {
    if (key !== REFRESH_TOKEN_KEY && key !== null) return;
    if (!this.storedRefreshToken()) {
      this.end();
    }
  }

  private async refreshExclusively(): Promise<string | null> {
    if (!this.locks) return this.exchangeStored();
    return await this.locks.request(LOCK_NAME, () => this.exchangeStored());
  }

  private async exchangeStored(): Promise<string | null> {
    const refreshToken = this.storedRefreshToken();
    if (!refreshToken) {
      this.end();
      return null;
    }
    const tokens = await this.exchange(refreshToken);
    if (!tokens) {
      this.end();
      return null;
    }
    this.start(tokens);
    return tokens.accessToken;
  }

  private storedRefreshToken(): string | null {
    return this.storage.getItem(REFRESH_TOKEN_KEY);
  }

  private setState(state: SessionState): void {
    this.state = state;
    for (const listener of this.listeners) listener();
  }
}
