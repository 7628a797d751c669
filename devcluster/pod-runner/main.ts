// The devcluster's pod runner: KWOK runs no containers, so for each Running pod labelled
// `argovue.dev/run-locally: <command>` (commands.ts) this starts a real process in a network namespace
// holding the pod's IP (network.ts). The EndpointSlice the real controller-manager makes for the pod
// then names an address that serves, as in a real cluster. The process and namespace go when the pod
// stops running or is deleted, and all of them when the runner stops (`cluster.sh down`).
// What the process prints is the log of the pod's first container: written in the CRI log format to a
// file under the cluster's state, which a KWOK Logs object of the pod names (pod-logs.ts), so pods/log
// — `kubectl logs`, ArgoVue's log view — returns it, following included.
// Runs as root (ip netns); cluster.sh starts it like the provisioner.
import { spawn, type ChildProcess } from 'node:child_process';
import { createWriteStream, mkdirSync, openSync, rmSync, type WriteStream } from 'node:fs';
import { join } from 'node:path';
import type { Readable } from 'node:stream';
import { CoreV1Api, CustomObjectsApi, KubeConfig, makeInformer, type V1Pod } from '@kubernetes/client-node';
import { localCommands } from './commands.ts';
import { CriLogWriter, type CriStream } from './cri-log.ts';
import {
  clusterIdOf,
  createPodNetwork,
  deletePodNetwork,
  holdPodRange,
  isIPv4,
  listPodNetworks,
  podNetworkOf,
  releasePodRange,
  type PodNetwork,
} from './network.ts';
import { containerLogFile, deleteLogsObject, podLogDir, writeLogsObject } from './pod-logs.ts';

export const runLocallyLabel = 'argovue.dev/run-locally';
const stateDir = process.env['ARGOVUE_DEVCLUSTER_DIR'];
if (stateDir === undefined) throw new Error('ARGOVUE_DEVCLUSTER_DIR is not set');
const state: string = stateDir;
const podCidr = process.env['DEVCLUSTER_POD_CIDR'] ?? '10.0.0.0/24';
const linkAddress = process.env['DEVCLUSTER_POD_LINK_ADDRESS'] ?? '198.18.0.1';
const clusterId = clusterIdOf(state);

interface Wanted {
  uid: string;
  name: string;
  namespace: string;
  podIP: string;
  port: number;
  command: string;
  /** The pod's first container: the process's output is its log. */
  container: string;
}

interface Running {
  wanted: Wanted;
  net: PodNetwork;
  child: ChildProcess;
  workDir: string;
  stopping: boolean;
}

const running = new Map<string, Running>();

function log(message: string): void {
  console.log(`${new Date().toISOString()} ${message}`);
}

function describeError(error: unknown): string {
  return error instanceof Error ? error.message : JSON.stringify(error);
}

/** What should run for this pod, or undefined: not labelled for a known command, not Running, going away. */
function wantedOf(pod: V1Pod): Wanted | undefined {
  const command = pod.metadata?.labels?.[runLocallyLabel];
  const { uid, name, namespace, deletionTimestamp } = pod.metadata ?? {};
  const podIP = pod.status?.podIP;
  const port = pod.spec?.containers[0]?.ports?.[0]?.containerPort;
  const container = pod.spec?.containers[0]?.name;
  if (!command || !uid || !name || !namespace || !container || deletionTimestamp) return undefined;
  if (!Object.hasOwn(localCommands, command)) return undefined;
  if (pod.status?.phase !== 'Running' || !podIP || !isIPv4(podIP) || port === undefined) return undefined;
  return { uid, name, namespace, podIP, port, command, container };
}

async function start(wanted: Wanted): Promise<void> {
  const net = podNetworkOf(clusterId, wanted.uid, wanted.podIP);
  await deletePodNetwork(net.namespace);
  await createPodNetwork(net, linkAddress);
  const workDir = join(state, 'pods', net.namespace);
  mkdirSync(join(workDir, 'notebooks'), { recursive: true });
  const launcher = localCommands[wanted.command];
  if (launcher === undefined) throw new Error(`no local command ${wanted.command}`);
  const launch = launcher({
    podIP: wanted.podIP,
    port: wanted.port,
    podName: wanted.name,
    podNamespace: wanted.namespace,
    workDir,
  });
  // The file exists before KWOK is told of it (it opens it on every read); appended to, so a
  // process that restarts continues its log as a container's does.
  mkdirSync(podLogDir(state, wanted), { recursive: true });
  const logFile = createWriteStream('', { fd: openSync(containerLogFile(state, wanted), 'a') });
  logFile.on('error', (error) => log(`${wanted.namespace}/${wanted.name}: its log: ${error.message}`));
  await writeLogsObject(custom, state, wanted).catch((error: unknown) => {
    logFile.destroy();
    throw error;
  });
  // `ip netns exec` execs the command, so the child's PID is the process itself.
  const child = spawn('ip', ['netns', 'exec', net.namespace, launch.command, ...launch.args], {
    env: { ...process.env, ...launch.env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  logOutput(child, logFile);
  const entry: Running = { wanted, net, child, workDir, stopping: false };
  running.set(wanted.uid, entry);
  child.on('error', (error) => log(`${wanted.namespace}/${wanted.name}: ${error.message}`));
  child.on('exit', (code, signal) => {
    if (entry.stopping) return;
    // It died on its own: forget it, and the next pass starts it again (after a pause, not in a loop).
    log(
      `${wanted.namespace}/${wanted.name}: ${wanted.command} exited (${signal ?? code}); restarting in 2 s`,
    );
    running.delete(wanted.uid);
    deletePodNetwork(net.namespace)
      .then(() => setTimeout(schedule, 2000))
      .catch((error: unknown) => log(`cleaning ${net.namespace}: ${describeError(error)}`));
  });
  log(
    `${wanted.namespace}/${wanted.name}: ${wanted.command} on ${wanted.podIP}:${wanted.port} in ${net.namespace}`,
  );
}

/** The child's stdout and stderr into its CRI log; a slow disk pauses the child's output, never buffers it. */
function logOutput(child: ChildProcess, file: WriteStream): void {
  const writer = new CriLogWriter((entry) => {
    if (file.write(entry)) return;
    child.stdout?.pause();
    child.stderr?.pause();
    file.once('drain', () => {
      child.stdout?.resume();
      child.stderr?.resume();
    });
  });
  const read = (stream: CriStream, from: Readable | null): void => {
    from?.on('data', (chunk: Buffer) => writer.push(stream, chunk));
  };
  read('stdout', child.stdout);
  read('stderr', child.stderr);
  // 'close' comes after both pipes have ended: nothing of the output is left to read.
  child.on('close', () => {
    writer.end();
    file.end();
  });
}

async function stop(entry: Running): Promise<void> {
  entry.stopping = true;
  const exited = new Promise<void>((resolve) => {
    if (entry.child.exitCode !== null || entry.child.signalCode !== null) resolve();
    else entry.child.once('exit', () => resolve());
  });
  entry.child.kill('SIGTERM');
  const timer = setTimeout(() => entry.child.kill('SIGKILL'), 5000);
  await exited;
  clearTimeout(timer);
  await deletePodNetwork(entry.net.namespace);
  await deleteLogsObject(custom, entry.wanted).catch((error: unknown) =>
    log(`${entry.wanted.namespace}/${entry.wanted.name}: deleting its Logs object: ${describeError(error)}`),
  );
  rmSync(entry.workDir, { recursive: true, force: true });
  rmSync(podLogDir(state, entry.wanted), { recursive: true, force: true });
  running.delete(entry.wanted.uid);
  log(`${entry.wanted.namespace}/${entry.wanted.name}: stopped; ${entry.net.namespace} deleted`);
}

const kc = new KubeConfig();
kc.loadFromDefault();
const core = kc.makeApiClient(CoreV1Api);
const custom = kc.makeApiClient(CustomObjectsApi);
const informer = makeInformer<V1Pod>(
  kc,
  '/api/v1/pods',
  () => core.listPodForAllNamespaces({ labelSelector: runLocallyLabel }),
  runLocallyLabel,
);

/** Level-triggered: compares what runs with what the cache says should, whatever event came. */
async function reconcile(): Promise<void> {
  const wanted = new Map<string, Wanted>();
  for (const pod of informer.list()) {
    const w = wantedOf(pod);
    if (w) wanted.set(w.uid, w);
  }
  for (const entry of [...running.values()]) {
    const w = wanted.get(entry.wanted.uid);
    if (
      !entry.stopping &&
      (w === undefined || w.podIP !== entry.wanted.podIP || w.port !== entry.wanted.port)
    )
      await stop(entry);
  }
  for (const w of wanted.values()) {
    if (!running.has(w.uid))
      await start(w).catch((error: unknown) =>
        log(`${w.namespace}/${w.name}: cannot start: ${describeError(error)}`),
      );
  }
}

let busy = false;
let again = false;
function schedule(): void {
  if (busy) {
    again = true;
    return;
  }
  busy = true;
  reconcile()
    .catch((error: unknown) => log(`reconcile: ${describeError(error)}`))
    .finally(() => {
      busy = false;
      if (again) {
        again = false;
        schedule();
      }
    });
}

for (const event of ['add', 'update', 'delete'] as const) informer.on(event, schedule);
informer.on('connect', schedule);
informer.on('error', (error: unknown) => {
  log(`pod watch failed: ${describeError(error)}; again in 1 s`);
  setTimeout(() => {
    informer.start().catch((e: unknown) => log(`pod watch: ${describeError(e)}`));
  }, 1000);
});

async function shutdown(): Promise<void> {
  await informer.stop();
  for (const entry of [...running.values()]) await stop(entry);
  for (const name of await listPodNetworks(clusterId)) await deletePodNetwork(name);
  await releasePodRange(podCidr);
  log('pod runner stopped; every pod namespace deleted');
}

for (const signal of ['SIGTERM', 'SIGINT'] as const) {
  process.once(signal, () => {
    shutdown()
      .catch((error: unknown) => log(`shutdown: ${describeError(error)}`))
      .finally(() => process.exit(0));
  });
}

// Namespaces left by a runner that was killed belong to pods this one will look at afresh.
for (const name of await listPodNetworks(clusterId)) await deletePodNetwork(name);
await holdPodRange(podCidr);
await informer.start();
log(
  `pod runner watching pods labelled ${runLocallyLabel}; pod range ${podCidr} held; link address ${linkAddress}`,
);
