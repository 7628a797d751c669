import { type ReactNode, useEffect, useRef } from 'react';
import { Link, NavLink } from 'react-router';

interface AppShellProps {
  clusterStatus: ReactNode;
  /** The user menu; absent until we know who is logged in. */
  userMenu?: ReactNode;
  /** Changes on every navigation, so focus can move to the new page for keyboard and screen reader users. */
  pageKey: string;
  children: ReactNode;
}

/** The frame of every signed-in page: skip link, top bar with brand, navigation, cluster status, user menu. */
export function AppShell({ clusterStatus, userMenu, pageKey, children }: AppShellProps) {
  const main = useRef<HTMLElement>(null);
  const firstPage = useRef(true);
  useEffect(() => {
    if (firstPage.current) {
      firstPage.current = false;
      return;
    }
    main.current?.focus();
  }, [pageKey]);

  return (
    <div className="shell">
      <a className="skip-link" href="#main">
        Skip to content
      </a>
      <header className="topbar">
        <Link className="brand" to="/">
          ArgoVue
        </Link>
        <nav className="topnav" aria-label="Main">
          <NavLink to="/" end>
            Home
          </NavLink>
          <NavLink to="/workflows">Workflows</NavLink>
          <NavLink to="/services">Services</NavLink>
        </nav>
        <div className="topbar-end">
          {clusterStatus}
          {userMenu}
        </div>
      </header>
      <main id="main" className="content" tabIndex={-1} ref={main}>
        {children}
      </main>
    </div>
  );
}
