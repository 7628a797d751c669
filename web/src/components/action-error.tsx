import type { ApiError } from '@argovue/api-types';
import './action-error.css';

/** A refused action: the server's message and hint, said at once to screen readers. */
export function ActionError({ error }: { error: ApiError }) {
  return (
    <div className="action-error" role="alert">
      <p className="action-error-message">{error.message}</p>
      {error.hint !== undefined && <p className="hint">{error.hint}</p>}
    </div>
  );
}
