import '../../testing/dom.ts';
import assert from 'node:assert/strict';
import { afterEach, describe, it } from 'node:test';
import type { ServiceInstanceRow } from '@argovue/api-types';
import { QueryClientProvider } from '@tanstack/react-query';
import { MemoryRouter } from 'react-router';
import { newQueryClient } from '../../api/query-client.ts';
import { button, interact, one, render } from '../../testing/dom.ts';
import { availableActions, InstanceActions } from './instance-actions.tsx';

const running: ServiceInstanceRow = {
  namespace: 'team-a',
  name: 'echo-1',
  template: { name: 'echo', cluster: false },
  phase: 'Running',
  stopped: false,
  readyReplicas: 1,
  replicas: 1,
  conditions: [],
  createdAt: '2026-12-04T21:00:00Z',
  inputs: {},
};

/** Answers every fetch with `status` and `body`, and keeps what was sent. */
function answerFetch(status: number, body: unknown): { method: string; url: string }[] {
  const sent: { method: string; url: string }[] = [];
  globalThis.fetch = (input: RequestInfo | URL, init?: RequestInit) => {
    const url = input instanceof Request ? input.url : input.toString();
    sent.push({ method: init?.method ?? 'GET', url });
    return Promise.resolve(new Response(JSON.stringify(body), { status }));
  };
  return sent;
}

const realFetch = globalThis.fetch;
afterEach(() => {
  globalThis.fetch = realFetch;
});

function actions(row: ServiceInstanceRow) {
  return (
    <QueryClientProvider client={newQueryClient()}>
      <MemoryRouter>
        <InstanceActions row={row} />
      </MemoryRouter>
    </QueryClientProvider>
  );
}

describe('InstanceActions', () => {
  it('offers what the state allows: a stopped instance can only start or go', () => {
    assert.deepEqual(availableActions(running), ['stop', 'restart', 'delete']);
    assert.deepEqual(availableActions({ ...running, phase: 'Starting' }), ['stop', 'delete']);
    assert.deepEqual(availableActions({ ...running, phase: 'Stopped', stopped: true }), ['start', 'delete']);
  });

  it('asks before stopping, sends nothing on Cancel, and says the outcome after confirming', async () => {
    const sent = answerFetch(200, { namespace: 'team-a', name: 'echo-1', message: 'Stopping echo-1.' });
    const view = await render(actions(running));
    await interact(() => button(view.container, 'Stop echo-1').click());
    const dialog = one(document.body, 'dialog');
    assert.equal(one(dialog, 'h2').textContent, 'Stop echo-1?');
    assert.match(dialog.textContent, /volumes and settings stay/);
    await interact(() => button(dialog, 'Cancel').click());
    assert.equal(document.body.querySelector('dialog'), null);
    assert.deepEqual(
      sent.filter((s) => s.method !== 'GET'),
      [],
    );

    await interact(() => button(view.container, 'Stop echo-1').click());
    await interact(() => button(one(document.body, 'dialog'), 'Stop instance').click());
    assert.deepEqual(
      sent.filter((s) => s.method !== 'GET'),
      [{ method: 'POST', url: '/api/v1/namespaces/team-a/service-instances/echo-1/stop' }],
    );
    assert.equal(document.body.querySelector('dialog'), null, 'the dialog closes');
    assert.match(one(view.container, '[role="status"]').textContent, /Stopping echo-1\./);
    await view.unmount();
  });

  it('starts a stopped instance at once, and shows a refusal with its hint', async () => {
    const sent = answerFetch(409, {
      code: 'CONFLICT',
      status: 409,
      message: 'echo-1 is being deleted.',
      hint: 'Start another one.',
    });
    const view = await render(actions({ ...running, phase: 'Stopped', stopped: true }));
    await interact(() => button(view.container, 'Start echo-1').click());
    assert.equal(document.body.querySelector('dialog'), null, 'start asks nothing');
    assert.deepEqual(sent.at(0), {
      method: 'POST',
      url: '/api/v1/namespaces/team-a/service-instances/echo-1/start',
    });
    assert.match(
      one(view.container, '.action-error').textContent,
      /echo-1 is being deleted\.Start another one\./,
    );
    await view.unmount();
  });
});
