import '../../testing/dom.ts';
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { ServiceInstanceRow } from '@argovue/api-types';
import { render } from '../../testing/dom.ts';
import { InstanceStatus, InstanceUse, OpenInstanceLink } from './instance-status.tsx';

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

describe('when an instance was used and when it stops', () => {
  const now = new Date('2026-12-05T02:00:00Z');
  const running: ServiceInstanceRow = {
    ...stopped,
    phase: 'Running',
    stopped: false,
    readyReplicas: 1,
    replicas: 1,
    message: '1 of 1 ready',
    lastUsedAt: '2026-12-05T01:50:00Z',
    idleStopsAt: '2026-12-05T02:20:00Z',
  };

  it('says when it was last used and when it stops if unused', async () => {
    const view = await render(<InstanceUse row={running} now={now} />);
    assert.equal(view.container.textContent, '10 minutes ago · stops if unused in 20 minutes');
    const times = [...view.container.querySelectorAll('time')].map((t) => t.getAttribute('datetime'));
    assert.deepEqual(times, ['2026-12-05T01:50:00.000Z', '2026-12-05T02:20:00.000Z']);
    await view.unmount();
  });

  it('says when an idle instance was stopped, and one never used says so', async () => {
    const culled = await render(
      <InstanceUse
        row={{ ...idle, lastUsedAt: '2026-12-05T01:00:00Z', idleStoppedAt: '2026-12-05T01:30:00Z' }}
        now={now}
      />,
    );
    assert.equal(culled.container.textContent, '1 hour ago · stopped for being idle 30 minutes ago');
    await culled.unmount();
    const { lastUsedAt: _used, ...neverUsed } = running;
    const fresh = await render(<InstanceUse row={neverUsed} now={now} />);
    assert.match(
      fresh.container.textContent,
      /^not yet used through ArgoVue · stops if unused in 20 minutes$/,
    );
    await fresh.unmount();
  });
});
