// A pod's own network namespace: the IP KWOK gave the pod lives inside it on one end of a veth pair,
// the other end stays with the runner, holding only a link address of ours and a /32 route to the
// pod. So the host reaches the pod's IP and nothing else changes: no address of the machine's own
// network is used, and traffic to pod IPs goes only into namespaces the devcluster made.
import { createHash } from 'node:crypto';
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';

const run = promisify(execFile);

export interface PodNetwork {
  /** `ip netns` name, unique to this cluster's state folder and the pod's uid. */
  namespace: string;
  /** The runner's end of the veth pair (at most 15 characters, the kernel's limit). */
  hostInterface: string;
  podIP: string;
}

/** A short id of one cluster (its state folder): names of two clusters' pods never meet. */
export function clusterIdOf(stateDir: string): string {
  return createHash('sha256').update(stateDir).digest('hex').slice(0, 8);
}

export function namespacePrefix(clusterId: string): string {
  return `argovue-pod-${clusterId}-`;
}

export function podNetworkOf(clusterId: string, podUid: string, podIP: string): PodNetwork {
  if (!/^[0-9a-f-]{1,64}$/.test(podUid)) throw new Error(`not a pod uid: ${podUid}`);
  if (!isIPv4(podIP)) throw new Error(`not an IPv4 address: ${podIP}`);
  const digest = createHash('sha256').update(`${clusterId}/${podUid}`).digest('hex');
  return {
    namespace: `${namespacePrefix(clusterId)}${podUid}`,
    hostInterface: `avp${digest.slice(0, 12)}`,
    podIP,
  };
}

export function isIPv4(text: string): boolean {
  const parts = text.split('.');
  return parts.length === 4 && parts.every((p) => /^(0|[1-9][0-9]{0,2})$/.test(p) && Number(p) <= 255);
}

async function ip(...args: string[]): Promise<void> {
  await run('ip', args);
}

/** Creates the namespace, the veth pair and the routes; undoes what it made if a step fails. */
export async function createPodNetwork(net: PodNetwork, linkAddress: string): Promise<void> {
  await ip('netns', 'add', net.namespace);
  try {
    await ip('netns', 'exec', net.namespace, 'ip', 'link', 'set', 'lo', 'up');
    await ip(
      'link',
      'add',
      net.hostInterface,
      'type',
      'veth',
      'peer',
      'name',
      'eth0',
      'netns',
      net.namespace,
    );
    await ip('addr', 'add', `${linkAddress}/32`, 'dev', net.hostInterface);
    await ip('link', 'set', net.hostInterface, 'up');
    await ip('route', 'replace', `${net.podIP}/32`, 'dev', net.hostInterface, 'src', linkAddress);
    await ip('netns', 'exec', net.namespace, 'ip', 'addr', 'add', `${net.podIP}/32`, 'dev', 'eth0');
    await ip('netns', 'exec', net.namespace, 'ip', 'link', 'set', 'eth0', 'up');
    // Inside, only the runner's link address is reachable: the pod's process answers, it cannot dial out.
    await ip('netns', 'exec', net.namespace, 'ip', 'route', 'add', `${linkAddress}/32`, 'dev', 'eth0');
  } catch (error) {
    await deletePodNetwork(net.namespace);
    throw error;
  }
}

/** PIDs of the processes inside a namespace. */
export async function pidsIn(namespace: string): Promise<number[]> {
  try {
    const { stdout } = await run('ip', ['netns', 'pids', namespace]);
    return stdout
      .split('\n')
      .filter((line) => /^[0-9]+$/.test(line))
      .map(Number);
  } catch {
    return [];
  }
}

/** Kills what still runs inside, then deletes the namespace (its veth pair and route go with it). */
export async function deletePodNetwork(namespace: string): Promise<void> {
  for (const pid of await pidsIn(namespace)) {
    try {
      process.kill(pid, 'SIGKILL');
    } catch {
      // Already gone.
    }
  }
  await run('ip', ['netns', 'del', namespace]).catch(() => undefined);
}

/** The namespaces of this cluster's pods that exist now (left over after a crash, say). */
export async function listPodNetworks(clusterId: string): Promise<string[]> {
  const { stdout } = await run('ip', ['netns', 'list']);
  return stdout
    .split('\n')
    .map((line) => line.split(' ')[0] ?? '')
    .filter((name) => name.startsWith(namespacePrefix(clusterId)));
}

/**
 * KWOK's pod IPs are not on this machine; without a route of their own they would follow the
 * default route off it. An `unreachable` route for the whole pod range keeps every such packet
 * here; the /32 routes of running pods are more specific and win.
 */
export async function holdPodRange(cidr: string): Promise<void> {
  await ip('route', 'replace', 'unreachable', cidr);
}

export async function releasePodRange(cidr: string): Promise<void> {
  await run('ip', ['route', 'del', 'unreachable', cidr]).catch(() => undefined);
}
