// Server-sent events to one browser: event ids for resuming, a heartbeat through proxies, and
// bounded buffering — a client that does not read is sent `reset` and dropped, never buffered
// without limit.
import type { FastifyReply, FastifyRequest } from 'fastify';

export interface SseStream {
  send(event: string, data: unknown, id?: string): boolean;
  /** `send` with data already as JSON (made once for many streams); it must hold no line break. */
  sendJson(event: string, json: string, id?: string): boolean;
  close(): void;
  readonly closed: boolean;
}

const heartbeatMs = 15_000;
const maxBufferedBytes = 1024 * 1024;
const sseHeaders = {
  'Content-Type': 'text/event-stream; charset=utf-8',
  'Cache-Control': 'no-cache, no-transform',
  Connection: 'keep-alive',
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

export function openSse(request: FastifyRequest, reply: FastifyReply, onClose: () => void): SseStream {
  reply.hijack();
  const res = reply.raw;
  res.writeHead(200, sseHeaders);
  res.write('retry: 2000\n\n');
  let closed = false;
  const close = (): void => {
    if (closed) return;
    closed = true;
    clearInterval(heartbeat);
    onClose();
    res.end();
  };
  const heartbeat = setInterval(() => res.write(': heartbeat\n\n'), heartbeatMs);
  heartbeat.unref();
  request.raw.on('close', close);
  const sendJson = (event: string, json: string, id?: string): boolean => {
    if (closed) return false;
    if (res.writableLength > maxBufferedBytes) {
      res.write('event: reset\ndata: {"reason":"slow-client"}\n\n');
      close();
      return false;
    }
    res.write(`${id === undefined ? '' : `id: ${id}\n`}event: ${event}\ndata: ${json}\n\n`);
    return true;
  };
  return {
    get closed() {
      return closed;
    },
    send: (event, data, id) => sendJson(event, JSON.stringify(data), id),
    sendJson,
    close,
  };
}
