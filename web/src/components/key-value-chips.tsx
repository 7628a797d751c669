import { useState } from 'react';
import { shortenText } from '../lib/text-shorten.ts';

const MAX_VALUE = 48;

function KeyValueChip({ name, value }: { name: string; value: string }) {
  const [open, setOpen] = useState(false);
  const { shown, cut } = shortenText(value, MAX_VALUE);
  return (
    <li className="kv-chip" title={cut ? `${name}=${value}` : undefined}>
      <span className="kv-key">{name}</span>
      {value !== '' && <span className="kv-value">={open ? value : shown}</span>}
      {cut && (
        <button
          type="button"
          className="kv-toggle"
          aria-expanded={open}
          aria-label={open ? `Shorten ${name}` : `Show all of ${name}`}
          onClick={() => setOpen((o) => !o)}
        >
          {open ? 'less' : 'more'}
        </button>
      )}
    </li>
  );
}

/** Labels or annotations as chips; a long value is cut, with the whole on hover and on "more". */
export function KeyValueChips({ label, values }: { label: string; values: Record<string, string> }) {
  const entries = Object.entries(values).sort(([a], [b]) => a.localeCompare(b));
  if (entries.length === 0) return <p className="muted small">None.</p>;
  return (
    <ul className="kv-chips" aria-label={label}>
      {entries.map(([name, value]) => (
        <KeyValueChip key={name} name={name} value={value} />
      ))}
    </ul>
  );
}
