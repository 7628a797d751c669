// A raw status node as the API's node (the graph's and the node list's fields): pure, so the worker
// that inflates compressed node maps projects them too (nodes-inflate-worker.ts).
import type { NodePhase, WorkflowNode } from '@argovue/api-types';
import type { RawNode } from './nodes.ts';

const nodePhases: readonly NodePhase[] = [
  'Pending',
  'Running',
  'Succeeded',
  'Failed',
  'Error',
  'Skipped',
  'Omitted',
];

const text = (value: unknown): string | undefined =>
  typeof value === 'string' && value !== '' ? value : undefined;

/** A raw status node as the API's node; unknown or missing fields get safe values. */
export function workflowNode(id: string, raw: RawNode): WorkflowNode {
  const children = Array.isArray(raw['children'])
    ? raw['children'].filter((c): c is string => typeof c === 'string')
    : [];
  const phase = nodePhases.find((p) => p === raw['phase']) ?? 'Pending';
  const optional = {
    message: text(raw['message']),
    templateName: text(raw['templateName']),
    boundaryId: text(raw['boundaryID']),
    startedAt: text(raw['startedAt']),
    finishedAt: text(raw['finishedAt']),
  };
  return {
    id,
    name: text(raw['name']) ?? id,
    displayName: text(raw['displayName']) ?? text(raw['name']) ?? id,
    type: text(raw['type']) ?? 'Unknown',
    phase,
    children,
    ...Object.fromEntries(Object.entries(optional).filter(([, v]) => v !== undefined)),
  };
}
