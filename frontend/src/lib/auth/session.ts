import type { TokenResponse, User } from '@/lib/api/models';

/**
 * Asks the server for new tokens with the refresh cookie (which scripts cannot read: the
 * browser sends it). Resolves `null` when the server refuses (the session is over); throws when
 * the server could not be reached (the session may still be fine, so it is kept).
 */
export type RefreshTokens = () => Promise<TokenResponse | null>;

export type SessionStatus = 'restoring' | 'signedIn' | 'signedOut';

export interface SessionState {
  status: SessionStatus;
  user: User | null;
  mustChangePassword: boolean;
}

interface SessionOptions {
  refreshTokens: RefreshTokens;
  /** Where the tabs of this browser tell each other that the session started or ended. */
  storage: Storage;
  now?: () => number;
  /** Serialises refreshes across browser tabs (the Web Locks API where available). */
  locks?: Pick<LockManager, 'request'>;
}

/**
 * `signedIn` or `signedOut`: no secret, only what the tabs of this browser need to follow each
 * other, and to skip the silent refresh after a sign-out (the server may not have heard of it).
 */
export const SESSION_MARK_KEY = 'lantoa.session';
const LOCK_NAME = 'lantoa.refresh';
/** Refresh this long before the access token expires, so a request never carries a dying token. */
const EXPIRY_MARGIN_MS = 30_000;

/**
 * The signed-in session. The access token lives only in memory; the refresh token lives in an
 * HttpOnly cookie that no script can read, so a reload restores the session with a silent
 * refresh. Refresh tokens are single-use and reusing one revokes the whole session, so every
 * refresh goes through one in-flight promise per tab, and through a lock across tabs (the next
 * tab then sends the cookie the previous refresh left).
 */
export class Session {
  private readonly refreshTokens: RefreshTokens;
  private readonly storage: Storage;
  private readonly now: () => number;
  private readonly locks?: Pick<LockManager, 'request'>;
  private readonly listeners = new Set<() => void>();
  private accessToken: string | null = null;
  private accessExpiresAt = 0;
  private inFlight: Promise<string | null> | null = null;
  private state: SessionState;

  constructor({ refreshTokens, storage, now = Date.now, locks }: SessionOptions) {
    this.refreshTokens = refreshTokens;
    this.storage = storage;
    this.now = now;
    this.locks = locks;
    this.state = {
      status: this.storage.getItem(SESSION_MARK_KEY) === 'signedOut' ? 'signedOut' : 'restoring',
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
    this.mark('signedIn');
    this.setState({ status: 'signedIn', user: tokens.user, mustChangePassword: tokens.mustChangePassword });
  }

  /** Forgets everything here (the caller revokes the session on the server). */
  end(): void {
    this.mark('signedOut');
    this.accessToken = null;
    this.accessExpiresAt = 0;
    if (this.state.status !== 'signedOut' || this.state.user) {
      this.setState({ status: 'signedOut', user: null, mustChangePassword: false });
    }
  }

  /**
   * At start-up: resumes the session with a silent refresh, unless this browser signed out last.
   * Throws when the server cannot be reached; the session then stays `restoring` so it can be
   * tried again.
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
    if (this.state.status === 'signedOut') return null;
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
  onStorageChange(key: string | null, newValue: string | null): void {
    if (key !== SESSION_MARK_KEY && key !== null) return;
    if (newValue === 'signedOut' || key === null) {
      if (this.state.status !== 'signedOut') this.end();
    } else if (newValue === 'signedIn' && this.state.status === 'signedOut') {
      // Another tab signed in: the cookie is this browser's, so this tab can resume too.
      this.setState({ status: 'restoring', user: null, mustChangePassword: false });
      this.refresh().catch(() => this.end());
    }
  }

  private async refreshExclusively(): Promise<string | null> {
    if (!this.locks) return this.exchange();
    return await this.locks.request(LOCK_NAME, () => this.exchange());
  }

  private async exchange(): Promise<string | null> {
    const tokens = await this.refreshTokens();
    if (!tokens) {
      this.end();
      return null;
    }
    this.start(tokens);
    return tokens.accessToken;
  }

  private mark(value: 'signedIn' | 'signedOut'): void {
    if (this.storage.getItem(SESSION_MARK_KEY) !== value) this.storage.setItem(SESSION_MARK_KEY, value);
  }

  private setState(state: SessionState): void {
    this.state = state;
    for (const listener of this.listeners) listener();
  }
}
