// One user's followed logs against another user's reads: bob's read latency with no load, then while
// alice holds BENCH_FOLLOWS (200) followed logs of a running pod open (her stream cap raised to
// BENCH_CAP, 200, so that all of them open: with the default cap of 32 the rest get 429 at once).
// Bob's reads: his workflow's detail (read from the apiserver as bob) and his list (from the cache).
// Before the transport split all Kubernetes traffic shared one pool of 64 sockets and bob's reads
// got no answer in 10 s under 80 follows. Prints figures; asserts nothing.
//   KUBECONFIG=.devcluster/admin.kubeconfig node bench/stream-isolation.ts
import { randomBytes } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import type { WorkflowList } from '@argovue/api-types';
import { deleteWorkflow } from '../devcluster/test/workflows.ts';
import { loginAs, type ApiClient } from '../e2e/support/api-client.ts';
import { openLog, startRunningWorkflow, type FollowedLog } from '../e2e/support/followed-logs.ts';
import { startServer } from '../e2e/support/server.ts';
import { percentile } from './support/measure.ts';

const follows = Number(process.env['BENCH_FOLLOWS'] ?? '200');
const cap = Number(process.env['BENCH_CAP'] ?? '200');
const reads = Number(process.env['BENCH_READS'] ?? '200');

async function readLatencies(bob: ApiClient, path: string): Promise<number[]> {
  const times: number[] = [];
  for (let i = 0; i < reads; i++) {
    const t0 = performance.now();
    // A read that gets no answer in 10 s counts as 10 s (it would have hung).
    const res = await bob.fetch(path, { signal: AbortSignal.timeout(10_000) }).catch(() => undefined);
    await res?.arrayBuffer().catch(() => undefined);
    times.push(res?.status === 200 ? performance.now() - t0 : 10_000);
  }
  return times;
}

function print(label: string, times: number[]): void {
  console.log(
    `  ${label.padEnd(56)} p50 ${percentile(times, 0.5).toFixed(1).padStart(7)} ms  p99 ${percentile(times, 0.99).toFixed(1).padStart(7)} ms  (n=${times.length})`,
  );
}

const server = await startServer({ ARGOVUE_MAX_STREAMS_PER_USER: String(cap), ARGOVUE_MAX_STREAMS: '10000' });
const name = `bench-follow-${randomBytes(3).toString('hex')}`;
const logs: FollowedLog[] = [];
try {
  const alice = await loginAs(server.url, 'alice');
  const bob = await loginAs(server.url, 'bob');
  const running = await startRunningWorkflow('team-a', name);
  const list = await bob.json<WorkflowList>('/api/v1/namespaces/team-b/workflows');
  const row = list.body.items[0];
  if (row === undefined) throw new Error('bob has no workflow in team-b: seed the demo (make seed)');
  const detail = `/api/v1/namespaces/team-b/workflows/${row.name}`;
  const listPath = '/api/v1/namespaces/team-b/workflows';

  console.log(`Stream isolation: bob's reads, then again while alice follows ${follows} logs (cap ${cap})`);
  // Warm-up (connections, JIT, access decisions), then each phase.
  await readLatencies(bob, detail);
  await readLatencies(bob, listPath);
  print('no load: bob reads his workflow (apiserver, as bob)', await readLatencies(bob, detail));
  print('no load: bob lists his workflows (cache)', await readLatencies(bob, listPath));

  const t0 = performance.now();
  const path = `${running.path}/logs?node=${running.nodeId}&follow=true`;
  logs.push(...(await Promise.all(Array.from({ length: follows }, () => openLog(alice, path)))));
  const open = logs.filter((l) => l.status === 200).length;
  const refused = logs.filter((l) => l.status === 429).length;
  console.log(
    `  alice: ${open} followed logs open, ${refused} refused with 429, in ${(performance.now() - t0).toFixed(0)} ms`,
  );
  print(`${open} follows open: bob reads his workflow (apiserver)`, await readLatencies(bob, detail));
  print(`${open} follows open: bob lists his workflows (cache)`, await readLatencies(bob, listPath));
  // Once more without load: on a shared machine the difference between runs is noise, not load.
  for (const log of logs) log.close();
  await new Promise((resolve) => setTimeout(resolve, 2000));
  print('after: bob reads his workflow (apiserver, as bob)', await readLatencies(bob, detail));
  print('after: bob lists his workflows (cache)', await readLatencies(bob, listPath));
} finally {
  for (const log of logs) log.close();
  await server.stop();
  await deleteWorkflow('team-a', name).catch(() => undefined);
}
