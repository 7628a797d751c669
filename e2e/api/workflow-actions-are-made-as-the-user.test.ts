// Submit, suspend, resume, stop and delete go out as the user: alice acts on her team's workflows;
// bob is refused as if they did not exist; wrong input and impossible actions get clear errors.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { ApiError, WorkflowActionResult, WorkflowDetail } from '@argovue/api-types';
import { eventually } from '../../devcluster/test/cluster.ts';
import {
  createWorkflow,
  deleteWorkflow,
  getWorkflow,
  podNodePhases,
  type Workflow,
} from '../../devcluster/test/workflows.ts';
import { loginAs, type ApiClient } from '../support/api-client.ts';
import { startServer, type RunningServer } from '../support/server.ts';

const teamA = '/api/v1/namespaces/team-a/workflows';

describe('workflow actions', () => {
  let server: RunningServer;
  let alice: ApiClient;
  let bob: ApiClient;
  const created: string[] = [];
  before(async () => {
    server = await startServer();
    alice = await loginAs(server.url, 'alice');
    bob = await loginAs(server.url, 'bob');
  });
  after(async () => {
    await server.stop();
    for (const name of created) await deleteWorkflow('team-a', name).catch(() => undefined);
  });

  async function submit(client: ApiClient, body: unknown) {
    return client.send<WorkflowActionResult & ApiError>('POST', teamA, body);
  }

  it('submits a template with parameters, as alice', async () => {
    const res = await submit(alice, {
      template: { name: 'etl-pipeline' },
      parameters: { date: '2026-11-25' },
    });
    assert.equal(res.status, 201);
    created.push(res.body.name);
    assert.match(res.body.name, /^etl-pipeline-/);
    const detail = await alice.json<WorkflowDetail>(`${teamA}/${res.body.name}`);
    assert.equal(detail.body.row.submitter, 'oidc:alice@example.com');
    assert.equal(detail.body.row.template?.name, 'etl-pipeline');
    const workflow = (await getWorkflow('team-a', res.body.name)) as {
      spec?: { arguments?: { parameters?: unknown } };
    };
    assert.deepEqual(workflow.spec?.arguments?.parameters, [
      { name: 'date', value: '2026-11-25' },
      { name: 'fail-transform-b', value: '0' },
    ]);
  });

  it('refuses parameters that do not match the template, and fields that are not parameters', async () => {
    const unknown = await submit(alice, { template: { name: 'etl-pipeline' }, parameters: { dat: 'x' } });
    assert.equal(unknown.status, 400);
    assert.match(unknown.body.message, /no parameter "dat"/);
    const outOfEnum = await submit(alice, {
      template: { name: 'etl-pipeline' },
      parameters: { 'fail-transform-b': '2' },
    });
    assert.equal(outOfEnum.status, 400);
    assert.match(outOfEnum.body.message, /must be one of 0, 1, 137/);
    const smuggled = await submit(alice, {
      template: { name: 'etl-pipeline' },
      podSpecPatch: '{"hostNetwork":true}',
    });
    assert.equal(smuggled.status, 400);
    assert.equal(smuggled.body.code, 'INPUT_INVALID');
  });

  it('refuses a template bob may not see, like a missing one', async () => {
    const res = await submit(bob, { template: { name: 'etl-pipeline' } });
    assert.equal(res.status, 404);
    assert.equal(res.body.code, 'NOT_FOUND');
  });

  it('suspends and resumes a running workflow, and refuses doing either twice', async () => {
    const name = created[0] ?? '';
    const suspended = await alice.send<WorkflowActionResult>('POST', `${teamA}/${name}/suspend`);
    assert.equal(suspended.status, 200);
    assert.equal(
      ((await getWorkflow('team-a', name)) as { spec?: { suspend?: boolean } }).spec?.suspend,
      true,
    );
    assert.equal((await alice.send<ApiError>('POST', `${teamA}/${name}/suspend`)).body.code, 'CONFLICT');
    assert.equal((await alice.send('POST', `${teamA}/${name}/resume`)).status, 200);
    assert.equal(
      ((await getWorkflow('team-a', name)) as { spec?: { suspend?: boolean } }).spec?.suspend,
      undefined,
    );
    assert.equal((await alice.send<ApiError>('POST', `${teamA}/${name}/resume`)).body.code, 'CONFLICT');
  });

  it('refuses bob every action on alice’s workflow, like a missing one', async () => {
    const name = created[0] ?? '';
    for (const action of ['stop', 'suspend']) {
      const res = await bob.send<ApiError>('POST', `${teamA}/${name}/${action}`);
      assert.equal(res.status, 404, action);
    }
    assert.equal((await bob.send<ApiError>('DELETE', `${teamA}/${name}`)).status, 404);
  });

  it('stops a running workflow: Argo finishes it', async () => {
    const name = created[0] ?? '';
    assert.equal((await alice.send('POST', `${teamA}/${name}/stop`)).status, 200);
    const phase = await eventually(
      'the stopped workflow to finish',
      async () => {
        const p = ((await getWorkflow('team-a', name)) as { status?: { phase?: string } }).status?.phase;
        return p === 'Failed' || p === 'Succeeded' || p === 'Error' ? p : undefined;
      },
      60_000,
    );
    assert.ok(['Failed', 'Succeeded'].includes(phase), phase);
  });

  it('refuses to act on a finished workflow, an unknown action, and a change without the CSRF token', async () => {
    const done = await alice.send<ApiError>('POST', `${teamA}/etl-2026-11-23/terminate`);
    assert.equal(done.status, 409);
    assert.equal(done.body.code, 'CONFLICT');
    const unknown = await alice.send<ApiError>('POST', `${teamA}/etl-2026-11-23/explode`);
    assert.equal(unknown.status, 404);
    const noToken = await alice.json<ApiError>(`${teamA}/etl-2026-11-23/stop`, { method: 'POST' });
    assert.equal(noToken.status, 403);
    assert.equal(noToken.body.code, 'CSRF_FAILED');
  });

  it('resumes a workflow waiting in a suspend step: the step succeeds and the workflow runs on', async () => {
    const name = `approval-${Date.now().toString(36)}`;
    created.push(name);
    await createWorkflow('team-a', {
      apiVersion: 'argoproj.io/v1alpha1',
      kind: 'Workflow',
      metadata: { name },
      spec: {
        entrypoint: 'main',
        templates: [
          {
            name: 'main',
            steps: [[{ name: 'approve', template: 'wait' }], [{ name: 'publish', template: 'work' }]],
          },
          { name: 'wait', suspend: {} },
          {
            name: 'work',
            container: {
              image: 'example.invalid/x:1',
              command: ['x'],
              resources: { requests: { cpu: '100m', memory: '64Mi' } },
            },
          },
        ],
      },
    });
    const waiting = async (): Promise<Workflow | undefined> => {
      const workflow = await getWorkflow('team-a', name);
      return Object.values(workflow.status?.nodes ?? {}).some(
        (n) => n.type === 'Suspend' && n.phase === 'Running',
      )
        ? workflow
        : undefined;
    };
    await eventually('the workflow to wait in its suspend step', waiting, 30_000);
    const res = await alice.send<WorkflowActionResult>('POST', `${teamA}/${name}/resume`);
    assert.equal(res.status, 200);
    assert.match(res.body.message, /1 suspend step continued/);
    const finished = await eventually(
      'the resumed workflow to finish',
      async () => {
        const workflow = await getWorkflow('team-a', name);
        return ['Succeeded', 'Failed', 'Error'].includes(workflow.status?.phase ?? '') ? workflow : undefined;
      },
      60_000,
    );
    assert.equal(finished.status?.phase, 'Succeeded');
    assert.equal(podNodePhases(finished)['publish'], 'Succeeded');
    const approve = Object.values(finished.status.nodes ?? {}).find((n) => n.displayName === 'approve');
    assert.equal(approve?.phase, 'Succeeded');
    assert.match(approve.message ?? '', /Resumed by: oidc:alice@example.com/);
  });

  it('deletes alice’s workflow', async () => {
    const name = created[0] ?? '';
    const res = await alice.send<WorkflowActionResult>('DELETE', `${teamA}/${name}`);
    assert.equal(res.status, 200);
    await eventually(
      'the workflow to be gone',
      async () => ((await alice.json(`${teamA}/${name}`)).status === 404 ? true : undefined),
      30_000,
    );
  });
});
