// `argo server` from the same Argo module as the cluster's controller: the peer of the benchmarks.
// `--auth-mode=server` (it acts with the admin kubeconfig) is for this local benchmark only.
// By default the CLI (placeholder UI); bench/workflow-graph.ts passes the binary embedding the real
// Argo UI (bench/support/argo-ui.ts).
import { spawn, type ChildProcess } from 'node:child_process';
import { argoCli } from '../../devcluster/test/argo-cli.ts';

export interface ArgoServer {
  url: string;
  pid: number;
  stop: () => void;
}

export async function startArgoServer(binary: string = argoCli): Promise<ArgoServer> {
  const port = 2746 + Math.floor(Math.random() * 1000);
  const child: ChildProcess = spawn(
    binary,
    ['server', '--auth-mode=server', '--secure=false', `--port=${port}`, '--namespace=argo'],
    { env: { ...process.env }, stdio: 'ignore' },
  );
  // It may ignore SIGTERM: killed outright, by its own pid, and never left behind when the
  // benchmark fails or is interrupted (seen: orphans of interrupted runs kept serving).
  const kill = () => child.kill('SIGKILL');
  process.once('exit', kill);
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.once(signal, () => {
      kill();
      process.exit(130);
    });
  }
  const url = `http://127.0.0.1:${port}`;
  for (let i = 0; ; i++) {
    const up = await fetch(`${url}/api/v1/version`).then(
      (r) => r.ok,
      () => false,
    );
    if (up) break;
    if (i > 150 || child.exitCode !== null) {
      kill();
      throw new Error(`argo server did not start on ${url}`);
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  return { url, pid: child.pid ?? 0, stop: kill };
}

/** The fields Argo's own UI asks for when it lists workflows (ui/src/.../workflows-list). */
export const argoListFields = [
  'metadata',
  'items.metadata.uid',
  'items.metadata.name',
  'items.metadata.namespace',
  'items.metadata.creationTimestamp',
  'items.metadata.labels',
  'items.metadata.annotations',
  'items.status.phase',
  'items.status.message',
  'items.status.finishedAt',
  'items.status.startedAt',
  'items.status.estimatedDuration',
  'items.status.progress',
  'items.spec.suspend',
].join(',');

/** The fields Argo's UI asks for when it watches a list (workflow-events, after listing). */
export const argoWatchFields = [
  'result.object.metadata.name',
  'result.object.metadata.namespace',
  'result.object.metadata.resourceVersion',
  'result.object.metadata.creationTimestamp',
  'result.object.metadata.uid',
  'result.object.status.finishedAt',
  'result.object.status.phase',
  'result.object.status.message',
  'result.object.status.startedAt',
  'result.object.status.estimatedDuration',
  'result.object.status.progress',
  'result.type',
  'result.object.metadata.labels',
  'result.object.metadata.annotations',
  'result.object.spec.suspend',
].join(',');
