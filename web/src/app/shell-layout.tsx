import { Outlet, useLocation } from 'react-router';
import { useSession, useSignOut } from '../api/session.tsx';
import { useServerInfo } from '../api/use-server-info.ts';
import { AppShell } from '../components/app-shell.tsx';
import { ClusterStatus } from '../components/cluster-status.tsx';
import { UserMenu } from '../components/user-menu.tsx';

/** The shell around every page but login, with what it shows: the cluster's state and the user. */
export function ShellLayout() {
  const session = useSession();
  const info = useServerInfo();
  const { signOut, pending, error } = useSignOut();
  const { pathname } = useLocation();
  const userMenu =
    session.state === 'signed-in' ? (
      <UserMenu
        displayName={session.me.name ?? session.me.username}
        username={session.me.username}
        onSignOut={signOut}
        signingOut={pending}
        signOutError={error?.body ?? null}
      />
    ) : undefined;
  return (
    <AppShell clusterStatus={<ClusterStatus info={info} />} userMenu={userMenu} pageKey={pathname}>
      <Outlet />
    </AppShell>
  );
}
