// What a node (or a whole workflow, in `status.outputs`) took and gave: parameters and artifacts as
// Argo writes them, checked field by field (the status is the controller's, not ours).
import type { NodeArtifact, NodeInputs, NodeOutputs, NodeParameter } from '@argovue/api-types';

const text = (value: unknown): string | undefined =>
  typeof value === 'string' && value !== '' ? value : undefined;

export const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

const records = (value: unknown): Record<string, unknown>[] =>
  Array.isArray(value) ? value.filter(isRecord) : [];

function parameters(value: unknown): NodeParameter[] {
  return records(value).map((p) => {
    // A parameter's value is a string in Argo's schema; anything else is shown as JSON rather than dropped.
    const raw = p['value'];
    const shown = raw === undefined ? undefined : typeof raw === 'string' ? raw : JSON.stringify(raw);
    return { name: text(p['name']) ?? '', ...(shown === undefined ? {} : { value: shown }) };
  });
}

/** Where an artifact is stored, from whichever storage field Argo filled in. */
export function artifactLocation(artifact: Record<string, unknown>): string | undefined {
  const field = (key: string) => (isRecord(artifact[key]) ? artifact[key] : undefined);
  const bucketKey = (scheme: string, store: Record<string, unknown>) => {
    const key = text(store['key']) ?? '';
    const bucket = text(store['bucket']);
    // Without a bucket the key is in the namespace's default artifact repository.
    return bucket === undefined ? `${scheme}: ${key} (default repository)` : `${scheme}://${bucket}/${key}`;
  };
  for (const scheme of ['s3', 'gcs', 'oss'] as const) {
    const store = field(scheme);
    if (store !== undefined) return bucketKey(scheme, store);
  }
  const azure = field('azure');
  if (azure !== undefined) return `azure: ${text(azure['container']) ?? ''}/${text(azure['blob']) ?? ''}`;
  const http = field('http') ?? field('artifactory');
  if (http !== undefined) return text(http['url']);
  const git = field('git');
  if (git !== undefined) return text(git['repo']);
  const hdfs = field('hdfs');
  if (hdfs !== undefined) return `hdfs: ${text(hdfs['path']) ?? ''}`;
  if (field('raw') !== undefined) return '(raw: inline in the workflow)';
  return undefined;
}

function artifacts(value: unknown): NodeArtifact[] {
  return records(value).map((a) => {
    const optional = { location: artifactLocation(a), path: text(a['path']) };
    return {
      name: text(a['name']) ?? '',
      ...Object.fromEntries(Object.entries(optional).filter(([, v]) => v !== undefined)),
    };
  });
}

/** Inputs and outputs (parameters, artifacts) as Argo writes them on a node or on `status.outputs`. */
export function inputsAndOutputs(raw: { inputs?: unknown; outputs?: unknown }): {
  inputs: NodeInputs;
  outputs: NodeOutputs;
} {
  const inputs = isRecord(raw.inputs) ? raw.inputs : {};
  const outputs = isRecord(raw.outputs) ? raw.outputs : {};
  const exitCode = text(outputs['exitCode']);
  const result = text(outputs['result']);
  return {
    inputs: { parameters: parameters(inputs['parameters']), artifacts: artifacts(inputs['artifacts']) },
    outputs: {
      parameters: parameters(outputs['parameters']),
      artifacts: artifacts(outputs['artifacts']),
      ...(exitCode === undefined ? {} : { exitCode }),
      ...(result === undefined ? {} : { result }),
    },
  };
}
