// What the pod runner may start: a pod names one of these in its `argovue.dev/run-locally` label,
// never a command line of its own (a label is written by whoever may create pods; the runner runs as
// root on the machine). Each listens on the pod's IP and the port of its first container.
import { join } from 'node:path';

export interface LaunchContext {
  podIP: string;
  port: number;
  podName: string;
  podNamespace: string;
  /** A folder of this pod's own, under the cluster's state (deleted with the pod). */
  workDir: string;
}

export interface Launch {
  command: string;
  args: string[];
  env: Record<string, string>;
}

const echoApp = new URL('../pod-apps/echo-app.ts', import.meta.url).pathname;

export const localCommands: Readonly<Record<string, (ctx: LaunchContext) => Launch>> = {
  'echo-app': (ctx) => ({
    command: process.execPath,
    args: [echoApp],
    env: { HOST: ctx.podIP, PORT: String(ctx.port), POD_NAME: ctx.podName, POD_NAMESPACE: ctx.podNamespace },
  }),
  // Debian's classic notebook server (scripts/ensure-jupyter.sh). No token: only ArgoVue's proxy is
  // meant to reach it, and it authenticates; remote access is on because the proxy's Host is not localhost.
  jupyter: (ctx) => ({
    command: 'jupyter-notebook',
    args: [
      '--no-browser',
      '--allow-root',
      `--ip=${ctx.podIP}`,
      `--port=${ctx.port}`,
      '--port-retries=0',
      `--notebook-dir=${join(ctx.workDir, 'notebooks')}`,
      '--NotebookApp.token=',
      '--NotebookApp.password=',
      '--NotebookApp.allow_remote_access=True',
    ],
    env: {
      HOME: ctx.workDir,
      JUPYTER_CONFIG_DIR: join(ctx.workDir, 'jupyter', 'config'),
      JUPYTER_DATA_DIR: join(ctx.workDir, 'jupyter', 'data'),
      JUPYTER_RUNTIME_DIR: join(ctx.workDir, 'jupyter', 'runtime'),
      IPYTHONDIR: join(ctx.workDir, 'ipython'),
    },
  }),
};
