// The compact encoding of a workflow list (`?format=compact`), which the web app asks for: each row an
// array under a column header sent once per page, the phase a number, times as seconds, and the
// namespace and labels as indexes into tables sent once per page (a page's rows share a few
// namespaces and label sets). A row of the 20,000-row benchmark is 55 bytes instead of 233 as an
// object (402 from argo server), and JSON.parse of flat arrays of numbers and one string is the
// browser's fastest path: a label object and a namespace string per row were half of its time. The
// server encodes each row's own part once (rows are replaced, never changed), so a page stays a
// concatenation; the live stream's events keep the object rows.
import type { WorkflowList, WorkflowPhase, WorkflowRow } from './workflows.ts';

/** The query value that asks a list for this encoding. */
export const COMPACT_LIST_FORMAT = 'compact';

/** The columns of a compact row, in order; the header every compact page carries (its version). */
export const COMPACT_ROW_COLUMNS = [
  'namespace',
  'labels',
  'name',
  'phase',
  'createdAt',
  'startedAt',
  'finishedAt',
  'done',
  'total',
  'template',
  'message',
  'submitter',
  'flags',
  'archivedUid',
] as const;

/** The phases a row's `phase` number indexes, sent with every page beside the columns. */
export const COMPACT_ROW_PHASES = [
  'Pending',
  'Running',
  'Succeeded',
  'Failed',
  'Error',
] as const satisfies readonly WorkflowPhase[];

/**
 * A time is a number of seconds when it is a canonical `YYYY-MM-DDTHH:MM:SSZ` (Kubernetes' own form):
 * `createdAt` since the epoch, `startedAt` and `finishedAt` since `createdAt` (small numbers). Any
 * other text is sent as it is, so every row decodes to exactly the string the server had.
 */
type CompactTime = number | string | null;

/**
 * One row: [namespace, labels, name, phase, createdAt, startedAt, finishedAt, done, total, template,
 * message, submitter, flags, archivedUid]. `namespace` indexes the page's `namespaces`, `labels` its
 * `labelSets` (null: no labels). Absent fields are null and trailing ones left out; `done` and
 * `total` are both null without progress. `flags`: 1 cluster template, 2 suspended, 4 stopping,
 * 8 terminating.
 */
export type CompactRow = [
  namespace: number,
  labels: number | null,
  name: string,
  phase: number,
  createdAt: CompactTime,
  startedAt?: CompactTime,
  finishedAt?: CompactTime,
  done?: number | null,
  total?: number | null,
  template?: string | null,
  message?: string | null,
  submitter?: string | null,
  flags?: number | null,
  archivedUid?: string,
];

/** A WorkflowList with compact rows in place of `items` (the other fields are the same). */
export type CompactWorkflowList = Omit<WorkflowList, 'items'> & {
  columns: readonly string[];
  phases: readonly string[];
  namespaces: readonly string[];
  labelSets: readonly Record<string, string>[];
  rows: CompactRow[];
};

/**
 * What a row contributes to a compact page, made once per row: the JSON of its own columns (all but
 * the first two, and the closing bracket) and its namespace and labels (as JSON: the key of a label
 * set in the page's table; null for none).
 */
export interface CompactRowParts {
  namespace: string;
  labels: string | null;
  ownJson: string;
}

const flagClusterTemplate = 1;
const flagSuspended = 2;
const flagStop = 4;
const flagTerminate = 8;

const twoDigits = Array.from({ length: 60 }, (_, i) => String(i).padStart(2, '0'));
// A list's times fall on few minutes (its rows are in time order, or made by the same runs): each
// minute's `YYYY-MM-DDTHH:MM:` is made once, and a time is that and its seconds (a third of a
// listing's decoding was making these strings from days, hours and minutes).
const minutePrefixes = new Map<number, string>();

/** `YYYY-MM-DDTHH:MM:SSZ` of whole seconds since the epoch, without a Date per call. */
export function isoOfSeconds(seconds: number): string {
  const minute = Math.floor(seconds / 60);
  let prefix = minutePrefixes.get(minute);
  if (prefix === undefined) {
    if (minutePrefixes.size >= 4096) minutePrefixes.clear();
    prefix = new Date(minute * 60_000).toISOString().slice(0, 17);
    minutePrefixes.set(minute, prefix);
  }
  return `${prefix}${twoDigits[seconds - minute * 60]}Z`;
}

const canonicalTime = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/;
const monthDays = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/**
 * Seconds since the epoch of a canonical time from 1970 on (isoOfSeconds gives back the same text),
 * else undefined. Read digit by digit: made for every time of every row (Date.parse and a check
 * that it formats back took 15 µs a row).
 */
function secondsOf(time: string): number | undefined {
  if (time.length !== 20 || !canonicalTime.test(time)) return undefined;
  const digit = (i: number) => time.charCodeAt(i) - 48;
  const two = (i: number) => digit(i) * 10 + digit(i + 1);
  const year = two(0) * 100 + two(2);
  const [month, day, hour, minute, second] = [two(5), two(8), two(11), two(14), two(17)];
  const leap = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
  const days = (monthDays[month - 1] ?? 0) + (month === 2 && leap ? 1 : 0);
  if (year < 1970 || day < 1 || day > days || hour > 23 || minute > 59 || second > 59) return undefined;
  return Date.UTC(year, month - 1, day, hour, minute, second) / 1000;
}

function encodeTime(time: string | undefined, base: number): CompactTime {
  if (time === undefined) return null;
  const seconds = secondsOf(time);
  return seconds === undefined ? time : seconds - base;
}

function decodeTime(time: CompactTime | undefined, base: number): string | undefined {
  if (time === null || time === undefined) return undefined;
  if (typeof time === 'string') return time;
  if (!Number.isInteger(time)) throw new Error(`a row's time is not whole seconds: ${time}`);
  return isoOfSeconds(time + base);
}

/** A row's parts of a compact page (compactListJson). */
export function compactRowParts(row: WorkflowRow): CompactRowParts {
  const created = secondsOf(row.createdAt);
  const base = created ?? 0;
  const flags =
    (row.template?.cluster === true ? flagClusterTemplate : 0) |
    (row.suspended === true ? flagSuspended : 0) |
    (row.shutdown === 'Stop' ? flagStop : 0) |
    (row.shutdown === 'Terminate' ? flagTerminate : 0);
  // The row's own columns, from `name` on.
  const own: unknown[] = [
    row.name,
    COMPACT_ROW_PHASES.indexOf(row.phase),
    created ?? row.createdAt,
    encodeTime(row.startedAt, base),
    encodeTime(row.finishedAt, base),
    row.progress?.done ?? null,
    row.progress?.total ?? null,
    row.template?.name ?? null,
    row.message ?? null,
    row.submitter ?? null,
    flags === 0 ? null : flags,
  ];
  if (row.archivedUid !== undefined) own.push(row.archivedUid);
  else while (own.length > 2 && own[own.length - 1] === null) own.pop();
  return {
    namespace: row.namespace,
    labels: Object.keys(row.labels).length > 0 ? JSON.stringify(row.labels) : null,
    ownJson: JSON.stringify(own).slice(1),
  };
}

/**
 * A compact page's JSON: `rows` (each written from its parts, `partsOf` may keep them per row) and
 * the rest of the list (`tail`: total, continue, eventId…). The tables are written after the rows,
 * as the rows name their entries.
 */
export function compactListJson<Row>(
  rows: readonly Row[],
  tail: object,
  partsOf: (row: Row) => CompactRowParts,
): string {
  const namespaces = new Map<string, number>();
  const labelSets = new Map<string, number>();
  const written: string[] = [];
  for (const row of rows) {
    const parts = partsOf(row);
    let namespace = namespaces.get(parts.namespace);
    if (namespace === undefined) namespaces.set(parts.namespace, (namespace = namespaces.size));
    let labels: number | null = null;
    if (parts.labels !== null) {
      labels = labelSets.get(parts.labels) ?? null;
      if (labels === null) labelSets.set(parts.labels, (labels = labelSets.size));
    }
    written.push(`[${namespace},${labels},${parts.ownJson}`);
  }
  const rest = JSON.stringify(tail);
  return (
    `${compactListHead}${written.join(',')}],"namespaces":${JSON.stringify([...namespaces.keys()])},` +
    `"labelSets":[${[...labelSets.keys()].join(',')}]${rest === '{}' ? '}' : `,${rest.slice(1)}`}`
  );
}

// One object for every row without labels, frozen like the shared label sets below.
const noLabels: Record<string, string> = Object.freeze({});

function decodeCompactRow(
  compact: CompactRow,
  namespaces: readonly string[],
  labelSets: readonly Record<string, string>[],
): WorkflowRow {
  const namespace = namespaces[compact[0]];
  const labels = compact[1] === null ? noLabels : labelSets[compact[1]];
  const name = compact[2];
  const phase = COMPACT_ROW_PHASES[compact[3]];
  if (typeof name !== 'string' || namespace === undefined || labels === undefined || phase === undefined)
    throw new Error('a compact row without its name, namespace, labels or phase');
  const createdAt = compact[4];
  const done = compact[7];
  const total = compact[8];
  const template = compact[9];
  const message = compact[10];
  const submitter = compact[11];
  const flags = compact[12] ?? 0;
  const archivedUid = compact[13];
  const base = typeof createdAt === 'number' ? createdAt : 0;
  const started = decodeTime(compact[5], base);
  const finished = decodeTime(compact[6], base);
  // Keys in the order the server's rows have them (rows.ts), absent ones left out as there.
  const row: Record<string, unknown> = { namespace, name, phase };
  if (message !== null && message !== undefined) row['message'] = message;
  if (template !== null && template !== undefined)
    row['template'] = { name: template, cluster: (flags & flagClusterTemplate) !== 0 };
  if (submitter !== null && submitter !== undefined) row['submitter'] = submitter;
  row['createdAt'] = decodeTime(createdAt, 0) ?? '';
  if (started !== undefined) row['startedAt'] = started;
  if (finished !== undefined) row['finishedAt'] = finished;
  if (typeof done === 'number' && typeof total === 'number') row['progress'] = { done, total };
  row['labels'] = labels;
  if ((flags & flagSuspended) !== 0) row['suspended'] = true;
  if ((flags & flagStop) !== 0) row['shutdown'] = 'Stop';
  else if ((flags & flagTerminate) !== 0) row['shutdown'] = 'Terminate';
  if (archivedUid !== undefined) row['archivedUid'] = archivedUid;
  return row as unknown as WorkflowRow;
}

function sameList(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((x, i) => x === b[i]);
}

/**
 * A compact page as the WorkflowList it encodes; throws when its header is not the one known here.
 * Rows of the same label set share its object, frozen: rows are replaced, never changed.
 */
export function decodeCompactList(list: CompactWorkflowList): WorkflowList {
  const { columns, phases, namespaces, labelSets, rows, ...rest } = list;
  if (
    !Array.isArray(columns) ||
    !Array.isArray(phases) ||
    !Array.isArray(namespaces) ||
    !Array.isArray(labelSets) ||
    !Array.isArray(rows) ||
    !sameList(columns, COMPACT_ROW_COLUMNS) ||
    !sameList(phases, COMPACT_ROW_PHASES) ||
    !namespaces.every((namespace) => typeof namespace === 'string') ||
    !labelSets.every((labels) => typeof labels === 'object' && labels !== null && !Array.isArray(labels))
  )
    throw new Error('not a compact workflow list of the columns this client knows');
  for (const labels of labelSets) Object.freeze(labels);
  const items = new Array<WorkflowRow>(rows.length);
  for (let i = 0; i < rows.length; i++)
    items[i] = decodeCompactRow(rows[i] as CompactRow, namespaces, labelSets);
  return { items, ...rest };
}

/** The head of a compact page's JSON up to its first row: the same for every page. */
export const compactListHead = `{"columns":${JSON.stringify(COMPACT_ROW_COLUMNS)},"phases":${JSON.stringify(COMPACT_ROW_PHASES)},"rows":[`;
