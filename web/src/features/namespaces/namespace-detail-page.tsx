import { Link, useParams } from 'react-router';
import { useNamespaces } from '../../api/use-namespaces.ts';
import { ErrorPanel } from '../../components/error-panel.tsx';
import { LoadingState } from '../../components/loading-state.tsx';
import { useDocumentTitle } from '../../components/use-document-title.ts';
import { NamespaceDetailView } from './namespace-detail-view.tsx';

/** `/namespaces/:name`: one namespace from the user's list, with its members. */
export function NamespaceDetailPage() {
  const { name = '' } = useParams();
  const { namespaces, reload } = useNamespaces();
  useDocumentTitle(name);
  if (namespaces.state === 'loading') return <LoadingState label={`Loading ${name}…`} />;
  if (namespaces.state === 'failed') {
    return (
      <ErrorPanel title={`${name} could not be loaded`} error={namespaces.error.body} onRetry={reload} />
    );
  }
  const namespace = namespaces.value.items.find((ns) => ns.name === name);
  // A namespace that does not exist and one the user may not use look the same.
  if (namespace === undefined) {
    return (
      <section className="not-found">
        <h1>No namespace {name}</h1>
        <p>Either there is no namespace of that name, or none of your groups gives you access to it.</p>
        <p>
          <Link className="button" to="/">
            Go to your namespaces
          </Link>
        </p>
      </section>
    );
  }
  return <NamespaceDetailView namespace={namespace} />;
}
