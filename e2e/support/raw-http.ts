// Raw HTTP/1.1 over a TCP socket, for attacks no well-behaved client can send (conflicting framing):
// writes the bytes as given and reads until the server closes or a bound is reached.
import { connect } from 'node:net';

export interface RawExchange {
  /** Everything the server sent. */
  text: string;
  /** The status codes of the responses in it, in order. */
  statuses: number[];
  /** Whether the server closed the connection (rather than the wait running out). */
  closedByServer: boolean;
}

/** Sends `bytes` to 127.0.0.1:`port`; resolves once the server closes, or after `waitMs` of silence. */
export function rawExchange(port: number, bytes: string | Buffer, waitMs = 3000): Promise<RawExchange> {
  return new Promise((resolve, reject) => {
    const socket = connect({ host: '127.0.0.1', port });
    const chunks: Buffer[] = [];
    let timer: NodeJS.Timeout | undefined;
    let closedByServer = false;
    const done = (): void => {
      if (timer !== undefined) clearTimeout(timer);
      socket.destroy();
      const text = Buffer.concat(chunks).toString('latin1');
      const statuses = [...text.matchAll(/HTTP\/1\.1 (\d{3}) /g)].map((m) => Number(m[1]));
      resolve({ text, statuses, closedByServer });
    };
    const quiet = (): void => {
      if (timer !== undefined) clearTimeout(timer);
      timer = setTimeout(done, waitMs);
    };
    socket.on('connect', () => {
      socket.write(bytes);
      quiet();
    });
    socket.on('data', (chunk: Buffer) => {
      chunks.push(chunk);
      quiet();
    });
    socket.on('end', () => {
      closedByServer = true;
      done();
    });
    socket.on('error', (error) => (chunks.length > 0 ? done() : reject(error)));
  });
}
