// A hostPath volume would hand an instance a folder of the node (/, the kubelet's, the runtime's
// socket): the policy refuses it in namespaced and cluster-wide templates alike.
import { describe, it } from 'node:test';
import {
  assertRefused,
  createTemplate,
  templateFixture,
  templateWithPod,
} from '../support/service-templates.ts';

describe('a service template with a hostPath volume', () => {
  const { api, namespace, clusterName } = templateFixture('svct-hostpath');
  const withHostPath = (name: string) =>
    templateWithPod(name, (pod) => {
      pod.volumes.push({ name: 'root', hostPath: { path: '/', type: 'Directory' } });
    });

  it('is refused in a namespace', async () => {
    assertRefused(await createTemplate(api, withHostPath('notebook'), namespace()), 403, 'hostPath');
  });

  it('is refused cluster-wide', async () => {
    assertRefused(await createTemplate(api, withHostPath(clusterName)), 403, 'hostPath');
  });
});
