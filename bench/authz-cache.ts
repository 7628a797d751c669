// What an authorization decision costs a read served from ArgoVue's caches, measured against the
// local cluster (`make cluster-up`), as ArgoVue's own service account. Prints figures; asserts nothing.
//   node bench/authz-cache.ts
// 1. AccessReviewer.can(): a SelfSubjectAccessReview round trip (cold) vs a cached decision.
// 2. Reviews sent: N concurrent identical questions, then repeats within the cache period.
// 3. End to end: GET /api/v1/namespaces/team-a through the real server, with the decision cache
//    (10 s) and without it (every request asks the apiserver).
import { performance } from 'node:perf_hooks';
import { KubeConfig } from '@kubernetes/client-node';
import { AccessReviewer, type ResourceAttributes } from '../server/src/kube/access.ts';
import { KubeApi } from '../server/src/kube/kube-api.ts';
import { devclusterDir } from '../devcluster/argovue-env.ts';
import { loginAs } from '../e2e/support/api-client.ts';
import { startServer } from '../e2e/support/server.ts';

const kc = new KubeConfig();
kc.loadFromFile(`${devclusterDir}/argovue.kubeconfig`);
const api = new KubeApi(kc);
const alice = { username: 'oidc:alice@example.com', groups: ['oidc:team-a'] };
const listWorkflows: ResourceAttributes = {
  verb: 'list',
  group: 'argoproj.io',
  resource: 'workflows',
  namespace: 'team-a',
};

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;
}
function summary(label: string, samples: number[], unit: 'ms' | 'µs'): void {
  const sorted = [...samples].sort((a, b) => a - b);
  const scale = unit === 'µs' ? 1000 : 1;
  const f = (v: number) => (v * scale).toFixed(unit === 'µs' ? 2 : 2);
  console.log(
    `  ${label.padEnd(52)} p50 ${f(percentile(sorted, 50))} ${unit}  p99 ${f(percentile(sorted, 99))} ${unit}  (n=${samples.length})`,
  );
}

console.log('1. One authorization decision (AccessReviewer.can)');
const cold: number[] = [];
for (let i = 0; i < 200; i++) {
  const reviewer = new AccessReviewer(api, 10_000); // a fresh cache: every call is a review
  const t0 = performance.now();
  await reviewer.can(alice, listWorkflows);
  cold.push(performance.now() - t0);
}
summary('uncached: a SelfSubjectAccessReview round trip', cold, 'ms');
const warm = new AccessReviewer(api, 10_000);
await warm.can(alice, listWorkflows);
const cached: number[] = [];
for (let i = 0; i < 100_000; i++) {
  const t0 = performance.now();
  await warm.can(alice, listWorkflows);
  cached.push(performance.now() - t0);
}
summary('cached decision (added to a cached read)', cached, 'µs');

console.log('2. Reviews sent to the apiserver');
const counting = new AccessReviewer(api, 10_000);
await Promise.all(Array.from({ length: 100 }, () => counting.can(alice, listWorkflows)));
console.log(`  100 concurrent identical questions:            ${counting.reviewsSent} review(s)`);
for (let i = 0; i < 1000; i++) await counting.can(alice, listWorkflows);
console.log(`  + 1,000 repeats within the cache period:        ${counting.reviewsSent} review(s) in all`);
await counting.can(alice, { ...listWorkflows, verb: 'get' });
await counting.can({ ...alice, username: 'oidc:carol@example.com' }, listWorkflows);
console.log(
  `  + another verb, and another user:               ${counting.reviewsSent} review(s) in all (one per user, verb, resource)`,
);

console.log('3. GET /api/v1/namespaces/team-a through the server (alice)');
for (const [label, seconds] of [
  ['decisions cached 10 s', '10'],
  ['no decision cache (3 reviews per request)', '0'],
] as const) {
  const server = await startServer({ ARGOVUE_AUTHZ_CACHE_SECONDS: seconds, ARGOVUE_LOG_LEVEL: 'silent' });
  const client = await loginAs(server.url, 'alice');
  for (let i = 0; i < 50; i++) await client.fetch('/api/v1/namespaces/team-a').then((r) => r.arrayBuffer());
  const samples: number[] = [];
  for (let i = 0; i < 1000; i++) {
    const t0 = performance.now();
    const res = await client.fetch('/api/v1/namespaces/team-a');
    await res.arrayBuffer();
    samples.push(performance.now() - t0);
  }
  summary(label, samples, 'ms');
  await server.stop();
}
api.close();
