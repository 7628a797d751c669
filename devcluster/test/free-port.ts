// A port for a server a test or benchmark starts, chosen before the server listens (its URL goes into
// its own settings, e.g. the OpenID redirect). Asking the kernel for port 0 and closing it is racy: that
// port is in the ephemeral range, where every outgoing connection (to the apiserver, etcd, PostgreSQL)
// also takes its local port, and one did take it between the probe and the server's listen
// (EADDRINUSE in a full run). A port below the ephemeral range is never handed out that way; the local
// cluster's own ports are all below 20000.
import { randomInt } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createServer } from 'node:net';

/** The kernel's ephemeral port range, [first, last]. */
export function ephemeralRange(
  text = readFileSync('/proc/sys/net/ipv4/ip_local_port_range', 'utf8'),
): [number, number] {
  const [first, last] = text.trim().split(/\s+/).map(Number);
  if (first === undefined || last === undefined || !(first > 0 && last >= first)) return [32768, 60999];
  return [first, last];
}

/** Ports to pick from: below the ephemeral range (from 20000), else above it. */
export function candidateRange([first, last]: [number, number]): [number, number] {
  if (first - 1 - 20000 >= 1000) return [20000, first - 1];
  if (65535 - (last + 1) >= 1000) return [last + 1, 65535];
  throw new Error(
    `the ephemeral port range ${first}-${last} leaves no room for test servers: narrow net.ipv4.ip_local_port_range`,
  );
}

function canListen(port: number, host: string): Promise<boolean> {
  return new Promise((resolve) => {
    const probe = createServer();
    probe.once('error', () => resolve(false));
    probe.listen(port, host, () => probe.close(() => resolve(true)));
  });
}

/** A port nobody listens on at `host`, outside the ephemeral range. */
export async function freePort(host = '127.0.0.1'): Promise<number> {
  const [low, high] = candidateRange(ephemeralRange());
  for (let tries = 0; tries < 200; tries++) {
    const port = randomInt(low, high + 1);
    if (await canListen(port, host)) return port;
  }
  throw new Error(`no free port in ${low}-${high} at ${host} after 200 tries`);
}
