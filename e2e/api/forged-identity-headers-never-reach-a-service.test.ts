// A service behind the proxy trusts X-ArgoVue-User/-Email/-Groups to say who the user is, and may
// trust X-Forwarded-*: a client must not be able to send its own. Whatever a client claims in them
// (or in X-Forwarded-User, X-Remote-User, Impersonate-*, Forwarded, in any letter case, repeated),
// the service sees only what the proxy set: the signed-in user, and the address the proxy saw.
import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import { serviceProxyFixture, type ServiceBrowser } from '../support/service-proxy.ts';

describe('forged identity headers', () => {
  const fixture = serviceProxyFixture('proxy-forged');
  let dave: ServiceBrowser;
  before(async () => {
    await fixture.startInstance('echo');
    // dave is in team-a (may open it), and not an administrator of anything.
    dave = await fixture.browserAs('dave', 'echo');
  });

  it('never reach the service: it sees the signed-in user and the proxy’s facts', async () => {
    const { status, seen } = await dave.echo({
      headers: {
        'X-ArgoVue-User': 'oidc:alice@example.com',
        'x-argovue-email': 'alice@example.com',
        'X-ARGOVUE-GROUPS': 'system:masters',
        'X-Forwarded-User': 'admin',
        'X-Forwarded-Email': 'admin@example.com',
        'X-Forwarded-Groups': 'system:masters',
        'X-Forwarded-For': '6.6.6.6',
        'X-Forwarded-Host': 'evil.example',
        'X-Forwarded-Proto': 'https',
        Forwarded: 'for=6.6.6.6;host=evil.example;proto=https',
        'X-Real-IP': '6.6.6.6',
        'X-Remote-User': 'admin',
        'X-Remote-Group': 'system:masters',
        'Impersonate-User': 'admin',
        'X-Auth-Request-User': 'admin',
        'Remote-User': 'admin',
      },
    });
    assert.equal(status, 200);
    assert.equal(seen['x-argovue-user'], 'oidc:dave@example.com');
    assert.equal(seen['x-argovue-email'], 'dave@example.com');
    assert.ok(!String(seen['x-argovue-groups']).includes('system:'));
    assert.equal(seen['x-forwarded-for'], '127.0.0.1');
    assert.equal(seen['x-forwarded-host'], dave.host);
    assert.equal(seen['x-forwarded-proto'], 'http');
    for (const name of [
      'x-forwarded-user',
      'x-forwarded-email',
      'x-forwarded-groups',
      'forwarded',
      'x-real-ip',
      'x-remote-user',
      'x-remote-group',
      'impersonate-user',
      'x-auth-request-user',
      'remote-user',
    ])
      assert.equal(seen[name], undefined, name);
  });

  it('are dropped when repeated too', async () => {
    const { seen } = await dave.echo({
      headers: { 'X-ArgoVue-User': ['admin', 'root'], 'X-Forwarded-For': ['6.6.6.6', '7.7.7.7'] },
    });
    assert.equal(seen['x-argovue-user'], 'oidc:dave@example.com');
    assert.equal(seen['x-forwarded-for'], '127.0.0.1');
  });
});
