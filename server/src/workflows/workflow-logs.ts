// The whole workflow's logs, interleaved: every pod's container log (read as the user, with
// timestamps), each line prefixed with its node, in time order. Without follow the logs are read in
// full — bounded per pod and in all — merged by timestamp and sent; with follow, lines are sent as
// they arrive from any pod.
import { createInterface } from 'node:readline';
import type { Readable } from 'node:stream';
import type { KubeIdentity } from '../auth/identity.ts';
import { KubeError, type KubeApi } from '../kube/kube-api.ts';
import { mapConcurrent } from '../lib/map-concurrent.ts';

interface Pod {
  metadata?: { name?: string; annotations?: Record<string, string> };
  spec?: { containers?: { name?: string }[] };
}

export interface WorkflowLogRequest {
  namespace: string;
  workflow: string;
  container: string;
  follow: boolean;
  /** Lines per pod, newest kept. */
  tailLines: number;
}

const maxLineBytes = 16 * 1024;

/**
 * The workflow's pods, read as the user, then `stream(write)` writes interleaved lines
 * `<timestamp> <node>: <text>`; undefined when the user may not read the workflow's pods.
 */
export async function workflowLogLines(
  api: KubeApi,
  identity: KubeIdentity,
  req: WorkflowLogRequest,
  signal: AbortSignal,
): Promise<((write: (line: string) => boolean) => Promise<void>) | undefined> {
  let pods: { items?: Pod[] };
  try {
    pods = await api.json({
      path: `/api/v1/namespaces/${req.namespace}/pods`,
      query: { labelSelector: `workflows.argoproj.io/workflow=${req.workflow}` },
      as: identity,
      signal,
    });
  } catch (error) {
    if (error instanceof KubeError && (error.status === 403 || error.status === 404)) return undefined;
    throw error;
  }
  const sources = (pods.items ?? [])
    .filter((pod) => pod.spec?.containers?.some((c) => c.name === req.container))
    .map((pod) => ({
      pod: pod.metadata?.name ?? '',
      node:
        (pod.metadata?.annotations?.['workflows.argoproj.io/node-name'] ?? '').replace(
          `${req.workflow}.`,
          '',
        ) ||
        (pod.metadata?.name ?? ''),
    }));
  const open = (pod: string): Promise<Readable> =>
    api.stream({
      path: `/api/v1/namespaces/${req.namespace}/pods/${pod}/log`,
      query: { container: req.container, timestamps: true, follow: req.follow, tailLines: req.tailLines },
      accept: '*/*',
      as: identity,
      signal,
    });
  const format = (node: string, line: string): string => {
    const space = line.indexOf(' ');
    const text = line.length > maxLineBytes ? `${line.slice(0, maxLineBytes)} … (line truncated)` : line;
    return space > 0 ? `${text.slice(0, space)} ${node}: ${text.slice(space + 1)}` : `${node}: ${text}`;
  };

  return async (write) => {
    if (req.follow) {
      await Promise.all(
        sources.map(async ({ pod, node }) => {
          const stream = await open(pod).catch(() => undefined);
          if (stream === undefined) return;
          for await (const line of createInterface({ input: stream, crlfDelay: Infinity }))
            if (!write(format(node, line))) break;
        }),
      );
      return;
    }
    const lines = (
      await mapConcurrent(sources, 8, async ({ pod, node }) => {
        const stream = await open(pod).catch(() => undefined);
        const collected: string[] = [];
        if (stream === undefined) return collected;
        for await (const line of createInterface({ input: stream, crlfDelay: Infinity }))
          collected.push(format(node, line));
        return collected;
      })
    ).flat();
    // RFC 3339 timestamps with nanoseconds sort as text.
    lines.sort();
    for (const line of lines) if (!write(line)) break;
  };
}
