// The one typed client of the ArgoVue server. It keeps the session's CSRF token and sends it with every
// state-changing request, and it tells the app when any call answers 401 (the session ended).
import type {
  ApiError,
  Me,
  NamespaceList,
  ServerInfo,
  SessionState,
  WorkflowDetail,
  WorkflowList,
  WorkflowListTotal,
} from '@argovue/api-types';
import { isErrorCode } from '@argovue/api-types';
import {
  COMPACT_LIST_FORMAT,
  decodeCompactList,
  type CompactWorkflowList,
} from '@argovue/api-types/workflow-rows-compact';

/** An API call that failed: carries the server's error shape so pages can show message and hint. */
export class ApiCallError extends Error {
  readonly body: ApiError;
  constructor(body: ApiError) {
    super(body.message);
    this.body = body;
  }
}

let csrfToken: string | null = null;
const sessionEndedListeners = new Set<() => void>();

/** Calls `listener` whenever the server answers 401; returns the function that stops it. */
export function onSessionEnded(listener: () => void): () => void {
  sessionEndedListeners.add(listener);
  return () => sessionEndedListeners.delete(listener);
}

const SAFE_METHODS = new Set(['GET', 'HEAD']);

interface RequestOptions {
  method?: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  body?: unknown;
  signal?: AbortSignal | undefined;
  /** Names one intended change: the server makes it once however often it is sent (a double click). */
  idempotencyKey?: string;
}

/** One JSON call; unsafe methods carry the CSRF token. Other api/ modules build their calls on it. */
export async function request<T>(path: string, options: RequestOptions = {}): Promise<T> {
  const method = options.method ?? 'GET';
  const headers: Record<string, string> = { Accept: 'application/json' };
  if (!SAFE_METHODS.has(method) && csrfToken !== null) headers['X-CSRF-Token'] = csrfToken;
  if (options.body !== undefined) headers['Content-Type'] = 'application/json';
  if (options.idempotencyKey !== undefined) headers['Idempotency-Key'] = options.idempotencyKey;
  const res = await fetchOrUnavailable(
    path,
    {
      method,
      headers,
      ...(options.body === undefined ? {} : { body: JSON.stringify(options.body) }),
      ...(options.signal ? { signal: options.signal } : {}),
    },
    'Check your network connection, then reload the page.',
  );
  if (!res.ok) {
    const body: unknown = await res.json().catch(() => null);
    // Only an answer in the API's error shape is shown as such (a proxy in between may answer otherwise).
    const error = new ApiCallError(
      isApiError(body)
        ? body
        : {
            code: res.status === 401 ? 'UNAUTHENTICATED' : 'INTERNAL',
            status: res.status,
            message: `HTTP ${res.status}`,
          },
    );
    if (res.status === 401) {
      csrfToken = null;
      for (const listener of sessionEndedListeners) listener();
    }
    throw error;
  }
  try {
    return (await res.json()) as T;
  } catch (error) {
    if (error instanceof DOMException && error.name === 'AbortError') throw error;
    throw unreadableAnswer(res.status);
  }
}

function unreadableAnswer(status: number): ApiCallError {
  return new ApiCallError({
    code: 'INTERNAL',
    status,
    message: 'The server sent an answer ArgoVue could not read.',
    hint: 'Reload the page; if it keeps happening, tell the ArgoVue operators.',
  });
}

export function fetchServerInfo(signal?: AbortSignal): Promise<ServerInfo> {
  return request<ServerInfo>('/api/v1/info', { signal });
}

/** Who is logged in; also keeps the session's CSRF token for later state-changing requests. */
/** Who is signed in, if anyone. Never answers 401, so a signed-out visit logs no error. */
export async function fetchSession(signal?: AbortSignal): Promise<Me | null> {
  const session = await request<SessionState>('/api/v1/session', { signal });
  if (!session.signedIn) return null;
  csrfToken = session.me.csrfToken;
  return session.me;
}

export function fetchNamespaces(signal?: AbortSignal): Promise<NamespaceList> {
  return request<NamespaceList>('/api/v1/namespaces', { signal });
}

/**
 * One page of a workflow list; `path` comes from `workflowListPath` (filters, sort, continue token).
 * Asked for in the compact encoding (rows as arrays: a third of the bytes, parsed faster) and
 * decoded here to the rows the rest of the app uses.
 */
export async function fetchWorkflowPage(path: string, signal?: AbortSignal): Promise<WorkflowList> {
  const page = await request<CompactWorkflowList>(`${path}&format=${COMPACT_LIST_FORMAT}`, { signal });
  try {
    return decodeCompactList(page);
  } catch {
    throw unreadableAnswer(200);
  }
}

/** A list's total, asked for after its page when the page says it is still being counted. */
export function fetchWorkflowTotal(path: string, signal?: AbortSignal): Promise<WorkflowListTotal> {
  return request<WorkflowListTotal>(path, { signal });
}

/** A run from the workflow archive, by its uid; 404 as for a workflow that does not exist. */
export function fetchArchivedWorkflow(
  namespace: string,
  uid: string,
  signal?: AbortSignal,
): Promise<WorkflowDetail> {
  return request<WorkflowDetail>(
    `/api/v1/namespaces/${encodeURIComponent(namespace)}/archived-workflows/${encodeURIComponent(uid)}`,
    { signal },
  );
}

/** Ends the session on the server; the answer says where the browser goes next. */
export async function logout(): Promise<{ redirectTo: string }> {
  const answer = await request<{ redirectTo: string }>('/auth/logout', { method: 'POST' });
  csrfToken = null;
  return answer;
}

export type LogContainer = 'main' | 'wait' | 'init';

export interface NodeLogOptions {
  node: string;
  container: LogContainer;
  timestamps: boolean;
  follow: boolean;
  download?: boolean;
}

/** The path of one node's log; with `download` the server answers it as an attachment. */
export function nodeLogPath(namespace: string, name: string, options: NodeLogOptions): string {
  const params = new URLSearchParams({
    node: options.node,
    container: options.container,
    timestamps: String(options.timestamps),
    follow: String(options.follow),
  });
  if (options.download === true) params.set('download', 'true');
  return `/api/v1/namespaces/${encodeURIComponent(namespace)}/workflows/${encodeURIComponent(name)}/logs?${params.toString()}`;
}

/** Lines of each pod the interleaved logs ask for (the newest); said beside the view. */
export const WORKFLOW_LOG_TAIL_LINES = 10_000;

/** The path of the whole workflow's logs, interleaved by time, each line naming its node. */
export function workflowLogsPath(
  namespace: string,
  name: string,
  options: { container: LogContainer; follow: boolean },
): string {
  const params = new URLSearchParams({
    container: options.container,
    follow: String(options.follow),
    tailLines: String(WORKFLOW_LOG_TAIL_LINES),
  });
  return `/api/v1/namespaces/${encodeURIComponent(namespace)}/workflows/${encodeURIComponent(name)}/logs/all?${params.toString()}`;
}

/** Opens a log (a path from nodeLogPath or workflowLogsPath) as a stream of text; a refusal is an ApiCallError. */
export async function openLogStream(path: string, signal: AbortSignal): Promise<ReadableStream<Uint8Array>> {
  return openStream(path, { Accept: 'text/plain' }, signal);
}

/**
 * Opens a stream of Server-Sent Events (read with lib/sse-parser.ts), resuming after `lastEventId` when
 * given; a refusal is an ApiCallError with the server's status and words.
 */
export async function openEventStream(
  path: string,
  lastEventId: string | undefined,
  signal: AbortSignal,
): Promise<ReadableStream<Uint8Array>> {
  return openStream(
    path,
    {
      Accept: 'text/event-stream',
      ...(lastEventId === undefined ? {} : { 'Last-Event-ID': lastEventId }),
    },
    signal,
  );
}

/** fetch; a network failure is CLUSTER_UNAVAILABLE saying `hint`, an abort stays an abort. */
async function fetchOrUnavailable(path: string, init: RequestInit, hint: string): Promise<Response> {
  try {
    return await fetch(path, { ...init, credentials: 'same-origin' });
  } catch (error) {
    if (error instanceof DOMException && error.name === 'AbortError') throw error;
    throw new ApiCallError({
      code: 'CLUSTER_UNAVAILABLE',
      status: 0,
      message: 'The ArgoVue server did not answer.',
      hint,
    });
  }
}

/** A streamed answer's body (a log, events); a refusal is an ApiCallError, and a 401 ends the session here. */
async function openStream(
  path: string,
  headers: Record<string, string>,
  signal: AbortSignal,
): Promise<ReadableStream<Uint8Array>> {
  const res = await fetchOrUnavailable(
    path,
    { headers, signal },
    'Check your network connection, then try again.',
  );
  if (!res.ok || res.body === null) {
    const body: unknown = await res.json().catch(() => null);
    if (res.status === 401) {
      csrfToken = null;
      for (const listener of sessionEndedListeners) listener();
    }
    throw new ApiCallError(
      isApiError(body) ? body : { code: 'INTERNAL', status: res.status, message: `HTTP ${res.status}` },
    );
  }
  return res.body;
}

function isApiError(body: unknown): body is ApiError {
  if (typeof body !== 'object' || body === null) return false;
  const { code, status, message } = body as Record<string, unknown>;
  return isErrorCode(code) && typeof status === 'number' && typeof message === 'string';
}
