// The pod of a finished node was deleted (pod GC, an admin): its log is a clear 404 NOT_FOUND that
// says the pod is gone — answered at once, not a 500 and not a hang; the interleaved log of the
// workflow simply has nothing from it.
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import type { ApiError } from '@argovue/api-types';
import { core, eventually } from '../../devcluster/test/cluster.ts';
import { createWorkflow, deleteWorkflow, getWorkflow } from '../../devcluster/test/workflows.ts';
import { loginAs, type ApiClient } from '../support/api-client.ts';
import { startServer, type RunningServer } from '../support/server.ts';

describe('the log of a pod that no longer exists', () => {
  let server: RunningServer;
  let alice: ApiClient;
  const name = `pod-gone-${randomBytes(3).toString('hex')}`;
  let node = '';
  before(async () => {
    server = await startServer();
    alice = await loginAs(server.url, 'alice');
    await createWorkflow('team-a', {
      apiVersion: 'argoproj.io/v1alpha1',
      kind: 'Workflow',
      metadata: { name },
      spec: {
        entrypoint: 'main',
        templates: [{ name: 'main', container: { image: 'example.invalid/x:1', command: ['run'] } }],
      },
    });
    node = await eventually(
      `${name} to succeed`,
      async () => {
        const w = await getWorkflow('team-a', name);
        return w.status?.phase === 'Succeeded' ? Object.keys(w.status.nodes ?? {})[0] : undefined;
      },
      60_000,
    );
    // Its log is there while the pod is.
    const res = await alice.fetch(`/api/v1/namespaces/team-a/workflows/${name}/logs?node=${node}`);
    assert.equal(res.status, 200);
    assert.notEqual(await res.text(), '');
    await core.deleteNamespacedPod({ namespace: 'team-a', name, gracePeriodSeconds: 0 });
    await eventually(
      'the pod to be gone',
      () =>
        core.readNamespacedPod({ namespace: 'team-a', name }).then(
          () => undefined,
          () => true,
        ),
      30_000,
    );
  });
  after(async () => {
    await server.stop();
    await deleteWorkflow('team-a', name).catch(() => undefined);
  });

  it('is 404 POD_NOT_FOUND saying the node has no pod any more, answered at once', async () => {
    for (const query of ['', '&follow=true', '&download=true', '&timestamps=true&tailLines=10']) {
      const res = await alice.json<ApiError>(
        `/api/v1/namespaces/team-a/workflows/${name}/logs?node=${node}${query}`,
        {
          signal: AbortSignal.timeout(10_000),
        },
      );
      assert.equal(res.status, 404, query);
      assert.equal(res.body.code, 'POD_NOT_FOUND');
      assert.match(res.body.message, /has no pod \(any more\)/);
      assert.match(res.body.hint ?? '', /deleted/);
    }
  });

  it('leaves the interleaved log of the workflow empty rather than failing', async () => {
    const res = await alice.fetch(`/api/v1/namespaces/team-a/workflows/${name}/logs/all`, {
      signal: AbortSignal.timeout(10_000),
    });
    assert.equal(res.status, 200);
    assert.equal(await res.text(), '');
  });
});
