// GET /api/v1/namespaces/:namespace/workflows/:name/live: one workflow's page, live, by deltas
// (Server-Sent Events; the events are api-types/src/workflow-deltas.ts's). The user is checked first,
// as they are: they must read the workflow (a GET made as them: a workflow they may not read answers
// exactly like a missing one) and may watch it (a stream is a watch). Then the shared LiveWorkflow
// serves it — one apiserver watch for all tabs on the workflow — and the stream is registered with
// OpenStreams: capped, ended when the session ends, and asked again every authorization period
// whether the user may still get and watch the workflow (else it ends: access-lost).
import type { FastifyInstance } from 'fastify';
import { streamed } from '../../http/compression.ts';
import { notFound } from '../../http/kube-errors.ts';
import { namespaceParam, workflowNameParam } from '../../http/params.ts';
import { abortOnClose, requireUser } from '../../http/request-guards.ts';
import type { KubeApi } from '../../kube/kube-api.ts';
import { isClusterUnavailable } from '../../kube/unavailable.ts';
import { askToReconnect, openSse, wantsEventStream, type SseStream } from '../../sse/stream.ts';
import { endMessage, type OpenStreams } from '../../streams/open-streams.ts';
import type { WorkflowDirectory } from '../workflow-directory.ts';
import { aWorkflow } from '../workflow-ref.ts';
import type { LiveEvent } from './live-workflow.ts';
import { workflowUidForUser } from './workflow-metadata.ts';

export interface LiveWorkflowOptions {
  /** Bytes a client may leave unread (beyond one whole state) before it is dropped; it then resumes. */
  maxBufferedBytes: number;
}

export function registerLiveWorkflowRoute(
  app: FastifyInstance,
  api: KubeApi,
  workflows: WorkflowDirectory,
  streams: OpenStreams,
  options: LiveWorkflowOptions,
): void {
  app.get('/api/v1/namespaces/:namespace/workflows/:name/live', streamed, async (request, reply) => {
    const { user, session } = requireUser(request);
    const namespace = namespaceParam(request);
    const name = workflowNameParam(request);
    const query = request.query as { lastEventId?: unknown };
    const header = request.headers['last-event-id'];
    const lastEventId =
      typeof header === 'string' && header !== ''
        ? header
        : typeof query.lastEventId === 'string' && query.lastEventId !== ''
          ? query.lastEventId
          : undefined;
    const gone = abortOnClose(request);
    try {
      // As the user: NOT_FOUND alike whether it does not exist or they may not read it.
      await workflowUidForUser(api, user, namespace, name, gone);
      if (!(await workflows.mayFollow(user, namespace, name))) throw notFound(aWorkflow(namespace, name));
    } catch (error) {
      // The cluster cannot say: the browser is told to come back, not to give up.
      if (isClusterUnavailable(error) && wantsEventStream(request)) {
        askToReconnect(reply, 5000);
        return reply;
      }
      throw error;
    }

    // Counted before anything is sent: past a cap the answer is a plain 429.
    // Set once the stream is open; `ended` when it was ended before it opened.
    const state: { stream?: SseStream; ended: boolean } = { ended: false };
    const handle = streams.open({
      user: user.username,
      session,
      slots: 1,
      recheck: () => workflows.mayFollow(user, namespace, name),
      end: (reason) => {
        state.ended = true;
        const { stream } = state;
        if (stream === undefined) return;
        // A stopping server just ends the stream: the browser reconnects and resumes.
        if (reason !== 'server-stopping') stream.send('end', { reason, message: endMessage(reason) });
        stream.close();
      },
    });
    const live = workflows.live.acquire(`${namespace}/${name}`);
    const release = (): void => {
      live.release();
      handle.release();
    };
    // Until the first state is known (a list of one object, its nodes inflated) nothing is sent.
    await Promise.race([
      live.value.ready(),
      new Promise((resolve) => gone.addEventListener('abort', resolve)),
    ]);
    if (gone.aborted || state.ended) {
      release();
      return reply;
    }
    const workflow = live.value;
    const snapshot = workflow.snapshotJson();
    let unsubscribe = (): void => undefined;
    const sse = openSse(reply, {
      // One whole state goes out at once; past that, what a client may leave unread is the setting's.
      maxBufferedBytes: options.maxBufferedBytes + (snapshot?.length ?? 0),
      onClose: () => {
        unsubscribe();
        release();
      },
    });
    state.stream = sse;
    const deleted = (): void => {
      sse.send('deleted', aWorkflow(namespace, name));
      sse.close();
    };
    // Resume where the browser was, or send the whole state; then live. All of it synchronous: no
    // change can come in between the state sent and the subscription.
    const current = workflow.current;
    if (current === null || current === undefined || snapshot === undefined) {
      deleted();
      return reply;
    }
    const missed = lastEventId === undefined ? undefined : workflow.since(lastEventId);
    if (missed === undefined) sse.sendJson('snapshot', snapshot, current.id);
    else for (const delta of missed) sse.sendJson('delta', delta.json, delta.id);
    if (!sse.closed)
      unsubscribe = workflow.subscribe((event: LiveEvent) => {
        if (event.type === 'deleted') deleted();
        else sse.sendJson(event.type, event.json, event.id);
      });
    return reply;
  });
}
