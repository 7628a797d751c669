import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { nodePodOf } from './workflow-pods.ts';

describe('nodePodOf', () => {
  it('gives each container’s state, exit code, restarts and resources, init containers first', () => {
    const pod = nodePodOf({
      metadata: { name: 'wf-step-1', annotations: { 'workflows.argoproj.io/node-id': 'wf-1' } },
      spec: {
        nodeName: 'kwok-cpu-0',
        initContainers: [{ name: 'init', image: 'argoexec' }],
        containers: [
          { name: 'wait', image: 'argoexec' },
          {
            name: 'main',
            image: 'etl:1.4',
            resources: { requests: { cpu: '500m', memory: '1Gi' }, limits: { memory: '2Gi' } },
          },
        ],
      },
      status: {
        phase: 'Failed',
        qosClass: 'Burstable',
        startTime: '2026-11-25T10:00:00Z',
        initContainerStatuses: [
          {
            name: 'init',
            ready: false,
            restartCount: 0,
            state: { terminated: { exitCode: 0, reason: 'Completed' } },
          },
        ],
        containerStatuses: [
          {
            name: 'main',
            ready: false,
            restartCount: 2,
            state: { terminated: { exitCode: 137, reason: 'OOMKilled' } },
          },
          {
            name: 'wait',
            ready: true,
            restartCount: 0,
            state: { running: { startedAt: '2026-11-25T10:00:01Z' } },
          },
        ],
      },
    });
    assert.equal(pod.name, 'wf-step-1');
    assert.equal(pod.phase, 'Failed');
    assert.equal(pod.nodeName, 'kwok-cpu-0');
    assert.deepEqual(
      pod.containers.map((c) => [c.name, c.init, c.state, c.exitCode, c.reason, c.restartCount]),
      [
        ['init', true, 'terminated', 0, 'Completed', 0],
        ['wait', false, 'running', undefined, undefined, 0],
        ['main', false, 'terminated', 137, 'OOMKilled', 2],
      ],
    );
    const main = pod.containers[2];
    assert.ok(main);
    assert.deepEqual(main.requests, { cpu: '500m', memory: '1Gi' });
    assert.deepEqual(main.limits, { memory: '2Gi' });
  });

  it('gives a pod without a status (just created) as Unknown with containers in state unknown', () => {
    const pod = nodePodOf({ metadata: { name: 'p' }, spec: { containers: [{ name: 'main' }] } });
    assert.equal(pod.phase, 'Unknown');
    const [main] = pod.containers;
    assert.ok(main);
    assert.equal(main.state, 'unknown');
    assert.deepEqual(main.requests, {});
  });
});
