// GET /api/v1/workflows/events: the live workflow list. One stream per page, fed from the shared
// cache's event log (no apiserver watch per client), filtered to the namespaces the user may list —
// re-checked as their access decisions expire — and resumable with Last-Event-ID.
import type { FastifyInstance } from 'fastify';
import type { WorkflowRef, WorkflowRow } from '@argovue/api-types';
import { requireUser } from '../auth/routes.ts';
import { HttpError } from '../http/errors.ts';
import { namespaceNotFound } from '../namespaces/routes.ts';
import type { LoggedEvent } from '../sse/event-log.ts';
import { isClusterUnavailable } from '../kube/unavailable.ts';
import { askToReconnect, openSse, wantsEventStream } from '../sse/stream.ts';
import type { WorkflowDirectory } from './list.ts';
import { rowJson } from './row-json.ts';

const namespaceName = /^[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?$/;

export function registerWorkflowEvents(
  app: FastifyInstance,
  workflows: WorkflowDirectory,
  recheckMs: number,
): void {
  app.get('/api/v1/workflows/events', async (request, reply) => {
    const { user, session } = requireUser(request);
    const query = request.query as { namespace?: unknown; lastEventId?: unknown };
    const namespace =
      typeof query.namespace === 'string' && query.namespace !== '' ? query.namespace : undefined;
    if (namespace !== undefined && !namespaceName.test(namespace)) {
      throw new HttpError(
        400,
        'INPUT_INVALID',
        'namespace is not a namespace name.',
        'Leave it out to follow all your namespaces.',
      );
    }
    let listable: string[] | undefined;
    try {
      listable = await workflows.listableNamespaces(user, namespace);
    } catch (error) {
      // The cluster cannot say what the user may see: the browser is told to come back, not to give up.
      if (isClusterUnavailable(error) && wantsEventStream(request)) {
        askToReconnect(reply, 5000);
        return;
      }
      throw error;
    }
    let allowed = new Set(listable ?? []);
    if (namespace !== undefined && allowed.size === 0) throw namespaceNotFound(namespace);

    const header = request.headers['last-event-id'];
    const lastEventId =
      typeof header === 'string'
        ? header
        : typeof query.lastEventId === 'string'
          ? query.lastEventId
          : undefined;
    const { events } = workflows;
    const pending: LoggedEvent<WorkflowRow>[] = [];
    let replaying = true;
    const unsubscribe = events.subscribe((event) => {
      if (replaying) pending.push(event);
      else deliver(event);
    });
    const timers: NodeJS.Timeout[] = [];
    const stream = openSse(request, reply, () => {
      unsubscribe();
      for (const timer of timers) clearInterval(timer);
    });
    const deliver = (event: LoggedEvent<WorkflowRow>): void => {
      if (!allowed.has(event.namespace)) return;
      if (event.type === 'upsert') {
        // The row's JSON is made once for every stream that sends it.
        stream.sendJson('upsert', rowJson(event.value), events.idOf(event));
      } else {
        const ref: WorkflowRef = { namespace: event.value.namespace, name: event.value.name };
        stream.send('delete', ref, events.idOf(event));
      }
    };

    // Resume where the client was, or tell it to list again; then go live without a gap.
    let replayed: LoggedEvent<WorkflowRow>[] = [];
    if (lastEventId !== undefined) {
      const missed = events.since(lastEventId);
      if (missed === undefined)
        stream.send('reset', { reason: 'cannot-resume' }, events.idOf({ seq: events.head }));
      else replayed = missed;
    } else {
      stream.send('ready', {}, events.idOf({ seq: events.head }));
    }
    const replayedUpTo = replayed.at(-1)?.seq ?? 0;
    for (const event of replayed) deliver(event);
    for (const event of pending) if (event.seq > replayedUpTo) deliver(event);
    replaying = false;

    // Access can change: re-ask as decisions expire; the session's end ends the stream.
    timers.push(
      setInterval(() => {
        // While the apiserver cannot answer, the last decision stands until the next check.
        workflows.listableNamespaces(user, namespace).then(
          (names) => (allowed = new Set(names ?? [])),
          () => undefined,
        );
      }, recheckMs),
    );
    const sessionLeftMs = session.expiresAt * 1000 - Date.now();
    timers.push(setInterval(() => stream.close(), Math.max(sessionLeftMs, 1000)));
  });
}
