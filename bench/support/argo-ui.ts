// The argo binary embedding the real Argo UI, for the browser benchmark against it.
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

/** Built by bench/argo-ui/build.sh on first use (~5 minutes on 2 cores), cached by version after. */
export function argoWithUi(): string {
  const script = fileURLToPath(new URL('../argo-ui/build.sh', import.meta.url));
  const built = spawnSync('bash', [script], { stdio: ['ignore', 'pipe', 'inherit'], encoding: 'utf8' });
  const path = built.stdout.trim().split('\n').pop() ?? '';
  if (built.status !== 0 || path === '') throw new Error('bench/argo-ui/build.sh failed');
  return path;
}
