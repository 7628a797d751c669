// A login session: who the user is (as the provider said), when the session and the ID token end,
// and the refresh token when the provider gave one. Validated whenever it is read back.
import { randomBytes } from 'node:crypto';
import { z } from 'zod';

export const SessionSchema = z.object({
  /** Session id: names the session for logout (revocation) and binds the CSRF token. */
  sid: z.string().min(16),
  claims: z.record(z.string(), z.unknown()),
  /** Unix seconds. */
  issuedAt: z.number(),
  expiresAt: z.number(),
  idTokenExpiresAt: z.number(),
  refreshToken: z.string().optional(),
});

export type Session = z.infer<typeof SessionSchema>;

export function newSessionId(): string {
  return randomBytes(18).toString('base64url');
}

export function parseSession(value: unknown): Session | undefined {
  const parsed = SessionSchema.safeParse(value);
  return parsed.success ? parsed.data : undefined;
}
