// Every long-lived stream to a user (a live list, a followed log) is registered here. Before it opens
// it is counted against a cap per user and one in all, so one user cannot hold every connection
// (past a cap: 429 TOO_MANY_STREAMS, never a hang). While it is open it is checked every period
// (the authorization period: as long as an access decision is reused) and ended when the session
// that opened it no longer would be let in — logged out or revoked on any replica, expired, or its
// ID token expired (the browser reconnects, which refreshes the groups at the provider) — or when
// its own recheck says the user lost what it shows. A session is only checked when a request
// arrives; a stream is one request that never ends, so without this it outlived its access.
import type { Session } from '../auth/session.ts';
import { HttpError } from '../http/errors.ts';

export type StreamEndReason =
  | 'signed-out'
  | 'session-expired'
  | 'token-expired'
  | 'access-lost'
  /** ArgoVue is stopping (a restart, a rollout): the client reconnects to a replica that runs. */
  | 'server-stopping';

export interface StreamRegistration {
  /** Whose stream (the Kubernetes user name): the cap per user counts by it. */
  user: string;
  session: Pick<Session, 'sid' | 'expiresAt' | 'idTokenExpiresAt'>;
  /** Connections it holds (an interleaved followed log holds one per pod it follows at once). */
  slots: number;
  /**
   * Asked every period: may the stream go on? false ends it ('access-lost'). A failure (the
   * apiserver is away) keeps it open and asks again next period.
   */
  recheck?: () => Promise<boolean>;
  /** Ends the stream, saying why; called at most once, and never after `release`. */
  end: (reason: StreamEndReason) => void;
}

export interface StreamHandle {
  /** The stream is over: its slots are free again. Safe to call more than once. */
  release(): void;
}

export interface StreamLimits {
  perUser: number;
  total: number;
}

/** The sessions ended before their time (revocation-store.ts). */
export interface RevokedSessions {
  isRevoked(sid: string, expiresAt: number): boolean;
}

interface Entry {
  registration: StreamRegistration;
  checking: boolean;
  done: boolean;
}

export class OpenStreams {
  readonly limits: StreamLimits;
  readonly #revoked: RevokedSessions;
  readonly #byUser = new Map<string, number>();
  readonly #entries = new Set<Entry>();
  readonly #timer: NodeJS.Timeout | undefined;
  #total = 0;

  constructor(limits: StreamLimits, revoked: RevokedSessions, periodMs: number) {
    this.limits = limits;
    this.#revoked = revoked;
    if (periodMs > 0) {
      this.#timer = setInterval(() => this.check(), periodMs);
      this.#timer.unref();
    }
  }

  /** Streams (slots) open in all, and of one user. */
  get total(): number {
    return this.#total;
  }

  openOf(user: string): number {
    return this.#byUser.get(user) ?? 0;
  }

  /** Registers a stream, or throws 429 TOO_MANY_STREAMS (its slots are taken all or none). */
  open(registration: StreamRegistration): StreamHandle {
    const { user, slots } = registration;
    const mine = this.openOf(user);
    if (mine + slots > this.limits.perUser) {
      throw new HttpError(
        429,
        'TOO_MANY_STREAMS',
        `You have ${mine} live streams open (live lists and followed logs${slots > 1 ? `; this one needs ${slots}` : ''}); at most ${this.limits.perUser} are allowed.`,
        'Close live views you do not need (other tabs, followed logs), or read the log without follow.',
      );
    }
    if (this.#total + slots > this.limits.total) {
      throw new HttpError(
        429,
        'TOO_MANY_STREAMS',
        'ArgoVue holds as many live streams as it allows for all users together.',
        'Try again in a minute, or read the log without follow.',
      );
    }
    this.#byUser.set(user, mine + slots);
    this.#total += slots;
    const entry: Entry = { registration, checking: false, done: false };
    this.#entries.add(entry);
    return { release: () => this.#release(entry) };
  }

  /** Ends the streams the session no longer allows; starts their rechecks. Runs every period. */
  check(now = Date.now()): void {
    for (const entry of [...this.#entries]) {
      const reason = this.#sessionEnded(entry.registration.session, now / 1000);
      if (reason !== undefined) {
        this.#end(entry, reason);
        continue;
      }
      const { recheck } = entry.registration;
      if (recheck === undefined || entry.checking) continue;
      entry.checking = true;
      recheck().then(
        (allowed) => {
          entry.checking = false;
          if (!allowed) this.#end(entry, 'access-lost');
        },
        () => {
          entry.checking = false;
        },
      );
    }
  }

  /** Ends every stream of a session now (its logout on this replica). */
  endSession(sid: string, reason: StreamEndReason = 'signed-out'): void {
    for (const entry of [...this.#entries])
      if (entry.registration.session.sid === sid) this.#end(entry, reason);
  }

  /** Ends every stream ('server-stopping'): the server cannot close while a stream holds its connection. */
  stop(): void {
    if (this.#timer !== undefined) clearInterval(this.#timer);
    for (const entry of [...this.#entries]) this.#end(entry, 'server-stopping');
  }

  #sessionEnded(session: StreamRegistration['session'], nowSeconds: number): StreamEndReason | undefined {
    if (this.#revoked.isRevoked(session.sid, session.expiresAt)) return 'signed-out';
    if (session.expiresAt <= nowSeconds) return 'session-expired';
    if (session.idTokenExpiresAt <= nowSeconds) return 'token-expired';
    return undefined;
  }

  #end(entry: Entry, reason: StreamEndReason): void {
    if (entry.done) return;
    // Released first: whatever `end` does, the slots are free and it is never called twice.
    this.#release(entry);
    entry.registration.end(reason);
  }

  #release(entry: Entry): void {
    if (entry.done) return;
    entry.done = true;
    this.#entries.delete(entry);
    const { user, slots } = entry.registration;
    const left = this.openOf(user) - slots;
    if (left > 0) this.#byUser.set(user, left);
    else this.#byUser.delete(user);
    this.#total -= slots;
  }
}

/** What the browser is told when a stream ends for a reason of its access. */
export function endMessage(reason: StreamEndReason): string {
  switch (reason) {
    case 'signed-out':
      return 'you signed out, or your session was ended';
    case 'session-expired':
      return 'your session expired; sign in again';
    case 'token-expired':
      return 'your sign-in needs renewing; open the stream again';
    case 'access-lost':
      return 'you no longer have access to this';
    case 'server-stopping':
      return 'ArgoVue is restarting; open it again in a moment';
  }
}
