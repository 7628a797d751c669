// A double-clicked submit, retry or resubmit must make one workflow. The web app names each intended
// change with an `Idempotency-Key` (one per dialog submission); the same user sending the same key
// again within `rememberMs` gets the first answer — waiting for it while it is still being made — and
// nothing is done twice. An answer the server could not give (a 5xx, the cluster away) is forgotten,
// so the same key may try again. Kept in this replica's memory: a double click reaches one replica
// when the load balancer keeps a browser's connection (HTTP keep-alive), as browsers do.
import { createHash } from 'node:crypto';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { HttpError } from './errors.ts';

export const idempotencyKeyHeader = 'idempotency-key';
// Printable, no spaces: a UUID, a ULID or any token a client makes; long enough for any of them.
const keyPattern = /^[A-Za-z0-9._:-]{8,128}$/;

type Outcome = { ok: true; value: unknown } | { ok: false; error: HttpError };

interface Entry {
  fingerprint: string;
  at: number;
  outcome: Promise<Outcome>;
}

export interface IdempotencyLimits {
  rememberMs: number;
  maxKeysPerUser: number;
  maxUsers: number;
}

const defaults: IdempotencyLimits = { rememberMs: 10 * 60_000, maxKeysPerUser: 100, maxUsers: 10_000 };

export class IdempotencyKeys {
  readonly #limits: IdempotencyLimits;
  readonly #byUser = new Map<string, Map<string, Entry>>();

  constructor(limits: Partial<IdempotencyLimits> = {}) {
    this.#limits = { ...defaults, ...limits };
  }

  /**
   * Runs `work` once per (user, key): a repeat gets the first outcome; the same key for a different
   * request (another path or body) is refused, since it cannot be the same intended change.
   */
  async run<T>(
    user: string,
    key: string,
    fingerprint: string,
    work: () => Promise<T>,
  ): Promise<{ value: T; replayed: boolean }> {
    const now = Date.now();
    const keys = this.#keysOf(user, now);
    const known = keys.get(key);
    if (known !== undefined) {
      if (known.fingerprint !== fingerprint) {
        throw new HttpError(
          422,
          'INPUT_INVALID',
          'This Idempotency-Key was already used for another request.',
          'Send a new key for each change you mean to make.',
        );
      }
      const outcome = await known.outcome;
      if (!outcome.ok) throw outcome.error;
      return { value: outcome.value as T, replayed: true };
    }
    const outcome = work().then(
      (value): Outcome => ({ ok: true, value }),
      (error: unknown): Outcome | Promise<never> => {
        // A refusal (4xx) is the answer to this change; anything else may go better next time.
        if (error instanceof HttpError && error.status < 500) return { ok: false, error };
        keys.delete(key);
        return Promise.reject(error instanceof Error ? error : new Error(String(error)));
      },
    );
    keys.set(key, { fingerprint, at: now, outcome });
    const result = await outcome;
    if (!result.ok) throw result.error;
    return { value: result.value as T, replayed: false };
  }

  #keysOf(user: string, now: number): Map<string, Entry> {
    let keys = this.#byUser.get(user);
    if (keys === undefined) {
      if (this.#byUser.size >= this.#limits.maxUsers) this.#forgetExpired(now);
      // Still full: the oldest user's keys go (Maps keep insertion order).
      if (this.#byUser.size >= this.#limits.maxUsers) {
        const oldest = this.#byUser.keys().next();
        if (oldest.done !== true) this.#byUser.delete(oldest.value);
      }
      keys = new Map();
      this.#byUser.set(user, keys);
    }
    for (const [key, entry] of keys) {
      if (now - entry.at <= this.#limits.rememberMs && keys.size < this.#limits.maxKeysPerUser) break;
      keys.delete(key); // expired, or the oldest of a user at the cap
    }
    return keys;
  }

  #forgetExpired(now: number): void {
    for (const [user, keys] of this.#byUser) {
      for (const [key, entry] of keys) if (now - entry.at > this.#limits.rememberMs) keys.delete(key);
      if (keys.size === 0) this.#byUser.delete(user);
    }
  }
}

/**
 * The route's answer made at most once per Idempotency-Key of this user; without the header, made
 * as usual. A repeat is marked `Idempotent-Replayed: true`.
 */
export async function idempotent<T>(
  keys: IdempotencyKeys,
  request: FastifyRequest,
  reply: FastifyReply,
  user: string,
  work: () => Promise<T>,
): Promise<T> {
  const header = request.headers[idempotencyKeyHeader];
  if (header === undefined) return work();
  if (typeof header !== 'string' || !keyPattern.test(header)) {
    throw new HttpError(
      400,
      'INPUT_INVALID',
      'The Idempotency-Key header is not a key.',
      'Send 8 to 128 letters, digits, dots, dashes, colons or underscores, e.g. a UUID.',
    );
  }
  const fingerprint = createHash('sha256')
    .update(`${request.method} ${request.url}\n${JSON.stringify(request.body ?? null)}`)
    .digest('base64url');
  const { value, replayed } = await keys.run(user, header, fingerprint, work);
  if (replayed) reply.header('Idempotent-Replayed', 'true');
  return value;
}
