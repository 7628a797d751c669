// One workflow followed live for every tab that shows it: one field-selected watch (as ArgoVue; each
// tab's user was checked before it may look), the workflow as the page shows it, and the deltas
// between its versions, each made once and as JSON once, however many tabs send it. A delta goes from
// one resourceVersion to the next one seen; the ids a browser resumes from are those versions, so a
// reconnect — to this tab's watch, another tab's, or another replica's — resumes exactly where the
// browser was when the version is still in the log kept here, and gets the whole state otherwise.
import { randomBytes } from 'node:crypto';
import type { WorkflowDelta, WorkflowDetail, WorkflowNode } from '@argovue/api-types';
import { deltaOf, diffWorkflowFields } from '@argovue/api-types/workflow-deltas';
import type { KubeApi } from '../../kube/kube-api.ts';
import { apiPath, kinds } from '../../kube/api-paths.ts';
import { WatchCache, type CacheEvent } from '../../kube/watch-cache.ts';
import { forgetLiveWorkflowNodes, liveWorkflowNodes } from '../nodes.ts';
import { workflowDetailWith, type RawWorkflowObject } from './detail.ts';

interface RawWorkflow extends RawWorkflowObject {
  metadata?: RawWorkflowObject['metadata'] & { resourceVersion?: string; uid?: string };
}

export type LiveEvent =
  | { type: 'snapshot'; id: string; json: string }
  | { type: 'delta'; id: string; json: string; delta: WorkflowDelta }
  | { type: 'deleted' };

interface Version {
  detail: WorkflowDetail;
  /** The workflow's resourceVersion: the event id of this state. */
  id: string;
  uid: string;
}

interface LoggedDelta {
  from: string;
  id: string;
  json: string;
}

export interface LiveWorkflowOptions {
  /** Deltas kept to resume from (the newest), and their bytes at most. */
  keepDeltas?: number;
  keepBytes?: number;
  log?: (message: string) => void;
}

/** What the YAML view shows: the object without managedFields, which kubectl does not print either. */
function withoutManagedFields(detail: WorkflowDetail): WorkflowDetail {
  const object = detail.object as { metadata?: Record<string, unknown> } | null;
  if (typeof object !== 'object' || object === null || object.metadata === undefined) return detail;
  const { managedFields: _managedFields, ...metadata } = object.metadata;
  return { ...detail, object: { ...object, metadata } };
}

export class LiveWorkflow {
  readonly #cache: WatchCache<RawWorkflow>;
  readonly #keepDeltas: number;
  readonly #keepBytes: number;
  readonly #log: (message: string) => void;
  readonly #listeners = new Set<(event: LiveEvent) => void>();
  readonly #deltas: LoggedDelta[] = [];
  #deltaBytes = 0;
  /** The state shown; `null` once the workflow is known not to exist, undefined before that is known. */
  #current: Version | null | undefined;
  #snapshotJson: string | undefined;
  /** The newest change not yet made into a state (changes that arrive meanwhile replace it). */
  #next: CacheEvent<RawWorkflow> | undefined;
  #working = false;
  #ready: Promise<void>;
  #markReady: () => void = () => undefined;
  #stopped = false;
  /** The nodes as last read, in order, and the worker's version of them (compressed node maps). */
  #nodes = new Map<string, WorkflowNode>();
  #nodesVersion: string | undefined;
  /** What the worker keeps this workflow's nodes under. */
  readonly #workerKey = randomBytes(8).toString('hex');

  constructor(api: KubeApi, namespace: string, name: string, options: LiveWorkflowOptions = {}) {
    this.#keepDeltas = options.keepDeltas ?? 500;
    this.#keepBytes = options.keepBytes ?? 8 * 1024 * 1024;
    this.#log = options.log ?? (() => undefined);
    this.#ready = new Promise((resolve) => (this.#markReady = resolve));
    this.#cache = new WatchCache<RawWorkflow>(api, {
      path: apiPath(kinds.workflows, { namespace }),
      fieldSelector: `metadata.name=${name}`,
      project: (object) => object as RawWorkflow,
      log: this.#log,
    });
    this.#cache.subscribe((event) => {
      this.#next = event;
      this.#work();
    });
    this.#cache.start();
    this.#cache
      .ready()
      .then(() => {
        // Listed and not there: known to be missing (an upsert, if any, is being made into a state).
        if (this.#cache.size === 0 && this.#next === undefined && !this.#working) {
          this.#current = null;
          this.#markReady();
        }
      })
      .catch((error: unknown) => this.#log(`live workflow ${namespace}/${name}: ${String(error)}`));
  }

  /** Resolves once the first state is known (the workflow, or that it does not exist). */
  ready(): Promise<void> {
    return this.#ready;
  }

  /** The state now: undefined before it is known, null when the workflow does not exist. */
  get current(): { id: string; detail: WorkflowDetail } | null | undefined {
    return this.#current;
  }

  /** The current state as a snapshot event's JSON, made once per state. */
  snapshotJson(): string | undefined {
    if (this.#current === undefined || this.#current === null) return undefined;
    this.#snapshotJson ??= JSON.stringify(this.#current.detail);
    return this.#snapshotJson;
  }

  /**
   * The deltas from state `id` to the current one (empty: it is current), or undefined when they are
   * not kept (too old, another workflow of the same name, or not a version seen here).
   */
  since(id: string): readonly { id: string; json: string }[] | undefined {
    const current = this.#current;
    if (current === undefined || current === null) return undefined;
    if (id === current.id) return [];
    const from = this.#deltas.findIndex((delta) => delta.from === id);
    return from === -1 ? undefined : this.#deltas.slice(from);
  }

  subscribe(listener: (event: LiveEvent) => void): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  stop(): void {
    this.#stopped = true;
    this.#cache.stop();
    this.#listeners.clear();
    forgetLiveWorkflowNodes(this.#workerKey);
  }

  /** Makes the newest change into a state, one at a time (inflating compressed nodes takes a while). */
  #work(): void {
    if (this.#working) return;
    this.#working = true;
    const step = async (): Promise<void> => {
      while (this.#next !== undefined && !this.#stopped) {
        const event = this.#next;
        this.#next = undefined;
        if (event.type === 'delete') this.#deleted();
        else await this.#changed(event.value);
      }
    };
    step()
      .catch((error: unknown) =>
        this.#log(`live workflow: a change could not be made into a state: ${String(error)}`),
      )
      .finally(() => {
        this.#working = false;
        // A change that came in as the loop ended.
        if (this.#next !== undefined && !this.#stopped) this.#work();
      });
  }

  async #changed(object: RawWorkflow): Promise<void> {
    const before = this.#current;
    const uid = object.metadata?.uid ?? '';
    // Another workflow of the name starts from nothing; so does one whose nodes could not be read.
    const sameWorkflow = before !== undefined && before !== null && before.uid === uid;
    if (!sameWorkflow) {
      this.#nodes = new Map();
      this.#nodesVersion = undefined;
    }
    const nodes = await liveWorkflowNodes(this.#workerKey, this.#nodesVersion, object.status, this.#nodes);
    let changed: WorkflowNode[] = [];
    let removed: string[] = [];
    if (nodes.ok) {
      changed = nodes.changed;
      removed = nodes.removed;
      this.#nodesVersion = nodes.version;
      if (nodes.all !== undefined) this.#nodes = new Map(nodes.all.map((node) => [node.id, node]));
      else {
        // Copied, not changed in place: the state before (and its snapshot) keeps its nodes.
        this.#nodes = new Map(this.#nodes);
        for (const id of removed) this.#nodes.delete(id);
        for (const node of changed) this.#nodes.set(node.id, node);
      }
    } else {
      removed = [...this.#nodes.keys()];
      this.#nodes = new Map();
      this.#nodesVersion = undefined;
    }
    const detail = withoutManagedFields(
      workflowDetailWith(object, nodes.ok ? { ok: true, nodes: [...this.#nodes.values()] } : nodes),
    );
    const next: Version = { detail, id: object.metadata?.resourceVersion ?? '', uid };
    this.#current = next;
    this.#snapshotJson = undefined;
    this.#markReady();
    if (before === undefined) return;
    if (!sameWorkflow) {
      // A workflow made again under the name: nothing of the old one's deltas applies.
      this.#deltas.length = 0;
      this.#deltaBytes = 0;
      const json = this.snapshotJson() ?? '';
      this.#emit({ type: 'snapshot', id: next.id, json });
      return;
    }
    const delta = deltaOf(changed, removed, diffWorkflowFields(before.detail, detail)) ?? {};
    const json = JSON.stringify(delta);
    this.#deltas.push({ from: before.id, id: next.id, json });
    this.#deltaBytes += json.length;
    while (
      this.#deltas.length > 1 &&
      (this.#deltas.length > this.#keepDeltas || this.#deltaBytes > this.#keepBytes)
    ) {
      this.#deltaBytes -= this.#deltas.shift()?.json.length ?? 0;
    }
    this.#emit({ type: 'delta', id: next.id, json, delta });
  }

  #deleted(): void {
    this.#current = null;
    this.#nodes = new Map();
    this.#nodesVersion = undefined;
    this.#snapshotJson = undefined;
    this.#deltas.length = 0;
    this.#deltaBytes = 0;
    this.#markReady();
    this.#emit({ type: 'deleted' });
  }

  #emit(event: LiveEvent): void {
    for (const listener of this.#listeners) listener(event);
  }
}
