// A row's JSON, made once per row and reused by every list page and every live stream that sends it
// (rows are replaced, never changed, when the watch delivers a new version, so identity is the key).
import type { WorkflowRow } from '@argovue/api-types';

const made = new WeakMap<WorkflowRow, string>();

export function rowJson(row: WorkflowRow): string {
  let json = made.get(row);
  if (json === undefined) made.set(row, (json = JSON.stringify(row)));
  return json;
}
