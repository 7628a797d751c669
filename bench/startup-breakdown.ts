// Where ArgoVue's start-up goes at scale, piece by piece, on the cluster as it is (run it after
// bench/startup-at-scale.ts has seeded 20,000 workflows): the process and its modules (with and without
// Node's compile cache), and the workflows' LIST asked each way the apiserver offers — the first page
// of 500, the rest in `continue` pages (read from etcd) or in one answer from the apiserver's watch
// cache (NotOlderThan) — each read as ArgoVue reads it (kube/list-stream.ts, the row's fields only)
// and, for comparison, whole with JSON.parse. Wall time, this process's CPU, bytes. Prints figures.
import { spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { adminKubeConfig } from '../devcluster/test/cluster.ts';
import { KubeApi } from '../server/src/kube/kube-api.ts';
import { readList, type FieldPick } from '../server/src/kube/list-stream.ts';
import { workflowRow, workflowRowFields } from '../server/src/workflows/list/rows.ts';

const ms = (t: number) => `${t.toFixed(0)} ms`;
const appTs = fileURLToPath(new URL('../server/src/app.ts', import.meta.url));

/** Wall and CPU time of a child node running `code` (an ES module). */
function nodeRun(code: string, env: Record<string, string> = {}): string {
  const t0 = performance.now();
  const result = spawnSync(process.execPath, ['--input-type=module', '-e', code], {
    env: { ...process.env, ...env },
    encoding: 'utf8',
  });
  if (result.status !== 0) throw new Error(result.stderr);
  return `${ms(performance.now() - t0)} wall, ${result.stdout.trim()} CPU`;
}
const cpuOf = `const c = process.cpuUsage(); console.log(((c.user + c.system) / 1000).toFixed(0) + ' ms');`;
const cache = mkdtempSync(join(tmpdir(), 'argovue-compile-cache-'));
console.log(`node, nothing loaded: ${nodeRun(cpuOf)}`);
console.log(
  `the server's modules (app.ts), no compile cache: ${nodeRun(`await import(${JSON.stringify(appTs)}); ${cpuOf}`, { NODE_DISABLE_COMPILE_CACHE: '1' })}`,
);
nodeRun(`await import(${JSON.stringify(appTs)});`, { NODE_COMPILE_CACHE: cache });
console.log(
  `the server's modules, compile cache filled: ${nodeRun(`await import(${JSON.stringify(appTs)}); ${cpuOf}`, { NODE_COMPILE_CACHE: cache })}`,
);
console.log(
  `@kubernetes/client-node alone (no longer loaded for a plain kubeconfig): ${nodeRun(`await import('@kubernetes/client-node'); ${cpuOf}`)}`,
);

const api = new KubeApi(adminKubeConfig());
const path = '/apis/argoproj.io/v1alpha1/workflows';

interface Read {
  items: number;
  bytes: number;
  metadata: { resourceVersion?: string; continue?: string };
}

async function read(
  query: Record<string, string | number | undefined>,
  pick: FieldPick | 'JSON.parse',
): Promise<Read> {
  const res = await api.stream({ as: 'argovue', path, query });
  let bytes = 0;
  const counted = (async function* () {
    for await (const chunk of res) {
      bytes += (chunk as Buffer).length;
      yield chunk as Buffer;
    }
  })();
  if (pick === 'JSON.parse') {
    const chunks: Buffer[] = [];
    for await (const chunk of counted) chunks.push(chunk);
    const list = JSON.parse(Buffer.concat(chunks).toString('utf8')) as {
      items: object[];
      metadata: Read['metadata'];
    };
    for (const item of list.items) workflowRow(item);
    return { items: list.items.length, bytes, metadata: list.metadata };
  }
  let items = 0;
  const metadata = await readList(counted, pick, (item) => {
    items++;
    workflowRow(item as object);
  });
  return { items, bytes, metadata };
}

async function measure(
  label: string,
  once: () => Promise<{ items: number; bytes: number; requests: number }>,
): Promise<void> {
  const cpu0 = process.cpuUsage();
  const heap0 = process.memoryUsage().rss;
  const t0 = performance.now();
  const { items, bytes, requests } = await once();
  const cpu = process.cpuUsage(cpu0);
  console.log(
    `${label.padEnd(62)} ${String(items).padStart(6)} items, ${requests} request(s), ` +
      `${(bytes / 1e6).toFixed(1)} MB: ${ms(performance.now() - t0)} wall, ${ms((cpu.user + cpu.system) / 1000)} CPU here, ` +
      `RSS +${((process.memoryUsage().rss - heap0) / 1e6).toFixed(0)} MB`,
  );
}

const firstPage = () => read({ limit: 500 }, workflowRowFields);
await measure('first page of 500 (consistent, etcd), row fields', async () => {
  const page = await firstPage();
  return { ...page, requests: 1 };
});
await measure('all in continue pages of 500 (etcd), row fields', async () => {
  let token: string | undefined;
  let total = { items: 0, bytes: 0, requests: 0 };
  do {
    const page = await read({ limit: 500, continue: token }, workflowRowFields);
    total = {
      items: total.items + page.items,
      bytes: total.bytes + page.bytes,
      requests: total.requests + 1,
    };
    token = page.metadata.continue || undefined;
  } while (token !== undefined);
  return total;
});
for (const pick of [workflowRowFields, 'JSON.parse'] as const) {
  await measure(
    `first page, then the rest NotOlderThan (watch cache), ${pick === 'JSON.parse' ? 'JSON.parse whole' : 'row fields'}`,
    async () => {
      const page = await firstPage();
      const rest = await read(
        { resourceVersion: page.metadata.resourceVersion, resourceVersionMatch: 'NotOlderThan' },
        pick,
      );
      return { items: rest.items, bytes: page.bytes + rest.bytes, requests: 2 };
    },
  );
}
api.close();
process.exit(0);
