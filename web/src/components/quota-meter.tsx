import { useId } from 'react';
import type { QuotaDescription } from '../lib/quota.ts';
import './quota-meter.css';

/** One quota as a labelled meter with what is left, coloured by how full it is. */
interface QuotaMeterProps {
  label: string;
  quota: QuotaDescription | null;
  /** Also say how much is used, under the meter (the detail page has room for it). */
  showUsage?: boolean;
}

export function QuotaMeter({ label, quota, showUsage = false }: QuotaMeterProps) {
  const id = useId();
  if (quota === null) {
    return (
      <div className="quota quota-none">
        <span className="quota-label">{label}</span>
        <span className="quota-left">no quota</span>
      </div>
    );
  }
  if (!quota.allowed) {
    return (
      <div className="quota quota-none">
        <span className="quota-label">{label}</span>
        <span className="quota-left">none allowed</span>
      </div>
    );
  }
  return (
    <div className="quota" data-level={quota.level}>
      <label className="quota-label" htmlFor={id}>
        {label}
      </label>
      <span className="quota-left">{quota.remaining}</span>
      <meter
        id={id}
        className="quota-meter"
        min={0}
        max={quota.hardValue}
        value={Math.min(quota.usedValue, quota.hardValue)}
        aria-valuetext={quota.usage}
        title={quota.usage}
      >
        {quota.usage}
      </meter>
      {showUsage && (
        <span className="quota-usage" aria-hidden="true">
          {quota.usage}
        </span>
      )}
    </div>
  );
}
