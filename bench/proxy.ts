// ArgoVue's service proxy against JupyterHub's configurable-http-proxy (the npm package, the proxy
// JupyterHub puts in front of every notebook), in the same run, to the same upstream: one echo-app
// pod of the local cluster (devcluster/pod-runner), dialled at its pod IP. Clients reach both proxies
// over loopback. ArgoVue's figures include what it does per request that CHP does not: the origin's
// session cookie, the RBAC decision (cached), the header rules. "direct" is the pod without a proxy;
// added latency is a proxy's percentile less the direct one. Prints figures; asserts nothing.
//   KUBECONFIG=.devcluster/admin.kubeconfig node bench/proxy.ts
// Bounded in count and time (the load generator shares this 2-core machine with both proxies and the
// echo app, so req/s is a ratio more than a capacity): BENCH_PROXY_REQUESTS sequential requests
// (2,000, at most 30 s), BENCH_PROXY_SECONDS of load at BENCH_PROXY_CONCURRENCY (5 s at 32, at most
// 200,000 requests), a BENCH_PROXY_DOWNLOAD_MIB download (512 MiB, not the 1 GB: the echo app,
// the proxy and this client all copy every byte on the same 2 cores; each download stops at 60 s)
// in BENCH_PROXY_DOWNLOAD_ROUNDS rounds (4, at most 10) of two through each proxy,
// BENCH_PROXY_SOCKETS open WebSockets (1,000) with 20 rounds of 100 round trips among them.
import { spawn, type ChildProcess } from 'node:child_process';
import { Agent, request } from 'node:http';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { KubeConfig } from '@kubernetes/client-node';
import { devclusterDir } from '../devcluster/argovue-env.ts';
import { freePort } from '../devcluster/test/free-port.ts';
import { loginAs } from '../e2e/support/api-client.ts';
import { startServer } from '../e2e/support/server.ts';
import {
  createTeamANamespace,
  podOfInstance,
  ServiceBrowser,
  startEchoInstance,
} from '../e2e/support/service-proxy.ts';
import { adminKubeApi } from '../e2e/support/service-templates.ts';
import { TestWebSocket } from '../e2e/support/websocket-client.ts';
import { AccessReviewer } from '../server/src/kube/access.ts';
import { KubeApi } from '../server/src/kube/kube-api.ts';
import { ProxySessions } from '../server/src/proxy/proxy-session.ts';
import { cpuNs, percentile, rssMb } from './support/measure.ts';

const requests = Number(process.env['BENCH_PROXY_REQUESTS'] ?? '2000');
const loadSeconds = Number(process.env['BENCH_PROXY_SECONDS'] ?? '5');
const concurrency = Number(process.env['BENCH_PROXY_CONCURRENCY'] ?? '32');
const downloadMiB = Number(process.env['BENCH_PROXY_DOWNLOAD_MIB'] ?? '512');
const downloadRounds = Math.min(10, Number(process.env['BENCH_PROXY_DOWNLOAD_ROUNDS'] ?? '4'));
const socketCount = Number(process.env['BENCH_PROXY_SOCKETS'] ?? '1000');

interface Target {
  name: string;
  address: string;
  port: number;
  host: string;
  headers: Record<string, string>;
}

/** One GET read to the end; resolves with the status and the bytes of the body. */
function get(target: Target, path: string, agent: Agent | false): Promise<{ status: number; bytes: number }> {
  return new Promise((resolve, reject) => {
    const req = request({
      host: target.address,
      port: target.port,
      path,
      agent,
      headers: { Host: target.host, ...target.headers },
    });
    req.once('response', (res) => {
      let bytes = 0;
      res.on('data', (chunk: Buffer) => (bytes += chunk.length));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, bytes }));
      res.on('error', reject);
    });
    req.once('error', reject);
    req.setTimeout(60_000, () => req.destroy(new Error('no answer in 60 s')));
    req.end();
  });
}

async function latencies(target: Target): Promise<number[]> {
  const agent = new Agent({ keepAlive: true, maxSockets: 1 });
  const deadline = performance.now() + 30_000;
  const times: number[] = [];
  for (let i = 0; i < requests + 200 && performance.now() < deadline; i++) {
    const t0 = performance.now();
    const { status } = await get(target, '/healthz', agent);
    if (status !== 200) throw new Error(`${target.name} answered ${status}`);
    if (i >= 200) times.push(performance.now() - t0); // the first 200 warm up
  }
  agent.destroy();
  return times;
}

async function throughput(target: Target): Promise<number> {
  const agent = new Agent({ keepAlive: true, maxSockets: concurrency });
  const t0 = performance.now();
  const deadline = t0 + loadSeconds * 1000;
  let done = 0;
  const worker = async (): Promise<void> => {
    while (performance.now() < deadline && done < 200_000) {
      await get(target, '/healthz', agent);
      done++;
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  agent.destroy();
  return done / ((performance.now() - t0) / 1000);
}

interface Download {
  mbps: number;
  cpuPerGiB: number;
}

/** A download's MB/s and the proxy's CPU per GiB (all its threads: GC too; NaN for direct). */
async function download(target: Target, pid: number | undefined): Promise<Download> {
  const bytes = downloadMiB * 1024 * 1024;
  const cpu0 = pid === undefined ? NaN : cpuNs(pid);
  const t0 = performance.now();
  const answer = await get(target, `/bytes?n=${bytes}`, false);
  if (answer.bytes !== bytes) throw new Error(`${target.name}: ${answer.bytes} of ${bytes} bytes`);
  const mbps = bytes / 1e6 / ((performance.now() - t0) / 1000);
  const cpuPerGiB = pid === undefined ? NaN : (cpuNs(pid) - cpu0) / 1e9 / (downloadMiB / 1024);
  return { mbps, cpuPerGiB };
}

async function webSockets(
  target: Target,
  pid: number | undefined,
): Promise<{ p50: number; p99: number; rss?: number }> {
  const sockets: TestWebSocket[] = [];
  const deadline = performance.now() + 60_000;
  try {
    while (sockets.length < socketCount && performance.now() < deadline) {
      const batch = Math.min(50, socketCount - sockets.length);
      sockets.push(
        ...(await Promise.all(
          Array.from({ length: batch }, () =>
            TestWebSocket.open({
              address: target.address,
              port: target.port,
              host: target.host,
              path: '/ws',
              headers: target.headers,
            }),
          ),
        )),
      );
    }
    const times: number[] = [];
    for (let round = 0; round < 22; round++) {
      const chosen = Array.from({ length: 100 }, (_, i) => sockets[(round * 100 + i * 7) % sockets.length]);
      const results = await Promise.all(
        chosen.map(async (socket) => {
          const t0 = performance.now();
          await socket?.roundTrip('ping');
          return performance.now() - t0;
        }),
      );
      if (round >= 2) times.push(...results);
    }
    return {
      p50: percentile(times, 0.5),
      p99: percentile(times, 0.99),
      ...(pid === undefined ? {} : { rss: await rssMb(pid) }),
    };
  } finally {
    for (const socket of sockets) socket.close();
  }
}

/** What ArgoVue decides per request on a hit: the origin's session from its cookie, then RBAC. */
async function admissionMicroseconds(): Promise<{ access: number; both: number }> {
  const kc = new KubeConfig();
  kc.loadFromFile(`${devclusterDir}/argovue.kubeconfig`);
  const api = new KubeApi(kc);
  const access = new AccessReviewer(api, 60_000);
  const sessions = new ProxySessions(['b'.repeat(32)], false);
  const origin = 'http://lab--team-a.localhost:8081';
  const now = Date.now() / 1000;
  const cookies = await sessions.cookiesFor({
    origin,
    sid: 's'.repeat(24),
    expiresAt: now + 3600,
    idTokenExpiresAt: now + 3600,
    user: { username: 'oidc:alice@example.com', groups: ['oidc:team-a'] },
  });
  const header = (cookies ?? [])
    .filter((c) => c.value !== '')
    .map((c) => `${c.name}=${c.value}`)
    .join('; ');
  const attributes = {
    verb: 'get',
    group: 'argovue.io',
    resource: 'serviceinstances',
    subresource: 'proxy',
    namespace: 'team-a',
    name: 'lab',
  } as const;
  const session = await sessions.read(header, origin);
  if (session === undefined) throw new Error('the session did not read back');
  await access.can(session.user, attributes); // the one review that fills the cache
  const n = 100_000;
  let t0 = performance.now();
  for (let i = 0; i < n; i++) await access.can(session.user, attributes);
  const accessUs = ((performance.now() - t0) * 1000) / n;
  t0 = performance.now();
  for (let i = 0; i < n; i++) {
    const read = await sessions.read(header, origin);
    if (read !== undefined) await access.can(read.user, attributes);
  }
  const bothUs = ((performance.now() - t0) * 1000) / n;
  api.close();
  return { access: accessUs, both: bothUs };
}

const fmt = (n: number, digits = 2): string => n.toFixed(digits);
const ratio = (a: number, b: number): string => (b === 0 ? '—' : (a / b).toFixed(2));

const api = adminKubeApi();
const namespace = await createTeamANamespace('bench-proxy');
let chp: ChildProcess | undefined;
const server = await startServer({
  ARGOVUE_PROXY_MAX_CONNECTIONS_PER_USER: String(socketCount * 2),
  ARGOVUE_PROXY_MAX_CONNECTIONS: String(socketCount * 4),
});
try {
  await startEchoInstance(api, namespace.name, 'echo');
  const pod = await podOfInstance(api, namespace.name, 'echo');
  const chpPort = await freePort();
  const chpBin = fileURLToPath(
    new URL('../node_modules/configurable-http-proxy/bin/configurable-http-proxy', import.meta.url),
  );
  chp = spawn(
    process.execPath,
    [
      chpBin,
      '--ip',
      '127.0.0.1',
      '--port',
      String(chpPort),
      '--api-ip',
      '127.0.0.1',
      '--api-port',
      String(await freePort()),
      '--default-target',
      `http://${pod.ip}:8080`,
      '--log-level',
      'error',
    ],
    { env: { ...process.env, CONFIGPROXY_AUTH_TOKEN: 'bench-only' }, stdio: 'ignore' },
  );
  const alice = new ServiceBrowser(server, namespace.name, 'echo');
  await alice.signIn(await loginAs(server.url, 'alice'));
  const argovue: Target = {
    name: 'ArgoVue',
    address: '127.0.0.1',
    port: server.proxyPort,
    host: alice.host,
    headers: { Cookie: alice.cookieHeader },
  };
  const configurable: Target = {
    name: 'CHP',
    address: '127.0.0.1',
    port: chpPort,
    host: `127.0.0.1:${chpPort}`,
    headers: {},
  };
  const direct: Target = { name: 'direct', address: pod.ip, port: 8080, host: `${pod.ip}:8080`, headers: {} };
  for (let tries = 0; ; tries++) {
    const up = await get(configurable, '/healthz', false).catch(() => undefined);
    if (up?.status === 200) break;
    if (tries > 100) throw new Error('configurable-http-proxy did not start');
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  const chpPid = chp.pid;
  const idle = { argovue: await rssMb(server.pid), chp: chpPid === undefined ? NaN : await rssMb(chpPid) };

  console.log(`Service proxy: ArgoVue vs configurable-http-proxy 5.3.0, upstream echo-app at ${pod.ip}:8080`);
  // Each figure twice, in the order ArgoVue, CHP, CHP, ArgoVue, keeping each one's better run: the
  // machine's load moves during a run, and this keeps it from favouring whichever went first.
  const twice = async <T>(measure: (target: Target) => Promise<T>, better: (a: T, b: T) => T) => {
    const a1 = await measure(argovue);
    const c1 = await measure(configurable);
    const c2 = await measure(configurable);
    const a2 = await measure(argovue);
    return { direct: await measure(direct), argovue: better(a1, a2), chp: better(c1, c2) };
  };
  const lowerP99 = (a: number[], b: number[]): number[] =>
    percentile(a, 0.99) <= percentile(b, 0.99) ? a : b;
  const lat = await twice(latencies, lowerP99);
  const added = (times: number[], q: number): number => percentile(times, q) - percentile(lat.direct, q);
  const rps = await twice(throughput, Math.max);
  const pidOf = (target: Target): number | undefined =>
    target === argovue ? server.pid : target === configurable ? chpPid : undefined;
  // A download lasts a second or two and the machine's load moves: rounds of ArgoVue, CHP, CHP,
  // ArgoVue, and each side's median with its range, rather than the better of two.
  const runs = { argovue: [] as Download[], chp: [] as Download[] };
  for (let round = 0; round < downloadRounds; round++)
    for (const target of [argovue, configurable, configurable, argovue])
      runs[target === argovue ? 'argovue' : 'chp'].push(await download(target, pidOf(target)));
  const directMbps = (await download(direct, undefined)).mbps;
  const median = (side: Download[], key: keyof Download): number =>
    percentile(
      side.map((run) => run[key]),
      0.5,
    );
  const range = (side: Download[], key: keyof Download, digits: number): string =>
    `${fmt(Math.min(...side.map((run) => run[key])), digits)}–${fmt(Math.max(...side.map((run) => run[key])), digits)}`;
  const mbps = { argovue: median(runs.argovue, 'mbps'), chp: median(runs.chp, 'mbps') };
  const cpuPerGiB = { argovue: median(runs.argovue, 'cpuPerGiB'), chp: median(runs.chp, 'cpuPerGiB') };
  const wsDirect = await webSockets(direct, undefined);
  const wsRuns = await twice(
    (target) => webSockets(target, pidOf(target)),
    (a, b) => (a.p99 <= b.p99 ? a : b),
  );
  const ws = { ...wsRuns, direct: wsDirect };
  const admission = await admissionMicroseconds();

  const rows: [string, string, string, string][] = [
    [
      `small GET, sequential: p50 / p99 (direct ${fmt(percentile(lat.direct, 0.5))} / ${fmt(percentile(lat.direct, 0.99))} ms)`,
      `${fmt(percentile(lat.argovue, 0.5))} / ${fmt(percentile(lat.argovue, 0.99))} ms`,
      `${fmt(percentile(lat.chp, 0.5))} / ${fmt(percentile(lat.chp, 0.99))} ms`,
      `${ratio(percentile(lat.argovue, 0.5), percentile(lat.chp, 0.5))} / ${ratio(percentile(lat.argovue, 0.99), percentile(lat.chp, 0.99))}`,
    ],
    [
      'added latency p50 / p99',
      `${fmt(added(lat.argovue, 0.5))} / ${fmt(added(lat.argovue, 0.99))} ms`,
      `${fmt(added(lat.chp, 0.5))} / ${fmt(added(lat.chp, 0.99))} ms`,
      `${ratio(added(lat.argovue, 0.5), added(lat.chp, 0.5))} / ${ratio(added(lat.argovue, 0.99), added(lat.chp, 0.99))}`,
    ],
    [
      `small GET, ${concurrency} at once: req/s (direct ${fmt(rps.direct, 0)})`,
      fmt(rps.argovue, 0),
      fmt(rps.chp, 0),
      ratio(rps.argovue, rps.chp),
    ],
    [
      `${downloadMiB} MiB download, median of ${runs.argovue.length}: MB/s (direct ${fmt(directMbps, 0)})`,
      `${fmt(mbps.argovue, 0)} (${range(runs.argovue, 'mbps', 0)})`,
      `${fmt(mbps.chp, 0)} (${range(runs.chp, 'mbps', 0)})`,
      ratio(mbps.argovue, mbps.chp),
    ],
    [
      "… CPU per GiB of it, the proxy's threads (GC too)",
      `${fmt(cpuPerGiB.argovue)} s (${range(runs.argovue, 'cpuPerGiB', 2)})`,
      `${fmt(cpuPerGiB.chp)} s (${range(runs.chp, 'cpuPerGiB', 2)})`,
      ratio(cpuPerGiB.argovue, cpuPerGiB.chp),
    ],
    [
      `WebSocket round trip, ${socketCount} open: p50 / p99 (direct ${fmt(ws.direct.p50)} / ${fmt(ws.direct.p99)} ms)`,
      `${fmt(ws.argovue.p50)} / ${fmt(ws.argovue.p99)} ms`,
      `${fmt(ws.chp.p50)} / ${fmt(ws.chp.p99)} ms`,
      `${ratio(ws.argovue.p50, ws.chp.p50)} / ${ratio(ws.argovue.p99, ws.chp.p99)}`,
    ],
    [
      'RSS idle (ArgoVue: the whole server, its caches too)',
      `${idle.argovue} MB`,
      `${idle.chp} MB`,
      ratio(idle.argovue, idle.chp),
    ],
    [
      `RSS with ${socketCount} WebSockets open`,
      `${ws.argovue.rss ?? NaN} MB`,
      `${ws.chp.rss ?? NaN} MB`,
      ratio(ws.argovue.rss ?? NaN, ws.chp.rss ?? NaN),
    ],
    [
      'per request on a hit: RBAC decision / session + decision',
      `${fmt(admission.access, 3)} / ${fmt(admission.both, 3)} µs`,
      '(none)',
      '',
    ],
  ];
  const widths = [0, 1, 2, 3].map((i) =>
    Math.max(...rows.map((r) => r[i]?.length ?? 0), ['', 'ArgoVue', 'CHP', 'ratio'][i]?.length ?? 0),
  );
  const line = (cells: readonly string[]): string =>
    `| ${cells.map((c, i) => c.padEnd(widths[i] ?? 0)).join(' | ')} |`;
  console.log(line(['', 'ArgoVue', 'CHP', 'ArgoVue / CHP']));
  console.log(line(widths.map((w) => '-'.repeat(w))));
  for (const row of rows) console.log(line(row));
} finally {
  chp?.kill('SIGTERM');
  await server.stop();
  await namespace.remove();
  api.close();
}
