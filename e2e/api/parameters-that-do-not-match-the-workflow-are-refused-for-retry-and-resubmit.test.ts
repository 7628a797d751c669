// New parameter values for a retry or a resubmit must be the workflow's parameters and fit their
// enums (for a workflow made from a template, the template's enum, known from the spec the controller
// stored). Argo's CLI takes any: ArgoVue answers 400 INPUT_INVALID naming the problem, and leaves
// the workflow, its pods and the namespace as they were.
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import type { ApiError } from '@argovue/api-types';
import { custom } from '../../devcluster/test/cluster.ts';
import { createWorkflow, deleteWorkflow } from '../../devcluster/test/workflows.ts';
import { loginAs, type ApiClient } from '../support/api-client.ts';
import { startServer, type RunningServer } from '../support/server.ts';
import {
  finishedAndArchived,
  podUidsByNode,
  resourceVersionOf,
  resubmittedFrom,
} from '../support/workflow-state.ts';

const templates = { group: 'argoproj.io', version: 'v1alpha1', plural: 'workflowtemplates' } as const;
const step = { name: 'main', container: { image: 'example.invalid/x:1', command: ['run'] } };
const parameters = [
  { name: 'day', value: '2026-11-24' },
  { name: 'mode', value: 'fast', enum: ['fast', 'thorough'] },
];

describe('parameters that do not match the workflow', () => {
  let server: RunningServer;
  let alice: ApiClient;
  const suffix = randomBytes(3).toString('hex');
  const inline = `params-inline-${suffix}`;
  const fromTemplate = `params-tmpl-${suffix}`;
  const templateName = `params-tmpl-${suffix}`;
  before(async () => {
    server = await startServer();
    alice = await loginAs(server.url, 'alice');
    const failing = { podMetadata: { annotations: { 'argovue.dev/exit-code': '1' } } };
    await custom.createNamespacedCustomObject({
      ...templates,
      namespace: 'team-a',
      body: {
        apiVersion: 'argoproj.io/v1alpha1',
        kind: 'WorkflowTemplate',
        metadata: { name: templateName },
        spec: { entrypoint: 'main', arguments: { parameters }, ...failing, templates: [step] },
      },
    });
    await createWorkflow('team-a', {
      apiVersion: 'argoproj.io/v1alpha1',
      kind: 'Workflow',
      metadata: { name: inline },
      spec: { entrypoint: 'main', arguments: { parameters }, ...failing, templates: [step] },
    });
    // As ArgoVue's submit makes it: the template's reference and plain values, no enum.
    await createWorkflow('team-a', {
      apiVersion: 'argoproj.io/v1alpha1',
      kind: 'Workflow',
      metadata: { name: fromTemplate },
      spec: {
        workflowTemplateRef: { name: templateName },
        arguments: { parameters: [{ name: 'mode', value: 'fast' }] },
      },
    });
    for (const name of [inline, fromTemplate]) await finishedAndArchived('team-a', name, 'Failed');
  });
  after(async () => {
    await server.stop();
    for (const name of [inline, fromTemplate]) await deleteWorkflow('team-a', name).catch(() => undefined);
    await custom
      .deleteNamespacedCustomObject({ ...templates, namespace: 'team-a', name: templateName })
      .catch(() => undefined);
  });

  for (const which of ['inline', 'template'] as const) {
    it(`refuses an unknown name and a value outside the enum (${which}), changing nothing`, async () => {
      const name = which === 'inline' ? inline : fromTemplate;
      const version = await resourceVersionOf('team-a', name);
      const pods = await podUidsByNode('team-a', name);
      assert.notDeepEqual(pods, {});
      const cases: [string, object, RegExp][] = [
        ['retry', { parameters: { nope: '1' } }, /no parameter "nope"/],
        ['retry', { parameters: { mode: 'reckless' } }, /"mode" must be one of fast, thorough/],
        ['resubmit', { parameters: { nope: '1' } }, /no parameter "nope"/],
        ['resubmit', { parameters: { mode: 'reckless' } }, /"mode" must be one of fast, thorough/],
        ['resubmit', { memoized: true, parameters: { mode: 'reckless', day: 'x' } }, /must be one of/],
      ];
      for (const [action, body, message] of cases) {
        const res = await alice.send<ApiError>(
          'POST',
          `/api/v1/namespaces/team-a/workflows/${name}/${action}`,
          body,
        );
        assert.equal(res.status, 400, `${action} ${JSON.stringify(body)}: ${JSON.stringify(res.body)}`);
        assert.equal(res.body.code, 'INPUT_INVALID');
        assert.match(res.body.message, message);
      }
      assert.equal(await resourceVersionOf('team-a', name), version);
      assert.deepEqual(await podUidsByNode('team-a', name), pods);
      assert.deepEqual(await resubmittedFrom('team-a', name), []);
    });
  }
});
