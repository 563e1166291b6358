import type { SessionPayloadFragment, SessionUserFragment } from '../generated/graphql.js';

/** What a sign-in, sign-up or refresh returns. */
export type SessionPayload = Pick<SessionPayloadFragment, 'accessToken' | 'accessTokenExpiresAt' | 'user'>;

/**
 * Renews the session from the refresh cookie. Resolves to null when the server refuses (no
 * session, expired, revoked); rejects only when the server could not be asked (network, 5xx).
 */
export type Refresher = () => Promise<SessionPayload | null>;

export type SessionEvent =
  | { type: 'signed-in'; user: SessionUserFragment }
  /** A session this tab held ended without the user signing out here (revoked, expired, reused). */
  | { type: 'ended' }
  /** The user signed out in this tab (the caller clears the cache). */
  | { type: 'signed-out' };

export interface AuthSessionOptions {
  refresher: Refresher;
  /** Renew this long before the access token expires. */
  renewBeforeMs?: number;
  now?: () => number;
}

const DEFAULT_RENEW_BEFORE_MS = 60_000;

/**
 * Holds the access token in memory only (never in Web Storage): the refresh cookie is httpOnly,
 * so a reload or a new tab starts without a token and gets one from `start()`. Renews the token
 * shortly before it expires, and on demand after the server refused it. Refreshes are
 * single-flight; a sign-in or sign-out while one is in flight wins over its late result.
 */
export class AuthSession {
  private token: string | null = null;
  private expiresAt = 0;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private inFlight: Promise<string | null> | null = null;
  private started: Promise<unknown> | null = null;
  /** Bumped on every sign-in/sign-out so an older refresh cannot overwrite a newer state. */
  private epoch = 0;
  private readonly listeners = new Set<(event: SessionEvent) => void>();
  private readonly refresher: Refresher;
  private readonly renewBeforeMs: number;
  private readonly now: () => number;

  constructor(options: AuthSessionOptions) {
    this.refresher = options.refresher;
    this.renewBeforeMs = options.renewBeforeMs ?? DEFAULT_RENEW_BEFORE_MS;
    this.now = options.now ?? Date.now;
  }

  /** Restores the session from the refresh cookie, once; later calls return the same promise. */
  start(): Promise<unknown> {
    this.started ??= this.refresh();
    return this.started;
  }

  get hasToken(): boolean {
    return this.token !== null;
  }

  /**
   * The token to send now: waits for the start-up refresh, and renews a token that is about to
   * expire (a tab that slept through its timer). Null for guests.
   */
  async accessToken(): Promise<string | null> {
    await this.start();
    if (this.token && this.expiresAt - this.now() < this.renewBeforeMs / 2) return this.refresh();
    return this.token;
  }

  /** Renews the access token from the cookie; concurrent callers share one request. */
  refresh(): Promise<string | null> {
    if (this.inFlight) return this.inFlight;
    const epoch = this.epoch;
    const hadToken = this.token !== null;
    const attempt = this.refresher().then(
      (payload) => {
        if (epoch !== this.epoch) return this.token;
        if (payload) {
          this.apply(payload);
          return this.token;
        }
        this.reset();
        if (hadToken) this.emit({ type: 'ended' });
        return null;
      },
      // The server could not be asked: keep what we have; the next request tries again.
      () => this.token,
    );
    this.inFlight = attempt.finally(() => {
      this.inFlight = null;
    });
    return this.inFlight;
  }

  /**
   * The server refused `rejected`: returns a newer token if another request already renewed it,
   * otherwise refreshes. Null when the session cannot be renewed.
   */
  renewAfterRejection(rejected: string): Promise<string | null> {
    if (this.token && this.token !== rejected && !this.inFlight) return Promise.resolve(this.token);
    return this.refresh();
  }

  /** Adopts the session returned by sign-in or sign-up. */
  signIn(payload: SessionPayload): void {
    this.epoch++;
    this.started ??= Promise.resolve();
    this.apply(payload);
  }

  /** Forgets the token (the caller also asks the server to revoke the refresh cookie). */
  signOut(): void {
    this.epoch++;
    this.started ??= Promise.resolve();
    const hadToken = this.token !== null;
    this.reset();
    if (hadToken) this.emit({ type: 'signed-out' });
  }

  subscribe(listener: (event: SessionEvent) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private apply(payload: SessionPayload): void {
    this.token = payload.accessToken;
    this.expiresAt = Date.parse(payload.accessTokenExpiresAt);
    this.schedule();
    this.emit({ type: 'signed-in', user: payload.user });
  }

  private reset(): void {
    this.token = null;
    this.expiresAt = 0;
    clearTimeout(this.timer);
    this.timer = undefined;
  }

  private schedule(): void {
    clearTimeout(this.timer);
    const delay = Math.max(this.expiresAt - this.now() - this.renewBeforeMs, 5_000);
    this.timer = setTimeout(() => void this.refresh(), delay);
  }

  private emit(event: SessionEvent): void {
    for (const listener of this.listeners) listener(event);
  }
}
