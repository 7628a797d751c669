// A client's live workflow list as the web app keeps it: every row from the list API, then every
// change from the event stream resumed at the list's eventId. Fault tests compare its rows with what
// the apiserver holds, and count what it was told after a moment.
import type { WorkflowList, WorkflowRef, WorkflowRow } from '@argovue/api-types';
import { custom } from '../../devcluster/test/cluster.ts';
import { workflowRow } from '../../server/src/workflows/list/rows.ts';
import type { ApiClient } from './api-client.ts';
import { SseReader, type SseEvent } from './sse.ts';

const keyOf = (ref: WorkflowRef): string => `${ref.namespace}/${ref.name}`;

export class LiveList {
  readonly #listed: Map<string, WorkflowRow>;
  readonly stream: SseReader;

  private constructor(listed: Map<string, WorkflowRow>, stream: SseReader) {
    this.#listed = listed;
    this.stream = stream;
  }

  static async open(client: ApiClient): Promise<LiveList> {
    const listed = new Map<string, WorkflowRow>();
    let eventId: string | undefined;
    let next: string | undefined;
    do {
      const page = await client.json<WorkflowList>(
        `/api/v1/workflows?limit=1000${next === undefined ? '' : `&continue=${next}`}`,
      );
      if (page.status !== 200) throw new Error(`the list answered ${page.status}`);
      for (const row of page.body.items) listed.set(keyOf(row), row);
      eventId ??= page.body.eventId;
      next = page.body.continue;
    } while (next !== undefined);
    const res = await client.fetch(`/api/v1/workflows/events?lastEventId=${eventId}`, {
      headers: { accept: 'text/event-stream' },
    });
    if (res.status !== 200) throw new Error(`the stream answered ${res.status}`);
    return new LiveList(listed, new SseReader(res));
  }

  /** The rows now: the list with every change since applied in order. */
  rows(): Map<string, WorkflowRow> {
    const rows = new Map(this.#listed);
    for (const event of this.stream.events) {
      if (event.event === 'upsert') rows.set(keyOf(event.data as WorkflowRow), event.data as WorkflowRow);
      else if (event.event === 'delete') rows.delete(keyOf(event.data as WorkflowRef));
    }
    return rows;
  }

  /** Changes told from the `from`th event on. */
  changesFrom(from: number): SseEvent[] {
    return this.stream.events.slice(from).filter((e) => e.event === 'upsert' || e.event === 'delete');
  }

  close(): Promise<void> {
    return this.stream.close();
  }
}

interface ListedWorkflow {
  metadata: { namespace: string; name: string; resourceVersion: string };
}

/** The apiserver's workflows of these namespaces (read as admin): rows as ArgoVue makes them, and versions. */
export async function apiserverWorkflows(
  namespaces: string[],
): Promise<{ rows: Map<string, WorkflowRow>; versions: Map<string, string> }> {
  const rows = new Map<string, WorkflowRow>();
  const versions = new Map<string, string>();
  for (const namespace of namespaces) {
    const list = (await custom.listNamespacedCustomObject({
      group: 'argoproj.io',
      version: 'v1alpha1',
      plural: 'workflows',
      namespace,
    })) as { items: ListedWorkflow[] };
    for (const item of list.items) {
      const key = keyOf(item.metadata);
      rows.set(key, workflowRow(item));
      versions.set(key, item.metadata.resourceVersion);
    }
  }
  return { rows, versions };
}

/** Keys whose rows differ between the two (missing on one side, or another value). */
export function differingRows(
  expected: Map<string, WorkflowRow>,
  actual: Map<string, WorkflowRow>,
): string[] {
  const keys = new Set([...expected.keys(), ...actual.keys()]);
  return [...keys].filter((key) => JSON.stringify(expected.get(key)) !== JSON.stringify(actual.get(key)));
}
