// The local cluster's etcd, through its own HTTP gateway (what `etcdctl compaction` does): tests force
// what a long-running cluster does by itself, such as compacting old revisions away.
const etcdUrl = `http://127.0.0.1:${process.env['DEVCLUSTER_ETCD_PORT'] ?? '2379'}`;

async function post<T>(path: string, body: object): Promise<T> {
  const res = await fetch(`${etcdUrl}${path}`, { method: 'POST', body: JSON.stringify(body) });
  if (!res.ok) throw new Error(`etcd ${path} answered ${res.status}: ${await res.text()}`);
  return (await res.json()) as T;
}

/** etcd's current revision (Kubernetes resourceVersions are these revisions). */
export async function etcdRevision(): Promise<number> {
  const answer = await post<{ header?: { revision?: string } }>('/v3/kv/range', {
    key: Buffer.from('/registry/').toString('base64'),
    limit: 1,
    keys_only: true,
  });
  const revision = Number(answer.header?.revision);
  if (!Number.isSafeInteger(revision)) throw new Error('etcd named no revision');
  return revision;
}

/** Compacts etcd up to its current revision: every older resourceVersion is gone (410 from then on). */
export async function compactEtcd(): Promise<number> {
  const revision = await etcdRevision();
  await post('/v3/kv/compaction', { revision: String(revision), physical: true });
  return revision;
}
