import type { ApiError, ServerInfo } from '@argovue/api-types';

/** An API call that failed: carries the server's error shape so pages can show message and hint. */
export class ApiCallError extends Error {
  readonly body: ApiError;
  constructor(body: ApiError) {
    super(body.message);
    this.body = body;
  }
}

async function getJson<T>(path: string, signal?: AbortSignal): Promise<T> {
  let res: Response;
  try {
    res = await fetch(path, { headers: { Accept: 'application/json' }, ...(signal ? { signal } : {}) });
  } catch (error) {
    if (error instanceof DOMException && error.name === 'AbortError') throw error;
    throw new ApiCallError({
      code: 'CLUSTER_UNAVAILABLE',
      status: 0,
      message: 'The ArgoVue server did not answer.',
      hint: 'Check your network connection, then reload the page.',
    });
  }
  if (!res.ok) {
    const body = (await res.json().catch(() => null)) as ApiError | null;
    throw new ApiCallError(body ?? { code: 'INTERNAL', status: res.status, message: `HTTP ${res.status}` });
  }
  return (await res.json()) as T;
}

export function fetchServerInfo(signal?: AbortSignal): Promise<ServerInfo> {
  return getJson<ServerInfo>('/api/v1/info', signal);
}
