import { useEffect, useId, useRef, useState } from 'react';
import { Link } from 'react-router';
import type { ApiError } from '@argovue/api-types';
import './user-menu.css';

interface UserMenuProps {
  displayName: string;
  username: string;
  onSignOut: () => void;
  signingOut: boolean;
  signOutError: ApiError | null;
}

/** The user's name as a disclosure button that opens links to the profile and signing out. */
export function UserMenu({ displayName, username, onSignOut, signingOut, signOutError }: UserMenuProps) {
  const [open, setOpen] = useState(false);
  const panelId = useId();
  const root = useRef<HTMLDivElement>(null);
  const button = useRef<HTMLButtonElement>(null);

  // Close on Escape (focus back on the button) and on a click or focus outside the menu.
  useEffect(() => {
    if (!open) return;
    const onKey = (event: KeyboardEvent) => {
      if (event.key === 'Escape') {
        setOpen(false);
        button.current?.focus();
      }
    };
    const onOutside = (event: Event) => {
      if (event.target instanceof Node && !root.current?.contains(event.target)) setOpen(false);
    };
    document.addEventListener('keydown', onKey);
    document.addEventListener('mousedown', onOutside);
    document.addEventListener('focusin', onOutside);
    return () => {
      document.removeEventListener('keydown', onKey);
      document.removeEventListener('mousedown', onOutside);
      document.removeEventListener('focusin', onOutside);
    };
  }, [open]);

  return (
    <div className="user-menu" ref={root}>
      <button
        type="button"
        className="user-menu-button"
        aria-expanded={open}
        aria-controls={panelId}
        ref={button}
        onClick={() => setOpen((was) => !was)}
      >
        <span className="user-menu-name">{displayName}</span>
        <span className="user-menu-caret" aria-hidden="true">
          ▾
        </span>
      </button>
      <div className="user-menu-panel" id={panelId} hidden={!open}>
        <p className="user-menu-who">
          Signed in as <span className="mono">{username}</span>
        </p>
        <Link className="user-menu-item" to="/profile" onClick={() => setOpen(false)}>
          Profile
        </Link>
        <button type="button" className="user-menu-item" onClick={onSignOut} disabled={signingOut}>
          {signingOut ? 'Signing out…' : 'Sign out'}
        </button>
        {signOutError && (
          <p className="user-menu-error" role="alert">
            {signOutError.message}
            {signOutError.hint !== undefined && <span className="hint"> {signOutError.hint}</span>}
          </p>
        )}
      </div>
    </div>
  );
}
