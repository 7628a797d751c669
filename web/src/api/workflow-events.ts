// The live workflow stream (GET /api/v1/workflows/events) as a hook. EventSource resends the last id
// itself when it reconnects, so a dropped connection resumes without gaps; an id the server cannot
// resume (ArgoVue restarted, or another replica answered) gets a `reset` and the list is read again.
// EventSource gives up for good on an answer that is not a stream (a 503 while ArgoVue restarts, a
// 429): then the hook opens a new one itself, with the last id it saw, backing off. The server ends a
// stream with `end` when the session ended or access was lost: then it stays closed, but when only
// the sign-in needs renewing (the reconnect refreshes it).
import type { WorkflowRef, WorkflowRow } from '@argovue/api-types';
import { useEffect, useRef, useState } from 'react';
import type { WorkflowChange } from '../lib/live-rows.ts';

/** connecting: not yet open; live: open; reconnecting: lost, the browser retries; off: refused or closed. */
export type LiveStatus = 'connecting' | 'live' | 'reconnecting' | 'off';

export function workflowEventsPath(namespace: string | undefined, lastEventId: string | undefined): string {
  const params = new URLSearchParams();
  if (namespace !== undefined && namespace !== '') params.set('namespace', namespace);
  if (lastEventId !== undefined) params.set('lastEventId', lastEventId);
  const query = params.toString();
  return `/api/v1/workflows/events${query === '' ? '' : `?${query}`}`;
}

interface WorkflowEventsOptions {
  /** Only this namespace's workflows; all the user's when absent. */
  namespace?: string | undefined;
  /** Changes after this position (a list's eventId); null keeps the stream closed (list not loaded). */
  lastEventId: string | undefined | null;
  onChange: (change: WorkflowChange) => void;
  /** The stream could not resume: list again. */
  onReset: () => void;
}

const minRetryMs = 2000;
const maxRetryMs = 30_000;

function parse(event: Event): unknown {
  try {
    return JSON.parse((event as MessageEvent<string>).data) as unknown;
  } catch {
    return null;
  }
}

function isRow(value: unknown): value is WorkflowRow {
  const v = value as Partial<WorkflowRow> | null;
  return typeof v?.namespace === 'string' && typeof v.name === 'string' && typeof v.phase === 'string';
}

function isRef(value: unknown): value is WorkflowRef {
  const v = value as Partial<WorkflowRef> | null;
  return typeof v?.namespace === 'string' && typeof v.name === 'string';
}

/** Opens the stream while mounted (and again when namespace or lastEventId change); returns its status. */
export function useWorkflowEvents({
  namespace,
  lastEventId,
  onChange,
  onReset,
}: WorkflowEventsOptions): LiveStatus {
  // The status of the stream it was said of: a newly opened one is connecting until it says otherwise.
  const opened = `${namespace ?? ''} ${lastEventId ?? ''}`;
  const [statusOf, setStatusOf] = useState<{ opened: string; status: LiveStatus } | null>(null);
  const status = statusOf?.opened === opened ? statusOf.status : 'connecting';
  // The latest callbacks, so a new closure does not reopen the stream.
  const handlers = useRef({ onChange, onReset });
  useEffect(() => {
    handlers.current = { onChange, onReset };
  });

  useEffect(() => {
    if (lastEventId === null) return;
    const key = `${namespace ?? ''} ${lastEventId ?? ''}`;
    const setStatus = (next: LiveStatus) => setStatusOf({ opened: key, status: next });
    let lastSeen = lastEventId;
    let source: EventSource | undefined;
    let retry: ReturnType<typeof setTimeout> | undefined;
    let delayMs = minRetryMs;
    let ended = false;
    const seen = (event: Event): void => {
      const id = (event as MessageEvent).lastEventId;
      if (id !== '') lastSeen = id;
    };
    const open = (): void => {
      const current = new EventSource(workflowEventsPath(namespace, lastSeen));
      source = current;
      current.addEventListener('ready', (event) => {
        seen(event);
        delayMs = minRetryMs;
        setStatus('live');
      });
      current.addEventListener('open', () => setStatus('live'));
      current.addEventListener('upsert', (event) => {
        seen(event);
        const row = parse(event);
        if (isRow(row)) handlers.current.onChange({ type: 'upsert', row });
      });
      current.addEventListener('delete', (event) => {
        seen(event);
        const ref = parse(event);
        if (isRef(ref)) handlers.current.onChange({ type: 'delete', ref });
      });
      current.addEventListener('reset', (event) => {
        seen(event);
        handlers.current.onReset();
      });
      current.addEventListener('end', (event) => {
        const reason = (parse(event) as { reason?: unknown } | null)?.reason;
        if (reason === 'token-expired') return;
        ended = true;
        current.close();
        setStatus('off');
      });
      current.addEventListener('error', () => {
        if (ended) return;
        if (current.readyState !== EventSource.CLOSED) {
          setStatus('reconnecting');
          return;
        }
        setStatus('reconnecting');
        retry = setTimeout(open, delayMs);
        delayMs = Math.min(delayMs * 2, maxRetryMs);
      });
    };
    open();
    return () => {
      ended = true;
      if (retry !== undefined) clearTimeout(retry);
      source?.close();
    };
  }, [namespace, lastEventId]);

  return status;
}
