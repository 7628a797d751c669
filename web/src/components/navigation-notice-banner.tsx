import { useLocation, useNavigate } from 'react-router';
import { noticeFrom } from '../lib/navigation-notice.ts';

/** The notice the previous page left (e.g. "Deleted etl-x."), in a live region, until dismissed. */
export function NavigationNoticeBanner() {
  const location = useLocation();
  const navigate = useNavigate();
  const notice = noticeFrom(location.state);
  return (
    <div role="status" aria-live="polite" className="notice-region">
      {notice !== null && (
        <p className="notice">
          {notice.message}{' '}
          <button
            type="button"
            className="link-button"
            // Dropping the state keeps a reload or Back from showing it again.
            onClick={() => {
              Promise.resolve(
                navigate(`${location.pathname}${location.search}`, { replace: true, state: null }),
              ).catch(reportError);
            }}
          >
            Dismiss
          </button>
        </p>
      )}
    </div>
  );
}
