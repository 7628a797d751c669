import { Navigate, Outlet, useLocation } from 'react-router';
import { useSession } from '../api/session.tsx';
import { ErrorPanel } from '../components/error-panel.tsx';
import { LoadingState } from '../components/loading-state.tsx';
import { loginPageUrl } from '../lib/return-to.ts';

/** Pages below need a session: without one, go to the login page and come back here afterwards. */
export function RequireSession() {
  const session = useSession();
  const location = useLocation();
  switch (session.state) {
    case 'loading':
      return <LoadingState label="Checking your session…" />;
    case 'signed-out':
      return <Navigate to={loginPageUrl(`${location.pathname}${location.search}${location.hash}`)} replace />;
    case 'failed':
      return (
        <ErrorPanel
          title="ArgoVue could not check your session"
          error={session.error.body}
          onRetry={session.retry}
        />
      );
    case 'signed-in':
      return <Outlet />;
  }
}
