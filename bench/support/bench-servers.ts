// One benchmark run: the seeded namespace, alice's access to it for this run only, `argo server` and
// ArgoVue started on the same cluster — and all of it taken back whatever happens.
import { performance } from 'node:perf_hooks';
import { loginAs, type ApiClient } from '../../e2e/support/api-client.ts';
import { startServer, type RunningServer } from '../../e2e/support/server.ts';
import { startArgoServer, type ArgoServer } from './argo-server.ts';
import { benchNamespace, grantAliceAccess, removeSeed, seedWorkflows } from './seed-workflows.ts';

export interface BenchServers {
  argo: ArgoServer;
  server: RunningServer;
  alice: ApiClient;
}

export async function withBenchServers(
  count: number,
  run: (servers: BenchServers) => Promise<void>,
): Promise<void> {
  await seedWorkflows(count);
  const revoke = await grantAliceAccess();
  let argo: ArgoServer | undefined;
  let server: RunningServer | undefined;
  try {
    argo = await startArgoServer();
    const t0 = performance.now();
    server = await startServer({ ARGOVUE_LOG_LEVEL: 'silent' });
    console.log(`ArgoVue ready (its caches listed) in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
    await run({ argo, server, alice: await loginAs(server.url, 'alice') });
  } finally {
    argo?.stop();
    await server?.stop();
    await revoke();
    if (process.env['BENCH_CLEANUP'] === '1') await removeSeed();
    else
      console.log(
        `(the ${count} workflows stay in ${benchNamespace} for the next run; BENCH_CLEANUP=1 removes them)`,
      );
  }
}
