// Starts the real ArgoVue server (the built web app, the local cluster, the local OpenID provider)
// on a free loopback port, as ArgoVue's own service account.
import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { devclusterArgovueEnv } from '../../devcluster/argovue-env.ts';
import { freePort } from '../../devcluster/test/free-port.ts';

const serverMain = fileURLToPath(new URL('../../server/src/main.ts', import.meta.url));

export interface RunningServer {
  url: string;
  /** The service proxy's base URL (`http://localhost:<port>`): instances are its subdomains. */
  proxyUrl: string;
  /** The port the proxy listens on, at 127.0.0.1. */
  proxyPort: number;
  pid: number;
  output: () => string;
  stop: () => Promise<void>;
}

/** What /readyz said last: ready, or how many objects the caches held (undefined: no answer yet). */
async function readiness(
  url: string,
  untilListed: boolean,
): Promise<{ ready: boolean; cached?: number; said: string }> {
  try {
    const res = await fetch(`${url}/readyz`);
    const text = await res.text();
    const body = JSON.parse(text) as { cached?: unknown; loading?: unknown };
    return {
      ready: res.ok && !(untilListed && body.loading === true),
      ...(typeof body.cached === 'number' ? { cached: body.cached } : {}),
      said: `${res.status} ${text}`,
    };
  } catch (error) {
    return { ready: false, said: String(error) };
  }
}

export async function startServer(
  // A function when a setting depends on the port, e.g. an https ARGOVUE_PUBLIC_URL.
  env: Record<string, string> | ((port: number) => Record<string, string>) = {},
  // How long the server may go without progress before it counts as stuck: no answer at all, or caches
  // that hold no more objects than before. A restart test starts the server again on the port it had.
  // Tests start once every workflow is listed (their rows are there at once, as before ArgoVue was
  // ready at its first page); `readyOnly` returns at /readyz's ready, as a benchmark measures it.
  options: { stallMs?: number; port?: number; proxyPort?: number; readyOnly?: boolean } = {},
): Promise<RunningServer> {
  const stallMs = options.stallMs ?? 60_000;
  const port = options.port ?? (await freePort());
  const proxyPort = options.proxyPort ?? (await freePort());
  let output = '';
  const child: ChildProcess = spawn(process.execPath, [serverMain], {
    env: {
      ...process.env,
      ...devclusterArgovueEnv(port, proxyPort),
      ARGOVUE_LOG_LEVEL: 'warn',
      ...(typeof env === 'function' ? env(port) : env),
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const url = `http://127.0.0.1:${port}`;
  // Ready is the server's own word (/readyz), not a fixed time: its first list may take long when the
  // cluster holds many workflows (a benchmark's 20,000, say), and that is fine while the list advances.
  let progressAt = Date.now();
  let cached = -1;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`the server exited with ${child.exitCode}:\n${output}`);
    const now = await readiness(url, options.readyOnly !== true);
    if (now.ready) break;
    if (now.cached !== undefined && now.cached > cached) {
      cached = now.cached;
      progressAt = Date.now();
    }
    if (Date.now() - progressAt > stallMs) {
      // Not left running behind the failed test.
      child.kill('SIGTERM');
      throw new Error(
        `the server made no progress towards ready for ${stallMs / 1000} s (last /readyz: ${now.said}):\n${output}`,
      );
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return {
    url,
    proxyUrl: `http://localhost:${proxyPort}`,
    proxyPort,
    pid: child.pid ?? 0,
    output: () => output,
    // Its shutdown takes about 2 s (serve.ts). One that has not ended 30 s after SIGTERM is killed and
    // the stop fails with what it printed: a test waiting for it would otherwise hold the suite until
    // CI's limit (seen once: a CI run waited 16+ minutes on a server that still answered /readyz).
    stop: () =>
      new Promise((resolve, reject) => {
        if (child.exitCode !== null) {
          resolve();
          return;
        }
        const late = setTimeout(() => {
          child.kill('SIGKILL');
          reject(
            new Error(
              `the server did not exit 30 s after SIGTERM (killed); its output:\n${output.slice(-6000)}`,
            ),
          );
        }, 30_000);
        child.once('exit', () => {
          clearTimeout(late);
          resolve();
        });
        child.kill('SIGTERM');
      }),
  };
}
