// A WebSocket client small enough to read, for tests and benchmarks through the proxy: it connects to
// 127.0.0.1 with the Host of an instance origin (which no resolver here knows) and the origin's
// cookies, sends masked frames (RFC 6455) and reads the echo app's frames. Not a general library.
import { randomBytes } from 'node:crypto';
import { request, type IncomingHttpHeaders } from 'node:http';
import type { Socket } from 'node:net';
import { encodeFrame, parseFrame, type Frame } from '../../devcluster/pod-apps/websocket-echo.ts';

export interface WebSocketTarget {
  /** Where to connect (default 127.0.0.1); `host` is only the Host header. */
  address?: string;
  port: number;
  host: string;
  path: string;
  headers?: Record<string, string>;
}

/** How an upgrade ended when it did not switch protocols: the status and body the proxy sent. */
export class UpgradeRefused extends Error {
  readonly status: number;
  readonly body: string;
  readonly headers: IncomingHttpHeaders;
  constructor(status: number, body: string, headers: IncomingHttpHeaders = {}) {
    super(`the upgrade was answered ${status}: ${body.slice(0, 200)}`);
    this.status = status;
    this.body = body;
    this.headers = headers;
  }
}

function masked(opcode: number, payload: Buffer): Buffer {
  // A client frame is the server's encoding with the mask bit and a mask before the payload.
  const plain = encodeFrame({ fin: true, opcode, payload: Buffer.alloc(0) });
  const length = payload.length;
  const mask = randomBytes(4);
  const body = Buffer.from(payload);
  for (let i = 0; i < body.length; i++) body[i] = (body[i] ?? 0) ^ (mask[i % 4] ?? 0);
  let header: Buffer;
  if (length < 126) header = Buffer.from([plain[0] ?? 0, 0x80 | length]);
  else if (length < 65536) {
    header = Buffer.alloc(4);
    header[0] = plain[0] ?? 0;
    header[1] = 0x80 | 126;
    header.writeUInt16BE(length, 2);
  } else {
    header = Buffer.alloc(10);
    header[0] = plain[0] ?? 0;
    header[1] = 0x80 | 127;
    header.writeBigUInt64BE(BigInt(length), 2);
  }
  return Buffer.concat([header, mask, body]);
}

export class TestWebSocket {
  readonly #socket: Socket;
  #pending: Buffer;
  readonly #frames: Frame[] = [];
  readonly #waiters: ((frame: Frame | undefined) => void)[] = [];
  #closed = false;

  private constructor(socket: Socket, head: Buffer) {
    this.#socket = socket;
    this.#pending = head;
    socket.on('data', (chunk: Buffer) => this.#read(chunk));
    socket.on('close', () => {
      this.#closed = true;
      for (const waiter of this.#waiters.splice(0)) waiter(undefined);
    });
    socket.on('error', () => socket.destroy());
    if (head.length > 0) this.#read(Buffer.alloc(0));
  }

  /** Opens a WebSocket; rejects with UpgradeRefused when the answer is not 101. */
  static open(target: WebSocketTarget): Promise<TestWebSocket> {
    return new Promise((resolve, reject) => {
      const req = request({
        host: target.address ?? '127.0.0.1',
        port: target.port,
        path: target.path,
        headers: {
          Host: target.host,
          Connection: 'Upgrade',
          Upgrade: 'websocket',
          'Sec-WebSocket-Version': '13',
          'Sec-WebSocket-Key': randomBytes(16).toString('base64'),
          ...target.headers,
        },
        agent: false,
      });
      req.once('upgrade', (_res, socket, head) => resolve(new TestWebSocket(socket, head)));
      req.once('response', (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () =>
          reject(new UpgradeRefused(res.statusCode ?? 0, Buffer.concat(chunks).toString(), res.headers)),
        );
        res.on('error', reject);
      });
      req.once('error', reject);
      req.end();
    });
  }

  get closed(): boolean {
    return this.#closed;
  }

  send(text: string | Buffer): void {
    const payload = typeof text === 'string' ? Buffer.from(text) : text;
    this.#socket.write(masked(typeof text === 'string' ? 0x1 : 0x2, payload));
  }

  /** The next data frame, or undefined once the connection has closed. */
  next(): Promise<Frame | undefined> {
    const frame = this.#frames.shift();
    if (frame !== undefined) return Promise.resolve(frame);
    if (this.#closed) return Promise.resolve(undefined);
    return new Promise((resolve) => this.#waiters.push(resolve));
  }

  /** Sends `text` and resolves with the echo's text. */
  async roundTrip(text: string): Promise<string | undefined> {
    this.send(text);
    return (await this.next())?.payload.toString();
  }

  /** Resolves once the connection is closed (by either side). */
  whenClosed(): Promise<void> {
    if (this.#closed) return Promise.resolve();
    return new Promise((resolve) => this.#socket.once('close', () => resolve()));
  }

  close(): void {
    this.#socket.destroy();
  }

  #read(chunk: Buffer): void {
    this.#pending = this.#pending.length === 0 ? chunk : Buffer.concat([this.#pending, chunk]);
    for (let parsed = parseFrame(this.#pending); parsed; parsed = parseFrame(this.#pending)) {
      this.#pending = this.#pending.subarray(parsed.length);
      if (parsed.frame.opcode >= 0x8) continue;
      const waiter = this.#waiters.shift();
      if (waiter === undefined) this.#frames.push(parsed.frame);
      else waiter(parsed.frame);
    }
  }
}
