import { Link } from 'react-router';
import type { NamespaceSummary } from '@argovue/api-types';
import { QuotaMeter } from '../../components/quota-meter.tsx';
import { WorkflowPhaseChips } from '../../components/workflow-phase-chips.tsx';
import { cardQuotas } from '../../lib/quota.ts';
import { phaseCounts } from '../../lib/workflow-phases.ts';
import { MemberCount } from './member-count.tsx';
import { RunningServices } from './running-services.tsx';
import './namespaces.css';

interface NamespaceCardProps {
  namespace: NamespaceSummary;
  headingLevel: 2 | 3;
}

export function NamespaceCard({ namespace, headingLevel }: NamespaceCardProps) {
  const Heading = headingLevel === 2 ? 'h2' : 'h3';
  return (
    <article className="card namespace-card">
      <Heading className="card-title">
        <Link to={`/namespaces/${encodeURIComponent(namespace.name)}`}>{namespace.name}</Link>
      </Heading>
      {namespace.description !== undefined && namespace.description !== '' && (
        <p className="card-description">{namespace.description}</p>
      )}
      {namespace.quota.length === 0 ? (
        <p className="muted small quota-empty">No quota</p>
      ) : (
        <div className="quotas">
          {cardQuotas(namespace.quota).map(({ label, quota }) => (
            <QuotaMeter key={label} label={label} quota={quota} />
          ))}
        </div>
      )}
      <div className="card-footer">
        <WorkflowPhaseChips counts={phaseCounts(namespace.workflows)} />
        <MemberCount members={namespace.members} />
      </div>
      <div className="card-links">
        <Link to={`/workflows?namespace=${encodeURIComponent(namespace.name)}`}>
          Workflows<span className="visually-hidden"> in {namespace.name}</span>
        </Link>
        <RunningServices namespace={namespace.name} />
      </div>
    </article>
  );
}
