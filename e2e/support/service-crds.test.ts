// ClusterServiceTemplate is a ServiceTemplate without a namespace: its CRD file is a copy, and a copy
// that drifts would let a cluster-wide template through what a namespaced one is refused.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { loadAllYaml } from '@kubernetes/client-node';

interface Crd {
  spec: { scope: string; names: Record<string, unknown>; versions: { schema: unknown }[] };
}

function crd(file: string): Crd {
  const [doc] = loadAllYaml(
    readFileSync(new URL(`../../deploy/crds/${file}`, import.meta.url), 'utf8'),
  ) as Crd[];
  if (doc === undefined) throw new Error(`${file} holds no document`);
  return doc;
}

describe('service template CRDs', () => {
  it('give ClusterServiceTemplate exactly the schema of ServiceTemplate', () => {
    const namespaced = crd('servicetemplates.argovue.io.yaml');
    const clusterWide = crd('clusterservicetemplates.argovue.io.yaml');
    assert.equal(namespaced.spec.scope, 'Namespaced');
    assert.equal(clusterWide.spec.scope, 'Cluster');
    assert.equal(clusterWide.spec.names['kind'], 'ClusterServiceTemplate');
    assert.deepEqual(clusterWide.spec.versions, namespaced.spec.versions);
  });
});
