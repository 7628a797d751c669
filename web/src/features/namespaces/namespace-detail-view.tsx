import { Link } from 'react-router';
import type { NamespaceSummary } from '@argovue/api-types';
import { QuotaMeter } from '../../components/quota-meter.tsx';
import { WorkflowPhaseChips } from '../../components/workflow-phase-chips.tsx';
import { allQuotas } from '../../lib/quota.ts';
import { submitPagePath } from '../../lib/submit-form.ts';
import { phaseCounts } from '../../lib/workflow-phases.ts';
import { MemberCount } from './member-count.tsx';
import { MembersTable } from './members-table.tsx';
import './namespaces.css';

export function NamespaceDetailView({ namespace }: { namespace: NamespaceSummary }) {
  const quotas = allQuotas(namespace.quota);
  return (
    <article className="namespace-detail">
      <nav aria-label="Breadcrumb" className="breadcrumb">
        <Link to="/">Your namespaces</Link> <span aria-hidden="true">/</span>{' '}
        <span aria-current="page">{namespace.name}</span>
      </nav>
      <h1>{namespace.name}</h1>
      {namespace.description !== undefined && namespace.description !== '' && (
        <p className="lead">{namespace.description}</p>
      )}
      <p className="muted">
        {namespace.project === undefined || namespace.project === '' ? (
          'Not in a project'
        ) : (
          <>
            Project <span className="mono">{namespace.project}</span>
          </>
        )}
        {' · '}
        <MemberCount members={namespace.members} />
      </p>

      <section className="panel" aria-labelledby="quota-heading">
        <h2 id="quota-heading">Quota</h2>
        {quotas.length === 0 ? (
          <p className="muted">No quota: this namespace has no ResourceQuota, or you may not read it.</p>
        ) : (
          <div className="quotas quotas-large">
            {quotas.map((quota) => (
              <QuotaMeter key={quota.resource} label={quota.label} quota={quota} showUsage />
            ))}
          </div>
        )}
      </section>

      <section className="panel" aria-labelledby="workflows-heading">
        <h2 id="workflows-heading">Workflows</h2>
        <WorkflowPhaseChips counts={phaseCounts(namespace.workflows)} spelledOut />
        <p className="panel-actions">
          <Link to={`/workflows?namespace=${encodeURIComponent(namespace.name)}`}>Its workflows</Link>
          <Link className="button button-primary" to={submitPagePath({ namespace: namespace.name })}>
            Submit workflow
          </Link>
        </p>
      </section>

      <section className="panel" aria-labelledby="members-heading">
        <h2 id="members-heading">Members</h2>
        <p className="muted small">Who the namespace’s RoleBindings name, and the role each one grants.</p>
        <MembersTable members={namespace.members} />
      </section>
    </article>
  );
}
