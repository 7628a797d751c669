// Server-sent events to one browser: event ids for resuming, a heartbeat through proxies, and
// bounded buffering — a client that does not read (its bytes waiting pass `maxBufferedBytes`) is
// disconnected and its buffers freed, never buffered without limit; the browser's EventSource then
// reconnects with Last-Event-ID and resumes. Sent through the reply (not hijacked), so the hooks'
// headers reach the browser: security headers, and a session cookie refreshed by this request.
import { PassThrough } from 'node:stream';
import type { FastifyReply, FastifyRequest } from 'fastify';

export interface SseStream {
  send(event: string, data: unknown, id?: string): boolean;
  /** `send` with data already as JSON (made once for many streams); it must hold no line break. */
  sendJson(event: string, json: string, id?: string): boolean;
  /** Ends the stream: its last words (an `end` event), then the response ends. */
  close(): void;
  readonly closed: boolean;
}

export interface SseOptions {
  /** Bytes the client may leave unread before it is dropped. */
  maxBufferedBytes: number;
  /** Called once when the stream is over, however it ended. */
  onClose: () => void;
  heartbeatMs?: number;
}

const sseHeaders = {
  'Content-Type': 'text/event-stream; charset=utf-8',
  'Cache-Control': 'no-cache, no-transform',
  'X-Accel-Buffering': 'no',
  'X-Content-Type-Options': 'nosniff',
};

/** Whether the client is an EventSource (or reads like one). */
export function wantsEventStream(request: FastifyRequest): boolean {
  return (request.headers.accept ?? '').includes('text/event-stream');
}

/**
 * Tells an EventSource to connect again in `retryMs` and ends the response. An EventSource gives up
 * for good on an error status, so a stream that cannot open now (the cluster does not answer) says
 * this instead; the browser comes back by itself, with its Last-Event-ID.
 */
export function askToReconnect(reply: FastifyReply, retryMs: number): void {
  reply.hijack();
  reply.raw.writeHead(200, sseHeaders);
  reply.raw.end(`retry: ${retryMs}\n\n`);
}

export function openSse(reply: FastifyReply, options: SseOptions): SseStream {
  const { maxBufferedBytes, onClose } = options;
  const res = reply.raw;
  const body = new PassThrough();
  let closed = false;
  const finish = (): void => {
    if (closed) return;
    closed = true;
    clearInterval(heartbeat);
    onClose();
  };
  // Bytes written but not yet taken by the client: in our stream and in the response's buffer.
  const buffered = (): number => body.writableLength + body.readableLength + res.writableLength;
  const write = (text: string): boolean => {
    if (closed) return false;
    if (buffered() > maxBufferedBytes) {
      // A reset event would wait behind the unread bytes; drop the connection (and its buffers).
      finish();
      body.destroy();
      res.destroy();
      return false;
    }
    body.write(text);
    return true;
  };
  const heartbeat = setInterval(() => write(': heartbeat\n\n'), options.heartbeatMs ?? 15_000);
  heartbeat.unref();
  res.on('close', finish);
  reply.headers(sseHeaders);
  body.write('retry: 2000\n\n');
  // Fastify settles a reply when the response ends; a failed one (the client gone mid-write) ends the
  // stream as its close does, never as an unhandled rejection.
  reply.send(body).then(
    () => undefined,
    () => finish(),
  );
  const sendJson = (event: string, json: string, id?: string): boolean =>
    write(`${id === undefined ? '' : `id: ${id}\n`}event: ${event}\ndata: ${json}\n\n`);
  return {
    get closed() {
      return closed;
    },
    send: (event, data, id) => sendJson(event, JSON.stringify(data), id),
    sendJson,
    close: () => {
      if (closed) return;
      finish();
      body.end();
    },
  };
}
