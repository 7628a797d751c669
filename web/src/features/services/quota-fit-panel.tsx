import type { QuotaResource } from '@argovue/api-types';
import type { InstanceResources } from '@argovue/api-types/service-fit';
import { Fragment } from 'react';
import { QuotaMeter } from '../../components/quota-meter.tsx';
import { cardQuotas } from '../../lib/quota.ts';
import { askedAmounts } from '../../lib/service-quota.ts';
import './services.css';

/**
 * Beside the start form: what the namespace's quota has left (CPU, memory, GPU), what this instance
 * would ask with the values in the form, and, when it cannot fit, why — before anything is sent.
 */
export function QuotaFitPanel({
  namespace,
  quota,
  asked,
  refusals,
}: {
  namespace: string;
  quota: readonly QuotaResource[];
  /** Null when the values in the form do not pass yet, or the template's workload is not known. */
  asked: InstanceResources | null;
  /** One sentence per quota resource the instance would go past. */
  refusals: readonly string[];
}) {
  return (
    <aside className="panel quota-fit" aria-labelledby="quota-fit-title">
      <h2 id="quota-fit-title">Quota left in {namespace}</h2>
      {quota.length === 0 ? (
        <p className="muted small">
          {namespace} has no quota you can read: nothing is checked before starting.
        </p>
      ) : (
        <div className="quotas">
          {cardQuotas(quota).map(({ label, quota: q }) => (
            <QuotaMeter key={label} label={label} quota={q} />
          ))}
        </div>
      )}
      {asked !== null && (
        <>
          <h3>This instance asks for</h3>
          <dl className="facts facts-compact quota-asked">
            {askedAmounts(asked).map(({ label, text }) => (
              <Fragment key={label}>
                <dt>{label}</dt>
                <dd>{text}</dd>
              </Fragment>
            ))}
          </dl>
          {asked.replicas !== 1 && (
            <p className="muted small">{asked.replicas} replicas, counted together.</p>
          )}
        </>
      )}
      <div role="status" className="quota-fit-status">
        {refusals.length > 0 && (
          <div className="quota-refusal">
            <p>
              <strong>It cannot start in {namespace}:</strong>
            </p>
            <ul>
              {refusals.map((refusal) => (
                <li key={refusal}>{refusal}</li>
              ))}
            </ul>
            <p className="hint">
              Ask for less, stop another instance, or ask your namespace’s owners for more quota.
            </p>
          </div>
        )}
        {refusals.length === 0 && asked !== null && quota.length > 0 && (
          <p className="quota-fits small">It fits in what is left.</p>
        )}
      </div>
    </aside>
  );
}
