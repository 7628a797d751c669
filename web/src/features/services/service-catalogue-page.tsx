import type { ServiceTemplateSummary } from '@argovue/api-types';
import { Link, useSearchParams } from 'react-router';
import { useNamespaces } from '../../api/use-namespaces.ts';
import { useServiceTemplates } from '../../api/use-services.ts';
import { ErrorPanel } from '../../components/error-panel.tsx';
import { LoadingState } from '../../components/loading-state.tsx';
import { useDocumentTitle } from '../../components/use-document-title.ts';
import { servicesPagePath, startPagePath } from '../../lib/service-paths.ts';
import { NamespacePicker } from './namespace-picker.tsx';
import { ServiceIcon } from './service-icon.tsx';
import '../namespaces/namespaces.css';
import './services.css';

function TemplateCard({ namespace, template }: { namespace: string; template: ServiceTemplateSummary }) {
  return (
    <article className="card service-card">
      <div className="service-card-head">
        <ServiceIcon icon={template.icon} />
        <h2 className="card-title">
          <Link to={startPagePath(namespace, template.name, template.cluster)}>{template.title}</Link>
        </h2>
      </div>
      {template.description !== undefined && <p className="card-description">{template.description}</p>}
      <p className="small muted service-card-facts">
        <span className="mono">{template.name}</span>
        {template.cluster && <span className="chip">every namespace</span>}
        {template.idleTimeout !== undefined && <span>stops after {template.idleTimeout} idle</span>}
        <span>
          {template.inputs.length === 0
            ? 'no inputs'
            : `${template.inputs.length} ${template.inputs.length === 1 ? 'input' : 'inputs'}`}
        </span>
      </p>
    </article>
  );
}

/** `/services/catalogue?namespace=…`: the templates a user may start in a namespace, as cards. */
export function ServiceCataloguePage() {
  useDocumentTitle('Service catalogue');
  const [params, setParams] = useSearchParams();
  const { namespaces, reload: reloadNamespaces } = useNamespaces();
  const usable = namespaces.state === 'ready' ? namespaces.value.items.map((n) => n.name) : [];
  const namespace = params.get('namespace') ?? usable[0] ?? '';
  const { templates, reload } = useServiceTemplates(namespace);

  if (namespaces.state === 'loading') return <LoadingState label="Loading your namespaces…" />;
  if (namespaces.state === 'failed')
    return (
      <ErrorPanel
        title="Your namespaces could not be loaded"
        error={namespaces.error.body}
        onRetry={reloadNamespaces}
      />
    );
  return (
    <section className="catalogue-page">
      <p className="breadcrumb">
        <Link to={servicesPagePath(namespace)}>Services</Link> / catalogue
      </p>
      <h1>Start a service</h1>
      {usable.length === 0 ? (
        <p className="empty-state">You may not start services in any namespace.</p>
      ) : (
        <NamespacePicker
          namespaces={usable}
          value={namespace}
          onChange={(next) => setParams({ namespace: next }, { replace: true })}
        />
      )}
      {namespace !== '' && templates.state === 'loading' && <LoadingState label="Loading templates…" />}
      {templates.state === 'failed' && (
        <ErrorPanel title="The templates could not be loaded" error={templates.error.body} onRetry={reload} />
      )}
      {templates.state === 'ready' &&
        (templates.value.items.length === 0 ? (
          <div className="empty-state panel">
            <p>
              There are no service templates you may use in <span className="mono">{namespace}</span>.
            </p>
            <p className="hint">
              Developers add them as ServiceTemplate objects (kubectl or GitOps); ask your team’s developers
              for one.
            </p>
          </div>
        ) : (
          <div className="card-grid service-cards">
            {templates.value.items.map((template) => (
              <TemplateCard
                key={`${template.cluster ? 'cluster' : 'ns'}/${template.name}`}
                namespace={namespace}
                template={template}
              />
            ))}
          </div>
        ))}
    </section>
  );
}
