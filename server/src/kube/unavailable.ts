// Which failures of a call to Kubernetes mean "the cluster cannot answer now" (try again) rather than
// an answer about the request: no connection, a connection lost, no answer in time, or the apiserver
// saying it cannot serve (5xx, or 429 while its storage starts). One place decides it, so every
// route answers an outage alike: 503 CLUSTER_UNAVAILABLE (server/src/http/errors.ts).
import { KubeError } from './kube-api.ts';

const connectionFailures = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ECONNABORTED',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'ETIMEDOUT',
  'ENOTFOUND',
  'EAI_AGAIN',
  'EPIPE',
  'UND_ERR_SOCKET',
  'UND_ERR_CONNECT_TIMEOUT',
]);

export function isClusterUnavailable(error: unknown, depth = 0): boolean {
  if (error instanceof KubeError) return error.status >= 500 || error.status === 429;
  if (!(error instanceof Error) || depth > 4) return false;
  // AbortSignal.timeout: the apiserver took too long.
  if (error.name === 'TimeoutError') return true;
  const code = (error as { code?: unknown }).code;
  if (typeof code === 'string' && connectionFailures.has(code)) return true;
  // Node tries each address of a name and reports all failures together.
  if (error instanceof AggregateError && error.errors.some((e) => isClusterUnavailable(e, depth + 1)))
    return true;
  return error.cause !== undefined && isClusterUnavailable(error.cause, depth + 1);
}
