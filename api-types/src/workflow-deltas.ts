// A running workflow's page by deltas (GET …/workflows/:name/live, Server-Sent Events): a first full
// state, then only what changed — the nodes added or changed (whole: a node is a few hundred bytes),
// the ids of nodes removed, and each workflow-level field that changed, by its path. One module for
// the server, which computes the deltas once for every tab, and the browser, which applies them.
import type { WorkflowDetail, WorkflowNode } from './workflows.ts';

/** A workflow-level field that changed: its path in the detail (without `nodes`); no `value`: removed. */
export interface FieldChange {
  path: (string | number)[];
  value?: unknown;
}

export interface WorkflowDelta {
  /** Nodes added or changed, whole. A changed node keeps its place in the list; an added one goes last. */
  nodes?: WorkflowNode[];
  /** Ids of the nodes removed. */
  removed?: string[];
  fields?: FieldChange[];
}

/**
 * Events of the live stream, each with an `id` (the workflow's resourceVersion the state is at after
 * it) that a reconnect sends back as Last-Event-ID:
 * - `snapshot`: a WorkflowDetail, the whole state (first, or when the stream cannot resume);
 * - `delta`: a WorkflowDelta from the state of the previous event;
 * - `deleted`: the workflow is gone from the cluster;
 * - `end`: the stream ends (`{ reason, message }`: signed out, access lost…).
 */
export type LiveWorkflowEvent = 'snapshot' | 'delta' | 'deleted' | 'end';

const nodeFields = [
  'name',
  'displayName',
  'type',
  'phase',
  'message',
  'templateName',
  'boundaryId',
  'startedAt',
  'finishedAt',
] as const satisfies readonly (keyof WorkflowNode)[];

// What the graph's grouping and layout read: a change of one of these lays the graph out again.
const structuralFields = ['name', 'displayName', 'type', 'templateName'] as const;

function sameStrings(a: readonly string[], b: readonly string[]): boolean {
  if (a === b) return true;
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

export function sameNode(a: WorkflowNode, b: WorkflowNode): boolean {
  if (a === b) return true;
  if (a.id !== b.id || !sameStrings(a.children, b.children)) return false;
  for (const field of nodeFields) if (a[field] !== b[field]) return false;
  return true;
}

/** Whether two nodes draw the same graph (same place, children, kind and names), phases aside. */
export function sameNodeShape(a: WorkflowNode, b: WorkflowNode): boolean {
  if (a === b) return true;
  if (a.id !== b.id || !sameStrings(a.children, b.children)) return false;
  for (const field of structuralFields) if (a[field] !== b[field]) return false;
  return true;
}

// What a page asks of a node list on every update, kept per list (by identity; the lists are never
// changed once made) and handed on by applyWorkflowDelta to the list it makes: a running workflow's
// update of 100 of 20,000 nodes then costs lookups of those 100, not a map or a comparison of all
// 20,000 (which, with the garbage of the maps, made the page's slow updates).

/** Lists known to make the same graph share one: its root, after `same` links (sameGraphShape). */
interface Shape {
  same?: Shape;
}

interface ListFacts {
  /** Each node's place by id (made when first asked). */
  positions?: ReadonlyMap<string, number>;
  shape: Shape;
  /** The list this one was made from by a delta that moved no node, and the places it changed. */
  madeFrom?: { list: WeakRef<readonly WorkflowNode[]>; places: readonly number[] };
}
const listFacts = new WeakMap<readonly WorkflowNode[], ListFacts>();

function factsOf(nodes: readonly WorkflowNode[]): ListFacts {
  let facts = listFacts.get(nodes);
  if (facts === undefined) {
    facts = { shape: {} };
    listFacts.set(nodes, facts);
  }
  return facts;
}

/** Each node's place in `nodes` by id: made once per list, shared with the lists a delta makes of it. */
export function nodePositions(nodes: readonly WorkflowNode[]): ReadonlyMap<string, number> {
  const facts = factsOf(nodes);
  facts.positions ??= new Map(nodes.map((node, i) => [node.id, i]));
  return facts.positions;
}

/**
 * The places where `after` differs from `before` when `after` was made from `before` by one delta that
 * moved no node; undefined otherwise (then compare them).
 */
export function changedPlaces(
  before: readonly WorkflowNode[],
  after: readonly WorkflowNode[],
): readonly number[] | undefined {
  const made = listFacts.get(after)?.madeFrom;
  return made !== undefined && made.list.deref() === before ? made.places : undefined;
}

function shapeOf(nodes: readonly WorkflowNode[]): Shape {
  let shape = factsOf(nodes).shape;
  while (shape.same !== undefined) shape = shape.same;
  return shape;
}

/**
 * An object shared by node lists known to make the same graph (one made from the other by deltas that
 * changed no node's shape, or found alike by sameGraphShape): what depends only on the graph's shape,
 * names included, can be kept by it.
 */
export function graphShapeOf(nodes: readonly WorkflowNode[]): object {
  return shapeOf(nodes);
}

/** Whether two node lists make the same graph: same nodes in the same order, each of the same shape. */
export function sameGraphShape(a: readonly WorkflowNode[], b: readonly WorkflowNode[]): boolean {
  if (a === b) return true;
  if (a.length !== b.length) return false;
  const shapeA = shapeOf(a);
  const shapeB = shapeOf(b);
  if (shapeA === shapeB) return true;
  for (let i = 0; i < a.length; i++)
    if (!sameNodeShape(a[i] as WorkflowNode, b[i] as WorkflowNode)) return false;
  // Alike (a whole state after a reconnect, a node renamed and back): known from now on, so the next
  // update compares nothing.
  shapeB.same = shapeA;
  return true;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The changes that make `before` into `after`: objects by key, arrays of one length by index. */
export function diffValues(before: unknown, after: unknown, path: (string | number)[] = []): FieldChange[] {
  const changes: FieldChange[] = [];
  const walk = (a: unknown, b: unknown, at: (string | number)[]): void => {
    if (a === b) return;
    if (isPlainObject(a) && isPlainObject(b)) {
      for (const key of Object.keys(a)) if (!Object.hasOwn(b, key)) changes.push({ path: [...at, key] });
      for (const key of Object.keys(b)) {
        if (Object.hasOwn(a, key)) walk(a[key], b[key], [...at, key]);
        else changes.push({ path: [...at, key], value: b[key] });
      }
      return;
    }
    if (Array.isArray(a) && Array.isArray(b) && a.length === b.length) {
      for (let i = 0; i < a.length; i++) walk(a[i], b[i], [...at, i]);
      return;
    }
    // Leaves (and arrays of another length) are compared by value; equal ones are not sent.
    if (JSON.stringify(a) !== JSON.stringify(b)) changes.push({ path: at, value: b });
  };
  walk(before, after, path);
  return changes;
}

type DetailFields = Omit<WorkflowDetail, 'nodes'>;

function fieldsOf(detail: WorkflowDetail): DetailFields {
  const { nodes: _nodes, ...fields } = detail;
  return fields;
}

/** The nodes of `next` that are new or differ from `previous`, and the ids of `previous` gone from it. */
export function diffNodes(
  previous: ReadonlyMap<string, WorkflowNode>,
  next: Iterable<WorkflowNode>,
): { changed: WorkflowNode[]; removed: string[] } {
  const gone = new Set(previous.keys());
  const changed: WorkflowNode[] = [];
  for (const node of next) {
    const was = previous.get(node.id);
    if (was === undefined || !sameNode(was, node)) changed.push(node);
    gone.delete(node.id);
  }
  return { changed, removed: [...gone] };
}

/** The workflow-level fields (all but the nodes) that changed from `before` to `after`. */
export function diffWorkflowFields(before: WorkflowDetail, after: WorkflowDetail): FieldChange[] {
  return diffValues(fieldsOf(before), fieldsOf(after));
}

/** What changed from `before` to `after`; undefined when nothing did. */
export function diffWorkflow(before: WorkflowDetail, after: WorkflowDetail): WorkflowDelta | undefined {
  const { changed, removed } = diffNodes(new Map(before.nodes.map((node) => [node.id, node])), after.nodes);
  return deltaOf(changed, removed, diffWorkflowFields(before, after));
}

/** A delta of these changes; undefined when there are none. */
export function deltaOf(
  nodes: WorkflowNode[],
  removed: string[],
  fields: FieldChange[],
): WorkflowDelta | undefined {
  const delta: WorkflowDelta = {};
  if (nodes.length > 0) delta.nodes = nodes;
  if (removed.length > 0) delta.removed = removed;
  if (fields.length > 0) delta.fields = fields;
  return nodes.length === 0 && removed.length === 0 && fields.length === 0 ? undefined : delta;
}

/** `value` with `change` made, copying only the objects on its path (the rest stay shared). */
function withChange(value: unknown, path: readonly (string | number)[], change: FieldChange): unknown {
  if (path.length === 0) return change.value;
  const [key, ...rest] = path as [string | number, ...(string | number)[]];
  if (Array.isArray(value) && typeof key === 'number') {
    const copy = [...(value as unknown[])];
    copy[key] = withChange(copy[key], rest, change);
    return copy;
  }
  const object = isPlainObject(value) ? value : {};
  const name = String(key);
  if (rest.length === 0 && !('value' in change)) {
    // Copied without the key; a computed key in a literal is an own property, even `__proto__`.
    const copy: Record<string, unknown> = {};
    for (const k of Object.keys(object)) if (k !== name) Object.defineProperty(copy, k, ownValue(object[k]));
    return copy;
  }
  const copy: Record<string, unknown> = {};
  for (const k of Object.keys(object)) Object.defineProperty(copy, k, ownValue(object[k]));
  Object.defineProperty(copy, name, ownValue(withChange(object[name], rest, change)));
  return copy;
}

function ownValue(value: unknown): PropertyDescriptor {
  return { value, enumerable: true, writable: true, configurable: true };
}

/**
 * The state after `delta`: a new object that shares every node and field that did not change (so a
 * view can tell by identity what to draw again). Node order stays; added nodes go last.
 */
export function applyWorkflowDelta(state: WorkflowDetail, delta: WorkflowDelta): WorkflowDetail {
  let fields: unknown = fieldsOf(state);
  for (const change of delta.fields ?? []) fields = withChange(fields, change.path, change);
  let nodes = state.nodes;
  if ((delta.removed?.length ?? 0) > 0)
    nodes = withRemovals(state.nodes, delta.nodes ?? [], delta.removed ?? []);
  else if (delta.nodes !== undefined) nodes = withNodes(state.nodes, delta.nodes);
  return { ...(fields as DetailFields), nodes };
}

/**
 * `before` with nodes changed in place and new ones last: a copy of the list (no node copied) and a
 * lookup per node of the delta. The new list keeps the places of `before` and, when no node of the
 * delta changes the graph's shape, its shape too; new nodes make both anew (the graph is laid out again).
 */
function withNodes(before: readonly WorkflowNode[], changed: readonly WorkflowNode[]): WorkflowNode[] {
  const facts = factsOf(before);
  const positions = nodePositions(before);
  const nodes = before.slice();
  let sameShape = true;
  let added: Map<string, WorkflowNode> | undefined;
  const places: number[] = [];
  for (const node of changed) {
    const at = positions.get(node.id);
    if (at === undefined) {
      (added ??= new Map()).set(node.id, node);
      continue;
    }
    if (sameShape && !sameNodeShape(before[at] as WorkflowNode, node)) sameShape = false;
    nodes[at] = node;
    places.push(at);
  }
  if (added === undefined) {
    listFacts.set(nodes, {
      positions,
      shape: sameShape ? facts.shape : {},
      // Weak: a list must not keep every list before it alive.
      madeFrom: { list: new WeakRef(before), places },
    });
    return nodes;
  }
  const grown = new Map(positions);
  for (const node of added.values()) grown.set(node.id, nodes.push(node) - 1);
  listFacts.set(nodes, { positions: grown, shape: {} });
  return nodes;
}

/** `before` without the removed nodes, changed ones in their place and new ones last (every node moves). */
function withRemovals(
  before: readonly WorkflowNode[],
  changed: readonly WorkflowNode[],
  removedIds: readonly string[],
): WorkflowNode[] {
  const removed = new Set(removedIds);
  const updates = new Map<string, WorkflowNode>();
  for (const node of changed) updates.set(node.id, node);
  const nodes: WorkflowNode[] = [];
  for (const node of before) {
    if (removed.has(node.id)) continue;
    const update = updates.get(node.id);
    if (update === undefined) nodes.push(node);
    else {
      nodes.push(update);
      updates.delete(node.id);
    }
  }
  for (const node of updates.values()) nodes.push(node);
  return nodes;
}

/** Whether the delta changes the graph's shape (nodes added or removed, children or kinds changed). */
export function changesGraphShape(state: WorkflowDetail, delta: WorkflowDelta): boolean {
  if ((delta.removed?.length ?? 0) > 0) return true;
  if (delta.nodes === undefined) return false;
  const positions = nodePositions(state.nodes);
  return delta.nodes.some((node) => {
    const was = state.nodes[positions.get(node.id) ?? -1];
    return was === undefined || !sameNodeShape(was, node);
  });
}
