// The templates a user may submit from are read as the user: alice lists team-a's WorkflowTemplates
// with their parameters; team-b's answer exactly like a namespace that does not exist; a
// ClusterWorkflowTemplate shows only to someone Kubernetes lets read it (the demo roles do not).
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { before, describe, it } from 'node:test';
import type { ApiError, WorkflowTemplateList } from '@argovue/api-types';
import { custom } from '../../devcluster/test/cluster.ts';
import { apiSuite } from '../support/suites.ts';

const clusterTemplate = `shared-${randomBytes(3).toString('hex')}`;
const clusterApi = { group: 'argoproj.io', version: 'v1alpha1', plural: 'clusterworkflowtemplates' } as const;

describe('workflow templates, listed as the user', () => {
  const suite = apiSuite('alice', 'bob');
  suite.afterwards(() => custom.deleteClusterCustomObject({ ...clusterApi, name: clusterTemplate }));
  before(async () => {
    await custom.createClusterCustomObject({
      ...clusterApi,
      body: {
        apiVersion: 'argoproj.io/v1alpha1',
        kind: 'ClusterWorkflowTemplate',
        metadata: { name: clusterTemplate },
        spec: {
          entrypoint: 'main',
          templates: [{ name: 'main', container: { image: 'example.invalid/x:1', command: ['run'] } }],
        },
      },
    });
  });

  it('alice lists team-a’s templates with description and parameters (value, enum, description)', async () => {
    const res = await suite.alice.json<WorkflowTemplateList>('/api/v1/namespaces/team-a/workflow-templates');
    assert.equal(res.status, 200);
    const etl = res.body.items.find((t) => t.name === 'etl-pipeline');
    assert.deepEqual(etl, {
      name: 'etl-pipeline',
      cluster: false,
      description: 'Extract, transform in two branches, load.',
      parameters: [
        { name: 'date', value: '2026-11-24', description: 'Day to process (YYYY-MM-DD)' },
        {
          name: 'fail-transform-b',
          value: '0',
          enum: ['0', '1', '137'],
          description: 'Exit code for the transform-b step (0 = succeed)',
        },
      ],
    });
    assert.ok(res.body.items.some((t) => t.name === 'weekly-report'));
    // team-b's template is not among them.
    assert.equal(
      res.body.items.some((t) => t.name === 'train-model'),
      false,
    );
  });

  it('team-b’s templates answer alice exactly as a namespace that does not exist', async () => {
    const foreign = await suite.alice.json<ApiError>('/api/v1/namespaces/team-b/workflow-templates');
    const missing = await suite.alice.json<ApiError>('/api/v1/namespaces/no-such-team/workflow-templates');
    assert.equal(foreign.status, 404);
    assert.equal(foreign.body.code, 'NOT_FOUND');
    assert.equal(missing.status, 404);
    assert.deepEqual(
      { ...foreign.body, message: foreign.body.message.replace('team-b', 'NS') },
      { ...missing.body, message: missing.body.message.replace('no-such-team', 'NS') },
    );
    // …while bob, whose namespace it is, lists them.
    const own = await suite.bob.json<WorkflowTemplateList>('/api/v1/namespaces/team-b/workflow-templates');
    assert.equal(own.status, 200);
    assert.ok(own.body.items.some((t) => t.name === 'train-model'));
  });

  it('cluster templates: none for a user whose roles do not let them read any', async () => {
    const res = await suite.alice.json<WorkflowTemplateList>('/api/v1/cluster-workflow-templates');
    assert.equal(res.status, 200);
    assert.equal(
      res.body.items.some((t) => t.name === clusterTemplate),
      false,
      'the template exists, but alice may not read it',
    );
  });

  it('refuses a malformed namespace and a signed-out caller', async () => {
    const bad = await suite.alice.json<ApiError>('/api/v1/namespaces/Not_A_Namespace/workflow-templates');
    assert.equal(bad.status, 400);
    assert.equal(bad.body.code, 'INPUT_INVALID');
    const anonymous = await fetch(`${suite.server.url}/api/v1/namespaces/team-a/workflow-templates`);
    assert.equal(anonymous.status, 401);
  });
});
