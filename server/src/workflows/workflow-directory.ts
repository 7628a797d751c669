// The workflows feature's one entry for routes: lists for a user (rows from the shared cache, only
// from namespaces where Kubernetes lets the user list workflows, filtered, sorted and paged), one
// workflow, its logs and the actions on it, each made as the user.
import type {
  SubmitWorkflowRequest,
  WorkflowAction,
  WorkflowActionResult,
  WorkflowDetail,
  WorkflowRow,
} from '@argovue/api-types';
import { actOnWorkflow, deleteWorkflow } from './actions/actions.ts';
import { resubmitWorkflow, type ResubmitRequest } from './actions/resubmit.ts';
import { retryWorkflow, type RetryRequest } from './actions/retry.ts';
import { submitWorkflow } from './actions/submit.ts';
import type { KubeIdentity, MappedUser } from '../auth/identity.ts';
import type { KubeApi } from '../kube/kube-api.ts';
import type { WatchCache } from '../kube/watch-cache.ts';
import { SharedWatches } from '../kube/shared-watches.ts';
import type { NamespaceDirectory } from '../namespaces/summaries.ts';
import { EventLog } from '../sse/event-log.ts';
import { readWorkflowForUser } from './detail/detail.ts';
import { LiveWorkflow } from './detail/live-workflow.ts';
import { openNodeLog, type LogRequest, type NodeLog } from './logs/node-log.ts';
import { workflowLogLines, type WorkflowLogLines, type WorkflowLogRequest } from './logs/interleaved-logs.ts';
import { ListSnapshots } from './list/list-snapshots.ts';
import { mapConcurrent } from '../lib/map-concurrent.ts';
import { listBodyJson } from './list/row-json.ts';
import { snapshotPage, type ListBody } from './list/list-body.ts';
import { rowFilterOf, type WorkflowQuery } from './list/query.ts';

const watchWorkflows = { verb: 'watch', group: 'argoproj.io', resource: 'workflows' } as const;
const getWorkflows = { verb: 'get', group: 'argoproj.io', resource: 'workflows' } as const;
const readPodLogs = { verb: 'get', group: '', resource: 'pods', subresource: 'log' } as const;
// A workflow page that reconnects within this long (EventSource retries after 2 s) resumes from the
// watch still held instead of costing the apiserver a new list and watch.
const liveLingerMs = 5000;

export class WorkflowDirectory {
  readonly #namespaces: NamespaceDirectory;
  readonly #api: KubeApi;
  readonly #snapshots: ListSnapshots;
  readonly #rows: WatchCache<WorkflowRow>;
  /** Numbered changes of the rows, for live lists. */
  readonly events: EventLog<WorkflowRow>;
  /** Workflows followed live by their pages, by `namespace/name`: one watch each, however many tabs. */
  readonly live: SharedWatches<LiveWorkflow>;

  constructor(
    rows: WatchCache<WorkflowRow>,
    namespaces: NamespaceDirectory,
    api: KubeApi,
    options: { log?: (message: string) => void; liveLingerMs?: number } = {},
  ) {
    this.#namespaces = namespaces;
    this.#api = api;
    this.#rows = rows;
    this.live = new SharedWatches((key) => {
      const [namespace = '', name = ''] = key.split('/');
      return new LiveWorkflow(api, namespace, name, options.log === undefined ? {} : { log: options.log });
    }, options.liveLingerMs ?? liveLingerMs);
    this.events = new EventLog(rows, (row) => row.namespace);
    const events = this.events;
    this.#snapshots = new ListSnapshots(
      (namespace) => rows.inNamespace(namespace),
      () => events.head,
    );
  }

  /** The namespaces whose workflows the user may list: one, if named and allowed, or all of theirs. */
  async listableNamespaces(identity: KubeIdentity, namespace?: string): Promise<string[] | undefined> {
    if (namespace === undefined)
      return (await this.#namespaces.usableNamespaces(identity)).map((ns) => ns.name);
    return (await this.#namespaces.mayUse(identity, namespace)) ? [namespace] : undefined;
  }

  /**
   * The namespaces whose workflows the user may watch (a live list is a watch), among those they may
   * use: one, if named and allowed, or all of theirs.
   */
  async watchableNamespaces(identity: KubeIdentity, namespace?: string): Promise<string[] | undefined> {
    const usable = await this.listableNamespaces(identity, namespace);
    if (usable === undefined) return undefined;
    const watchable = await mapConcurrent(usable, 16, async (ns) =>
      (await this.#namespaces.may(identity, ns, watchWorkflows)) ? ns : undefined,
    );
    const names = watchable.filter((ns) => ns !== undefined);
    return namespace !== undefined && names.length === 0 ? undefined : names;
  }

  /** May the user get and watch this workflow (its live page is both)? Asked again while it streams. */
  async mayFollow(identity: KubeIdentity, namespace: string, name: string): Promise<boolean> {
    const [get, watch] = await Promise.all([
      this.#namespaces.may(identity, namespace, { ...getWorkflows, name }),
      this.#namespaces.may(identity, namespace, { ...watchWorkflows, name }),
    ]);
    return get && watch;
  }

  /** May the user still read pod logs in the namespace (asked again while a log streams)? */
  mayReadLogs(identity: KubeIdentity, namespace: string): Promise<boolean> {
    return this.#namespaces.may(identity, namespace, readPodLogs);
  }

  submit(
    identity: KubeIdentity,
    namespace: string,
    request: SubmitWorkflowRequest,
  ): Promise<WorkflowActionResult> {
    return submitWorkflow(this.#api, identity, namespace, request);
  }

  act(
    identity: KubeIdentity,
    namespace: string,
    name: string,
    action: WorkflowAction,
  ): Promise<WorkflowActionResult> {
    return actOnWorkflow(this.#api, identity, namespace, name, action);
  }

  resubmit(
    identity: MappedUser,
    namespace: string,
    name: string,
    request: ResubmitRequest,
  ): Promise<WorkflowActionResult> {
    return resubmitWorkflow(this.#api, identity, namespace, name, request);
  }

  retry(
    identity: MappedUser,
    namespace: string,
    name: string,
    request: RetryRequest,
  ): Promise<WorkflowActionResult> {
    return retryWorkflow(this.#api, identity, namespace, name, request);
  }

  delete(identity: KubeIdentity, namespace: string, name: string): Promise<WorkflowActionResult> {
    return deleteWorkflow(this.#api, identity, namespace, name);
  }

  /** Every pod's log of a workflow, interleaved, read as the user. */
  allLogs(identity: KubeIdentity, req: WorkflowLogRequest, signal: AbortSignal): Promise<WorkflowLogLines> {
    return workflowLogLines(this.#api, identity, req, signal);
  }

  /** A node's container log, streamed, read as the user. */
  openNodeLog(identity: KubeIdentity, req: LogRequest, signal: AbortSignal): Promise<NodeLog> {
    return openNodeLog(this.#api, identity, req, signal);
  }

  /** One workflow, read as the user; NOT_FOUND alike when it does not exist or they may not see it. */
  getForUser(identity: KubeIdentity, namespace: string, name: string): Promise<WorkflowDetail> {
    return readWorkflowForUser(this.#api, identity, namespace, name);
  }

  /**
   * Rows of the given namespaces (from `listableNamespaces`), filtered, sorted and paged, as the JSON
   * of a WorkflowList (or its compact form) made of each row's JSON made once (row-json.ts).
   */
  listJson(namespaces: readonly string[], query: WorkflowQuery): ListBody {
    const { matches, rows, total, next, eventId } = this.#page(namespaces, query);
    const tail = {
      total,
      ...(this.loading ? { totalAtLeast: true, loading: true } : {}),
      ...(next === undefined ? {} : { continue: next }),
      eventId,
    };
    // The same snapshot, page and tail are the same bytes: kept compressed with the snapshot.
    const key = `${query.format ?? 'objects'} ${query.continue ?? ''} ${query.limit} ${JSON.stringify(tail)}`;
    return snapshotPage(matches, key, () => listBodyJson(rows, tail, query.format));
  }

  /** Whether ArgoVue is still reading the cluster's workflows after its start (lists hold part). */
  get loading(): boolean {
    return !this.#rows.complete;
  }

  /** Every live row of the namespaces matching the query, in its order, and the list's event id. */
  liveMatches(
    namespaces: readonly string[],
    query: WorkflowQuery,
  ): { rows: readonly WorkflowRow[]; eventId: string } {
    const eventId = this.events.idOf({ seq: this.events.head });
    const rows = this.#snapshots.rows(
      { namespaces, filter: rowFilterOf(query), sort: query.sort },
      Date.now(),
    );
    return { rows, eventId };
  }

  /** Namespace, name and creation time of every live workflow of the namespaces. */
  liveRuns(namespaces: readonly string[]): { namespaces: string[]; names: string[]; createdAts: string[] } {
    const runs = { namespaces: [] as string[], names: [] as string[], createdAts: [] as string[] };
    for (const namespace of namespaces) {
      for (const row of this.#rows.inNamespace(namespace)) {
        if (row.createdAt === '') continue;
        runs.namespaces.push(row.namespace);
        runs.names.push(row.name);
        runs.createdAts.push(row.createdAt);
      }
    }
    return runs;
  }

  #page(
    namespaces: readonly string[],
    query: WorkflowQuery,
  ): {
    matches: readonly WorkflowRow[];
    rows: readonly WorkflowRow[];
    total: number;
    next: string | undefined;
    eventId: string;
  } {
    // This list's position in the event log: a stream resumed from it gets every later change.
    const eventId = this.events.idOf({ seq: this.events.head });
    const matches = this.#snapshots.rows(
      { namespaces, filter: rowFilterOf(query), sort: query.sort },
      Date.now(),
    );
    const offset = Number((query.continue ?? '0').split('.')[0]);
    const rows = matches.slice(offset, offset + query.limit);
    const end = offset + rows.length;
    return {
      matches,
      rows,
      total: matches.length,
      next: end < matches.length ? String(end) : undefined,
      eventId,
    };
  }
}
