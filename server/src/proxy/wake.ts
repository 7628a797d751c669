// Wake on visit: a browser that navigates to an instance stopped for being idle starts it again — as
// the visitor, with the visitor's own rights (the Start of the API, impersonated), never ArgoVue's — and
// is shown a page with the instance's progress that reloads itself until the service answers instead.
// A visitor who may open the instance but not start it is told it is stopped and who can start it.
// Requests that are not navigations (a script's, a WebSocket) start nothing: they get 503 and
// Retry-After at once, so nothing hangs while a pod starts.
import type { IncomingMessage } from 'node:http';
import type { InstanceRef } from '@argovue/api-types/service-origin';
import type { KubeIdentity } from '../auth/identity.ts';
import { HttpError } from '../http/errors.ts';
import type { KubeApi } from '../kube/kube-api.ts';
import { actOnInstanceAsUser } from '../services/instances.ts';
import type { CachedPod } from './endpoints.ts';
import type { CachedInstance } from './instance-targets.ts';
import type { Page } from './pages.ts';

/** How often the page of a starting instance reloads itself, and the Retry-After of a 503 meanwhile. */
export const startingRetrySeconds = 2;

/** A top-level or frame navigation of a browser (what may start an instance and see a page). */
export function isNavigation(req: Pick<IncomingMessage, 'method' | 'headers'>): boolean {
  if (req.method !== 'GET' && req.method !== 'HEAD') return false;
  // A prefetch or prerender is the browser guessing, not a visit: it must not start anything.
  const purpose = `${String(req.headers['sec-purpose'] ?? '')} ${String(req.headers['purpose'] ?? '')}`;
  if (/prefetch|prerender/i.test(purpose)) return false;
  const mode = req.headers['sec-fetch-mode'];
  // Browsers from 2020 on send Sec-Fetch-Mode; without it, asking for HTML is the best sign left.
  return mode === undefined ? (req.headers.accept ?? '').includes('text/html') : mode === 'navigate';
}

export type WakeOutcome = 'started' | 'refused' | 'failed';

/** The user's Start, made as the visitor: RBAC on `serviceinstances` (patch) decides. */
export async function startAsVisitor(
  api: KubeApi,
  visitor: KubeIdentity,
  ref: InstanceRef,
  log: (message: string) => void,
): Promise<WakeOutcome> {
  try {
    await actOnInstanceAsUser(api, visitor, ref.namespace, ref.name, 'start');
    return 'started';
  } catch (error) {
    // 403 and 404 are one answer (kube-errors.ts): the visitor may not start it.
    if (error instanceof HttpError && (error.status === 404 || error.status === 403)) return 'refused';
    log(`proxy: waking ${ref.namespace}/${ref.name} failed: ${String(error)}`);
    return 'failed';
  }
}

/** One line per pod: its name, phase and whether it is ready. */
export function podLines(pods: readonly CachedPod[]): string[] {
  if (pods.length === 0) return ['No pod yet: the Deployment is being scaled up.'];
  return pods.map(
    (p) =>
      `Pod ${p.name}: ${p.deleting ? 'stopping' : (p.phase ?? 'Pending')}${p.ready ? ', ready' : ', not ready yet'}`,
  );
}

/** The page of an instance that is starting: its phase and pods; it reloads until the service answers. */
export function startingPage(
  ref: InstanceRef,
  instance: CachedInstance | undefined,
  pods: readonly CachedPod[],
  woken = false,
): Page {
  const phase = instance?.stopped === true ? 'Starting' : (instance?.phase ?? 'Starting');
  const said = instance?.stopped === true || instance?.message === undefined ? '' : ` (${instance.message})`;
  return {
    status: 503,
    title: `${ref.name} is starting`,
    message: `${woken ? `The service ${ref.name} in ${ref.namespace} was stopped for being idle; your visit started it again.` : `The service ${ref.name} in ${ref.namespace} is not ready yet.`} This page reloads by itself and opens the service once it is ready.`,
    items: [`Phase: ${phase}${said}`, ...podLines(pods)],
    retryAfter: startingRetrySeconds,
    refreshSeconds: startingRetrySeconds,
  };
}

/** For a visitor who may open the instance but not start it. */
export function mayNotStartPage(ref: InstanceRef, instance: CachedInstance): Page {
  const who =
    instance.creator === undefined
      ? `someone who may start service instances in ${ref.namespace}`
      : `${instance.creator}, who created it, or someone else who may start service instances in ${ref.namespace}`;
  return {
    status: 503,
    title: `${ref.name} is stopped`,
    message: `The service ${ref.name} in ${ref.namespace} was ${instance.message ?? 'stopped for being idle'}. You may open it but not start it: ask ${who} to start it, then reload this page.`,
    retryAfter: 30,
  };
}

/** When starting it failed for another reason (the cluster did not answer, say). */
export function wakeFailedPage(ref: InstanceRef): Page {
  return {
    status: 503,
    title: `${ref.name} could not be started`,
    message: `The service ${ref.name} in ${ref.namespace} is stopped, and starting it failed just now. Reload this page to try again.`,
    retryAfter: 5,
  };
}
