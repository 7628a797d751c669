// Deployments whose pods the devcluster's pod runner brings to life (devcluster/pod-runner), and the
// ways a test sees that they do: the EndpointSlice's address, and the pod's network namespace.
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { AppsV1Api, DiscoveryV1Api } from '@kubernetes/client-node';
import { core, eventually, kc } from './cluster.ts';

const run = promisify(execFile);
const apps = kc.makeApiClient(AppsV1Api);
const discovery = kc.makeApiClient(DiscoveryV1Api);

/** A Deployment of one pod labelled to run `command` locally on `port`, and a Service in front of it. */
export async function createLocalDeployment(
  namespace: string,
  name: string,
  command: string,
  port: number,
): Promise<void> {
  const labels = { app: name, 'argovue.dev/run-locally': command };
  await apps.createNamespacedDeployment({
    namespace,
    body: {
      metadata: { name },
      spec: {
        replicas: 1,
        selector: { matchLabels: { app: name } },
        template: {
          metadata: { labels },
          spec: {
            containers: [
              { name: 'app', image: `example.invalid/${command}:1`, ports: [{ containerPort: port }] },
            ],
          },
        },
      },
    },
  });
  await core.createNamespacedService({
    namespace,
    body: { metadata: { name }, spec: { selector: { app: name }, ports: [{ port: 80, targetPort: port }] } },
  });
}

export interface Endpoint {
  address: string;
  port: number;
  podUid: string;
  podName: string;
}

/** The ready address of the Service's EndpointSlice, as a proxy or ingress controller would dial it. */
export async function readyEndpoint(
  namespace: string,
  service: string,
  port: number,
  timeoutMs = 60_000,
): Promise<Endpoint> {
  return eventually(
    `a ready address in the EndpointSlice of ${namespace}/${service}`,
    async () => {
      const slices = await discovery.listNamespacedEndpointSlice({
        namespace,
        labelSelector: `kubernetes.io/service-name=${service}`,
      });
      for (const slice of slices.items) {
        for (const endpoint of slice.endpoints ?? []) {
          const address = endpoint.addresses[0];
          if (address === undefined || endpoint.conditions?.ready !== true) continue;
          const podName = endpoint.targetRef?.name;
          if (podName === undefined) continue;
          const pod = await core.readNamespacedPod({ namespace, name: podName });
          if (pod.metadata?.uid) return { address, port, podUid: pod.metadata.uid, podName };
        }
      }
      return undefined;
    },
    timeoutMs,
  );
}

/** Polls `url` until it answers at all (the process may still be starting), then returns the answer. */
export async function fetchWhenServing(
  url: string,
  init: RequestInit = {},
  timeoutMs = 60_000,
): Promise<Response> {
  return eventually(
    `${url} to answer`,
    () => fetch(url, { ...init, signal: AbortSignal.timeout(5000) }),
    timeoutMs,
  );
}

/** Whether a network namespace of the runner exists for the pod with this uid. */
export async function podNetworkExists(podUid: string): Promise<boolean> {
  const { stdout } = await run('ip', ['netns', 'list']);
  return stdout.split('\n').some((line) => /^argovue-pod-[0-9a-f]{8}-(\S+)/.exec(line)?.[1] === podUid);
}
