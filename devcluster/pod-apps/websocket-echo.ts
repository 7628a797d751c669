// A WebSocket echo (RFC 6455) small enough to read: the handshake, then every data frame the client
// sends comes back as the same frame, unmasked. Enough for the echo app behind the proxy (round trips,
// many open sockets, large messages); not a general WebSocket library.
import { createHash } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';

const handshakeGuid = '258EAFA5-E914-47DA-95CA-C5AB0DC85B11';
// A frame larger than this closes the socket: the echo holds a frame whole before sending it back.
const maxFramePayload = 64 * 1024 * 1024;

export interface Frame {
  fin: boolean;
  opcode: number;
  payload: Buffer;
}

/** The first whole frame at the start of `buffer` and its length in bytes, or undefined if incomplete. */
export function parseFrame(buffer: Buffer): { frame: Frame; length: number } | undefined {
  if (buffer.length < 2) return undefined;
  const first = buffer[0] ?? 0;
  const second = buffer[1] ?? 0;
  let offset = 2;
  let payloadLength = second & 0x7f;
  if (payloadLength === 126) {
    if (buffer.length < 4) return undefined;
    payloadLength = buffer.readUInt16BE(2);
    offset = 4;
  } else if (payloadLength === 127) {
    if (buffer.length < 10) return undefined;
    const big = buffer.readBigUInt64BE(2);
    if (big > BigInt(maxFramePayload)) throw new RangeError('frame too large');
    payloadLength = Number(big);
    offset = 10;
  }
  if (payloadLength > maxFramePayload) throw new RangeError('frame too large');
  const masked = (second & 0x80) !== 0;
  const maskLength = masked ? 4 : 0;
  if (buffer.length < offset + maskLength + payloadLength) return undefined;
  const mask = buffer.subarray(offset, offset + maskLength);
  const payload = Buffer.from(buffer.subarray(offset + maskLength, offset + maskLength + payloadLength));
  if (masked) for (let i = 0; i < payload.length; i++) payload[i] = (payload[i] ?? 0) ^ (mask[i % 4] ?? 0);
  return {
    frame: { fin: (first & 0x80) !== 0, opcode: first & 0x0f, payload },
    length: offset + maskLength + payloadLength,
  };
}

/** A server frame (servers never mask). */
export function encodeFrame(frame: Frame): Buffer {
  const length = frame.payload.length;
  const header = length < 126 ? Buffer.alloc(2) : length < 65536 ? Buffer.alloc(4) : Buffer.alloc(10);
  header[0] = (frame.fin ? 0x80 : 0) | frame.opcode;
  if (length < 126) header[1] = length;
  else if (length < 65536) {
    header[1] = 126;
    header.writeUInt16BE(length, 2);
  } else {
    header[1] = 127;
    header.writeBigUInt64BE(BigInt(length), 2);
  }
  return Buffer.concat([header, frame.payload]);
}

/** Completes the upgrade of `req` and echoes its frames; answers 400 to a request that is not one. */
export function acceptEcho(req: IncomingMessage, socket: Duplex, head: Buffer): void {
  const key = req.headers['sec-websocket-key'];
  if (typeof key !== 'string' || req.headers.upgrade?.toLowerCase() !== 'websocket') {
    socket.end('HTTP/1.1 400 Bad Request\r\nConnection: close\r\n\r\n');
    return;
  }
  const accept = createHash('sha1')
    .update(key + handshakeGuid)
    .digest('base64');
  socket.write(
    `HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Accept: ${accept}\r\n\r\n`,
  );
  let pending = head;
  socket.on('data', (chunk: Buffer) => {
    pending = pending.length === 0 ? chunk : Buffer.concat([pending, chunk]);
    try {
      for (let parsed = parseFrame(pending); parsed; parsed = parseFrame(pending)) {
        pending = pending.subarray(parsed.length);
        const { frame } = parsed;
        if (frame.opcode === 0x8) {
          socket.end(encodeFrame({ fin: true, opcode: 0x8, payload: frame.payload.subarray(0, 2) }));
          return;
        }
        if (frame.opcode === 0x9) socket.write(encodeFrame({ ...frame, opcode: 0xa }));
        else if (frame.opcode !== 0xa) socket.write(encodeFrame(frame));
      }
    } catch {
      socket.destroy();
    }
  });
  socket.on('error', () => socket.destroy());
}
