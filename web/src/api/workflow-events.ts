// The live workflow stream (GET /api/v1/workflows/events) as a hook. EventSource resends the last id
// itself when it reconnects, so a dropped connection resumes without gaps.
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
  const [status, setStatus] = useState<LiveStatus>('connecting');
  // The latest callbacks, so a new closure does not reopen the stream.
  const handlers = useRef({ onChange, onReset });
  useEffect(() => {
    handlers.current = { onChange, onReset };
  });

  useEffect(() => {
    if (lastEventId === null) return;
    setStatus('connecting');
    const source = new EventSource(workflowEventsPath(namespace, lastEventId));
    source.addEventListener('ready', () => setStatus('live'));
    source.addEventListener('open', () => setStatus('live'));
    source.addEventListener('upsert', (event) => {
      const row = parse(event);
      if (isRow(row)) handlers.current.onChange({ type: 'upsert', row });
    });
    source.addEventListener('delete', (event) => {
      const ref = parse(event);
      if (isRef(ref)) handlers.current.onChange({ type: 'delete', ref });
    });
    source.addEventListener('reset', () => handlers.current.onReset());
    source.addEventListener('error', () => {
      setStatus(source.readyState === EventSource.CLOSED ? 'off' : 'reconnecting');
    });
    return () => source.close();
  }, [namespace, lastEventId]);

  return status;
}
