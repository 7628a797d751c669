// Bad input to the services API, each refused with INPUT_INVALID (or the one not-found answer) before
// anything is created: inputs of the wrong type, out of bounds, a megabyte long, YAML or `{{ }}` in a
// string where the template's pattern does not allow it, unknown inputs and fields; a template that
// does not exist, or one alice may not read (team-b's); another team's instance answers exactly like
// a missing one; alice is refused in team-b at every step. Nothing new appears in team-a.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { ApiError, ServiceInstanceList } from '@argovue/api-types';
import { loginAs, type ApiClient } from '../support/api-client.ts';
import { startServer, type RunningServer } from '../support/server.ts';

const create = '/api/v1/namespaces/team-a/service-instances';

describe('bad input to the services API', () => {
  let server: RunningServer;
  let alice: ApiClient;
  let bob: ApiClient;
  let before_: number;
  const count = async () =>
    (await alice.json<ServiceInstanceList>('/api/v1/service-instances?namespace=team-a')).body.items.length;

  before(async () => {
    server = await startServer();
    alice = await loginAs(server.url, 'alice');
    bob = await loginAs(server.url, 'bob');
    before_ = await count();
  });
  after(async () => {
    assert.equal(await count(), before_, 'no instance was created by a refused request');
    await server.stop();
  });

  const refused = async (body: unknown, code: ApiError['code'] = 'INPUT_INVALID') => {
    const res = await alice.send<ApiError>('POST', create, body);
    assert.equal(res.body.code, code, JSON.stringify(res.body).slice(0, 300));
    return res.body;
  };

  it('wrong types: a number as text, text as a number, a boolean as text, an object, an array', async () => {
    await refused({ template: { name: 'echo' }, inputs: { replicas: '2' } });
    await refused({ template: { name: 'echo' }, inputs: { greeting: 5 } });
    await refused({ template: { name: 'notebook' }, inputs: { debug: 'true' } });
    await refused({ template: { name: 'echo' }, inputs: { greeting: { $ne: 1 } } });
    await refused({ template: { name: 'echo' }, inputs: { greeting: ['a'] } });
  });

  it('out of bounds: below the minimum, above the maximum, not whole, not an option', async () => {
    await refused({ template: { name: 'echo' }, inputs: { replicas: 0 } });
    await refused({ template: { name: 'echo' }, inputs: { replicas: 4 } });
    await refused({ template: { name: 'echo' }, inputs: { replicas: 1.5 } });
    await refused({ template: { name: 'notebook' }, inputs: { cpu: '64' } });
  });

  it('a 1 MB string is refused (the body limit is 1 MiB; the input’s own limit is 60)', async () => {
    await refused({ template: { name: 'echo' }, inputs: { greeting: 'x'.repeat(1_000_000) } });
  });

  it('YAML and template syntax in a string are refused by the input’s pattern, never pasted anywhere', async () => {
    await refused({
      template: { name: 'echo' },
      inputs: { greeting: 'hi\nsecurityContext: {privileged: true}' },
    });
    await refused({ template: { name: 'echo' }, inputs: { greeting: '{{ .Values.secret }}' } });
    await refused({ template: { name: 'echo' }, inputs: { greeting: '${HOME}' } });
  });

  it('unknown inputs, fields of objects and bad names are refused', async () => {
    await refused({ template: { name: 'echo' }, inputs: { image: 'evil:latest' } });
    await refused({ template: { name: 'echo' }, spec: { stopped: false } });
    await refused({ template: { name: 'echo', kind: 'Deployment' } });
    await refused({ name: 'Not_A_Name', template: { name: 'echo' } });
    await refused({ name: 'x'.repeat(41), template: { name: 'echo' } });
    await refused({ template: { name: '../../secrets' } });
  });

  it('a template that does not exist and one alice may not read answer alike', async () => {
    const missing = await refused({ template: { name: 'no-such-template' } }, 'NOT_FOUND');
    const cluster = await refused({ template: { name: 'no-such-template', cluster: true } }, 'NOT_FOUND');
    assert.equal(missing.status, 404);
    assert.equal(cluster.status, 404);
    const template = await alice.json<ApiError>(
      '/api/v1/namespaces/team-a/service-templates/no-such-template',
    );
    assert.equal(template.body.code, 'NOT_FOUND');
  });

  it('another team’s instance answers exactly like a missing one, at every route', async () => {
    const created = await bob.send<{ name: string }>('POST', '/api/v1/namespaces/team-b/service-instances', {
      template: { name: 'echo' },
    });
    assert.equal(created.status, 201, JSON.stringify(created.body));
    const theirs = `/api/v1/namespaces/team-b/service-instances/${created.body.name}`;
    const nobody = '/api/v1/namespaces/team-b/service-instances/no-such-instance';
    try {
      for (const [method, suffix] of [
        ['GET', ''],
        ['GET', '/logs'],
        ['POST', '/stop'],
        ['POST', '/start'],
        ['POST', '/restart'],
        ['DELETE', ''],
      ] as const) {
        const a = await alice.send<ApiError>(method, `${theirs}${suffix}`);
        const b = await alice.send<ApiError>(method, `${nobody}${suffix}`);
        assert.equal(a.status, 404, `${method} ${suffix}`);
        assert.deepEqual(
          { ...a.body, message: a.body.message.replace(created.body.name, 'X') },
          { ...b.body, message: b.body.message.replace('no-such-instance', 'X') },
          `${method} ${suffix}`,
        );
      }
    } finally {
      await bob.send('DELETE', theirs);
    }
  });

  it('alice is refused in team-b at every step: catalogue, template, list, create', async () => {
    for (const path of [
      '/api/v1/namespaces/team-b/service-templates',
      '/api/v1/namespaces/team-b/service-templates/echo',
      '/api/v1/service-instances?namespace=team-b',
    ]) {
      const res = await alice.json<ApiError>(path);
      assert.equal(res.status, 404, path);
      assert.equal(res.body.code, 'NOT_FOUND', path);
    }
    const res = await alice.send<ApiError>('POST', '/api/v1/namespaces/team-b/service-instances', {
      template: { name: 'echo' },
    });
    assert.equal(res.body.code, 'NOT_FOUND');
    const all = await alice.json<ServiceInstanceList>('/api/v1/service-instances');
    assert.ok(all.body.items.every((i) => i.namespace === 'team-a'));
  });
});
