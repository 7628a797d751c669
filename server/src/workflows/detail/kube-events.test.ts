import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { workflowEventsOf, type RawEvent } from './kube-events.ts';

const onWorkflow = (reason: string, at: string, uid = 'uid-1', nodeId?: string): RawEvent => ({
  type: 'Normal',
  reason,
  message: reason,
  count: 1,
  lastTimestamp: at,
  involvedObject: { kind: 'Workflow', name: 'wf', uid },
  metadata: nodeId === undefined ? {} : { annotations: { 'workflows.argoproj.io/node-id': nodeId } },
});

const onPod = (pod: string, reason: string, at: string, type = 'Normal'): RawEvent => ({
  type,
  reason,
  message: `${reason} ${pod}`,
  count: 3,
  lastTimestamp: at,
  involvedObject: { kind: 'Pod', name: pod },
});

describe('workflowEventsOf', () => {
  it('keeps the workflow’s and its pods’ events, newest first, each naming its node', () => {
    const items = workflowEventsOf(
      'uid-1',
      [
        onWorkflow('WorkflowRunning', '2026-11-25T10:00:00Z'),
        onWorkflow('WorkflowNodeSucceeded', '2026-11-25T10:00:09Z', 'uid-1', 'wf-123'),
      ],
      [
        onPod('wf-step-123', 'Started', '2026-11-25T10:00:05Z'),
        onPod('other-pod', 'Started', '2026-11-25T10:00:06Z'),
      ],
      new Map([['wf-step-123', 'wf-123']]),
    );
    assert.deepEqual(
      items.map((e) => [e.reason, e.object.kind, e.nodeId]),
      [
        ['WorkflowNodeSucceeded', 'Workflow', 'wf-123'],
        ['Started', 'Pod', 'wf-123'],
        ['WorkflowRunning', 'Workflow', undefined],
      ],
    );
    assert.equal(items[1]?.count, 3);
  });

  it('leaves out events of an older workflow of the same name (another uid)', () => {
    const items = workflowEventsOf(
      'uid-2',
      [
        onWorkflow('WorkflowFailed', '2026-11-24T10:00:00Z', 'uid-1'),
        onWorkflow('WorkflowRunning', '2026-11-25T10:00:00Z', 'uid-2'),
      ],
      [],
      new Map(),
    );
    assert.deepEqual(
      items.map((e) => e.reason),
      ['WorkflowRunning'],
    );
  });

  it('reads events in the newer series form (eventTime, series) and keeps Warning as the type', () => {
    const items = workflowEventsOf(
      'uid-1',
      [],
      [
        {
          type: 'Warning',
          reason: 'FailedScheduling',
          message: '0/3 nodes are available',
          eventTime: '2026-11-25T10:00:00.000000Z',
          series: { count: 7, lastObservedTime: '2026-11-25T10:05:00.000000Z' },
          involvedObject: { kind: 'Pod', name: 'p' },
        },
      ],
      new Map([['p', undefined]]),
    );
    assert.deepEqual(items, [
      {
        type: 'Warning',
        reason: 'FailedScheduling',
        message: '0/3 nodes are available',
        object: { kind: 'Pod', name: 'p' },
        count: 7,
        firstSeen: '2026-11-25T10:00:00.000000Z',
        lastSeen: '2026-11-25T10:05:00.000000Z',
      },
    ]);
  });
});
