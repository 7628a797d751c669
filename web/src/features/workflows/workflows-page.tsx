import { useCallback, useMemo } from 'react';
import { Link, useSearchParams } from 'react-router';
import { useNamespaces } from '../../api/use-namespaces.ts';
import { useWorkflowList } from '../../api/use-workflow-list.ts';
import { useWorkflowEvents } from '../../api/workflow-events.ts';
import { LiveIndicator } from '../../components/live-indicator.tsx';
import { ErrorPanel } from '../../components/error-panel.tsx';
import { LoadingState } from '../../components/loading-state.tsx';
import { NavigationNoticeBanner } from '../../components/navigation-notice-banner.tsx';
import { useDocumentTitle } from '../../components/use-document-title.ts';
import {
  EMPTY_WORKFLOW_QUERY,
  isFiltered,
  nextSort,
  paramsFromWorkflowQuery,
  type SortColumn,
  type WorkflowQuery,
  workflowQueryFromParams,
} from '../../lib/workflow-query.ts';
import { submitPagePath } from '../../lib/submit-form.ts';
import { WorkflowFilters } from './workflow-filters.tsx';
import { WorkflowTable } from './workflow-table.tsx';
import './workflow-list.css';

/** `/workflows`: the workflows in every namespace the user may use, filtered and sorted by the URL. */
export function WorkflowsPage() {
  const [params, setParams] = useSearchParams();
  const search = params.toString();
  // One query object per distinct URL, so the list refetches only when the filters change.
  const query = useMemo(() => workflowQueryFromParams(new URLSearchParams(search)), [search]);
  const { list, loadMore, reload, applyChange } = useWorkflowList(query);
  // The stream opens at the list's position, so no change between the two is lost or repeated; it
  // follows every namespace of the user and the filters are applied here, as the list applies them.
  const live = useWorkflowEvents({
    lastEventId: list.state === 'ready' ? list.eventId : null,
    onChange: applyChange,
    onReset: reload,
  });
  const { namespaces } = useNamespaces();
  useDocumentTitle('Workflows');

  const setQuery = useCallback(
    (next: WorkflowQuery) => setParams(paramsFromWorkflowQuery(next), { replace: true }),
    [setParams],
  );
  const onSort = useCallback(
    (column: SortColumn) => setQuery({ ...query, sort: nextSort(query.sort, column) }),
    [query, setQuery],
  );
  const onNearEnd = useCallback(() => {
    if (list.state === 'ready' && list.hasMore && !list.loadingMore && list.moreError === null) loadMore();
  }, [list, loadMore]);

  return (
    <section className="workflows-page">
      <div className="page-heading">
        <h1>Workflows</h1>
        {list.state === 'ready' && (
          <p className="muted small" role="status">
            {list.total === list.rows.length && !list.totalAtLeast
              ? `${list.total} ${list.total === 1 ? 'workflow' : 'workflows'}`
              : `${list.rows.length} of ${list.total}${list.totalAtLeast ? '+' : ''} workflows loaded`}
            {list.totalCounting && ' · counting…'}
            {list.loadingMore && ' · loading more…'}
          </p>
        )}
        {list.state === 'ready' && <LiveIndicator status={live} />}
        <Link
          className="button button-primary page-heading-action"
          to={submitPagePath({ namespace: query.namespace })}
        >
          Submit workflow
        </Link>
      </div>
      <NavigationNoticeBanner />
      <WorkflowFilters
        query={query}
        namespaces={namespaces.state === 'ready' ? namespaces.value.items : null}
        onChange={setQuery}
      />
      {list.state === 'loading' && <LoadingState label="Loading workflows…" />}
      {list.state === 'failed' && (
        <ErrorPanel title="The workflows could not be loaded" error={list.error.body} onRetry={reload} />
      )}
      {list.state === 'ready' &&
        (list.rows.length === 0 ? (
          isFiltered(query) ? (
            <div className="empty-state">
              <h2>No workflows match these filters</h2>
              <p>
                <button
                  type="button"
                  className="button"
                  onClick={() => setQuery({ ...EMPTY_WORKFLOW_QUERY })}
                >
                  Reset filters
                </button>
              </p>
            </div>
          ) : (
            <div className="empty-state">
              <h2>No workflows yet</h2>
              <p className="hint">
                <Link to={submitPagePath({ namespace: query.namespace })}>Submit one from a template</Link>{' '}
                (or with <span className="mono">argo submit --from</span>), and it shows up here.
              </p>
            </div>
          )
        ) : (
          <>
            <WorkflowTable rows={list.rows} sort={query.sort} onSort={onSort} onNearEnd={onNearEnd} />
            {list.moreError !== null && (
              <ErrorPanel
                title="More workflows could not be loaded"
                error={list.moreError.body}
                onRetry={loadMore}
              />
            )}
          </>
        ))}
    </section>
  );
}
