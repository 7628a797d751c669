import type { ServiceTemplateDetail } from '@argovue/api-types';
import { useQueryClient } from '@tanstack/react-query';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { queryKeys } from '../../api/query-client.ts';
import { createServiceInstance } from '../../api/services.ts';
import { useIdempotencyKey } from '../../api/use-idempotency-key.ts';
import { useServiceTemplate } from '../../api/use-services.ts';
import { ErrorPanel } from '../../components/error-panel.tsx';
import { LoadingState } from '../../components/loading-state.tsx';
import { ObjectYaml } from '../../components/object-yaml.tsx';
import { useDocumentTitle } from '../../components/use-document-title.ts';
import type { NavigationNotice } from '../../lib/navigation-notice.ts';
import { cataloguePath, instancePagePath } from '../../lib/service-paths.ts';
import { ServiceIcon } from './service-icon.tsx';
import { type StartRequest, StartServiceForm } from './start-service-form.tsx';
import './services.css';

function TemplateDefinition({ namespace, detail }: { namespace: string; detail: ServiceTemplateDetail }) {
  return (
    <>
      <h2>Instances of this template in {namespace}</h2>
      {detail.instances.length === 0 ? (
        <p className="muted">None yet.</p>
      ) : (
        <ul className="template-instances">
          {detail.instances.map((ref) => (
            <li key={`${ref.namespace}/${ref.name}`}>
              <Link className="mono" to={instancePagePath(ref.namespace, ref.name)}>
                {ref.name}
              </Link>
            </li>
          ))}
        </ul>
      )}
      <details className="template-definition">
        <summary>The template’s definition (YAML)</summary>
        <ObjectYaml object={detail.object} label={`${detail.template.name} as YAML`} />
      </details>
    </>
  );
}

/** `/services/new?namespace=…&template=…[&cluster=true]`: start an instance of a template; shareable. */
export function StartServicePage() {
  const [params] = useSearchParams();
  const namespace = params.get('namespace') ?? '';
  const name = params.get('template') ?? '';
  const cluster = params.get('cluster') === 'true';
  const { template, reload } = useServiceTemplate(namespace, name, cluster);
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const creation = useIdempotencyKey();
  useDocumentTitle(template.state === 'ready' ? `Start ${template.value.template.title}` : 'Start a service');

  if (namespace === '' || name === '')
    return (
      <section className="empty-state">
        <h1>Start a service</h1>
        <p>
          Choose a template in the <Link to={cataloguePath(namespace)}>catalogue</Link>.
        </p>
      </section>
    );
  if (template.state === 'loading') return <LoadingState label={`Loading ${name}…`} />;
  if (template.state === 'failed') {
    if (template.error.body.status === 404)
      return (
        <section className="not-found">
          <h1>Template not found</h1>
          <p>
            There is no service template <span className="mono">{name}</span> you may use in{' '}
            <span className="mono">{namespace}</span>.
          </p>
          <p>
            <Link className="button" to={cataloguePath(namespace)}>
              Go to the catalogue
            </Link>
          </p>
        </section>
      );
    return <ErrorPanel title={`${name} could not be loaded`} error={template.error.body} onRetry={reload} />;
  }
  const detail = template.value;
  const start = async (request: StartRequest) => {
    try {
      const result = await createServiceInstance(
        namespace,
        { name: request.name, template: { name, cluster }, inputs: request.inputs },
        creation.key(),
      );
      await queryClient.invalidateQueries({ queryKey: queryKeys.serviceInstances });
      const notice: NavigationNotice = { message: result.message };
      await navigate(instancePagePath(namespace, result.name), { state: { notice } });
    } catch (error) {
      creation.renew();
      throw error;
    }
  };

  return (
    <section className="start-service-page">
      <p className="breadcrumb">
        <Link to={cataloguePath(namespace)}>Catalogue of {namespace}</Link> / {detail.template.name}
      </p>
      <div className="service-title">
        <ServiceIcon icon={detail.template.icon} />
        <h1>Start {detail.template.title}</h1>
      </div>
      {detail.template.description !== undefined && <p className="lead">{detail.template.description}</p>}
      {detail.template.idleTimeout !== undefined && (
        <p className="muted small">
          An instance nobody uses for {detail.template.idleTimeout} is stopped, and starts again on the next
          visit.
        </p>
      )}
      <StartServiceForm
        key={`${namespace}/${cluster ? 'cluster' : 'ns'}/${name}`}
        namespace={namespace}
        template={detail.template}
        workload={detail.template.fit}
        quota={detail.quota}
        onStart={start}
      />
      <TemplateDefinition namespace={namespace} detail={detail} />
    </section>
  );
}
