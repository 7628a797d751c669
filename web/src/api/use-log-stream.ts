import { useEffect, useState } from 'react';
import { LogBuffer, type LogLineFormat } from '../lib/log-buffer.ts';
import { splitLogChunk } from '../lib/log-lines.ts';
import { ApiCallError, openLogStream } from './client.ts';

/** Lines parsed between checks of the time (a slice of 5,000 lines takes a few milliseconds). */
const SLICE = 5000;

export type LogStreamStatus =
  | { state: 'loading' }
  | { state: 'streaming' }
  | { state: 'done' }
  | { state: 'failed'; error: ApiCallError };

export interface LogStream {
  /** The lines so far; grows in place, and `version` says when. A new path starts a new buffer. */
  buffer: LogBuffer;
  version: number;
  status: LogStreamStatus;
}

/**
 * Streams a log (nodeLogPath or workflowLogsPath) into a LogBuffer. Lines are appended as chunks arrive
 * but the component is told at most once per animation frame, so 100,000 lines arriving fast cost a
 * few renders, not 100,000. The fetch is cancelled when the path changes or the component goes away.
 */
export function useLogStream(path: string, format: LogLineFormat): LogStream {
  // A new path or format starts a new buffer in the same render (no frame showing the old lines).
  const [stream, setStream] = useState(() => ({ path, format, buffer: new LogBuffer(format) }));
  if (stream.path !== path || stream.format !== format)
    setStream({ path, format, buffer: new LogBuffer(format) });
  const buffer = stream.buffer;
  const [version, setVersion] = useState(0);
  // The status of the buffer it was said of: a new buffer is loading until its stream says otherwise.
  const [statusOf, setStatusOf] = useState<{ buffer: LogBuffer; status: LogStreamStatus } | null>(null);
  const status: LogStreamStatus = statusOf?.buffer === buffer ? statusOf.status : { state: 'loading' };

  useEffect(() => {
    const abort = new AbortController();
    const lines = buffer;
    const setStatus = (next: LogStreamStatus) => setStatusOf({ buffer: lines, status: next });
    let frame = 0;
    const tell = () => {
      if (frame !== 0) return;
      frame = requestAnimationFrame(() => {
        frame = 0;
        setVersion((v) => v + 1);
      });
    };
    (async () => {
      try {
        const body = await openLogStream(path, abort.signal);
        setStatus({ state: 'streaming' });
        const reader = body.getReader();
        // `stream: true` keeps a character split between chunks whole.
        const decoder = new TextDecoder();
        let rest = '';
        let busySince = performance.now();
        for (;;) {
          const { done, value } = await reader.read();
          if (done) break;
          const split = splitLogChunk(rest, decoder.decode(value, { stream: true }));
          rest = split.rest;
          // A chunk can hold the whole log, and chunks already received resolve read() at once: parse
          // in slices and, after 50 ms of it, let a frame draw (the first lines, typing, scrolling).
          for (let from = 0; from < split.lines.length; from += SLICE) {
            lines.append(split.lines.slice(from, from + SLICE));
            tell();
            if (performance.now() - busySince > 50) {
              await new Promise((resolve) => requestAnimationFrame(resolve));
              if (abort.signal.aborted) return;
              busySince = performance.now();
            }
          }
        }
        rest += decoder.decode();
        if (rest !== '') lines.append([rest]);
        tell();
        setStatus({ state: 'done' });
      } catch (error) {
        if (abort.signal.aborted) return;
        setStatus({
          state: 'failed',
          error:
            error instanceof ApiCallError
              ? error
              : new ApiCallError({
                  code: 'INTERNAL',
                  status: 0,
                  message: 'The log stream broke off.',
                  hint: 'Try again; the download has the whole log.',
                }),
        });
      }
    })().catch(reportError);
    return () => {
      abort.abort();
      if (frame !== 0) cancelAnimationFrame(frame);
    };
  }, [path, buffer]);

  return { buffer, version, status };
}
