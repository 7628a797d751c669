import { useNamespaces } from '../../api/use-namespaces.ts';
import { useMe } from '../../api/session.tsx';
import { ErrorPanel } from '../../components/error-panel.tsx';
import { LoadingState } from '../../components/loading-state.tsx';
import { useDocumentTitle } from '../../components/use-document-title.ts';
import { groupNamespacesByProject } from '../../lib/namespace-groups.ts';
import { NamespaceOverview } from './namespace-overview.tsx';
import { NoNamespaces } from './no-namespaces.tsx';

/** `/`: the namespaces the user may use, as cards grouped by project. */
export function HomePage() {
  const me = useMe();
  const { namespaces, reload } = useNamespaces();
  useDocumentTitle('Your namespaces');
  return (
    <>
      <h1>Your namespaces</h1>
      {namespaces.state === 'loading' && <LoadingState label="Loading your namespaces…" />}
      {namespaces.state === 'failed' && (
        <ErrorPanel
          title="Your namespaces could not be loaded"
          error={namespaces.error.body}
          onRetry={reload}
        />
      )}
      {namespaces.state === 'ready' &&
        (namespaces.value.items.length === 0 ? (
          <NoNamespaces kubernetesGroups={me.kubernetesGroups} />
        ) : (
          <NamespaceOverview groups={groupNamespacesByProject(namespaces.value.items)} />
        ))}
    </>
  );
}
