// `make demo`: starts ArgoVue against the cluster in KUBECONFIG and, once it is ready, prints where
// to open it. Ctrl-C stops ArgoVue; the local cluster keeps running (`make cluster-down` stops it).
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const port = process.env['ARGOVUE_PORT'] ?? '8080';
const url = `http://127.0.0.1:${port}`;
const server = spawn(
  process.execPath,
  [fileURLToPath(new URL('../../server/src/main.ts', import.meta.url))],
  {
    stdio: 'inherit',
    env: {
      ...process.env,
      ARGOVUE_PORT: port,
      ARGOVUE_LOG_LEVEL: process.env['ARGOVUE_LOG_LEVEL'] ?? 'warn',
    },
  },
);
server.on('exit', (code) => process.exit(code ?? 1));
for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => server.kill(signal));

const deadline = Date.now() + 30_000;
while (Date.now() < deadline) {
  const res = await fetch(`${url}/readyz`).catch(() => undefined);
  if (res?.ok) {
    console.log(
      `\n  ArgoVue is running: ${url}\n  Kubernetes: ${process.env['KUBECONFIG'] ?? 'in-cluster'}\n  Stop: Ctrl-C (the local cluster keeps running; \`make cluster-down\` stops it)\n`,
    );
    break;
  }
  await new Promise((resolve) => setTimeout(resolve, 200));
}
