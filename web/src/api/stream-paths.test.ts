import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { nodeLogPath, workflowLogsPath } from './client.ts';
import { workflowEventsPath } from './workflow-events.ts';

describe('workflowEventsPath', () => {
  it('opens every namespace from now, or one namespace after a list', () => {
    assert.equal(workflowEventsPath(undefined, undefined), '/api/v1/workflows/events');
    assert.equal(
      workflowEventsPath('team-a', '42'),
      '/api/v1/workflows/events?namespace=team-a&lastEventId=42',
    );
    assert.equal(workflowEventsPath('', '7'), '/api/v1/workflows/events?lastEventId=7');
  });
});

describe('nodeLogPath', () => {
  it('names node, container and the switches, and asks for a download only when told', () => {
    const options = { node: 'etl-1-123', container: 'main' as const, timestamps: true, follow: false };
    assert.equal(
      nodeLogPath('team-a', 'etl 1', options),
      '/api/v1/namespaces/team-a/workflows/etl%201/logs?node=etl-1-123&container=main&timestamps=true&follow=false',
    );
    assert.match(nodeLogPath('team-a', 'etl', { ...options, download: true }), /&download=true$/);
  });
});

describe('workflowLogsPath', () => {
  it('names the container, whether to follow and how many lines of each pod', () => {
    assert.equal(
      workflowLogsPath('team-a', 'etl 1', { container: 'init', follow: true }),
      '/api/v1/namespaces/team-a/workflows/etl%201/logs/all?container=init&follow=true&tailLines=10000',
    );
  });
});
