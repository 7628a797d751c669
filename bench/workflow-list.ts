// Workflow lists, ArgoVue against `argo server` (built from the same Argo module), same cluster, same
// data, same run. Seeds N finished workflows (8 pod nodes each) into a namespace of their own, then
// measures: every row of the list, the first page of 50, the bytes sent, the server's memory after
// listing, and the latency from a status change in the apiserver to the event in a watching client.
// Prints figures and ratios; asserts nothing. `BENCH_WORKFLOWS=20000 node bench/workflow-list.ts`.
import { spawn } from 'node:child_process';
import { performance } from 'node:perf_hooks';
import { argoCli } from '../devcluster/test/argo-cli.ts';
import { core, custom, rbac } from '../devcluster/test/cluster.ts';
import { mapConcurrent } from '../server/src/lib/map-concurrent.ts';
import { loginAs } from '../e2e/support/api-client.ts';
import { startServer } from '../e2e/support/server.ts';
import { SseReader } from '../e2e/support/sse.ts';

const count = Number(process.env['BENCH_WORKFLOWS'] ?? '5000');
const namespace = 'bench-list';
const api = { group: 'argoproj.io', version: 'v1alpha1', plural: 'workflows' } as const;

function finishedWorkflow(i: number): object {
  const name = `bench-${String(i).padStart(6, '0')}`;
  const nodes: Record<string, object> = {
    [name]: { id: name, name, displayName: name, type: 'DAG', phase: 'Succeeded', children: [] },
  };
  for (let p = 0; p < 8; p++) {
    const id = `${name}-${1000 + p}`;
    nodes[id] = {
      id,
      name: `${name}.step-${p}`,
      displayName: `step-${p}`,
      type: 'Pod',
      phase: 'Succeeded',
      templateName: 'step',
      boundaryID: name,
      startedAt: '2026-11-24T10:00:00Z',
      finishedAt: '2026-11-24T10:01:00Z',
    };
  }
  return {
    apiVersion: 'argoproj.io/v1alpha1',
    kind: 'Workflow',
    metadata: {
      name,
      labels: {
        'workflows.argoproj.io/completed': 'true',
        'workflows.argoproj.io/phase': 'Succeeded',
        team: 'bench',
      },
    },
    spec: { entrypoint: 'main', templates: [{ name: 'main', container: { image: 'example.invalid/x:1' } }] },
    status: {
      phase: 'Succeeded',
      startedAt: '2026-11-24T10:00:00Z',
      finishedAt: '2026-11-24T10:08:00Z',
      progress: '8/8',
      nodes,
    },
  };
}

async function seed(): Promise<void> {
  await core.createNamespace({ body: { metadata: { name: namespace } } }).catch(() => undefined);
  await rbac
    .createNamespacedRoleBinding({
      namespace,
      body: {
        metadata: { name: 'bench-users' },
        roleRef: { apiGroup: 'rbac.authorization.k8s.io', kind: 'ClusterRole', name: 'argovue-user' },
        subjects: [{ apiGroup: 'rbac.authorization.k8s.io', kind: 'Group', name: 'oidc:team-a' }],
      },
    })
    .catch(() => undefined);
  const t0 = performance.now();
  await mapConcurrent(
    Array.from({ length: count }, (_, i) => i),
    16,
    (i) =>
      custom
        .createNamespacedCustomObject({ ...api, namespace, body: finishedWorkflow(i) })
        .catch(() => undefined),
  );
  console.log(`seeded ${count} finished workflows in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
}

async function timed(
  label: string,
  runs: number,
  fetchOnce: () => Promise<number>,
): Promise<{ p50: number; bytes: number }> {
  const times: number[] = [];
  let bytes = 0;
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    bytes = await fetchOnce();
    times.push(performance.now() - t0);
  }
  times.sort((a, b) => a - b);
  const p50 = times[Math.floor(times.length / 2)] ?? NaN;
  console.log(`  ${label.padEnd(44)} p50 ${p50.toFixed(1).padStart(8)} ms   ${(bytes / 1e6).toFixed(2)} MB`);
  return { p50, bytes };
}

function rssMb(pid: number): Promise<number> {
  return new Promise((resolve) => {
    const ps = spawn('ps', ['-o', 'rss=', '-p', String(pid)]);
    let out = '';
    ps.stdout.on('data', (d: Buffer) => (out += d.toString()));
    ps.on('close', () => resolve(Math.round(Number(out.trim()) / 1024)));
  });
}

await seed();
const argoPort = 2746 + Math.floor(Math.random() * 1000);
const argoServer = spawn(
  argoCli,
  ['server', '--auth-mode=server', '--secure=false', `--port=${argoPort}`, '--namespace=argo'],
  {
    env: { ...process.env },
    stdio: 'ignore',
  },
);
const argoUrl = `http://127.0.0.1:${argoPort}`;
for (let i = 0; i < 100; i++) {
  if (
    await fetch(`${argoUrl}/api/v1/version`).then(
      (r) => r.ok,
      () => false,
    )
  )
    break;
  await new Promise((r) => setTimeout(r, 200));
}
const server = await startServer({ ARGOVUE_LOG_LEVEL: 'silent' });
const alice = await loginAs(server.url, 'alice');
// Argo's UI asks for exactly these fields when it lists workflows.
const argoFields =
  'metadata,items.metadata.uid,items.metadata.name,items.metadata.namespace,items.metadata.creationTimestamp,items.metadata.labels,items.metadata.annotations,items.status.phase,items.status.message,items.status.finishedAt,items.status.startedAt,items.status.estimatedDuration,items.status.progress,items.spec.suspend';

console.log(`\nList of ${count} workflows (runs: 10 all rows, 30 first page)`);
const argoAll = await timed('argo server: all rows (UI fields)', 10, async () => {
  const res = await fetch(`${argoUrl}/api/v1/workflows/${namespace}?fields=${argoFields}`);
  return (await res.arrayBuffer()).byteLength;
});
const vueAll = await timed('ArgoVue: all rows', 10, async () => {
  const res = await alice.fetch(`/api/v1/namespaces/${namespace}/workflows?limit=1000`);
  let bytes = (await res.arrayBuffer()).byteLength;
  // Pages of 1,000: a list of N rows is N/1000 requests.
  for (let offset = 1000; offset < count; offset += 1000) {
    const page = await alice.fetch(`/api/v1/namespaces/${namespace}/workflows?limit=1000&continue=${offset}`);
    bytes += (await page.arrayBuffer()).byteLength;
  }
  return bytes;
});
const argoFirst = await timed('argo server: first page of 50', 30, async () => {
  const res = await fetch(
    `${argoUrl}/api/v1/workflows/${namespace}?listOptions.limit=50&fields=${argoFields}`,
  );
  return (await res.arrayBuffer()).byteLength;
});
const vueFirst = await timed('ArgoVue: first page of 50', 30, async () => {
  const res = await alice.fetch(`/api/v1/namespaces/${namespace}/workflows?limit=50`);
  return (await res.arrayBuffer()).byteLength;
});
console.log(
  `  ratio all rows: ArgoVue / argo = ${(vueAll.p50 / argoAll.p50).toFixed(3)} time, ${(vueAll.bytes / argoAll.bytes).toFixed(3)} bytes`,
);
console.log(`  ratio first page: ArgoVue / argo = ${(vueFirst.p50 / argoFirst.p50).toFixed(3)} time`);

console.log(
  `\nMemory after listing: argo server ${await rssMb(argoServer.pid ?? 0)} MB RSS, ArgoVue ${await rssMb(server.pid)} MB RSS`,
);

// Latency: a status change in the apiserver → the event in a watching client.
console.log('\nStatus change → event in a watching client (20 changes)');
const stream = new SseReader(
  await alice.fetch(`/api/v1/workflows/events?namespace=${namespace}`, {
    headers: { accept: 'text/event-stream' },
  }),
);
await stream.waitFor('ready', (e) => e.event === 'ready');
const argoStream = await fetch(
  `${argoUrl}/api/v1/workflow-events/${namespace}?listOptions.resourceVersion=0`,
);
const argoReader = argoStream.body?.getReader();
const argoSeen: { at: number; text: string }[] = [];
void (async () => {
  const decoder = new TextDecoder();
  for (;;) {
    const chunk = await argoReader?.read();
    if (chunk === undefined || chunk.done) break;
    argoSeen.push({ at: performance.now(), text: decoder.decode(chunk.value) });
  }
})();
const vueLatency: number[] = [];
const argoLatency: number[] = [];
for (let i = 0; i < 20; i++) {
  const name = `bench-${String(i).padStart(6, '0')}`;
  const marker = `m${i}-${Date.now()}`;
  const t0 = performance.now();
  // The patch goes to the apiserver as admin; what is timed is the way back to a watching client.
  await custom.patchNamespacedCustomObject({
    ...api,
    namespace,
    name,
    body: [{ op: 'add', path: '/metadata/labels/marker', value: marker }],
  });
  await stream.waitFor(
    `the change of ${name}`,
    (e) =>
      e.event === 'upsert' && (e.data as { labels?: Record<string, string> }).labels?.['marker'] === marker,
  );
  vueLatency.push(performance.now() - t0);
  for (let w = 0; w < 100 && !argoSeen.some((s) => s.text.includes(marker)); w++)
    await new Promise((r) => setTimeout(r, 5));
  const seen = argoSeen.find((s) => s.text.includes(marker));
  if (seen) argoLatency.push(seen.at - t0);
}
const p = (xs: number[], q: number) =>
  [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(q * xs.length))] ?? NaN;
console.log(
  `  ArgoVue SSE:      p50 ${p(vueLatency, 0.5).toFixed(1)} ms  p99 ${p(vueLatency, 0.99).toFixed(1)} ms  (n=${vueLatency.length})`,
);
console.log(
  `  argo server watch: p50 ${p(argoLatency, 0.5).toFixed(1)} ms  p99 ${p(argoLatency, 0.99).toFixed(1)} ms  (n=${argoLatency.length}; polled every 5 ms)`,
);

await stream.close();
await argoReader?.cancel();
argoServer.kill('SIGKILL');
await server.stop();
await core.deleteNamespace({ name: namespace }).catch(() => undefined);
process.exit(0);
