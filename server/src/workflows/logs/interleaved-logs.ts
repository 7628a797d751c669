// The whole workflow's logs, interleaved: every pod's container log (read as the user, with
// timestamps), each line prefixed with its node, in time order. Without follow the logs are read in
// full — bounded per pod and in all — merged by timestamp and sent; with follow, lines are sent as
// they arrive from any pod. Upstream streams are bounded: at most `maxStreams` pods' logs are open at
// once (each counts against the user's stream cap); a follow takes the finished pods first (their
// logs end) and a pod waiting for a place gets its log from its start once one frees. A pod whose
// log cannot be read (not started, gone, refused, broken off) is named in a line of its own, so a
// missing node is never mistaken for a quiet one.
import type { Readable } from 'node:stream';
import type { KubeIdentity } from '../../auth/identity.ts';
import { refusedAs } from '../../http/kube-errors.ts';
import { KubeError, type KubeApi } from '../../kube/kube-api.ts';
import { isClusterUnavailable } from '../../kube/unavailable.ts';
import { mapConcurrent } from '../../lib/map-concurrent.ts';
import { limitedLines } from '../../streams/log-lines.ts';
import { aWorkflow } from '../workflow-ref.ts';
import { listWorkflowPods } from '../workflow-pods.ts';
import { apiPath, kinds } from '../../kube/api-paths.ts';

export interface WorkflowLogRequest {
  namespace: string;
  workflow: string;
  container: string;
  follow: boolean;
  /** Lines per pod, newest kept. */
  tailLines: number;
  /** Pods' logs open at once, at most. */
  maxStreams: number;
}

/** The interleaved log, ready to run: `streams` is how many upstream logs it holds open at most. */
export interface WorkflowLogLines {
  streams: number;
  run: (write: (line: string) => boolean) => Promise<void>;
}

const finishedPhases = new Set(['Succeeded', 'Failed']);

// Lines are cut as they stream (log-lines.ts); without follow, what is read is sorted in memory, so
// that is bounded too.
const maxLineBytes = 16 * 1024;
const maxCollectedBytes = 64 * 1024 * 1024;

/**
 * A node's name without its workflow's: `etl.transform-b` → `transform-b`, and a steps node, whose
 * name has no dot after the workflow's (`report[1].render(0)`), → `[1].render(0)`.
 */
export function shortNodeName(node: string, workflow: string): string {
  if (!node.startsWith(workflow) || node === workflow) return node;
  const rest = node.slice(workflow.length);
  if (rest.startsWith('.')) return rest.slice(1);
  return rest.startsWith('[') ? rest : node;
}

/** Why a pod's log could not be opened, in the user's words (never the apiserver's text). */
export function whyUnreadable(error: unknown): string {
  if (error instanceof KubeError) {
    if (error.status === 400) return 'its container has not started';
    if (error.status === 403) return 'you may not read pod logs here';
    if (error.status === 404) return 'the pod is gone';
  }
  if (isClusterUnavailable(error)) return 'the cluster did not answer';
  return 'the cluster refused it';
}

/** The line that stands for a pod's log that could not be read, or that broke off. */
export function unreadableLine(node: string, pod: string, why: string): string {
  return `${node}: … [the log of pod ${pod} could not be read: ${why}]`;
}

/**
 * The workflow's pods, read as the user, then `stream(write)` writes interleaved lines
 * `<timestamp> <node>: <text>`; NOT_FOUND when the user may not read the workflow's pods.
 */
export async function workflowLogLines(
  api: KubeApi,
  identity: KubeIdentity,
  req: WorkflowLogRequest,
  signal: AbortSignal,
): Promise<WorkflowLogLines> {
  const pods = await listWorkflowPods(api, identity, req.namespace, req.workflow, signal).catch(
    refusedAs(aWorkflow(req.namespace, req.workflow)),
  );
  const sources = pods
    .filter((pod) => pod.spec?.containers?.some((c) => c.name === req.container))
    // Finished pods first: a follow of theirs ends and frees its place for a running pod's.
    .sort(
      (a, b) =>
        Number(!finishedPhases.has(a.status?.phase ?? '')) -
        Number(!finishedPhases.has(b.status?.phase ?? '')),
    )
    .map((pod) => ({
      pod: pod.metadata?.name ?? '',
      node:
        shortNodeName(pod.metadata?.annotations?.['workflows.argoproj.io/node-name'] ?? '', req.workflow) ||
        (pod.metadata?.name ?? ''),
    }));
  const open = (pod: string): Promise<Readable> =>
    api.stream({
      path: apiPath(kinds.pods, { namespace: req.namespace, name: pod, subresource: 'log' }),
      query: { container: req.container, timestamps: true, follow: req.follow, tailLines: req.tailLines },
      accept: '*/*',
      as: identity,
      traffic: 'stream',
      signal,
    });
  const format = (node: string, line: string): string => {
    const space = line.indexOf(' ');
    return space > 0 ? `${line.slice(0, space)} ${node}: ${line.slice(space + 1)}` : `${node}: ${line}`;
  };

  const streams = Math.max(
    1,
    Math.min(sources.length, req.follow ? req.maxStreams : Math.min(8, req.maxStreams)),
  );
  // The pod's log, or the line that says why there is none; a broken-off log is said after its lines.
  const read = async (
    pod: string,
    node: string,
    each: (line: string) => boolean,
  ): Promise<string | undefined> => {
    let stream;
    try {
      stream = await open(pod);
    } catch (error) {
      return signal.aborted ? undefined : unreadableLine(node, pod, whyUnreadable(error));
    }
    try {
      for await (const line of limitedLines(stream, maxLineBytes)) if (!each(format(node, line))) break;
    } catch {
      // Aborted (the client left): nothing to say; otherwise the stream broke, and the user is told.
      if (!signal.aborted) return unreadableLine(node, pod, 'it broke off');
    }
    return undefined;
  };
  const run = async (write: (line: string) => boolean): Promise<void> => {
    if (req.follow) {
      let stopped = false;
      // Once the client stops taking lines (or cannot keep up), nothing more is written.
      const writing = (line: string): boolean => {
        if (!stopped) stopped = !write(line);
        return !stopped;
      };
      await mapConcurrent(sources, streams, async ({ pod, node }) => {
        if (stopped || signal.aborted) return;
        const unreadable = await read(pod, node, writing);
        if (unreadable !== undefined) writing(unreadable);
      });
      return;
    }
    let collectedBytes = 0;
    const unreadable: string[] = [];
    const lines = (
      await mapConcurrent(sources, streams, async ({ pod, node }) => {
        const collected: string[] = [];
        const why = await read(pod, node, (line) => {
          collectedBytes += line.length;
          if (collectedBytes > maxCollectedBytes) return false;
          collected.push(line);
          return true;
        });
        if (why !== undefined) unreadable.push(why);
        return collected;
      })
    ).flat();
    // RFC 3339 timestamps with nanoseconds sort as text.
    lines.sort();
    for (const line of [...lines, ...unreadable.sort()]) if (!write(line)) break;
    if (collectedBytes > maxCollectedBytes)
      write(
        `… [logs cut: more than ${maxCollectedBytes / 1024 / 1024} MiB; read each node's log, or fewer lines]`,
      );
  };
  return { streams, run };
}
