// A dynamic provisioner for the local cluster's default StorageClass: each PersistentVolumeClaim of
// class `local-folder` gets a hostPath PersistentVolume that is a folder on this machine, under
// $ARGOVUE_VOLUMES_DIR/<namespace>/<claim>-<uid>. The real kube-controller-manager binds the pair;
// when a claim is deleted it releases the volume, and this process deletes the volume and its folder.
import { mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import {
  CoreV1Api,
  KubeConfig,
  StorageV1Api,
  Watch,
  type V1PersistentVolume,
  type V1PersistentVolumeClaim,
} from '@kubernetes/client-node';

const provisionerName = 'argovue.dev/local-folder';
const volumesDir = process.env['ARGOVUE_VOLUMES_DIR'];
if (volumesDir === undefined) throw new Error('ARGOVUE_VOLUMES_DIR is not set');
const volumesRoot: string = volumesDir;

const kc = new KubeConfig();
kc.loadFromDefault();
const core = kc.makeApiClient(CoreV1Api);
const storage = kc.makeApiClient(StorageV1Api);
const storageClassProvisioner = new Map<string, string>();

function describeError(error: unknown): string {
  return error instanceof Error ? error.message : JSON.stringify(error);
}

function log(message: string): void {
  console.log(`${new Date().toISOString()} ${message}`);
}

async function provisionerOf(className: string): Promise<string | undefined> {
  if (!storageClassProvisioner.has(className)) {
    try {
      const storageClass = await storage.readStorageClass({ name: className });
      storageClassProvisioner.set(className, storageClass.provisioner);
    } catch {
      return undefined;
    }
  }
  return storageClassProvisioner.get(className);
}

async function provision(claim: V1PersistentVolumeClaim): Promise<void> {
  const { name, namespace, uid } = claim.metadata ?? {};
  const className = claim.spec?.storageClassName;
  if (!name || !namespace || !uid || !className || claim.spec?.volumeName) return;
  if ((await provisionerOf(className)) !== provisionerName) return;
  const pvName = `pvc-${uid}`;
  const path = join(volumesRoot, namespace, `${name}-${uid}`);
  mkdirSync(path, { recursive: true, mode: 0o777 });
  const volume: V1PersistentVolume = {
    metadata: { name: pvName, annotations: { 'pv.kubernetes.io/provisioned-by': provisionerName } },
    spec: {
      capacity: { storage: claim.spec?.resources?.requests?.['storage'] ?? '1Gi' },
      accessModes: claim.spec?.accessModes ?? ['ReadWriteOnce'],
      persistentVolumeReclaimPolicy: 'Delete',
      storageClassName: className,
      hostPath: { path, type: 'DirectoryOrCreate' },
      claimRef: { kind: 'PersistentVolumeClaim', apiVersion: 'v1', namespace, name, uid },
      ...(claim.spec?.volumeMode ? { volumeMode: claim.spec.volumeMode } : {}),
    },
  };
  try {
    await core.createPersistentVolume({ body: volume });
    log(`provisioned ${pvName} for ${namespace}/${name} at ${path}`);
  } catch (error) {
    if (!describeError(error).includes('AlreadyExists'))
      log(`failed to provision ${namespace}/${name}: ${describeError(error)}`);
  }
}

async function reclaim(volume: V1PersistentVolume): Promise<void> {
  const name = volume.metadata?.name;
  const path = volume.spec?.hostPath?.path;
  if (!name || !path || volume.status?.phase !== 'Released') return;
  if (volume.metadata?.annotations?.['pv.kubernetes.io/provisioned-by'] !== provisionerName) return;
  if (volume.spec?.persistentVolumeReclaimPolicy !== 'Delete') return;
  rmSync(path, { recursive: true, force: true });
  try {
    await core.deletePersistentVolume({ name });
    log(`deleted released volume ${name} and ${path}`);
  } catch (error) {
    if (!describeError(error).includes('NotFound')) log(`failed to delete ${name}: ${describeError(error)}`);
  }
}

// A watch from no resourceVersion delivers every existing object first, then changes. It ends when
// the server closes it or, in client-node, after 30 s without data; then it starts over (the
// handlers are idempotent), at once after a quiet timeout and after a second on an error.
function follow(path: string, onObject: (obj: never) => Promise<void>): void {
  const restart = (error: unknown): void => {
    const quiet = error === null || (error instanceof DOMException && error.name === 'TimeoutError');
    if (!quiet) log(`watch ${path} failed: ${describeError(error)}`);
    setTimeout(run, quiet ? 0 : 1000);
  };
  const run = (): void => {
    new Watch(kc)
      // The watch delivers objects of the kind its path names.
      .watch(
        path,
        {},
        (_type: string, obj: unknown) => {
          onObject(obj as never).catch((error: unknown) => log(`${path}: ${describeError(error)}`));
        },
        restart,
      )
      .catch(restart);
  };
  run();
}

follow('/api/v1/persistentvolumeclaims', provision);
follow('/api/v1/persistentvolumes', reclaim);
log(`provisioner ${provisionerName} watching claims; volumes under ${volumesDir}`);
