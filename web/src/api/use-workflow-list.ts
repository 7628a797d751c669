import type { WorkflowRow } from '@argovue/api-types';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { applyWorkflowChange, type WorkflowChange } from '../lib/live-rows.ts';
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
      /** The first page's stream position: live changes are those after it. */
      eventId: string;
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
  applyChange: (change: WorkflowChange) => void;
} {
  const [attempt, setAttempt] = useState(0);
  // The state of the request it came from: a new query (or attempt) is loading until its answer.
  const request = useMemo(() => ({ query, attempt }), [query, attempt]);
  const [listOf, setListOf] = useState<{ request: typeof request; list: WorkflowListState } | null>(null);
  const list: WorkflowListState = listOf?.request === request ? listOf.list : { state: 'loading' };
  const setList = useCallback(
    (change: (current: WorkflowListState) => WorkflowListState) =>
      setListOf((current) =>
        current?.request === request ? { request, list: change(current.list) } : current,
      ),
    [request],
  );
  const next = useRef<string | undefined>(undefined);
  const pending = useRef<AbortController | null>(null);

  useEffect(() => {
    const abort = new AbortController();
    pending.current?.abort();
    pending.current = abort;
    fetchWorkflowPage(workflowListPath(request.query), abort.signal).then(
      (page) => {
        next.current = page.continue;
        setListOf({
          request,
          list: {
            state: 'ready',
            rows: page.items,
            total: page.total,
            loadingMore: false,
            hasMore: page.continue !== undefined,
            moreError: null,
            eventId: page.eventId,
          },
        });
      },
      (error: unknown) => {
        if (error instanceof ApiCallError) setListOf({ request, list: { state: 'failed', error } });
      },
    );
    return () => abort.abort();
  }, [request]);

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
                // A live change may already have brought a row of this page.
                rows: appendNew(current.rows, page.items),
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
  }, [query, setList]);

  const reload = useCallback(() => setAttempt((n) => n + 1), []);

  const applyChange = useCallback(
    (change: WorkflowChange) =>
      setList((current) => {
        if (current.state !== 'ready') return current;
        const next = applyWorkflowChange(current, change, query, {
          now: Date.now(),
          complete: !current.hasMore,
        });
        return next === current ? current : { ...current, rows: next.rows, total: next.total };
      }),
    [query, setList],
  );
  return { list, loadMore, reload, applyChange };
}

function appendNew(rows: WorkflowRow[], more: WorkflowRow[]): WorkflowRow[] {
  const key = (r: WorkflowRow) => `${r.namespace}/${r.name}`;
  const shown = new Set(rows.map(key));
  return [...rows, ...more.filter((r) => !shown.has(key(r)))];
}
