import { matchCountLabel } from '../lib/log-search.ts';
import type { LogSearch } from './use-log-search.ts';
import './log-controls.css';

/** The search field of a log: Enter for the next match, Shift+Enter for the previous, and n of m. */
export function LogSearchBox({ search }: { search: LogSearch }) {
  const { found } = search;
  return (
    <div className="log-search">
      <label className="log-field">
        Search{' '}
        <input
          type="search"
          value={search.query}
          placeholder="Find in log"
          onChange={(e) => search.setQuery(e.target.value)}
          onKeyDown={(e) => {
            if (e.key !== 'Enter') return;
            e.preventDefault();
            search.step(e.shiftKey);
          }}
        />
      </label>
      <button
        type="button"
        className="button button-small"
        aria-label="Previous match"
        title="Previous match (Shift+Enter)"
        disabled={found.matches.length === 0}
        onClick={() => search.step(true)}
      >
        ↑
      </button>
      <button
        type="button"
        className="button button-small"
        aria-label="Next match"
        title="Next match (Enter)"
        disabled={found.matches.length === 0}
        onClick={() => search.step(false)}
      >
        ↓
      </button>
      {search.needle !== '' && (
        <span className="muted small log-match-count" role="status">
          {matchCountLabel(search.currentIndex, found)}
        </span>
      )}
    </div>
  );
}
