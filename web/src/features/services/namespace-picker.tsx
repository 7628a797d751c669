import { useId } from 'react';

/** A select of the namespaces the user may use, with "all" when `allLabel` is given. */
export function NamespacePicker({
  namespaces,
  value,
  onChange,
  allLabel,
}: {
  namespaces: readonly string[];
  value: string;
  onChange: (namespace: string) => void;
  allLabel?: string;
}) {
  const id = useId();
  return (
    <div className="parameter-field namespace-picker">
      <label htmlFor={id}>Namespace</label>
      <select id={id} value={value} onChange={(e) => onChange(e.target.value)}>
        {allLabel !== undefined && <option value="">{allLabel}</option>}
        {value !== '' && !namespaces.includes(value) && <option value={value}>{value}</option>}
        {namespaces.map((name) => (
          <option key={name} value={name}>
            {name}
          </option>
        ))}
      </select>
    </div>
  );
}
