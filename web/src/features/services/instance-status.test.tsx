import '../../testing/dom.ts';
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { ServiceInstanceRow } from '@argovue/api-types';
import { render } from '../../testing/dom.ts';
import { InstanceStatus, OpenInstanceLink } from './instance-status.tsx';

const stopped: ServiceInstanceRow = {
  namespace: 'team-a',
  name: 'nb',
  template: { name: 'notebook', cluster: false },
  phase: 'Stopped',
  stopped: true,
  readyReplicas: 0,
  replicas: 0,
  url: 'http://nb--team-a.localhost:8081',
  message: 'stopped',
  conditions: [],
  createdAt: '2026-12-04T21:00:00Z',
  inputs: {},
};
const idle: ServiceInstanceRow = {
  ...stopped,
  idleStopped: true,
  message: 'stopped after 30 minutes without use',
};

describe('a stopped instance', () => {
  it('says why it stopped when it was for being idle, and nothing more for a plain stop', async () => {
    const a = await render(<InstanceStatus row={idle} />);
    assert.match(a.container.textContent, /stopped after 30 minutes without use/);
    await a.unmount();
    const b = await render(<InstanceStatus row={stopped} />);
    assert.doesNotMatch(b.container.textContent, /without use/);
    await b.unmount();
  });

  it('can be opened when stopped for being idle (the visit starts it), not when its user stopped it', async () => {
    const a = await render(<OpenInstanceLink row={idle} />);
    const link = a.container.querySelector('a');
    assert.equal(link?.getAttribute('href'), idle.url);
    assert.match(link?.textContent ?? '', /Open nb \(starts it\)/);
    await a.unmount();
    const b = await render(<OpenInstanceLink row={stopped} />);
    assert.equal(b.container.querySelector('a'), null);
    await b.unmount();
  });
});
