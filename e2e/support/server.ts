// Starts the real ArgoVue server (the built web app, the local cluster, the local OpenID provider)
// on a free loopback port, as ArgoVue's own service account.
import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import { fileURLToPath } from 'node:url';
import { devclusterArgovueEnv } from '../../devcluster/argovue-env.ts';

const serverMain = fileURLToPath(new URL('../../server/src/main.ts', import.meta.url));

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      probe.close(() => {
        if (typeof address === 'object' && address) resolve(address.port);
        else reject(new Error('no port'));
      });
    });
  });
}

export interface RunningServer {
  url: string;
  pid: number;
  output: () => string;
  stop: () => Promise<void>;
}

export async function startServer(
  env: Record<string, string> = {},
  // Benchmarks with 20,000 workflows in the cluster wait longer for the caches' first list.
  options: { readyTimeoutMs?: number } = {},
): Promise<RunningServer> {
  const readyTimeoutMs = options.readyTimeoutMs ?? 20_000;
  const port = await freePort();
  let output = '';
  const child: ChildProcess = spawn(process.execPath, [serverMain], {
    env: { ...process.env, ...devclusterArgovueEnv(port), ARGOVUE_LOG_LEVEL: 'warn', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + readyTimeoutMs;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`the server exited with ${child.exitCode}:\n${output}`);
    const ready = await fetch(`${url}/readyz`).then(
      (res) => res.ok,
      () => false,
    );
    if (ready) break;
    if (Date.now() > deadline) {
      // Not left running behind the failed test (on a busy machine this happens).
      child.kill('SIGTERM');
      throw new Error(`the server was not ready in ${readyTimeoutMs / 1000} s:\n${output}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return {
    url,
    pid: child.pid ?? 0,
    output: () => output,
    stop: () =>
      new Promise((resolve) => {
        if (child.exitCode !== null) {
          resolve();
          return;
        }
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}
