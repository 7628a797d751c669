import { memo, useDeferredValue, useEffect, useMemo, useRef, useState } from 'react';
import { findNodes, type NodeNames } from '../../../lib/graph-search.ts';
import { stepMatch } from '../../../lib/log-search.ts';
import '../../../components/log-controls.css';

/** True when a key press belongs to a field the user is typing in. */
function typingIn(target: EventTarget | null): boolean {
  return (
    target instanceof HTMLElement &&
    (target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName))
  );
}

/**
 * Finds nodes by name, also inside collapsed groups and retries: Enter goes to the next match (Shift+Enter
 * the previous), which the graph reveals, centres and selects; / focuses the box, Escape clears it.
 * Drawn again only when the names change (a new graph shape), not on a running workflow's update of
 * phases: no search of 20,000 names every second, and React sets an input's type and name again on
 * every render of it, which Chromium pays for.
 */
export const GraphSearchBox = memo(function GraphSearchBox({
  nodes,
  onReveal,
}: {
  nodes: NodeNames;
  /** Called with the id of the node to show. */
  onReveal: (id: string) => void;
}) {
  const [query, setQuery] = useState('');
  const [current, setCurrent] = useState(-1);
  const deferred = useDeferredValue(query);
  const matches = useMemo(() => findNodes(nodes, deferred), [nodes, deferred]);
  const input = useRef<HTMLInputElement>(null);

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.key !== '/' || event.ctrlKey || event.metaKey || event.altKey || typingIn(event.target))
        return;
      event.preventDefault();
      input.current?.focus();
      input.current?.select();
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, []);

  const status =
    deferred.trim() === ''
      ? ''
      : matches.length === 0
        ? 'No node matches'
        : current >= 0
          ? `${current + 1} of ${matches.length.toLocaleString('en-US')}`
          : `${matches.length.toLocaleString('en-US')} ${matches.length === 1 ? 'match' : 'matches'} · Enter to go`;

  return (
    <div className="graph-search">
      <input
        ref={input}
        type="search"
        aria-label="Find a node"
        placeholder="Find a node (/)"
        value={query}
        onChange={(event) => {
          setQuery(event.target.value);
          setCurrent(-1);
        }}
        onKeyDown={(event) => {
          if (event.key === 'Escape') {
            event.preventDefault();
            setQuery('');
            setCurrent(-1);
            input.current?.blur();
          } else if (event.key === 'Enter') {
            event.preventDefault();
            // The deferred matches may lag the typing (a busy machine, a big graph): Enter acts on the
            // query as it is now, never on an older one, and is never dropped.
            const now = deferred === query ? matches : findNodes(nodes, query);
            const next = stepMatch(current, now.length, event.shiftKey);
            if (next < 0) return;
            setCurrent(next);
            onReveal(nodes.ids[now[next] ?? -1] ?? '');
          }
        }}
      />
      <span className="muted small" role="status">
        {status}
      </span>
    </div>
  );
});
