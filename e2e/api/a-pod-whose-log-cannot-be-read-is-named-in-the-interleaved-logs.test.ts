// One pod of a workflow has no log to read (it cannot be scheduled, so its container never starts:
// the apiserver answers its log with 400): the interleaved logs still bring the other pod's lines and
// name the pod that could not be read and why, with and without follow, instead of leaving it out as
// if it had written nothing.
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { before, describe, it } from 'node:test';
import { core, eventually } from '../../devcluster/test/cluster.ts';
import {
  createWorkflow,
  deleteWorkflow,
  getWorkflow,
  podNodePhases,
} from '../../devcluster/test/workflows.ts';
import { apiSuite } from '../support/suites.ts';

const name = `log-unreadable-${randomBytes(3).toString('hex')}`;
const logs = `/api/v1/namespaces/team-a/workflows/${name}/logs/all`;
const resources = { requests: { cpu: '100m', memory: '64Mi' }, limits: { memory: '128Mi' } };
const unreadable = /^stuck: … \[the log of pod \S+ could not be read: its container has not started\]$/m;

describe('a pod whose log cannot be read, in the interleaved logs', () => {
  const suite = apiSuite('alice');
  let stuckPod = '';
  before(async () => {
    suite.afterwards(() => deleteWorkflow('team-a', name));
    await createWorkflow('team-a', {
      apiVersion: 'argoproj.io/v1alpha1',
      kind: 'Workflow',
      metadata: { name, labels: { 'argovue.dev/test': 'true' } },
      spec: {
        entrypoint: 'main',
        templates: [
          {
            name: 'main',
            dag: {
              tasks: [
                { name: 'quick', template: 'quick' },
                { name: 'stuck', template: 'stuck' },
              ],
            },
          },
          { name: 'quick', container: { image: 'example.invalid/x:1', command: ['run'], resources } },
          {
            name: 'stuck',
            // No node has this label: the pod stays Pending and its container never starts.
            nodeSelector: { 'argovue.dev/nowhere': 'true' },
            container: { image: 'example.invalid/x:1', command: ['run'], resources },
          },
        ],
      },
    });
    await eventually(
      'quick to succeed and stuck to wait for a node',
      async () => {
        const phases = podNodePhases(await getWorkflow('team-a', name));
        return phases['quick'] === 'Succeeded' && phases['stuck'] === 'Pending' ? true : undefined;
      },
      120_000,
    );
    stuckPod = await eventually(
      'the stuck pod to exist, unscheduled',
      async () => {
        const pods = await core.listNamespacedPod({
          namespace: 'team-a',
          labelSelector: `workflows.argoproj.io/workflow=${name}`,
        });
        const pod = pods.items.find(
          (p) => p.metadata?.annotations?.['workflows.argoproj.io/node-name'] === `${name}.stuck`,
        );
        return pod?.status?.phase === 'Pending' ? pod.metadata?.name : undefined;
      },
      60_000,
    );
  });

  it('brings the readable pod’s lines and names the unreadable pod and why', async () => {
    const res = await suite.alice.fetch(logs, { signal: AbortSignal.timeout(30_000) });
    assert.equal(res.status, 200);
    const text = await res.text();
    assert.match(text, /^\S+ quick: /m, 'the readable pod’s lines');
    assert.match(text, unreadable);
    assert.ok(text.includes(`the log of pod ${stuckPod} could not be read`), text);
    // The apiserver's own words stay out.
    assert.doesNotMatch(text, /waiting to start|ContainerCreating|is not available/);
  });

  it('says so while following, too', async () => {
    const abort = new AbortController();
    const res = await suite.alice.fetch(`${logs}?follow=true`, {
      signal: AbortSignal.any([abort.signal, AbortSignal.timeout(30_000)]),
    });
    assert.equal(res.status, 200);
    assert.ok(res.body);
    const reader = res.body.pipeThrough(new TextDecoderStream()).getReader();
    let text = '';
    try {
      while (!unreadable.test(text)) {
        const chunk = await reader.read();
        if (chunk.done) break;
        text += chunk.value;
      }
    } finally {
      abort.abort();
    }
    assert.match(text, unreadable);
  });
});
