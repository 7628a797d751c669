// The portal's icon set for service templates. A template may name an https image instead, but the
// Content-Security-Policy allows images from this origin only, so such a template gets the default.
import type { ReactNode } from 'react';

const PATHS: Record<string, ReactNode> = {
  notebook: (
    <>
      <rect x="5" y="3" width="14" height="18" rx="2" />
      <path d="M9 3v18M12 8h4M12 12h4" />
    </>
  ),
  web: (
    <>
      <circle cx="12" cy="12" r="9" />
      <path d="M3 12h18M12 3c3 3 3 15 0 18M12 3c-3 3-3 15 0 18" />
    </>
  ),
  database: (
    <>
      <ellipse cx="12" cy="5" rx="8" ry="3" />
      <path d="M4 5v14c0 1.7 3.6 3 8 3s8-1.3 8-3V5M4 12c0 1.7 3.6 3 8 3s8-1.3 8-3" />
    </>
  ),
  terminal: (
    <>
      <rect x="3" y="4" width="18" height="16" rx="2" />
      <path d="M7 9l3 3-3 3M12 15h5" />
    </>
  ),
  chart: <path d="M4 20V4M4 20h16M8 16v-5M12 16V8M16 16v-3" />,
};

const DEFAULT_ICON = (
  <>
    <rect x="4" y="4" width="16" height="16" rx="3" />
    <path d="M8 12h8M12 8v8" />
  </>
);

/** A template's icon, decorative: the title beside it says what it is. */
export function ServiceIcon({ icon }: { icon: string | undefined }) {
  const drawn = (icon === undefined ? undefined : PATHS[icon]) ?? DEFAULT_ICON;
  return (
    <svg className="service-icon" viewBox="0 0 24 24" aria-hidden="true" focusable="false">
      {drawn}
    </svg>
  );
}
