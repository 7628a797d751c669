import '../../testing/dom.ts';
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { QuotaResource } from '@argovue/api-types';
import type { FitTemplate } from '@argovue/api-types/service-fit';
import { ApiCallError } from '../../api/client.ts';
import { button, interact, one, render, typeInto } from '../../testing/dom.ts';
import { type StartableTemplate, type StartRequest, StartServiceForm } from './start-service-form.tsx';

const template: StartableTemplate = {
  name: 'echo',
  title: 'Echo app',
  inputs: [
    {
      name: 'greeting',
      type: 'string',
      title: 'Greeting',
      maxLength: 40,
      pattern: '^[A-Za-z ,!]*$',
      default: 'Hello',
    },
    { name: 'replicas', type: 'number', integer: true, minimum: 1, maximum: 3, default: 1, required: true },
    { name: 'gpus', type: 'number', integer: true, minimum: 0, maximum: 8, default: 0, required: true },
    { name: 'verbose', type: 'boolean', help: 'Log every request' },
    { name: 'size', type: 'enum', options: ['small', 'large'], default: 'small', required: true },
  ],
};

const workload: FitTemplate = {
  inputs: [
    { name: 'replicas', type: 'number', fills: [{ replicas: {} }] },
    {
      name: 'gpus',
      type: 'number',
      fills: [{ resource: { container: 'app', name: 'nvidia.com/gpu', in: 'limits' } }],
    },
  ],
  workload: {
    deployment: {
      template: {
        spec: { containers: [{ name: 'app', resources: { requests: { cpu: '250m', memory: '128Mi' } } }] },
      },
    },
  },
};

const quota: QuotaResource[] = [
  { resource: 'requests.cpu', used: '15', hard: '16', usedValue: 15, hardValue: 16 },
  { resource: 'requests.nvidia.com/gpu', used: '8', hard: '8', usedValue: 8, hardValue: 8 },
];

function byId<T extends HTMLElement = HTMLElement>(id: string): T {
  const found = document.getElementById(id);
  if (found === null) throw new Error(`no element #${id}`);
  return found as T;
}

function field(container: HTMLElement, label: string): HTMLInputElement {
  const found = [...container.querySelectorAll('label')].find((l) => l.textContent.startsWith(label));
  if (found === undefined) throw new Error(`no field ${label}`);
  return byId<HTMLInputElement>(found.htmlFor);
}

async function renderForm(onStart: (request: StartRequest) => Promise<void>) {
  return render(
    <StartServiceForm
      namespace="team-a"
      template={template}
      workload={workload}
      quota={quota}
      onStart={onStart}
    />,
  );
}

describe('StartServiceForm', () => {
  it('shows each wrong field with what it must be, and sends nothing', async () => {
    const sent: StartRequest[] = [];
    const view = await renderForm((request) => {
      sent.push(request);
      return Promise.resolve();
    });
    await interact(() => typeInto(field(view.container, 'replicas'), '9'));
    await interact(() => typeInto(field(view.container, 'Greeting'), '{{ .Values.evil }}'));
    await interact(() => button(view.container, 'Start in team-a').click());
    assert.match(one(view.container, '[role="alert"]').textContent, /2 fields need a fix/);
    assert.equal(field(view.container, 'replicas').getAttribute('aria-invalid'), 'true');
    assert.match(view.container.textContent, /replicas must be at most 3\./);
    assert.match(view.container.textContent, /Greeting must match \^\[A-Za-z ,!\]\*\$\./);
    const problem = field(view.container, 'Greeting').getAttribute('aria-describedby') ?? '';
    assert.match(byId(problem.split(' ').at(-1) ?? '').textContent, /must match/);
    assert.equal(field(view.container, 'gpus').getAttribute('aria-invalid'), 'false');
    assert.deepEqual(sent, []);
    await view.unmount();
  });

  it('sends typed values that pass, and shows the server’s refusal with its hint', async () => {
    const sent: StartRequest[] = [];
    const view = await renderForm((request) => {
      sent.push(request);
      return Promise.reject(
        new ApiCallError({
          code: 'CONFLICT',
          status: 409,
          message: 'echo-1 exists already.',
          hint: 'Choose another name.',
        }),
      );
    });
    await interact(() => typeInto(field(view.container, 'Instance name'), 'echo-1'));
    await interact(() => typeInto(field(view.container, 'replicas'), '2'));
    await interact(() => field(view.container, 'verbose').click());
    await interact(() => button(view.container, 'Start in team-a').click());
    assert.deepEqual(sent, [
      { name: 'echo-1', inputs: { greeting: 'Hello', replicas: 2, gpus: 0, verbose: true, size: 'small' } },
    ]);
    assert.match(
      one(view.container, '.action-error').textContent,
      /echo-1 exists already\.Choose another name\./,
    );
    assert.equal(button(view.container, 'Start in team-a').disabled, false, 'the form can be sent again');
    await view.unmount();
  });

  it('refuses an instance that cannot fit the quota, with the reason, before sending', async () => {
    const sent: StartRequest[] = [];
    const view = await renderForm((request) => {
      sent.push(request);
      return Promise.resolve();
    });
    assert.match(one(view.container, '.quota-fit').textContent, /It fits in what is left\./);
    await interact(() => typeInto(field(view.container, 'gpus'), '1'));
    const status = one(view.container, '.quota-fit [role="status"]').textContent;
    assert.match(status, /Needs 1 GPU: team-a's quota has 0 of 8 GPUs left\./);
    await interact(() => typeInto(field(view.container, 'replicas'), '3'));
    assert.match(
      one(view.container, '.quota-fit [role="status"]').textContent,
      /:Needs 3 GPUs: team-a's quota has 0 of 8 GPUs left\.Ask/,
      'three replicas ask three times: the GPUs do not fit, the CPU (0.75 of 1 core left) does',
    );
    await interact(() => button(view.container, 'Start in team-a').click());
    assert.match(
      one(view.container, '.quota-refusal-focus').textContent,
      /Not started: it does not fit in team-a’s quota\. Needs 3 GPUs/,
    );
    assert.deepEqual(sent, []);
    await view.unmount();
  });
});
