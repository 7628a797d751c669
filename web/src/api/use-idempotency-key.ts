// One Idempotency-Key per intended change: every send of one dialog submission (a double click, a
// resend) carries the same key, so the server makes the change once; after an answer that did not
// end the dialog (a refusal to fix and send again) the next submission gets a new key.
import { useRef } from 'react';

/** 128 random bits; crypto.getRandomValues works on plain http too, where randomUUID does not. */
export function newIdempotencyKey(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}

export function useIdempotencyKey(): { key: () => string; renew: () => void } {
  const current = useRef<string | null>(null);
  return {
    key: () => (current.current ??= newIdempotencyKey()),
    renew: () => {
      current.current = newIdempotencyKey();
    },
  };
}
