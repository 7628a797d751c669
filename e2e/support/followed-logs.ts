// Long-lived log streams for the tests of stream limits and of streams ending with their access: a
// workflow whose pods keep running (KWOK's completion delay), and a followed log read as it comes.
import { eventually } from '../../devcluster/test/cluster.ts';
import { createWorkflow, getWorkflow } from '../../devcluster/test/workflows.ts';
import type { ApiClient } from './api-client.ts';
import { twoStepWorkflow } from './two-step-workflow.ts';

export interface RunningWorkflow {
  /** The workflow's API path, e.g. /api/v1/namespaces/team-a/workflows/NAME */
  path: string;
  /** A pod node that runs (its log can be followed). */
  nodeId: string;
}

/** Creates the two-step workflow with pods that run `podSeconds` and waits until its `ok` pod runs. */
export async function startRunningWorkflow(
  namespace: string,
  name: string,
  podSeconds = 900,
): Promise<RunningWorkflow> {
  await createWorkflow(namespace, twoStepWorkflow(name, podSeconds));
  const nodeId = await eventually(
    `${name}'s pod to run`,
    async () => {
      const workflow = await getWorkflow(namespace, name);
      const ok = Object.values(workflow.status?.nodes ?? {}).find(
        (node) => node.displayName === 'ok' && node.type === 'Pod',
      );
      return ok?.phase === 'Running' ? ok.id : undefined;
    },
    120_000,
  );
  return { path: `/api/v1/namespaces/${namespace}/workflows/${name}`, nodeId };
}

export interface FollowedLog {
  status: number;
  /** The answer's JSON when it is not a stream (an error). */
  error?: { code: string; status: number; message: string; hint?: string };
  /** Reads what is left until the server ends the stream; fails after `timeoutMs`. */
  rest: (timeoutMs: number) => Promise<string>;
  /** Reads until the text so far matches `pattern` and returns it; fails after `timeoutMs` or at the end. */
  until: (pattern: RegExp, timeoutMs: number) => Promise<string>;
  close: () => void;
}

/** Opens a log (follow=true in `query`) and, when it streams, waits for its first bytes. */
export async function openLog(client: ApiClient, path: string): Promise<FollowedLog> {
  const abort = new AbortController();
  const res = await client.fetch(path, { signal: abort.signal });
  const close = (): void => abort.abort();
  if (res.status !== 200 || res.body === null) {
    const error = (await res.json()) as FollowedLog['error'];
    return {
      status: res.status,
      ...(error === undefined ? {} : { error }),
      rest: () => Promise.resolve(''),
      until: (pattern) => Promise.reject(new Error(`no stream to find ${String(pattern)} in: ${res.status}`)),
      close,
    };
  }
  const reader: ReadableStreamDefaultReader<Uint8Array> = res.body.getReader();
  const decoder = new TextDecoder();
  let text = '';
  const first = await reader.read();
  if (first.value !== undefined) text += decoder.decode(first.value, { stream: true });
  let ended = first.done;
  return {
    status: res.status,
    close,
    rest: async (timeoutMs) => {
      const timer = setTimeout(close, timeoutMs);
      try {
        while (!ended) {
          const { value, done } = await reader.read();
          if (value !== undefined) text += decoder.decode(value, { stream: true });
          ended = done;
        }
      } catch (error) {
        throw new Error(`the log stream did not end in ${timeoutMs} ms: ${String(error)}`);
      } finally {
        clearTimeout(timer);
      }
      return text;
    },
    until: async (pattern, timeoutMs) => {
      const timer = setTimeout(close, timeoutMs);
      try {
        while (!pattern.test(text)) {
          if (ended) throw new Error('the stream ended');
          const { value, done } = await reader.read();
          if (value !== undefined) text += decoder.decode(value, { stream: true });
          ended = done;
        }
      } catch (error) {
        throw new Error(
          `the log never showed ${String(pattern)} in ${timeoutMs} ms (${String(error)}): ${text}`,
        );
      } finally {
        clearTimeout(timer);
      }
      return text;
    },
  };
}
