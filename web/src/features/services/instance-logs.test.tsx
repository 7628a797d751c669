import '../../testing/dom.ts';
import assert from 'node:assert/strict';
import { afterEach, describe, it } from 'node:test';
import type { PodContainer, ServicePod } from '@argovue/api-types';
import { interact, one, render } from '../../testing/dom.ts';
import { window } from '../../testing/dom-globals.ts';
import { InstanceLogs } from './instance-logs.tsx';

const container = (name: string, init = false): PodContainer => ({
  name,
  init,
  state: 'running',
  restartCount: 0,
  ready: true,
  requests: {},
  limits: {},
});
const pod = (name: string): ServicePod => ({
  name,
  phase: 'Running',
  ready: true,
  containers: [container('app'), container('sidecar'), container('setup', true)],
});

/** Answers every fetch with `status` and `body`, and keeps the URLs asked for. */
function answerFetch(status: number, body: string): URL[] {
  const asked: URL[] = [];
  globalThis.fetch = (input: RequestInfo | URL) => {
    asked.push(new URL(input instanceof Request ? input.url : input.toString(), 'http://argovue.test'));
    return Promise.resolve(new Response(body, { status, headers: { 'Content-Type': 'application/json' } }));
  };
  return asked;
}

const realFetch = globalThis.fetch;
afterEach(() => {
  globalThis.fetch = realFetch;
});

/** Chooses `value` in the select labelled `label`, as a user would. */
async function choose(root: ParentNode, label: string, value: string): Promise<void> {
  const select = [...root.querySelectorAll('label')]
    .find((l) => l.textContent.trim().startsWith(label))
    ?.querySelector('select');
  assert.ok(select, `a ${label} choice`);
  await interact(() => {
    Reflect.set(Object.getPrototypeOf(select) as object, 'value', value, select);
    select.dispatchEvent(new window.Event('change', { bubbles: true }) as unknown as Event);
  });
}

/** Yields to React and the stream's fetch until `reached` holds (a bounded number of turns). */
async function until(what: string, reached: () => boolean): Promise<void> {
  for (let turn = 0; turn < 200 && !reached(); turn++)
    await interact(() => new Promise((resolve) => setTimeout(resolve, 0)));
  assert.ok(reached(), what);
}

describe('InstanceLogs', () => {
  it('reads the first pod’s first container, then the pod and container chosen', async () => {
    const asked = answerFetch(200, '');
    const view = await render(
      <InstanceLogs namespace="team-a" name="echo-1" pods={[pod('echo-1-a'), pod('echo-1-b')]} />,
    );
    const last = () => asked.at(-1)?.searchParams;
    await until('the first pod’s log is asked for', () => asked.length > 0);
    assert.equal(last()?.get('pod'), 'echo-1-a');
    assert.equal(last()?.get('container'), 'app');
    // Init containers are not offered: the log of a container that ran once is not a service's log.
    const containers = [...view.container.querySelectorAll('label')]
      .find((l) => l.textContent.trim().startsWith('Container'))
      ?.querySelectorAll('option');
    assert.deepEqual(
      [...(containers ?? [])].map((o) => o.textContent),
      ['app', 'sidecar'],
    );
    await choose(view.container, 'Pod', 'echo-1-b');
    await until('the chosen pod’s log is asked for', () => last()?.get('pod') === 'echo-1-b');
    await choose(view.container, 'Container', 'sidecar');
    await until('the chosen container’s log is asked for', () => last()?.get('container') === 'sidecar');
    const download = one<HTMLAnchorElement>(view.container, 'a[download]');
    assert.match(download.getAttribute('href') ?? '', /pod=echo-1-b&container=sidecar.*download=true/);
    await view.unmount();
  });

  it('shows the server’s refusal, message and hint', async () => {
    answerFetch(
      404,
      JSON.stringify({
        code: 'NOT_FOUND',
        status: 404,
        message: 'The log of pod echo-1-a is not available yet: its container has not started.',
        hint: 'Try again in a moment.',
      }),
    );
    const view = await render(<InstanceLogs namespace="team-a" name="echo-1" pods={[pod('echo-1-a')]} />);
    await until('the refusal is shown', () => view.container.querySelector('[role="alert"]') !== null);
    const alert = one(view.container, '[role="alert"]');
    assert.match(alert.textContent, /its container has not started/);
    assert.match(alert.textContent, /Try again in a moment/);
    await view.unmount();
  });

  it('says that a stopped instance has no log', async () => {
    answerFetch(200, '');
    const view = await render(<InstanceLogs namespace="team-a" name="echo-1" pods={[]} />);
    assert.match(view.container.textContent, /No pod is running/);
    await view.unmount();
  });
});
