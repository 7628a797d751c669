// The logged-in user, fetched once for the whole app (one cache entry), and signing out.
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { createContext, type ReactNode, useCallback, useContext, useEffect, useState } from 'react';
import type { Me } from '@argovue/api-types';
import { parseApiTime } from '../lib/relative-time.ts';
import { safeLogoutRedirect } from '../lib/return-to.ts';
import { type ApiCallError, fetchSession, logout, onSessionEnded } from './client.ts';
import { asApiCallError, loadableOf } from './loadable.ts';
import { queryKeys } from './query-client.ts';

export type Session =
  | { state: 'loading' }
  | { state: 'signed-in'; me: Me }
  | { state: 'signed-out' }
  | { state: 'failed'; error: ApiCallError; retry: () => void };

const SessionContext = createContext<Session>({ state: 'loading' });

// setTimeout cannot wait longer than this (about 24 days).
const MAX_TIMEOUT_MS = 2 ** 31 - 1;

export function SessionProvider({ children }: { children: ReactNode }) {
  const queryClient = useQueryClient();
  const query = useQuery({ queryKey: queryKeys.session, queryFn: ({ signal }) => fetchSession(signal) });
  const { refetch } = query;
  const retry = useCallback(() => {
    refetch().catch(reportError);
  }, [refetch]);
  const loaded = loadableOf(query);
  const session: Session =
    loaded.state === 'loading'
      ? loaded
      : loaded.state === 'ready'
        ? loaded.value === null
          ? { state: 'signed-out' }
          : { state: 'signed-in', me: loaded.value }
        : loaded.error.body.status === 401
          ? { state: 'signed-out' }
          : { state: 'failed', error: loaded.error, retry };

  // Any 401, from any call, means the session ended.
  useEffect(
    () => onSessionEnded(() => queryClient.setQueryData<Me | null>(queryKeys.session, null)),
    [queryClient],
  );

  // When the session's end comes, ask the server again rather than wait for the next click to fail.
  const expiresAt = session.state === 'signed-in' ? session.me.sessionExpiresAt : null;
  useEffect(() => {
    const end = expiresAt === null ? null : parseApiTime(expiresAt);
    if (end === null) return;
    const wait = end.getTime() - Date.now() + 1000;
    if (wait > MAX_TIMEOUT_MS) return;
    const timer = setTimeout(retry, Math.max(wait, 0));
    return () => clearTimeout(timer);
  }, [expiresAt, retry]);

  return <SessionContext value={session}>{children}</SessionContext>;
}

export function useSession(): Session {
  return useContext(SessionContext);
}

/** The logged-in user, for pages that only render inside the session guard. */
export function useMe(): Me {
  const session = useSession();
  if (session.state !== 'signed-in') throw new Error('useMe() used outside a signed-in page');
  return session.me;
}

export interface SignOut {
  signOut: () => void;
  pending: boolean;
  error: ApiCallError | null;
}

/** Ends the session on the server, then follows the server to its next page (maybe the provider's). */
export function useSignOut(): SignOut {
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<ApiCallError | null>(null);
  const signOut = useCallback(() => {
    setPending(true);
    setError(null);
    logout().then(
      ({ redirectTo }) => {
        window.location.href = safeLogoutRedirect(redirectTo, window.location.origin);
      },
      (failure: unknown) => {
        setPending(false);
        setError(asApiCallError(failure));
      },
    );
  }, []);
  return { signOut, pending, error };
}
