// Faults of the local cluster for tests: stop or kill its components (devcluster/cluster.sh stop|kill)
// and bring back whatever is missing (cluster.sh start). The integration suite runs against one shared
// cluster, so a fault is always undone, pass or fail: use withComponentsDown.
import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';

const run = promisify(execFile);
const clusterSh = fileURLToPath(new URL('../../devcluster/cluster.sh', import.meta.url));

export type Component =
  | 'etcd'
  | 'kube-apiserver'
  | 'kube-controller-manager'
  | 'kube-scheduler'
  | 'kwok'
  | 'workflow-controller'
  | 'provisioner'
  | 'oidc-provider';

async function clusterCommand(args: string[]): Promise<void> {
  // cluster.sh start waits up to 90 s for the apiserver alone; a loaded machine needs the margin.
  await run(clusterSh, args, { timeout: 300_000, maxBuffer: 16 * 1024 * 1024 });
}

/** SIGTERM (then SIGKILL after 10 s), as an operator's restart or a node going away would. */
export async function stopComponents(...names: Component[]): Promise<void> {
  await clusterCommand(['stop', ...names]);
}

/** SIGKILL at once: a crash, with no chance to finish anything. */
export async function killComponents(...names: Component[]): Promise<void> {
  await clusterCommand(['kill', ...names]);
}

/** Starts every component that is not running and waits until the cluster is usable. */
export async function startMissingComponents(): Promise<void> {
  await clusterCommand(['start']);
}

/**
 * Stops `names`, runs `whileDown`, and starts them again whatever happened; resolves to what
 * `whileDown` returned and the time the cluster was usable again (Date.now()).
 */
export async function withComponentsDown<T>(
  names: Component[],
  whileDown: () => Promise<T>,
  options: { kill?: boolean } = {},
): Promise<{ result: T; usableAt: number }> {
  let restored = false;
  // Argo v4.0.5's controller cannot relist past 500 workflows after its watch drops (it sends a
  // resourceVersion with the continue token; fixed upstream in argoproj/argo-workflows#16099), and a
  // shared cluster may hold a benchmark's thousands: restarted with the apiserver, it lists afresh,
  // so the tests after this one find it working.
  const apiserverDown = names.includes('kube-apiserver') || names.includes('etcd');
  const restore = async (): Promise<void> => {
    if (apiserverDown) await killComponents('workflow-controller');
    await startMissingComponents();
  };
  try {
    if (options.kill === true) await killComponents(...names);
    else await stopComponents(...names);
    const result = await whileDown();
    await restore();
    restored = true;
    return { result, usableAt: Date.now() };
  } finally {
    // The tests after this one need the whole cluster, also when this one failed.
    if (!restored) await restore();
  }
}
