// Team namespaces (devcluster/demo/teams.yaml) enforce Pod Security Admission's baseline profile: whoever creates the pod (a user,
// Argo, ArgoVue's service controller acting with its own rights), one asking for the node is refused,
// and an ordinary pod is not.
import assert from 'node:assert/strict';
import { after, describe, it } from 'node:test';
import { createTestNamespace } from '../../devcluster/test/cluster.ts';
import { adminKubeApi, assertRefused, createObject, describeCreated } from '../support/service-templates.ts';

const teams = ['team-a', 'team-b'];

function pod(name: string, spec: Record<string, unknown> = {}, container: Record<string, unknown> = {}) {
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name, labels: { 'argovue.dev/test': 'true' } },
    spec: { containers: [{ name: 'main', image: 'example.invalid/app:1', ...container }], ...spec },
  };
}

describe('Pod Security Admission in team namespaces', () => {
  const api = adminKubeApi();
  const created: string[] = [];
  after(async () => {
    for (const path of created)
      await api.json({ method: 'DELETE', path, as: 'argovue' }).catch(() => undefined);
    api.close();
  });

  it('refuses because of the labels: a namespace without them accepts a host-network pod', async () => {
    const plain = await createTestNamespace('psa-control');
    try {
      const result = await createObject(
        api,
        `/api/v1/namespaces/${plain.name}/pods`,
        pod('x', { hostNetwork: true }),
      );
      assert.ok(result.ok, describeCreated(result));
    } finally {
      await plain.remove();
    }
  });

  for (const namespace of teams) {
    const podsPath = `/api/v1/namespaces/${namespace}/pods`;

    // (`privileged: true` itself never gets this far: the devcluster's apiserver runs without
    // --allow-privileged and refuses it in every namespace.)
    it(`${namespace} refuses a pod adding capabilities`, async () => {
      const caps = pod('caps-probe', {}, { securityContext: { capabilities: { add: ['SYS_ADMIN'] } } });
      assertRefused(await createObject(api, podsPath, caps), 403, 'baseline', 'SYS_ADMIN');
    });

    it(`${namespace} refuses a pod on the host network or with a hostPath`, async () => {
      const hostNetwork = pod('host-network-probe', { hostNetwork: true });
      assertRefused(await createObject(api, podsPath, hostNetwork), 403, 'baseline', 'hostNetwork');
      const hostPath = pod('host-path-probe', { volumes: [{ name: 'root', hostPath: { path: '/' } }] });
      assertRefused(await createObject(api, podsPath, hostPath), 403, 'baseline', 'hostPath');
    });

    it(`${namespace} accepts an ordinary pod`, async () => {
      const name = `ordinary-probe-${process.pid}`;
      const result = await createObject(api, podsPath, pod(name));
      if (result.ok) created.push(`${podsPath}/${name}`);
      assert.ok(result.ok, describeCreated(result));
    });
  }
});
