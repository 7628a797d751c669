import type { WorkflowRow } from '@argovue/api-types';
import { useCallback, useEffect, useRef, useState } from 'react';
import { workflowListPath, type WorkflowQuery } from '../lib/workflow-query.ts';
import { ApiCallError, fetchWorkflowPage } from './client.ts';

export type WorkflowListState =
  | { state: 'loading' }
  | { state: 'failed'; error: ApiCallError }
  | {
      state: 'ready';
      rows: WorkflowRow[];
      total: number;
      /** True while the next page is on its way. */
      loadingMore: boolean;
      hasMore: boolean;
      /** A failed later page: the rows so far stay. */
      moreError: ApiCallError | null;
    };

/**
 * The rows matching `query`, a page at a time: the first page on every change of the query, the next
 * one when `loadMore` is called (the table calls it near its end). A newer query cancels an older one.
 * `query` must keep its identity while its contents do not change (memoise it).
 */
export function useWorkflowList(query: WorkflowQuery): {
  list: WorkflowListState;
  loadMore: () => void;
  reload: () => void;
} {
  const [list, setList] = useState<WorkflowListState>({ state: 'loading' });
  const [attempt, setAttempt] = useState(0);
  const next = useRef<string | undefined>(undefined);
  const pending = useRef<AbortController | null>(null);

  useEffect(() => {
    const abort = new AbortController();
    pending.current?.abort();
    pending.current = abort;
    setList({ state: 'loading' });
    fetchWorkflowPage(workflowListPath(query), abort.signal).then(
      (page) => {
        next.current = page.continue;
        setList({
          state: 'ready',
          rows: page.items,
          total: page.total,
          loadingMore: false,
          hasMore: page.continue !== undefined,
          moreError: null,
        });
      },
      (error: unknown) => {
        if (error instanceof ApiCallError) setList({ state: 'failed', error });
      },
    );
    return () => abort.abort();
  }, [query, attempt]);

  const loadMore = useCallback(() => {
    const token = next.current;
    const abort = pending.current;
    if (token === undefined || abort === null) return;
    next.current = undefined; // one request per page
    setList((current) =>
      current.state === 'ready' ? { ...current, loadingMore: true, moreError: null } : current,
    );
    fetchWorkflowPage(workflowListPath(query, token), abort.signal).then(
      (page) => {
        next.current = page.continue;
        setList((current) =>
          current.state === 'ready'
            ? {
                ...current,
                rows: [...current.rows, ...page.items],
                total: page.total,
                loadingMore: false,
                hasMore: page.continue !== undefined,
              }
            : current,
        );
      },
      (error: unknown) => {
        if (!(error instanceof ApiCallError)) return;
        next.current = token; // scrolling again retries
        setList((current) =>
          current.state === 'ready' ? { ...current, loadingMore: false, moreError: error } : current,
        );
      },
    );
  }, [query]);

  const reload = useCallback(() => setAttempt((n) => n + 1), []);
  return { list, loadMore, reload };
}
