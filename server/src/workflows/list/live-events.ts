// GET /api/v1/workflows/events: the live workflow list. One stream per page, fed from the shared
// cache's event log (no apiserver watch per client), filtered to the namespaces where Kubernetes lets
// the user watch workflows (a stream is a watch: `list` alone is not enough), and resumable with
// Last-Event-ID. Open streams are registered with OpenStreams: counted against the stream caps, and
// ended when the session ends; every authorization period the namespaces are asked again — a
// stream of one namespace the user lost ends, a stream of all drops the namespace and tells the
// browser to list again (its rows of that namespace must go).
import type { FastifyInstance } from 'fastify';
import type { WorkflowRef, WorkflowRow } from '@argovue/api-types';
import { requireUser } from '../../http/request-guards.ts';
import { streamed } from '../../http/compression.ts';
import { HttpError } from '../../http/errors.ts';
import { notFound } from '../../http/kube-errors.ts';
import type { LoggedEvent } from '../../sse/event-log.ts';
import { isClusterUnavailable } from '../../kube/unavailable.ts';
import { askToReconnect, openSse, wantsEventStream } from '../../sse/stream.ts';
import { endMessage, type OpenStreams } from '../../streams/open-streams.ts';
import type { WorkflowDirectory } from '../workflow-directory.ts';
import { rowJson } from './row-json.ts';

/** About the bytes a replay sends (each row's JSON is made once and kept). */
function replayBytes(events: readonly LoggedEvent<WorkflowRow>[]): number {
  let bytes = 0;
  for (const event of events) bytes += event.type === 'upsert' ? rowJson(event.value).length + 60 : 200;
  return bytes;
}

const namespaceName = /^[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?$/;

export interface LiveListOptions {
  /** Bytes a client may leave unread before it is dropped (it then resumes by Last-Event-ID). */
  maxBufferedBytes: number;
}

export function registerWorkflowEvents(
  app: FastifyInstance,
  workflows: WorkflowDirectory,
  streams: OpenStreams,
  options: LiveListOptions,
): void {
  app.get('/api/v1/workflows/events', streamed, async (request, reply) => {
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
    let watchable: string[] | undefined;
    try {
      watchable = await workflows.watchableNamespaces(user, namespace);
    } catch (error) {
      // The cluster cannot say what the user may see: the browser is told to come back, not to give up.
      if (isClusterUnavailable(error) && wantsEventStream(request)) {
        askToReconnect(reply, 5000);
        return reply;
      }
      throw error;
    }
    let allowed = new Set(watchable ?? []);
    if (namespace !== undefined && allowed.size === 0) throw notFound({ kind: 'Namespace', name: namespace });

    const header = request.headers['last-event-id'];
    const lastEventId =
      typeof header === 'string'
        ? header
        : typeof query.lastEventId === 'string'
          ? query.lastEventId
          : undefined;
    const { events } = workflows;

    // Counted before anything is sent: past a cap the answer is a plain 429.
    const handle = streams.open({
      user: user.username,
      session,
      slots: 1,
      recheck: async () => {
        const now = new Set((await workflows.watchableNamespaces(user, namespace)) ?? []);
        if (namespace !== undefined) return now.size > 0;
        const lost = [...allowed].some((ns) => !now.has(ns));
        allowed = now;
        if (lost) stream.send('reset', { reason: 'access-changed' }, events.idOf({ seq: events.head }));
        return true;
      },
      end: (reason) => {
        // A stopping server just ends the stream: EventSource reconnects (to a replica that runs, or
        // to this one restarted, which answers `reset`). Otherwise the browser is told why.
        if (reason !== 'server-stopping') stream.send('end', { reason, message: endMessage(reason) });
        stream.close();
      },
    });

    const pending: LoggedEvent<WorkflowRow>[] = [];
    let replaying = true;
    const unsubscribe = events.subscribe((event) => {
      if (replaying) pending.push(event);
      else deliver(event);
    });
    const stream = openSse(reply, {
      maxBufferedBytes: options.maxBufferedBytes,
      onClose: () => {
        unsubscribe();
        handle.release();
      },
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
      const missed = events.since(lastEventId)?.filter((event) => allowed.has(event.namespace));
      if (missed === undefined)
        stream.send('reset', { reason: 'cannot-resume' }, events.idOf({ seq: events.head }));
      // A client far behind would be dropped by the replay itself (more than it may leave unread)
      // and come back for the same replay: listing again is cheaper and ends that loop.
      else if (replayBytes(missed) > options.maxBufferedBytes / 2)
        stream.send('reset', { reason: 'too-far-behind' }, events.idOf({ seq: events.head }));
      else replayed = missed;
    } else {
      stream.send('ready', {}, events.idOf({ seq: events.head }));
    }
    const replayedUpTo = replayed.at(-1)?.seq ?? 0;
    for (const event of replayed) deliver(event);
    for (const event of pending) if (event.seq > replayedUpTo) deliver(event);
    replaying = false;
    return reply;
  });
}
