import type { ApiError } from '@argovue/api-types';

interface ErrorPanelProps {
  title: string;
  error: ApiError;
  onRetry?: () => void;
}

/** A failed load: what went wrong, what to do about it, and a way to try again. */
export function ErrorPanel({ title, error, onRetry }: ErrorPanelProps) {
  return (
    <section className="panel panel-error" role="alert">
      <h2>{title}</h2>
      <p>{error.message}</p>
      {error.hint !== undefined && <p className="hint">{error.hint}</p>}
      <p className="panel-actions">
        {onRetry && (
          <button type="button" className="button" onClick={onRetry}>
            Try again
          </button>
        )}
        <span className="muted small">Error code {error.code}</span>
      </p>
    </section>
  );
}
