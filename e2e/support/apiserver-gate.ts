// A gate between ArgoVue and the real apiserver, for tests that must look at ArgoVue while a big answer
// is still on its way: a TCP proxy on loopback (TLS passes through untouched: the apiserver's
// certificate names 127.0.0.1) that forwards every connection both ways, and holds the apiserver's
// bytes on any one connection past `holdAfterBytes` until released. Small answers (a first page,
// watches, access reviews) pass; a list bigger than the threshold stops part-way, deterministically,
// however fast the machine.
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, connect, type Server, type Socket } from 'node:net';
import { dirname, join } from 'node:path';

export interface ApiserverGate {
  /** A kubeconfig like `kubeconfig` whose server is the gate (remove it with `close`). */
  kubeconfig: string;
  /** Whether some connection is being held now. */
  holding: () => boolean;
  /** Lets every held connection go on, and holds nothing from now on. */
  release: () => void;
  close: () => Promise<void>;
}

export async function openApiserverGate(kubeconfig: string, holdAfterBytes: number): Promise<ApiserverGate> {
  const text = readFileSync(kubeconfig, 'utf8');
  const server = /server:\s*"?(https:\/\/127\.0\.0\.1:(\d+))"?/.exec(text);
  if (server?.[2] === undefined) throw new Error(`${kubeconfig} names no https://127.0.0.1 server`);
  const upstreamPort = Number(server[2]);
  let released = false;
  const held = new Set<() => void>();
  const sockets = new Set<Socket>();
  const proxy: Server = createServer((client) => {
    const upstream = connect(upstreamPort, '127.0.0.1');
    sockets.add(client).add(upstream);
    let forwarded = 0;
    client.pipe(upstream);
    upstream.on('data', (chunk: Buffer) => {
      forwarded += chunk.length;
      client.write(chunk);
      if (!released && forwarded > holdAfterBytes) {
        upstream.pause();
        held.add(() => upstream.resume());
      }
    });
    upstream.on('end', () => client.end());
    const close = (): void => {
      client.destroy();
      upstream.destroy();
      sockets.delete(client);
      sockets.delete(upstream);
    };
    client.on('error', close).on('close', close);
    upstream.on('error', close).on('close', close);
  });
  await new Promise<void>((resolve) => proxy.listen(0, '127.0.0.1', resolve));
  const address = proxy.address();
  if (typeof address !== 'object' || address === null) throw new Error('the gate has no port');
  // Beside the original: relative paths in it stay right.
  const gated = join(dirname(kubeconfig), `gated-${address.port}.kubeconfig`);
  writeFileSync(gated, text.replace(server[1] ?? '', `https://127.0.0.1:${address.port}`));
  return {
    kubeconfig: gated,
    holding: () => held.size > 0,
    release: () => {
      released = true;
      for (const resume of held) resume();
      held.clear();
    },
    close: async () => {
      rmSync(gated, { force: true });
      for (const socket of sockets) socket.destroy();
      await new Promise<void>((resolve) => proxy.close(() => resolve()));
    },
  };
}
