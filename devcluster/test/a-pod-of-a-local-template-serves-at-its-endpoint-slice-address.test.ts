// KWOK runs no containers; the pod runner runs a real process for pods labelled
// argovue.dev/run-locally, in a network namespace holding the pod's IP. The real controllers make the
// Deployment's pod and the Service's EndpointSlice; the address in the slice answers HTTP and
// WebSocket from the host; what the process prints is the container's log (pods/log, through KWOK);
// deleting the Deployment removes the process, its namespace and its log.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { AppsV1Api } from '@kubernetes/client-node';
import { core, createTestNamespace, custom, eventually, kc } from './cluster.ts';
import {
  createLocalDeployment,
  fetchWhenServing,
  podNetworkExists,
  readyEndpoint,
  type Endpoint,
} from './local-pods.ts';

describe('a pod of a local template', () => {
  let ns: Awaited<ReturnType<typeof createTestNamespace>>;
  let endpoint: Endpoint;
  before(async () => {
    ns = await createTestNamespace('local-pod');
    await createLocalDeployment(ns.name, 'echo', 'echo-app', 8080);
    endpoint = await readyEndpoint(ns.name, 'echo', 8080);
  });
  after(async () => {
    await ns.remove();
  });

  it('has a pod IP the apiserver accepts in an EndpointSlice (not loopback)', () => {
    assert.doesNotMatch(endpoint.address, /^127\./);
    assert.match(endpoint.address, /^[0-9]+\.[0-9]+\.[0-9]+\.[0-9]+$/);
  });

  it('answers HTTP at that address, from the pod itself', async () => {
    const res = await fetchWhenServing(`http://${endpoint.address}:${endpoint.port}/echo`);
    assert.equal(res.status, 200);
    const body = (await res.json()) as { pod: string; headers: Record<string, string> };
    assert.match(body.pod, /^echo-/);
    assert.equal(body.headers['host'], `${endpoint.address}:${endpoint.port}`);
  });

  it('echoes over a WebSocket at that address', async () => {
    const socket = new WebSocket(`ws://${endpoint.address}:${endpoint.port}/ws`);
    const echoed = await new Promise<string>((resolve, reject) => {
      socket.onopen = () => socket.send('ping over the pod network');
      socket.onmessage = (event) => resolve(String(event.data));
      socket.onerror = () => reject(new Error('the WebSocket failed'));
    });
    socket.close();
    assert.equal(echoed, 'ping over the pod network');
  });

  it('has what the process printed as its container log, a request after the start', async () => {
    assert.equal(
      (await fetchWhenServing(`http://${endpoint.address}:${endpoint.port}/echo?logged`)).status,
      200,
    );
    const log = await eventually('the request in the pod log', async () => {
      const text = await core.readNamespacedPodLog({
        namespace: ns.name,
        name: endpoint.podName,
        container: 'app',
      });
      return text.includes('GET /echo?logged 200') ? text : undefined;
    });
    assert.match(
      log,
      new RegExp(`^echo-app ${ns.name}/${endpoint.podName} listening on ${endpoint.address}:8080$`, 'm'),
    );
  });

  it('is gone with its network namespace and its log when the Deployment is deleted', async () => {
    assert.equal(await podNetworkExists(endpoint.podUid), true);
    const logsObject = { group: 'kwok.x-k8s.io', version: 'v1alpha1', plural: 'logs', namespace: ns.name };
    await custom.getNamespacedCustomObject({ ...logsObject, name: endpoint.podName });
    await kc.makeApiClient(AppsV1Api).deleteNamespacedDeployment({ namespace: ns.name, name: 'echo' });
    await eventually('the pod network namespace to be deleted', async () =>
      (await podNetworkExists(endpoint.podUid)) ? undefined : true,
    );
    await assert.rejects(
      fetch(`http://${endpoint.address}:${endpoint.port}/healthz`, { signal: AbortSignal.timeout(5000) }),
    );
    await eventually('the pod’s KWOK Logs object to go', async () => {
      const left = (await custom.listNamespacedCustomObject(logsObject)) as { items: unknown[] };
      return left.items.length === 0 ? true : undefined;
    });
  });
});
