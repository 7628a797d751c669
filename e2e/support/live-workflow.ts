// A workflow's live page stream (GET …/workflows/:name/live) read as a page reads it: the snapshot and
// every delta applied with the web app's own code (api-types/src/workflow-deltas.ts), so a test can
// compare what the page would show with the apiserver's state.
import type { WorkflowDelta, WorkflowDetail } from '@argovue/api-types';
import { applyWorkflowDelta } from '@argovue/api-types/workflow-deltas';
import { KubeConfig } from '@kubernetes/client-node';
import { custom } from '../../devcluster/test/cluster.ts';
import { KubeApi } from '../../server/src/kube/kube-api.ts';
import { workflowDetailOf, type RawWorkflowObject } from '../../server/src/workflows/detail/detail.ts';
import type { ApiClient } from './api-client.ts';
import { SseReader, type SseEvent } from './sse.ts';

export interface OpenedLive {
  status: number;
  /** The error's JSON when the answer is not a stream. */
  error?: { code: string; status: number; message: string };
  live?: LiveWorkflowReader;
}

/** Opens the stream as the client's user, resuming from `lastEventId` when given. */
export async function openLiveWorkflow(
  client: ApiClient,
  namespace: string,
  name: string,
  lastEventId?: string,
): Promise<OpenedLive> {
  const res = await client.fetch(`/api/v1/namespaces/${namespace}/workflows/${name}/live`, {
    headers: {
      accept: 'text/event-stream',
      ...(lastEventId === undefined ? {} : { 'last-event-id': lastEventId }),
    },
  });
  if (res.status !== 200 || !(res.headers.get('content-type') ?? '').startsWith('text/event-stream')) {
    const text = await res.text();
    return { status: res.status, error: JSON.parse(text) as OpenedLive['error'] & object };
  }
  return { status: res.status, live: new LiveWorkflowReader(res) };
}

/** The stream's events, and the state they make when applied in order. */
export class LiveWorkflowReader {
  readonly sse: SseReader;
  #applied = 0;
  #state: WorkflowDetail | undefined;
  /** Bytes of each event's data as sent (the JSON), by type. */
  readonly bytes = { snapshot: [] as number[], delta: [] as number[] };

  constructor(res: Response) {
    this.sse = new SseReader(res);
  }

  get events(): readonly SseEvent[] {
    return this.sse.events;
  }

  /** The state after every event received so far (a resumed stream starts from `from`). */
  state(from?: WorkflowDetail): WorkflowDetail | undefined {
    if (this.#applied === 0 && from !== undefined && this.#state === undefined) this.#state = from;
    for (; this.#applied < this.sse.events.length; this.#applied++) {
      const event = this.sse.events[this.#applied] as SseEvent;
      if (event.event === 'snapshot') this.#state = event.data as WorkflowDetail;
      else if (event.event === 'delta') {
        if (this.#state === undefined) throw new Error('a delta came before any state');
        this.#state = applyWorkflowDelta(this.#state, event.data as WorkflowDelta);
      }
    }
    return this.#state;
  }

  /** The id of the last event that carried one. */
  get lastId(): string | undefined {
    return this.sse.events.findLast((e) => e.id !== undefined)?.id;
  }

  close(): Promise<void> {
    return this.sse.close();
  }
}

/** The workflow as the page shows it, from the apiserver (as admin), with its resourceVersion. */
export async function apiserverDetail(
  namespace: string,
  name: string,
): Promise<{ version: string; detail: WorkflowDetail }> {
  const object = (await custom.getNamespacedCustomObject({
    group: 'argoproj.io',
    version: 'v1alpha1',
    plural: 'workflows',
    namespace,
    name,
  })) as RawWorkflowObject & { metadata: { resourceVersion: string; managedFields?: unknown } };
  const { managedFields: _managedFields, ...metadata } = object.metadata;
  return {
    version: object.metadata.resourceVersion,
    detail: await workflowDetailOf({ ...object, metadata }),
  };
}

/** A detail in a form to compare: nodes by id (their order is the page's business), JSON values. */
export function comparable(detail: WorkflowDetail): unknown {
  const sorted = [...detail.nodes].sort((a, b) => a.id.localeCompare(b.id));
  return JSON.parse(JSON.stringify({ ...detail, nodes: sorted }));
}

let admin: KubeApi | undefined;

/** A JSON merge patch of the workflow, as admin (a change the controller did not make). */
export async function mergePatchWorkflow(namespace: string, name: string, patch: object): Promise<void> {
  if (admin === undefined) {
    const kc = new KubeConfig();
    kc.loadFromDefault();
    admin = new KubeApi(kc);
  }
  await admin.json({
    method: 'PATCH',
    path: `/apis/argoproj.io/v1alpha1/namespaces/${namespace}/workflows/${name}`,
    contentType: 'application/merge-patch+json',
    body: patch,
    // No impersonation: made as the kubeconfig's admin.
    as: 'argovue',
  });
}
