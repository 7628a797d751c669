import type { WorkflowRow } from '@argovue/api-types';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useCallback, useEffect, useRef, useState } from 'react';
import { applyWorkflowChange, type WorkflowChange } from '../lib/live-rows.ts';
import { workflowListPath, workflowTotalPath, type WorkflowQuery } from '../lib/workflow-query.ts';
import { type ApiCallError, fetchWorkflowPage, fetchWorkflowTotal } from './client.ts';
import { asApiCallError, loadableOf } from './loadable.ts';
import { queryKeys } from './query-client.ts';

export type WorkflowListState =
  | { state: 'loading' }
  | { state: 'failed'; error: ApiCallError }
  | {
      state: 'ready';
      rows: WorkflowRow[];
      total: number;
      /** `total` is a lower bound (the archive's matches were counted up to a bound). */
      totalAtLeast: boolean;
      /** The archive's matches are being counted: `total` is the rows known so far until it comes. */
      totalCounting: boolean;
      /** True while the next page is on its way. */
      loadingMore: boolean;
      hasMore: boolean;
      /** A failed later page: the rows so far stay. */
      moreError: ApiCallError | null;
      /** The first page's stream position: live changes are those after it. */
      eventId: string;
    };

/** What the cache holds for one list: the pages loaded so far as one list, live changes applied. */
interface CachedList {
  rows: WorkflowRow[];
  total: number;
  totalAtLeast: boolean;
  /** The first page came before the archive's count: the total is asked for after it. */
  totalCounting: boolean;
  /** The next page's token; absent once every page is loaded. */
  continue?: string | undefined;
  eventId: string;
}

/**
 * The rows matching `query`, a page at a time: the first page for each query (one cache entry per
 * query: going back to a list shows it at once and reads it again behind it), the next one when
 * `loadMore` is called (the table calls it near its end); `applyChange` patches the cached rows with
 * a change from the event stream.
 */
export function useWorkflowList(query: WorkflowQuery): {
  list: WorkflowListState;
  loadMore: () => void;
  reload: () => void;
  applyChange: (change: WorkflowChange) => void;
} {
  const queryClient = useQueryClient();
  const path = workflowListPath(query);
  const key = queryKeys.workflowList(path);
  const first = useQuery({
    queryKey: key,
    queryFn: async ({ signal }): Promise<CachedList> => {
      const page = await fetchWorkflowPage(path, signal);
      return {
        rows: page.items,
        total: page.total,
        totalAtLeast: page.totalAtLeast === true,
        totalCounting: page.totalCounting === true,
        continue: page.continue,
        eventId: page.eventId,
      };
    },
  });
  useListTotal(query, path, first.data);
  // The state of the next page, for the list it belongs to.
  const [more, setMore] = useState<{ path: string; loading: boolean; error: ApiCallError | null }>({
    path,
    loading: false,
    error: null,
  });
  const moreNow = more.path === path ? more : { path, loading: false, error: null };

  // The token of the page on its way: one request per page, however often the table asks.
  const asked = useRef<string | null>(null);
  const loadMore = useCallback(() => {
    const current = queryClient.getQueryData<CachedList>(queryKeys.workflowList(path));
    const token = current?.continue;
    if (current === undefined || token === undefined || asked.current === token) return;
    asked.current = token;
    setMore({ path, loading: true, error: null });
    fetchWorkflowPage(workflowListPath(query, token)).then(
      (page) => {
        setMore({ path, loading: false, error: null });
        queryClient.setQueryData<CachedList>(queryKeys.workflowList(path), (list) =>
          // Listed again meanwhile (a reset): this page belongs to the old listing.
          list === undefined || list.eventId !== current.eventId || list.continue !== token
            ? list
            : {
                ...list,
                // A live change may already have brought a row of this page.
                rows: appendNew(list.rows, page.items),
                // A later page not counted (the count has expired meanwhile) keeps the count shown.
                ...(page.totalCounting === true && page.total <= list.total
                  ? {}
                  : { total: page.total, totalAtLeast: page.totalAtLeast === true }),
                continue: page.continue,
              },
        );
      },
      (error: unknown) => {
        asked.current = null; // scrolling again, or Try again, asks again
        setMore({ path, loading: false, error: asApiCallError(error) });
      },
    );
  }, [queryClient, query, path]);

  const { refetch } = first;
  const reload = useCallback(() => {
    refetch().catch(reportError);
  }, [refetch]);

  const applyChange = useCallback(
    (change: WorkflowChange) =>
      queryClient.setQueryData<CachedList>(queryKeys.workflowList(path), (list) => {
        if (list === undefined) return list;
        const next = applyWorkflowChange(list, change, query, {
          now: Date.now(),
          complete: list.continue === undefined,
        });
        return next === list ? list : { ...list, rows: next.rows, total: next.total };
      }),
    [queryClient, query, path],
  );

  const loaded = loadableOf(first);
  const list: WorkflowListState =
    loaded.state !== 'ready'
      ? loaded
      : {
          state: 'ready',
          rows: loaded.value.rows,
          total: loaded.value.total,
          totalAtLeast: loaded.value.totalAtLeast,
          totalCounting: loaded.value.totalCounting,
          loadingMore: moreNow.loading,
          hasMore: loaded.value.continue !== undefined,
          moreError: moreNow.error,
          eventId: loaded.value.eventId,
        };
  return { list, loadMore, reload, applyChange };
}

/**
 * The total of a list whose first page came before the archive's count (`totalCounting`): asked for
 * once the rows are shown, and put into the cached list, where live changes then adjust it. If it
 * cannot be had, the rows stay and the total stays the lower bound the page gave ("N of M+").
 */
function useListTotal(query: WorkflowQuery, listPath: string, list: CachedList | undefined): void {
  const queryClient = useQueryClient();
  const counting = list?.totalCounting === true ? list.eventId : undefined;
  const path = workflowTotalPath(query);
  useEffect(() => {
    if (counting === undefined) return;
    const abort = new AbortController();
    const settle = (answer: Partial<CachedList>) =>
      queryClient.setQueryData<CachedList>(queryKeys.workflowList(listPath), (now) =>
        // Listed again meanwhile: that listing asks for its own total.
        now === undefined || now.eventId !== counting || !now.totalCounting
          ? now
          : { ...now, ...answer, totalCounting: false },
      );
    fetchWorkflowTotal(path, abort.signal).then(
      (answer) =>
        settle(
          answer.archive === 'unavailable'
            ? {}
            : { total: answer.total, totalAtLeast: answer.totalAtLeast === true },
        ),
      () => {
        if (!abort.signal.aborted) settle({});
      },
    );
    return () => abort.abort();
  }, [queryClient, counting, path, listPath]);
}

function appendNew(rows: WorkflowRow[], more: WorkflowRow[]): WorkflowRow[] {
  const key = (r: WorkflowRow) => `${r.namespace}/${r.name}`;
  const shown = new Set(rows.map(key));
  return [...rows, ...more.filter((r) => !shown.has(key(r)))];
}
