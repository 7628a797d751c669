import { useEffect, useRef, useState } from 'react';
import { shownLine, splitLogChunk } from '../lib/log-lines.ts';
import { ApiCallError, type NodeLogOptions, openNodeLog } from './client.ts';

export type NodeLogStatus =
  | { state: 'loading' }
  | { state: 'streaming' }
  | { state: 'done' }
  | { state: 'failed'; error: ApiCallError };

export interface NodeLog {
  /** The lines so far (as shown: very long ones cut). Grows in place; `version` says when. */
  lines: string[];
  /** Changes whenever `lines` grew. */
  version: number;
  status: NodeLogStatus;
}

/**
 * Streams one node's log into an array of lines. Lines are appended in place and the component is told
 * at most once per animation frame, so 100,000 lines arriving fast cost a few renders, not 100,000.
 * The fetch is cancelled when the options change or the component goes away.
 */
export function useNodeLog(namespace: string, name: string, options: NodeLogOptions): NodeLog {
  const { node, container, timestamps, follow } = options;
  const lines = useRef<string[]>([]);
  const [version, setVersion] = useState(0);
  const [status, setStatus] = useState<NodeLogStatus>({ state: 'loading' });

  useEffect(() => {
    const abort = new AbortController();
    const buffer: string[] = [];
    lines.current = buffer;
    setVersion((v) => v + 1);
    setStatus({ state: 'loading' });
    let frame = 0;
    const tell = () => {
      if (frame !== 0) return;
      frame = requestAnimationFrame(() => {
        frame = 0;
        setVersion((v) => v + 1);
      });
    };
    void (async () => {
      try {
        const stream = await openNodeLog(
          namespace,
          name,
          { node, container, timestamps, follow },
          abort.signal,
        );
        setStatus({ state: 'streaming' });
        const reader = stream.getReader();
        // `stream: true` keeps a character split between chunks whole.
        const decoder = new TextDecoder();
        let rest = '';
        for (;;) {
          const { done, value } = await reader.read();
          if (done) break;
          const split = splitLogChunk(rest, decoder.decode(value, { stream: true }));
          rest = split.rest;
          for (const line of split.lines) buffer.push(shownLine(line));
          tell();
        }
        rest += decoder.decode();
        if (rest !== '') buffer.push(shownLine(rest));
        tell();
        setStatus({ state: 'done' });
      } catch (error) {
        if (abort.signal.aborted) return;
        if (error instanceof ApiCallError) setStatus({ state: 'failed', error });
        else
          setStatus({
            state: 'failed',
            error: new ApiCallError({
              code: 'INTERNAL',
              status: 0,
              message: 'The log stream broke off.',
              hint: 'Try again; the lines so far stay in the download.',
            }),
          });
      }
    })();
    return () => {
      abort.abort();
      if (frame !== 0) cancelAnimationFrame(frame);
    };
  }, [namespace, name, node, container, timestamps, follow]);

  return { lines: lines.current, version, status };
}
