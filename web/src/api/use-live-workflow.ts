// One workflow, live, by deltas (GET …/workflows/:name/live): the whole state first, then each change
// applied to it (api-types/src/workflow-deltas.ts), sharing every node and field that did not change so
// the views draw again only what did. A lost stream is opened again with the last id seen and resumes
// (or gets the whole state when the server cannot resume); the server's `end` (signed out, access
// lost) stops it, but when only the sign-in needs renewing. Replaces reading the whole workflow again
// on every change.
import type { ApiError, WorkflowDelta, WorkflowDetail } from '@argovue/api-types';
import { applyWorkflowDelta } from '@argovue/api-types/workflow-deltas';
import { useCallback, useEffect, useLayoutEffect, useRef, useState } from 'react';
import { SseParser, type SseMessage } from '../lib/sse-parser.ts';
import { ApiCallError, openEventStream } from './client.ts';
import type { Loadable } from './loadable.ts';
import type { LiveStatus } from './workflow-events.ts';

/** Performance marks around applying a delta (bench/workflow-running-deltas.ts reads them). */
export const DELTA_RECEIVED_MARK = 'argovue:delta-received';
export const DELTA_APPLIED_MARK = 'argovue:delta-applied';

const minRetryMs = 2000;
const maxRetryMs = 30_000;

interface State {
  /** Which workflow this is the state of: another one starts from loading. */
  key: string;
  workflow: Loadable<WorkflowDetail>;
  live: LiveStatus;
  /** Deltas applied so far (each one commits a render that marks DELTA_APPLIED_MARK). */
  deltas: number;
}

export function liveWorkflowPath(namespace: string, name: string): string {
  return `/api/v1/namespaces/${encodeURIComponent(namespace)}/workflows/${encodeURIComponent(name)}/live`;
}

function parse(message: SseMessage): unknown {
  try {
    return JSON.parse(message.data) as unknown;
  } catch {
    return null;
  }
}

function isDetail(value: unknown): value is WorkflowDetail {
  const v = value as Partial<WorkflowDetail> | null;
  return typeof v?.row === 'object' && Array.isArray(v.nodes);
}

function isDelta(value: unknown): value is WorkflowDelta {
  const v = value as WorkflowDelta | null;
  return (
    typeof v === 'object' &&
    v !== null &&
    (v.nodes === undefined || Array.isArray(v.nodes)) &&
    (v.removed === undefined || Array.isArray(v.removed)) &&
    (v.fields === undefined || Array.isArray(v.fields))
  );
}

function deletedError(namespace: string, name: string): ApiCallError {
  const body: ApiError = {
    code: 'NOT_FOUND',
    status: 404,
    message: `Workflow ${name} in ${namespace} was deleted.`,
  };
  return new ApiCallError(body);
}

export function useLiveWorkflow(
  namespace: string,
  name: string,
): { workflow: Loadable<WorkflowDetail>; live: LiveStatus; reconnect: () => void } {
  const key = `${namespace}/${name}`;
  const [state, setState] = useState<State>(() => ({
    key,
    workflow: { state: 'loading' },
    live: 'connecting',
    deltas: 0,
  }));
  // Another workflow: its own state from the first render (no frame of the old one).
  const current: State =
    state.key === key ? state : { key, workflow: { state: 'loading' }, live: 'connecting', deltas: 0 };
  // Bumped to open the stream again now (Try again, or after an action while it is not live).
  const [attempt, setAttempt] = useState(0);
  const liveRef = useRef<LiveStatus>('connecting');
  useEffect(() => {
    liveRef.current = current.live;
  });

  useEffect(() => {
    const abort = new AbortController();
    const update = (change: (s: State) => State): void =>
      setState((previous) =>
        change(
          previous.key === key
            ? previous
            : { key, workflow: { state: 'loading' }, live: 'connecting', deltas: 0 },
        ),
      );
    let lastId: string | undefined;
    let hasState = false;
    let delayMs = minRetryMs;
    let retry: ReturnType<typeof setTimeout> | undefined;
    let stopped = false;

    const handle = (message: SseMessage): void => {
      if (message.id !== undefined) lastId = message.id;
      const data = parse(message);
      if (message.event === 'snapshot' && isDetail(data)) {
        hasState = true;
        delayMs = minRetryMs;
        update((s) => ({ ...s, workflow: { state: 'ready', value: data }, live: 'live' }));
      } else if (message.event === 'delta' && isDelta(data)) {
        performance.mark(DELTA_RECEIVED_MARK, { detail: message.id });
        update((s) =>
          s.workflow.state === 'ready'
            ? {
                ...s,
                workflow: { state: 'ready', value: applyWorkflowDelta(s.workflow.value, data) },
                deltas: s.deltas + 1,
              }
            : s,
        );
      } else if (message.event === 'deleted') {
        stopped = true;
        update((s) => ({
          ...s,
          workflow: { state: 'failed', error: deletedError(namespace, name) },
          live: 'off',
        }));
      } else if (message.event === 'end') {
        const reason = (data as { reason?: unknown } | null)?.reason;
        // Only a sign-in that needs renewing comes back (the reconnect renews it).
        if (reason !== 'token-expired') stopped = true;
      }
    };

    const open = async (): Promise<void> => {
      try {
        const body = await openEventStream(liveWorkflowPath(namespace, name), lastId, abort.signal);
        if (hasState) update((s) => ({ ...s, live: 'live' }));
        const reader = body.getReader();
        const decoder = new TextDecoder();
        const parser = new SseParser();
        for (;;) {
          const { done, value } = await reader.read();
          if (done) break;
          for (const message of parser.push(decoder.decode(value, { stream: true }))) handle(message);
        }
      } catch (error) {
        if (abort.signal.aborted) return;
        const refused = error instanceof ApiCallError ? error : undefined;
        // Refused with nothing shown yet, or the workflow is gone for this user: say so.
        if (!hasState || refused?.body.status === 404) {
          stopped = true;
          update((s) => ({
            ...s,
            workflow: {
              state: 'failed',
              error: refused ?? new ApiCallError({ code: 'INTERNAL', status: 0, message: String(error) }),
            },
            live: 'off',
          }));
          return;
        }
      }
      if (abort.signal.aborted) return;
      if (stopped) {
        update((s) => ({ ...s, live: 'off' }));
        return;
      }
      // Lost (a restart, a dropped connection, a client too slow): back with the last id seen.
      update((s) => ({ ...s, live: 'reconnecting' }));
      retry = setTimeout(run, delayMs);
      delayMs = Math.min(delayMs * 2, maxRetryMs);
    };
    const run = (): void => {
      open().catch((error: unknown) => console.error('the live workflow stream failed:', error));
    };
    run();
    return () => {
      abort.abort();
      if (retry !== undefined) clearTimeout(retry);
    };
  }, [key, namespace, name, attempt]);

  // After the render that applied a delta is in the document (the bench times it to the next frame).
  useLayoutEffect(() => {
    if (current.deltas > 0) performance.mark(DELTA_APPLIED_MARK);
  }, [current.deltas]);

  const reconnect = useCallback(() => {
    if (liveRef.current === 'live') return;
    setState((s) => ({ ...s, workflow: s.workflow.state === 'failed' ? { state: 'loading' } : s.workflow }));
    setAttempt((n) => n + 1);
  }, []);
  return { workflow: current.workflow, live: current.live, reconnect };
}
