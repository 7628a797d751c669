// Workflows: the list's rows, its live events, and one workflow with its graph.
import type { NodeOutputs } from './workflow-nodes.ts';

export type WorkflowPhase = 'Pending' | 'Running' | 'Succeeded' | 'Failed' | 'Error';

/**
 * One row of a workflow list: the fields a list shows, nothing more (no uid: namespace and name
 * identify a row; every byte here is sent for each of up to 20,000 rows).
 */
export interface WorkflowRow {
  namespace: string;
  name: string;
  phase: WorkflowPhase;
  message?: string;
  /** The WorkflowTemplate (or ClusterWorkflowTemplate) it was submitted from. */
  template?: { name: string; cluster: boolean };
  /** Who submitted it, when Argo or ArgoVue recorded it. */
  submitter?: string;
  createdAt: string;
  startedAt?: string;
  finishedAt?: string;
  /** Pods done / pods in all, from Argo's `status.progress` ("3/4"). */
  progress?: { done: number; total: number };
  labels: Record<string, string>;
  /** `spec.suspend` is set: the whole workflow waits to be resumed. */
  suspended?: true;
  /** A stop or terminate was asked for (`spec.shutdown`) and the controller is acting on it. */
  shutdown?: 'Stop' | 'Terminate';
  /**
   * Set on a run read from Argo's workflow archive that is no longer in the cluster: its uid, which
   * names its page (GET /api/v1/namespaces/:namespace/archived-workflows/:uid).
   */
  archivedUid?: string;
}

/** GET /api/v1/workflows and GET /api/v1/namespaces/:namespace/workflows */
export interface WorkflowList {
  items: WorkflowRow[];
  /**
   * Rows matching the filters, across all pages (at least this many when `totalAtLeast`). Archived
   * runs are counted at most ARGOVUE_ARCHIVE_COUNT_CACHE_SECONDS ago, never fewer than the rows a
   * list has shown; whether more pages follow is `continue`, never this.
   */
  total: number;
  /**
   * Archived runs were counted only up to a bound (counting 100,000 would cost more than the page):
   * `total` is a lower bound, and more pages follow while `continue` is given.
   */
  totalAtLeast?: true;
  /**
   * The archive's matches were not counted lately: `total` is the rows known to exist (a lower bound,
   * `totalAtLeast` is set). The page does not wait for a count; GET /api/v1/workflows/total with the
   * same filters counts them (a WorkflowListTotal).
   */
  totalCounting?: true;
  /** Pass as `continue` for the next page; absent on the last one. */
  continue?: string;
  /** Open /api/v1/workflows/events with `lastEventId` = this to get every change after this list. */
  eventId: string;
  /**
   * `unavailable`: ArgoVue reads an archive but could not now, so only live rows are here. Absent when
   * the archive was read, or when ArgoVue has none.
   */
  archive?: 'unavailable';
  /**
   * ArgoVue has just started and is still reading the cluster's workflows: the rows here are those
   * read so far (`total` is a lower bound, `totalAtLeast` is set); the others arrive as `upsert`
   * events on the stream opened from `eventId`.
   */
  loading?: true;
}

/**
 * GET /api/v1/workflows/total: how many rows a list with the same filters holds, live and archived
 * (the list's `phase`, `label`, `template`, `q`, `since`, and `namespace` for one namespace's list).
 */
export interface WorkflowListTotal {
  total: number;
  /** The archive's matches were counted only up to a bound: `total` is a lower bound. */
  totalAtLeast?: true;
  /** The archive could not be read now: `total` holds the live rows only. */
  archive?: 'unavailable';
}

/**
 * Events of GET /api/v1/workflows/events (Server-Sent Events; each has an `id` to resume from):
 * `upsert` carries a WorkflowRow, `delete` a WorkflowRef, `reset` means "list again" (the stream could
 * not resume, or the client read too slowly).
 */
export interface WorkflowRef {
  namespace: string;
  name: string;
}

export type NodePhase = 'Pending' | 'Running' | 'Succeeded' | 'Failed' | 'Error' | 'Skipped' | 'Omitted';

/** One node of a workflow's status, as the graph and the node panel need it. */
export interface WorkflowNode {
  id: string;
  /** Full name, e.g. `etl-1.transform-b` or `etl-1[1].fit(0)`. */
  name: string;
  displayName: string;
  /** Argo node type: Pod, DAG, Steps, StepGroup, TaskGroup, Retry, Skipped, Suspend, Container, … */
  type: string;
  phase: NodePhase;
  message?: string;
  templateName?: string;
  boundaryId?: string;
  children: string[];
  startedAt?: string;
  finishedAt?: string;
}

/** GET /api/v1/namespaces/:namespace/workflows/:name */
export interface WorkflowDetail {
  row: WorkflowRow;
  entrypoint?: string;
  parameters: { name: string; value?: string }[];
  annotations: Record<string, string>;
  nodes: WorkflowNode[];
  /** Set when the status could not be read as a graph (malformed or unreadable nodes). */
  nodesError?: string;
  /** The object as stored, without its (large) node map: for the YAML view. */
  object: unknown;
  /** The workflow's `status.outputs` (parameters and artifacts its entrypoint exported). */
  outputs: NodeOutputs;
}
