import './logs.css';
/** Which nodes' lines the interleaved log shows: all, or the ones pressed; each in its colour. */
export function NodeFilter({
  sources,
  colours,
  chosen,
  onChange,
}: {
  sources: readonly string[];
  colours: number;
  chosen: ReadonlySet<string> | null;
  onChange: (chosen: ReadonlySet<string> | null) => void;
}) {
  if (sources.length < 2) return null;
  const toggle = (source: string) => {
    const next = new Set(chosen ?? []);
    if (next.has(source)) next.delete(source);
    else next.add(source);
    onChange(next.size === 0 || next.size === sources.length ? null : next);
  };
  return (
    <div className="log-node-filter" role="group" aria-label="Show the lines of">
      <button
        type="button"
        className="log-node-chip"
        aria-pressed={chosen === null}
        onClick={() => onChange(null)}
      >
        All nodes
      </button>
      {sources.map((source, i) => (
        <button
          key={source}
          type="button"
          className="log-node-chip"
          aria-pressed={chosen?.has(source) ?? false}
          onClick={() => toggle(source)}
        >
          <span className={`log-swatch log-source-${i % colours}`} aria-hidden="true" />
          {source}
        </button>
      ))}
    </div>
  );
}
