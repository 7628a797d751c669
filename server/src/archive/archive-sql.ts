// The SQL that reads Argo's workflow archive (argo_archived_workflows and its labels table, made by
// Argo's controller: persist/sqldb/migrate.go in the Argo module). Every value is a parameter ($n);
// the text holds only fixed SQL. The filters and orders are the live list's (api-types
// workflow-rows.ts), so an archived row lands where a live one with the same fields would.
import type { WorkflowPhase } from '@argovue/api-types';
import type { RowFilter, WorkflowSort } from '@argovue/api-types/workflow-rows';

export interface SqlQuery {
  text: string;
  values: unknown[];
}

/** Which rows of the archive are this cluster's: Argo's `persistence.clusterName` and `instanceID`. */
export interface ArchiveScope {
  clusterName: string;
  instanceId: string;
}

/** Runs the cluster still holds: never listed again from the archive (the live row is current). */
export interface LiveRuns {
  namespaces: string[];
  names: string[];
  /** creationTimestamp, RFC 3339: a same-named workflow made later is another run. */
  createdAts: string[];
}

export interface ArchiveListQuery {
  /** Only these namespaces: the ones the user may list workflows in (never empty here). */
  namespaces: readonly string[];
  filter: RowFilter;
  sort: WorkflowSort;
  live: LiveRuns;
  /**
   * How a label filter is matched (the same rows either way). `lookup`: EXISTS in the labels table,
   * which the planner may start from when a label is rare (it then reads only that label's runs), but
   * otherwise looks each run up there, newest first. `set`: the label's runs read once, from the
   * index, into a hashed set that each run, newest first, is checked against — a page of a common
   * label then costs one hash probe per run passed over instead of one index descent
   * (`labelMatchFor` chooses). Counts always use `lookup`: a count reads every match, and the
   * planner starts it from the labels' side.
   */
  labelMatch?: LabelMatch;
}

export type LabelMatch = 'lookup' | 'set';

/**
 * Runs with a label at most this many times in the archive are matched by `lookup` (the planner
 * reads those few), more by `set`; past `labelSetMax` the set would cost more to build than the
 * lookups of a page: `lookup` again.
 */
export const labelSetMin = 1_000;
export const labelSetMax = 100_000;

/** The label match for a filter whose rarest label has `fewestRuns` runs in the archive (capped). */
export function labelMatchFor(fewestRuns: number): LabelMatch {
  return fewestRuns > labelSetMin && fewestRuns <= labelSetMax ? 'set' : 'lookup';
}

// Argo's bookkeeping labels are not part of a row's labels (rows.ts), so a filter on one matches no row.
export const bookkeepingLabels: ReadonlySet<string> = new Set([
  'workflows.argoproj.io/phase',
  'workflows.argoproj.io/completed',
  'workflows.argoproj.io/workflow-archiving-status',
]);

/**
 * The template a run came from, as rows.ts reads it: its workflowTemplateRef, else Argo's labels.
 * ArgoVue's migration indexes exactly this expression (archive-migration.ts).
 */
export const templateExpression =
  "coalesce(a.workflow->'spec'->'workflowTemplateRef'->>'name', " +
  "a.workflow->'metadata'->'labels'->>'workflows.argoproj.io/workflow-template', " +
  "a.workflow->'metadata'->'labels'->>'workflows.argoproj.io/cluster-workflow-template')";

// What a row shows, from the stored object: its strings exactly as the live row has them.
const rowColumns = `a.uid, a.namespace, a.name, a.phase,
  a.workflow->'metadata'->>'creationTimestamp' AS created_at,
  a.workflow->'metadata'->'labels' AS labels,
  a.workflow->'metadata'->'annotations'->>'argovue.dev/submitted-by' AS submitted_by,
  a.workflow->'spec'->'workflowTemplateRef' AS template_ref,
  a.workflow->'status'->>'message' AS message,
  a.workflow->'status'->>'startedAt' AS started_at,
  a.workflow->'status'->>'finishedAt' AS finished_at,
  a.workflow->'status'->>'progress' AS progress`;

// Argo writes a workflow that never started with Go's zero time (year 1): it ran 0 ms, as live.
// ArgoVue's migration indexes exactly this expression.
export const durationExpression =
  "CASE WHEN a.startedat < timestamp '1970-01-02' OR a.finishedat < a.startedat THEN 0 " +
  'ELSE extract(epoch FROM a.finishedat - a.startedat) END';

// Code-point order for names, as the live list compares them, whatever the database's collation.
const byName = 'a.namespace COLLATE "C", a.name COLLATE "C"';
const orders: Record<WorkflowSort, string> = {
  '-createdAt': `a.creationtimestamp DESC, ${byName}`,
  createdAt: `a.creationtimestamp ASC, ${byName}`,
  name: byName,
  '-name': 'a.namespace COLLATE "C" DESC, a.name COLLATE "C" DESC',
  duration: `${durationExpression} ASC, ${byName}`,
  '-duration': `${durationExpression} DESC, ${byName}`,
};

/** `text` as a LIKE pattern matching itself anywhere (its %, _ and \ taken literally). */
export function containsPattern(text: string): string {
  return `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

/** The WHERE clause of a list and its count; undefined when no row can match. */
function whereClause(
  scope: ArchiveScope,
  query: ArchiveListQuery,
  match: LabelMatch = 'lookup',
): SqlQuery | undefined {
  const values: unknown[] = [];
  const param = (value: unknown): string => {
    values.push(value);
    return `$${values.length}`;
  };
  const { filter } = query;
  const labels = filter.labels ?? [];
  if (labels.some(([key]) => bookkeepingLabels.has(key))) return undefined;
  const conditions = [
    `a.clustername = ${param(scope.clusterName)}`,
    `a.instanceid = ${param(scope.instanceId)}`,
    `a.namespace = ANY(${param([...query.namespaces])}::text[])`,
  ];
  const phases: readonly WorkflowPhase[] = filter.phases ?? [];
  if (phases.length > 0) conditions.push(`a.phase = ANY(${param([...phases])}::text[])`);
  if (filter.namespace !== undefined) conditions.push(`a.namespace = ${param(filter.namespace)}`);
  if (filter.template !== undefined) conditions.push(`${templateExpression} = ${param(filter.template)}`);
  if (filter.nameContains !== undefined && filter.nameContains !== '')
    conditions.push(`a.name ILIKE ${param(containsPattern(filter.nameContains))}`);
  for (const [key, value] of labels) {
    conditions.push(
      match === 'set'
        ? // IS TRUE keeps the IN a (hashed) filter: a bare IN becomes a semi-join, planned like EXISTS.
          // uid is never null, so the IN is true or false, never unknown.
          // Its cluster is a parameter, not a.clustername: a correlated IN could not be hashed.
          `(a.uid IN (SELECT l.uid FROM argo_archived_workflows_labels l WHERE l.clustername = ${param(scope.clusterName)} ` +
            `AND l.name = ${param(key)} AND l.value = ${param(value)})) IS TRUE`
        : 'EXISTS (SELECT 1 FROM argo_archived_workflows_labels l WHERE l.clustername = a.clustername ' +
            `AND l.uid = a.uid AND l.name = ${param(key)} AND l.value = ${param(value)})`,
    );
  }
  // Argo stores times as UTC without a zone (its controller runs in UTC).
  if (filter.createdSince !== undefined) {
    const since = new Date(filter.createdSince).toISOString();
    conditions.push(`a.creationtimestamp >= (${param(since)}::timestamptz AT TIME ZONE 'UTC')`);
  }
  const { live } = query;
  if (live.names.length > 0) {
    conditions.push(
      `NOT EXISTS (SELECT 1 FROM unnest(${param(live.namespaces)}::text[], ${param(live.names)}::text[], ` +
        `${param(live.createdAts)}::timestamptz[]) AS live(namespace, name, created) ` +
        "WHERE live.namespace = a.namespace AND live.name = a.name AND (live.created AT TIME ZONE 'UTC') = a.creationtimestamp)",
    );
  }
  return { text: conditions.join('\n  AND '), values };
}

/** One page of archived rows in the list's order; undefined when no row can match. */
export function archiveListSql(
  scope: ArchiveScope,
  query: ArchiveListQuery,
  offset: number,
  limit: number,
): SqlQuery | undefined {
  const where = whereClause(scope, query, query.labelMatch);
  if (where === undefined) return undefined;
  const n = where.values.length;
  return {
    text: `SELECT ${rowColumns}\nFROM argo_archived_workflows a\nWHERE ${where.text}\nORDER BY ${orders[query.sort]}\nLIMIT $${n + 1} OFFSET $${n + 2}`,
    values: [...where.values, limit, offset],
  };
}

/**
 * How many archived rows match, counting at most `cap + 1` (a count visits every match: 100,000 of
 * them cost more than the page itself); undefined when none can.
 */
export function archiveCountSql(
  scope: ArchiveScope,
  query: ArchiveListQuery,
  cap: number,
): SqlQuery | undefined {
  const where = whereClause(scope, query);
  if (where === undefined) return undefined;
  const n = where.values.length;
  return {
    text: `SELECT count(*)::int AS total FROM (SELECT 1 FROM argo_archived_workflows a WHERE ${where.text} LIMIT $${n + 1}) AS matches`,
    values: [...where.values, cap + 1],
  };
}

/**
 * How many runs of the archive (any namespace: the labels table has none) carry the rarest of these
 * labels, each counted at most `cap` times: read from ArgoVue's labels index alone. Chooses the
 * label match (`labelMatchFor`).
 */
export function archiveLabelRunsSql(
  scope: ArchiveScope,
  labels: readonly (readonly [string, string])[],
  cap: number,
): SqlQuery {
  return {
    text:
      'SELECT min((SELECT count(*) FROM (SELECT 1 FROM argo_archived_workflows_labels l ' +
      'WHERE l.clustername = $1 AND l.name = w.name AND l.value = w.value LIMIT $4) AS m))::int AS runs ' +
      'FROM unnest($2::text[], $3::text[]) AS w(name, value)',
    values: [scope.clusterName, labels.map(([key]) => key), labels.map(([, value]) => value), cap + 1],
  };
}

// Where a row stands in the list's newest-first order: the column PostgreSQL orders by (ms since the
// epoch, UTC; null sorts first as in ORDER BY … DESC), which can differ from the stored object's
// creationTimestamp in runs archived before Argo added the column.
const createdMsColumn =
  "(extract(epoch FROM a.creationtimestamp AT TIME ZONE 'UTC') * 1000)::float8 AS created_ms";

/**
 * The newest `capacity + 1` archived runs of this cluster in the list's newest-first order, as rows
 * with their place in that order: the archive's window (archive-window.ts).
 */
export function archiveNewestSql(scope: ArchiveScope, capacity: number): SqlQuery {
  return {
    text:
      `SELECT ${rowColumns},\n  ${createdMsColumn}\nFROM argo_archived_workflows a\n` +
      `WHERE a.clustername = $1 AND a.instanceid = $2\nORDER BY ${orders['-createdAt']}\nLIMIT $3`,
    values: [scope.clusterName, scope.instanceId, capacity + 1],
  };
}

/** These archived runs of this cluster (by uid) as rows with their place in the order; absent ones are gone. */
export function archiveRunsByUidSql(scope: ArchiveScope, uids: readonly string[]): SqlQuery {
  return {
    text:
      `SELECT ${rowColumns},\n  ${createdMsColumn}\nFROM argo_archived_workflows a\n` +
      'WHERE a.clustername = $1 AND a.instanceid = $2 AND a.uid = ANY($3::text[])',
    values: [scope.clusterName, scope.instanceId, [...uids]],
  };
}

/** One archived run, whole, by namespace and uid (both must match: a uid names no other namespace's run). */
export function archivedWorkflowSql(scope: ArchiveScope, namespace: string, uid: string): SqlQuery {
  return {
    text:
      'SELECT a.workflow::text AS workflow FROM argo_archived_workflows a ' +
      'WHERE a.clustername = $1 AND a.instanceid = $2 AND a.namespace = $3 AND a.uid = $4',
    values: [scope.clusterName, scope.instanceId, namespace, uid],
  };
}
