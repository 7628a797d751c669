import '../../../testing/dom.ts';
import assert from 'node:assert/strict';
import { afterEach, describe, it } from 'node:test';
import type { WorkflowTemplateSummary } from '@argovue/api-types';
import { MemoryRouter } from 'react-router';
import { button, interact, one, render, typeInto } from '../../../testing/dom.ts';
import { SubmitWorkflowForm } from './submit-workflow-form.tsx';

const template: WorkflowTemplateSummary = {
  name: 'etl-pipeline',
  cluster: false,
  parameters: [
    { name: 'date', description: 'Day to process' },
    { name: 'mode', value: 'full', enum: ['full', 'incremental'] },
  ],
};

/** Answers every fetch with `status` and `body`, and keeps what was sent. */
function answerFetch(status: number, body: unknown): { url: string; body: unknown }[] {
  const sent: { url: string; body: unknown }[] = [];
  globalThis.fetch = (input: RequestInfo | URL, init?: RequestInit) => {
    const url = input instanceof Request ? input.url : input.toString();
    sent.push({ url, body: typeof init?.body === 'string' ? (JSON.parse(init.body) as unknown) : null });
    return Promise.resolve(new Response(JSON.stringify(body), { status }));
  };
  return sent;
}

const realFetch = globalThis.fetch;
afterEach(() => {
  globalThis.fetch = realFetch;
});

function form() {
  return (
    <MemoryRouter>
      <SubmitWorkflowForm namespace="team-a" template={template} />
    </MemoryRouter>
  );
}

describe('SubmitWorkflowForm', () => {
  it('names a parameter without a value and sends nothing', async () => {
    const sent = answerFetch(200, {});
    const view = await render(form());
    await interact(() => button(view.container, 'Submit in team-a').click());
    assert.match(one(view.container, '[role="alert"]').textContent, /One parameter needs a fix/);
    const date = one<HTMLInputElement>(view.container, 'input[type="text"]');
    assert.equal(date.getAttribute('aria-invalid'), 'true');
    assert.match(view.container.textContent, /Give date a value: the template has no default\./);
    assert.deepEqual(sent, []);
    await view.unmount();
  });

  it('sends the template and every parameter, and shows a refusal with its hint', async () => {
    const sent = answerFetch(403, {
      code: 'FORBIDDEN',
      status: 403,
      message: 'You may not submit workflows in team-a.',
      hint: 'Ask for the argovue-user role.',
    });
    const view = await render(form());
    await interact(() => typeInto(one<HTMLInputElement>(view.container, 'input[type="text"]'), '2026-11-24'));
    await interact(() => button(view.container, 'Submit in team-a').click());
    assert.deepEqual(sent, [
      {
        url: '/api/v1/namespaces/team-a/workflows',
        body: {
          template: { name: 'etl-pipeline' },
          parameters: { date: '2026-11-24', mode: 'full' },
        },
      },
    ]);
    const alert = one(view.container, '.action-error');
    assert.match(alert.textContent, /You may not submit workflows in team-a\./);
    assert.match(alert.textContent, /Ask for the argovue-user role\./);
    assert.equal(button(view.container, 'Submit in team-a').disabled, false, 'the form can be sent again');
    await view.unmount();
  });
});
