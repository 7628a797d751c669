// A workflow made from a WorkflowTemplate runs by the spec the controller stored at its first run
// (status.storedWorkflowTemplateSpec), so a retry with new parameter values must change that stored
// spec too — as `argo retry -p` does. Twins from one template fail the same way; one is retried by
// the argo CLI, the other through ArgoVue, both with b-code changed to 0: both must succeed, with the
// same spec and stored spec.
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import type { WorkflowActionResult } from '@argovue/api-types';
import { argo } from '../../devcluster/test/argo-cli.ts';
import { custom, eventually } from '../../devcluster/test/cluster.ts';
import { diamondTemplate } from '../../devcluster/test/diamond-workflow.ts';
import {
  createWorkflow,
  deleteWorkflow,
  getWorkflow,
  podNodePhases,
  type Workflow,
} from '../../devcluster/test/workflows.ts';
import { loginAs, type ApiClient } from '../support/api-client.ts';
import { startServer, type RunningServer } from '../support/server.ts';

const templates = { group: 'argoproj.io', version: 'v1alpha1', plural: 'workflowtemplates' } as const;

type Stored = Workflow & { spec?: unknown; status?: { storedWorkflowTemplateSpec?: unknown } };

const finished = (name: string) => () =>
  getWorkflow('team-a', name).then((w) =>
    ['Succeeded', 'Failed', 'Error'].includes(w.status?.phase ?? '') ? (w as Stored) : undefined,
  );

describe('retry of a workflow made from a template, with new parameter values, against the argo CLI', () => {
  let server: RunningServer;
  let alice: ApiClient;
  const suffix = randomBytes(3).toString('hex');
  const templateName = `retry-tmpl-${suffix}`;
  const viaCli = `retry-tmpl-cli-${suffix}`;
  const viaArgovue = `retry-tmpl-ui-${suffix}`;
  before(async () => {
    server = await startServer();
    alice = await loginAs(server.url, 'alice');
    await custom.createNamespacedCustomObject({
      ...templates,
      namespace: 'team-a',
      body: diamondTemplate(templateName, { bCode: '0', bCodeEnum: true, withoutC: true }),
    });
    for (const name of [viaCli, viaArgovue]) {
      await createWorkflow('team-a', {
        apiVersion: 'argoproj.io/v1alpha1',
        kind: 'Workflow',
        metadata: { name },
        spec: {
          workflowTemplateRef: { name: templateName },
          arguments: { parameters: [{ name: 'b-code', value: '1' }] },
        },
      });
    }
    for (const name of [viaCli, viaArgovue])
      assert.equal((await eventually(`${name} to fail`, finished(name), 60_000)).status?.phase, 'Failed');
  });
  after(async () => {
    await server.stop();
    for (const name of [viaCli, viaArgovue]) await deleteWorkflow('team-a', name).catch(() => undefined);
    await custom
      .deleteNamespacedCustomObject({ ...templates, namespace: 'team-a', name: templateName })
      .catch(() => undefined);
  });

  it('runs the failed node again with the new value, to the same end as argo retry -p', async () => {
    await argo(['-n', 'team-a', 'retry', viaCli, '-p', 'b-code=0']);
    const res = await alice.send<WorkflowActionResult>(
      'POST',
      `/api/v1/namespaces/team-a/workflows/${viaArgovue}/retry`,
      { parameters: { 'b-code': '0' } },
    );
    assert.equal(res.status, 200, JSON.stringify(res.body));
    const [cli, argovue] = await Promise.all(
      [viaCli, viaArgovue].map((name) => eventually(`${name} to finish again`, finished(name), 90_000)),
    );
    assert.ok(cli && argovue);
    assert.equal(cli.status?.phase, 'Succeeded');
    assert.equal(argovue.status?.phase, 'Succeeded');
    assert.deepEqual(podNodePhases(argovue), { a: 'Succeeded', b: 'Succeeded', d: 'Succeeded' });
    assert.deepEqual(argovue.spec, cli.spec);
    assert.deepEqual(argovue.status.storedWorkflowTemplateSpec, cli.status.storedWorkflowTemplateSpec);
  });
});
