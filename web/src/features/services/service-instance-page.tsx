import type { ServiceInstanceDetail } from '@argovue/api-types';
import { Link, useParams, useSearchParams } from 'react-router';
import { useServiceInstance } from '../../api/use-services.ts';
import { ErrorPanel } from '../../components/error-panel.tsx';
import { KubeEventsTable } from '../../components/kube-events-table.tsx';
import { LoadingState } from '../../components/loading-state.tsx';
import { NavigationNoticeBanner } from '../../components/navigation-notice-banner.tsx';
import { ObjectYaml } from '../../components/object-yaml.tsx';
import { RelativeTime } from '../../components/relative-time.tsx';
import { type TabItem, Tabs } from '../../components/tabs.tsx';
import { useDocumentTitle } from '../../components/use-document-title.ts';
import { useNow } from '../../components/use-now.ts';
import { parseApiTime } from '../../lib/relative-time.ts';
import { servicesPagePath, startPagePath } from '../../lib/service-paths.ts';
import { InstanceActions } from './instance-actions.tsx';
import { InstanceLogs } from './instance-logs.tsx';
import { InstancePods } from './instance-pods.tsx';
import { InstanceStatus, InstanceUse, OpenInstanceLink } from './instance-status.tsx';
import './services.css';

type InstanceTab = 'pods' | 'events' | 'logs' | 'yaml';
const TABS: readonly TabItem<InstanceTab>[] = [
  { id: 'pods', label: 'Pods' },
  { id: 'events', label: 'Events' },
  { id: 'logs', label: 'Logs' },
  { id: 'yaml', label: 'YAML' },
];
const isTab = (value: string | null): value is InstanceTab => TABS.some((t) => t.id === value);

function Summary({ detail }: { detail: ServiceInstanceDetail }) {
  const now = useNow(30_000);
  const { row } = detail;
  const created = parseApiTime(row.createdAt);
  const inputs = Object.entries(row.inputs);
  return (
    <dl className="facts instance-summary">
      <dt>Status</dt>
      <dd>
        <InstanceStatus row={row} />
      </dd>
      <dt>Template</dt>
      <dd>
        <Link to={startPagePath(row.namespace, row.template.name, row.template.cluster)}>
          {row.title ?? row.template.name}
        </Link>
      </dd>
      <dt>Address</dt>
      <dd>
        {row.url === undefined ? (
          <span className="muted">not yet</span>
        ) : (
          <span className="mono small">{row.url}</span>
        )}
      </dd>
      <dt>Last used</dt>
      <dd>
        <InstanceUse row={row} now={now} />
      </dd>
      <dt>Started by</dt>
      <dd>{row.creator ?? '—'}</dd>
      <dt>Created</dt>
      <dd>{created === null ? row.createdAt : <RelativeTime time={created} now={now} />}</dd>
      <dt>Inputs</dt>
      <dd>
        {inputs.length === 0 ? (
          <span className="muted">the template’s defaults</span>
        ) : (
          <span className="instance-inputs">
            {inputs.map(([name, value]) => (
              <span key={name} className="chip mono">
                {name}={String(value)}
              </span>
            ))}
          </span>
        )}
      </dd>
      {row.conditions.length > 0 && (
        <>
          <dt>Conditions</dt>
          <dd>
            <ul className="instance-conditions">
              {row.conditions.map((c) => (
                <li key={c.type}>
                  <span className={c.status === 'True' ? 'badge badge-good' : 'badge badge-bad'}>
                    {c.type} {c.status === 'True' ? 'yes' : c.status === 'False' ? 'no' : 'unknown'}
                  </span>{' '}
                  {c.message !== '' ? c.message : c.reason}
                </li>
              ))}
            </ul>
          </dd>
        </>
      )}
    </dl>
  );
}

function InstanceTabs({ detail }: { detail: ServiceInstanceDetail }) {
  const [params, setParams] = useSearchParams();
  const raw = params.get('tab');
  const tab: InstanceTab = isTab(raw) ? raw : 'pods';
  const now = useNow(30_000);
  const { row } = detail;
  return (
    <Tabs
      label={`${row.name} details`}
      idPrefix="instance"
      tabs={TABS}
      selected={tab}
      onSelect={(next) => setParams(next === 'pods' ? {} : { tab: next }, { replace: true })}
    >
      {tab === 'pods' && <InstancePods pods={detail.pods} stopped={row.stopped} />}
      {tab === 'events' && (
        <>
          {detail.notice !== undefined && <p className="muted small">{detail.notice}</p>}
          <KubeEventsTable events={detail.events} now={now} label={`Events of ${row.name}`} />
        </>
      )}
      {tab === 'logs' && <InstanceLogs namespace={row.namespace} name={row.name} pods={detail.pods} />}
      {tab === 'yaml' && <ObjectYaml object={detail.object} label={`${row.name} as YAML`} />}
    </Tabs>
  );
}

/** `/services/:namespace/:name[?tab=…]`: one instance, read as the user, refreshed while it changes. */
export function ServiceInstancePage() {
  const { namespace = '', name = '' } = useParams();
  const { instance, reload } = useServiceInstance(namespace, name);
  useDocumentTitle(name);
  if (instance.state === 'loading') return <LoadingState label={`Loading ${name}…`} />;
  if (instance.state === 'failed') {
    // An instance that does not exist and one the user may not read look the same.
    if (instance.error.body.status === 404)
      return (
        <section className="not-found">
          <h1>Instance not found</h1>
          <p>
            There is no service instance <span className="mono">{name}</span> in namespace{' '}
            <span className="mono">{namespace}</span>, or none of your groups gives you access to it.
          </p>
          <p>
            <Link className="button" to={servicesPagePath()}>
              Go to your services
            </Link>
          </p>
        </section>
      );
    return <ErrorPanel title={`${name} could not be loaded`} error={instance.error.body} onRetry={reload} />;
  }
  const detail = instance.value;
  return (
    <section className="instance-page">
      <NavigationNoticeBanner />
      <p className="breadcrumb">
        <Link to={servicesPagePath(namespace)}>Services</Link> / <span className="mono">{namespace}</span>
      </p>
      <div className="page-heading">
        <h1>
          <span className="mono">{name}</span>
        </h1>
        {detail.row.url !== undefined && (
          <span className="page-heading-action">
            <OpenInstanceLink row={detail.row} />
          </span>
        )}
      </div>
      <InstanceActions row={detail.row} leaveOnDelete />
      <Summary detail={detail} />
      <InstanceTabs detail={detail} />
    </section>
  );
}
