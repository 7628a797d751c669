// A workflow of another team is, to alice, exactly a workflow that does not exist: every workflow
// route (read, logs, events, nodes, every action, delete) answers the same status and body for bob's
// workflow as for a name that exists nowhere — and bob's workflow is left as it was.
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import type { ApiError } from '@argovue/api-types';
import { createWorkflow, deleteWorkflow } from '../../devcluster/test/workflows.ts';
import { loginAs, type ApiClient } from '../support/api-client.ts';
import { startServer, type RunningServer } from '../support/server.ts';
import {
  finishedAndArchived,
  podUidsByNode,
  resourceVersionOf,
  resubmittedFrom,
} from '../support/workflow-state.ts';

type Call = [method: string, path: (ns: string, name: string) => string, body?: unknown];

const base = (ns: string, name: string) => `/api/v1/namespaces/${ns}/workflows/${name}`;
const calls: Call[] = [
  ['GET', base],
  ['GET', (ns, name) => `${base(ns, name)}/live`],
  ['GET', (ns, name) => `${base(ns, name)}/logs?node=${name}`],
  ['GET', (ns, name) => `${base(ns, name)}/logs/all`],
  ['GET', (ns, name) => `${base(ns, name)}/events`],
  ['GET', (ns, name) => `${base(ns, name)}/nodes/${name}`],
  ['GET', (ns, name) => `${base(ns, name)}/nodes/${name}/pod`],
  ['POST', (ns, name) => `${base(ns, name)}/retry`, {}],
  ['POST', (ns, name) => `${base(ns, name)}/retry`, { nodeId: 'x', restartSuccessful: true }],
  ['POST', (ns, name) => `${base(ns, name)}/resubmit`, {}],
  ['POST', (ns, name) => `${base(ns, name)}/resubmit`, { memoized: true }],
  ['POST', (ns, name) => `${base(ns, name)}/stop`],
  ['POST', (ns, name) => `${base(ns, name)}/terminate`],
  ['POST', (ns, name) => `${base(ns, name)}/suspend`],
  ['POST', (ns, name) => `${base(ns, name)}/resume`],
  ['DELETE', base],
];

describe('a workflow of another team, to alice', () => {
  let server: RunningServer;
  let alice: ApiClient;
  let bob: ApiClient;
  const suffix = randomBytes(3).toString('hex');
  const bobs = `bobs-${suffix}`;
  const nowhere = `nowhere-${suffix}`;
  before(async () => {
    server = await startServer();
    [alice, bob] = await Promise.all([loginAs(server.url, 'alice'), loginAs(server.url, 'bob')]);
    await createWorkflow('team-b', {
      apiVersion: 'argoproj.io/v1alpha1',
      kind: 'Workflow',
      metadata: { name: bobs },
      spec: {
        entrypoint: 'main',
        podMetadata: { annotations: { 'argovue.dev/exit-code': '1' } },
        templates: [{ name: 'main', container: { image: 'example.invalid/x:1', command: ['run'] } }],
      },
    });
    await finishedAndArchived('team-b', bobs, 'Failed');
  });
  after(async () => {
    await server.stop();
    await deleteWorkflow('team-b', bobs).catch(() => undefined);
  });

  it('is there for bob (so the refusals below are not about a missing workflow)', async () => {
    const res = await bob.json<unknown>(base('team-b', bobs));
    assert.equal(res.status, 200);
  });

  it('answers every route exactly as for a name that exists nowhere, and changes nothing', async () => {
    const versionBefore = await resourceVersionOf('team-b', bobs);
    const podsBefore = await podUidsByNode('team-b', bobs);
    assert.notDeepEqual(podsBefore, {});
    for (const [method, path, body] of calls) {
      const send = (name: string) =>
        method === 'GET'
          ? alice.json<ApiError>(path('team-b', name))
          : alice.send<ApiError>(method, path('team-b', name), body);
      const [foreign, missing] = [await send(bobs), await send(nowhere)];
      const what = `${method} ${path('team-b', '…')} ${JSON.stringify(body ?? '')}`;
      assert.equal(foreign.status, 404, `${what}: ${JSON.stringify(foreign.body)}`);
      assert.equal(foreign.body.code, missing.body.code, what);
      assert.deepEqual(
        JSON.parse(JSON.stringify(foreign.body).replaceAll(bobs, 'NAME')),
        JSON.parse(JSON.stringify(missing.body).replaceAll(nowhere, 'NAME')),
        what,
      );
    }
    assert.equal(await resourceVersionOf('team-b', bobs), versionBefore);
    assert.deepEqual(await podUidsByNode('team-b', bobs), podsBefore);
    assert.deepEqual(await resubmittedFrom('team-b', bobs), []);
  });

  it('refuses a name that cannot be a workflow’s before asking Kubernetes', async () => {
    for (const name of ['Upper-Case', 'a_b', '-leading-dash']) {
      const res = await alice.json<ApiError>(base('team-a', name));
      assert.equal(res.status, 400, name);
      assert.equal(res.body.code, 'INPUT_INVALID', name);
    }
  });
});
