// `make demo`: starts ArgoVue against the local cluster (or the cluster in KUBECONFIG, with the
// ARGOVUE_* settings from the environment) and, once it is ready, prints where to open it and who can
// log in. Ctrl-C stops ArgoVue; the local cluster keeps running (`make cluster-down` stops it).
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { devclusterArchiveEnv, devclusterArgovueEnv } from '../argovue-env.ts';
import { demoUsers } from '../oidc/users.ts';

const port = Number(process.env['ARGOVUE_PORT'] ?? '8080');
const url = `http://127.0.0.1:${port}`;
const useLocalCluster = process.env['ARGOVUE_DEMO_EXTERNAL'] !== 'true';
const server = spawn(
  process.execPath,
  [fileURLToPath(new URL('../../server/src/main.ts', import.meta.url))],
  {
    stdio: 'inherit',
    env: {
      ...process.env,
      ...(useLocalCluster ? { ...devclusterArgovueEnv(port), ...devclusterArchiveEnv() } : {}),
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
    const users = useLocalCluster
      ? demoUsers
          .map(
            (user) =>
              `    ${user.username.padEnd(8)} ${user.groups.length > 5 ? `${user.groups.length} groups` : user.groups.join(', ') || '(no groups)'}`,
          )
          .join('\n')
      : '';
    console.log(`
  ArgoVue is running: ${url}
  Services open at http://<instance>--<namespace>.localhost:${port + 1}
${useLocalCluster ? `  Demo users (password: demo):\n${users}\n` : ''}  Stop: Ctrl-C (the local cluster keeps running; \`make cluster-down\` stops it)
`);
    break;
  }
  await new Promise((resolve) => setTimeout(resolve, 200));
}
