import { useCallback, useId } from 'react';
import { Link, useSearchParams } from 'react-router';
import { useNamespaces } from '../../../api/use-namespaces.ts';
import { useWorkflowTemplates } from '../../../api/use-workflow-templates.ts';
import { ErrorPanel } from '../../../components/error-panel.tsx';
import { LoadingState } from '../../../components/loading-state.tsx';
import { useDocumentTitle } from '../../../components/use-document-title.ts';
import { type SubmitTarget, submitPagePath, submitTargetFromParams } from '../../../lib/submit-form.ts';
import { SubmitWorkflowForm } from './submit-workflow-form.tsx';
import './submit.css';

// A template's value in the picker: its scope and name, as one string.
const pickerValue = (cluster: boolean, name: string) => `${cluster ? 'cluster' : 'ns'}:${name}`;

/** `/workflows/new?namespace=…&template=…`: submit a workflow from a template; the URL can be shared. */
export function SubmitWorkflowPage() {
  useDocumentTitle('Submit a workflow');
  const [params, setParams] = useSearchParams();
  const target = submitTargetFromParams(params);
  const { namespaces, reload: reloadNamespaces } = useNamespaces();
  const usable = namespaces.state === 'ready' ? namespaces.value.items.map((n) => n.name) : [];
  const namespace = target.namespace !== '' ? target.namespace : (usable[0] ?? '');
  const { templates, reload } = useWorkflowTemplates(namespace);
  const namespaceId = useId();
  const templateId = useId();

  const choose = useCallback(
    (next: SubmitTarget) => {
      const query = submitPagePath(next).split('?')[1] ?? '';
      setParams(new URLSearchParams(query), { replace: true });
    },
    [setParams],
  );

  if (namespaces.state === 'loading') return <LoadingState label="Loading your namespaces…" />;
  if (namespaces.state === 'failed')
    return (
      <ErrorPanel
        title="Your namespaces could not be loaded"
        error={namespaces.error.body}
        onRetry={reloadNamespaces}
      />
    );
  const chosen =
    templates.state === 'ready'
      ? templates.value.find((t) => t.name === target.template && t.cluster === target.cluster)
      : undefined;

  return (
    <section className="submit-page">
      <p className="breadcrumb">
        <Link to="/workflows">Workflows</Link> / new
      </p>
      <h1>Submit a workflow</h1>
      {usable.length === 0 ? (
        <p className="muted">You may not run workflows in any namespace.</p>
      ) : (
        <div className="submit-pickers">
          <div className="parameter-field">
            <label htmlFor={namespaceId}>Namespace</label>
            <select
              id={namespaceId}
              value={namespace}
              onChange={(e) => choose({ namespace: e.target.value, template: '', cluster: false })}
            >
              {!usable.includes(namespace) && <option value={namespace}>{namespace}</option>}
              {usable.map((name) => (
                <option key={name} value={name}>
                  {name}
                </option>
              ))}
            </select>
          </div>
          <div className="parameter-field">
            <label htmlFor={templateId}>Template</label>
            <select
              id={templateId}
              value={target.template === '' ? '' : pickerValue(target.cluster, target.template)}
              disabled={templates.state !== 'ready'}
              onChange={(e) => {
                const [scope = '', ...rest] = e.target.value.split(':');
                choose({ namespace, template: rest.join(':'), cluster: scope === 'cluster' });
              }}
            >
              <option value="">Choose a template…</option>
              {templates.state === 'ready' && (
                <>
                  <optgroup label={`In ${namespace}`}>
                    {templates.value
                      .filter((t) => !t.cluster)
                      .map((t) => (
                        <option key={t.name} value={pickerValue(false, t.name)}>
                          {t.name}
                        </option>
                      ))}
                  </optgroup>
                  {templates.value.some((t) => t.cluster) && (
                    <optgroup label="Cluster templates">
                      {templates.value
                        .filter((t) => t.cluster)
                        .map((t) => (
                          <option key={t.name} value={pickerValue(true, t.name)}>
                            {t.name}
                          </option>
                        ))}
                    </optgroup>
                  )}
                </>
              )}
            </select>
          </div>
        </div>
      )}
      {templates.state === 'loading' && namespace !== '' && <LoadingState label="Loading templates…" />}
      {templates.state === 'failed' && (
        <ErrorPanel title="The templates could not be loaded" error={templates.error.body} onRetry={reload} />
      )}
      {templates.state === 'ready' && templates.value.length === 0 && (
        <p className="muted">
          There are no templates in <span className="mono">{namespace}</span> that you may use.
        </p>
      )}
      {templates.state === 'ready' && target.template !== '' && chosen === undefined && (
        <div className="panel panel-error" role="alert">
          <p>
            There is no template <span className="mono">{target.template}</span> you may use in{' '}
            <span className="mono">{namespace}</span>.
          </p>
          <p className="hint">Choose one from the list.</p>
        </div>
      )}
      {chosen !== undefined && (
        <>
          {chosen.description !== undefined && <p className="lead">{chosen.description}</p>}
          <SubmitWorkflowForm
            key={`${namespace}/${pickerValue(chosen.cluster, chosen.name)}`}
            namespace={namespace}
            template={chosen}
          />
        </>
      )}
    </section>
  );
}
