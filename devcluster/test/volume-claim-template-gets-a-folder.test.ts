// A workflow with a volumeClaimTemplate runs: the default StorageClass provisions a folder-backed volume.
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { after, before, describe, it } from 'node:test';
import { core, createTestNamespace, eventually } from './cluster.ts';
import { createWorkflow, deleteWorkflow, getWorkflow } from './workflows.ts';

describe('storage on the local cluster', () => {
  let namespace: Awaited<ReturnType<typeof createTestNamespace>>;
  before(async () => {
    namespace = await createTestNamespace('storage');
  });
  after(async () => {
    await namespace.remove();
  });

  it('runs a workflow with a volumeClaimTemplate and keeps its volume as a folder', async () => {
    await createWorkflow(namespace.name, {
      apiVersion: 'argoproj.io/v1alpha1',
      kind: 'Workflow',
      metadata: { name: 'with-volume' },
      spec: {
        entrypoint: 'main',
        volumeClaimGC: { strategy: 'OnWorkflowDeletion' },
        volumeClaimTemplates: [
          {
            metadata: { name: 'workspace' },
            spec: { accessModes: ['ReadWriteOnce'], resources: { requests: { storage: '1Gi' } } },
          },
        ],
        templates: [
          {
            name: 'main',
            container: {
              image: 'example.invalid/writer:1',
              command: ['write'],
              volumeMounts: [{ name: 'workspace', mountPath: '/workspace' }],
            },
          },
        ],
      },
    });
    const phase = await eventually(
      'the workflow to succeed',
      async () => {
        const p = (await getWorkflow(namespace.name, 'with-volume')).status?.phase;
        return p === 'Succeeded' || p === 'Failed' || p === 'Error' ? p : undefined;
      },
      90_000,
    );
    assert.equal(phase, 'Succeeded');

    const claims = await core.listNamespacedPersistentVolumeClaim({ namespace: namespace.name });
    assert.equal(claims.items.length, 1);
    const claim = claims.items[0];
    assert.equal(claim?.status?.phase, 'Bound');
    const volume = await core.readPersistentVolume({ name: claim.spec?.volumeName ?? '' });
    assert.equal(volume.spec?.storageClassName, 'local-folder');
    const folder = volume.spec.hostPath?.path ?? '';
    assert.ok(existsSync(folder), `the volume's folder ${folder} exists on this machine`);
  });

  it('deletes the volume and its folder when the workflow is deleted', async () => {
    const claims = await core.listNamespacedPersistentVolumeClaim({ namespace: namespace.name });
    const volumeName = claims.items[0]?.spec?.volumeName;
    assert.ok(volumeName);
    const folder = (await core.readPersistentVolume({ name: volumeName })).spec?.hostPath?.path ?? '';
    // volumeClaimGC OnWorkflowDeletion: Argo deletes the claim; the garbage collector deletes the
    // pods, which keep the claim (pvc-protection) until they are gone; then the volume is released.
    await deleteWorkflow(namespace.name, 'with-volume');
    await eventually(
      'the volume folder to be removed',
      () => Promise.resolve(existsSync(folder) ? undefined : true),
      90_000,
    );
    // The provisioner removes the folder, then the volume object.
    await eventually(
      'the volume to be deleted',
      () =>
        core.readPersistentVolume({ name: volumeName }).then(
          () => undefined,
          (error: unknown) => (String(error).match(/404|not found/i) ? true : undefined),
        ),
      30_000,
    );
  });
});
