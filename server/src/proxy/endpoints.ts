// Which addresses the proxy may dial for an instance. It dials pods from the instance's Service's
// EndpointSlices, as ingress controllers do (ClusterIPs are not reachable from outside a cluster,
// and the local cluster has no kube-proxy). An EndpointSlice is only a claim, though: anyone who may
// write one in the namespace can point it anywhere — the apiserver, a cloud metadata address,
// another namespace's pod. So an address is dialled only when it is the IP, in the pod's own status,
// of a ready pod of this instance in the instance's own namespace. Pod status is written by the
// kubelet, not by users, so no slice can send the proxy somewhere the instance's pods are not.
import { isIP } from 'node:net';

export const instanceLabel = 'argovue.io/instance';

export interface CachedSlice {
  namespace: string;
  /** The Service the slice is for (its kubernetes.io/service-name label). */
  service: string | undefined;
  ports: { name?: string; port?: number; protocol?: string }[];
  endpoints: {
    addresses: string[];
    ready: boolean | undefined;
    targetRef?: { kind?: string; namespace?: string; name?: string };
  }[];
}

export interface CachedPod {
  namespace: string;
  name: string;
  /** Its argovue.io/instance label. */
  instance: string | undefined;
  ips: string[];
  ready: boolean;
  deleting: boolean;
  /** Pending, Running…: shown on the page of an instance that is starting. */
  phase?: string;
}

export interface Endpoint {
  address: string;
  port: number;
  pod: string;
}

/**
 * Addresses no proxy should ever dial, whatever a pod's status says: loopback (ArgoVue's own
 * listeners), link-local (169.254.169.254, the cloud metadata service), unspecified and multicast.
 */
export function isNeverDialled(address: string): boolean {
  const family = isIP(address);
  if (family === 4) {
    const [a = 0, b = 0] = address.split('.').map(Number);
    return a === 0 || a === 127 || (a === 169 && b === 254) || a >= 224;
  }
  if (family === 6) {
    const lower = address.toLowerCase();
    return (
      lower === '::' ||
      lower === '::1' ||
      /^fe[89ab]/.test(lower) ||
      lower.startsWith('ff') ||
      // An IPv4 address written as IPv6 is judged as IPv4.
      (lower.startsWith('::ffff:') && isNeverDialled(lower.slice(7)))
    );
  }
  return true;
}

/** The port to dial: the one named `http`, else the first TCP port. */
function portOf(ports: CachedSlice['ports']): number | undefined {
  const tcp = ports.filter((p) => (p.protocol ?? 'TCP') === 'TCP' && typeof p.port === 'number');
  return (tcp.find((p) => p.name === 'http') ?? tcp[0])?.port;
}

/** The addresses of `namespace/instance` that may be dialled (see the top of this file). */
export function dialableEndpoints(
  namespace: string,
  instance: string,
  slices: Iterable<CachedSlice>,
  podOf: (namespace: string, name: string) => CachedPod | undefined,
  deniedAddresses: ReadonlySet<string> = new Set(),
): Endpoint[] {
  const found: Endpoint[] = [];
  for (const slice of slices) {
    // The instance's Service has the instance's name (services/render.ts).
    if (slice.namespace !== namespace || slice.service !== instance) continue;
    const port = portOf(slice.ports);
    if (port === undefined) continue;
    for (const endpoint of slice.endpoints) {
      const ref = endpoint.targetRef;
      if (endpoint.ready === false || ref?.kind !== 'Pod' || ref.name === undefined) continue;
      if (ref.namespace !== undefined && ref.namespace !== namespace) continue;
      const pod = podOf(namespace, ref.name);
      if (pod?.namespace !== namespace || pod.instance !== instance || !pod.ready || pod.deleting) continue;
      for (const address of endpoint.addresses)
        if (pod.ips.includes(address) && !isNeverDialled(address) && !deniedAddresses.has(address))
          found.push({ address, port, pod: pod.name });
    }
  }
  return found;
}
