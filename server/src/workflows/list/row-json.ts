// A row's JSON, made once per row and reused by every list page and every live stream that sends it
// (rows are replaced, never changed, when the watch delivers a new version, so identity is the key),
// as an object (the API's default, and the live stream's events) or as its parts of a compact page
// (the encoding the web app asks for, api-types/src/workflow-rows-compact.ts).
import type { WorkflowRow } from '@argovue/api-types';
import {
  compactListJson,
  compactRowParts,
  type CompactRowParts,
} from '@argovue/api-types/workflow-rows-compact';

const made = new WeakMap<WorkflowRow, string>();
const madeCompact = new WeakMap<WorkflowRow, CompactRowParts>();

export function rowJson(row: WorkflowRow): string {
  let json = made.get(row);
  if (json === undefined) made.set(row, (json = JSON.stringify(row)));
  return json;
}

export function compactParts(row: WorkflowRow): CompactRowParts {
  let parts = madeCompact.get(row);
  if (parts === undefined) madeCompact.set(row, (parts = compactRowParts(row)));
  return parts;
}

/** How a list's rows are written: `objects` (WorkflowList) or `compact` (CompactWorkflowList). */
export type ListFormat = 'objects' | 'compact';

/**
 * A list's JSON from its rows and the rest of it (`tail`: total, continue, eventId…), each row's JSON
 * made once: a page is a concatenation.
 */
export function listBodyJson(
  rows: readonly WorkflowRow[],
  tail: object,
  format: ListFormat = 'objects',
): string {
  if (format === 'compact') return compactListJson(rows, tail, compactParts);
  return `{"items":[${rows.map(rowJson).join(',')}],${JSON.stringify(tail).slice(1)}`;
}
