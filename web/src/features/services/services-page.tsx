import { Link, useSearchParams } from 'react-router';
import { useMe } from '../../api/session.tsx';
import { useNamespaces } from '../../api/use-namespaces.ts';
import { useServiceInstances } from '../../api/use-services.ts';
import { ErrorPanel } from '../../components/error-panel.tsx';
import { LoadingState } from '../../components/loading-state.tsx';
import { NavigationNoticeBanner } from '../../components/navigation-notice-banner.tsx';
import { useDocumentTitle } from '../../components/use-document-title.ts';
import { cataloguePath } from '../../lib/service-paths.ts';
import { InstanceTable } from './instance-table.tsx';
import { NamespacePicker } from './namespace-picker.tsx';
import './services.css';

/** `/services[?namespace=…]`: the user's own instances, then their teams' (those others started). */
export function ServicesPage() {
  useDocumentTitle('Services');
  const me = useMe();
  const [params, setParams] = useSearchParams();
  const namespace = params.get('namespace') ?? '';
  const { namespaces } = useNamespaces();
  const { instances, reload } = useServiceInstances();
  const usable = namespaces.state === 'ready' ? namespaces.value.items.map((n) => n.name) : [];

  const rows =
    instances.state === 'ready'
      ? instances.value.filter((row) => namespace === '' || row.namespace === namespace)
      : [];
  const mine = rows.filter((row) => row.creator === me.username);
  const others = rows.filter((row) => row.creator !== me.username);
  const where = namespace === '' ? 'your namespaces' : namespace;

  return (
    <section className="services-page">
      <NavigationNoticeBanner />
      <div className="page-heading">
        <h1>Services</h1>
        <Link className="button button-primary" to={cataloguePath(namespace)}>
          Start a service
        </Link>
      </div>
      <div className="services-filters">
        <NamespacePicker
          namespaces={usable}
          value={namespace}
          allLabel="All your namespaces"
          onChange={(next) => setParams(next === '' ? {} : { namespace: next }, { replace: true })}
        />
      </div>
      {instances.state === 'loading' && <LoadingState label="Loading instances…" />}
      {instances.state === 'failed' && (
        <ErrorPanel title="The instances could not be loaded" error={instances.error.body} onRetry={reload} />
      )}
      {instances.state === 'ready' && (
        <>
          <h2 id="mine-title">My instances</h2>
          {mine.length === 0 ? (
            <p className="empty-state">
              You have no instances in {where}.{' '}
              <Link to={cataloguePath(namespace)}>Start one from the catalogue</Link>.
            </p>
          ) : (
            <InstanceTable rows={mine} label="My instances" showCreator={false} />
          )}
          <h2 id="team-title">The team’s instances</h2>
          {others.length === 0 ? (
            <p className="empty-state muted">Nobody else has an instance in {where} that you may see.</p>
          ) : (
            <InstanceTable rows={others} label="The team’s instances" showCreator />
          )}
        </>
      )}
    </section>
  );
}
