// mallory's provider sends the group "system:masters". With a prefix it becomes the ordinary group
// "oidc:system:masters"; without one it is dropped. It never becomes Kubernetes' system:masters.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Me, NamespaceList } from '@argovue/api-types';
import { loginAs, type ApiClient } from '../support/api-client.ts';
import { startServer, type RunningServer } from '../support/server.ts';

describe('a provider group named like a Kubernetes system group', () => {
  let prefixed: RunningServer;
  let unprefixed: RunningServer;
  let mallory: ApiClient;
  let malloryUnprefixed: ApiClient;
  before(async () => {
    prefixed = await startServer();
    unprefixed = await startServer({ ARGOVUE_GROUP_PREFIX: '' });
    mallory = await loginAs(prefixed.url, 'mallory');
    malloryUnprefixed = await loginAs(unprefixed.url, 'mallory');
  });
  after(async () => {
    await prefixed.stop();
    await unprefixed.stop();
  });

  it('is shown as sent, and mapped to a group outside system:', async () => {
    const { body } = await mallory.json<Me>('/api/v1/me');
    assert.ok(body.providerGroups.includes('system:masters'));
    assert.deepEqual(body.kubernetesGroups, ['oidc:system:masters', 'oidc:team-b']);
  });

  it('is dropped when no prefix would make it harmless', async () => {
    const { body } = await malloryUnprefixed.json<Me>('/api/v1/me');
    assert.deepEqual(body.kubernetesGroups, ['team-b']);
  });

  it('gives no cluster-admin reach either way', async () => {
    for (const client of [mallory, malloryUnprefixed]) {
      const { body } = await client.json<NamespaceList>('/api/v1/namespaces');
      assert.ok(!body.items.some((ns) => ['kube-system', 'argovue-system', 'argo'].includes(ns.name)));
      assert.equal((await client.json('/api/v1/namespaces/kube-system')).status, 404);
    }
    const { body } = await mallory.json<NamespaceList>('/api/v1/namespaces');
    assert.deepEqual(
      body.items.map((ns) => ns.name),
      ['team-b'],
    );
  });
});
