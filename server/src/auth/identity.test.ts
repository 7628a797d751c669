import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  defaultReservedPrefixes,
  isReservedKubernetesName,
  mapIdentity,
  type IdentityMapping,
} from './identity.ts';

const mapping: IdentityMapping = {
  usernameClaim: 'email',
  groupsClaim: 'groups',
  usernamePrefix: 'oidc:',
  groupPrefix: 'oidc:',
  groupMap: { 'Data Platform Admins': ['platform-admins'], 'Ops Masters': ['system:masters'] },
  reservedPrefixes: defaultReservedPrefixes,
};

function mapped(claims: Record<string, unknown>, with_: Partial<IdentityMapping> = {}) {
  const result = mapIdentity(claims, { ...mapping, ...with_ });
  assert.ok(result.ok, result.ok ? '' : result.reason);
  return result.user;
}

describe('mapping provider identities to Kubernetes', () => {
  it('prefixes the user name and groups', () => {
    const user = mapped({ email: 'alice@example.com', groups: ['team-a'], name: 'Alice' });
    assert.equal(user.username, 'oidc:alice@example.com');
    assert.deepEqual(user.groups, ['oidc:team-a']);
    assert.deepEqual(user.providerGroups, ['team-a']);
    assert.equal(user.name, 'Alice');
  });

  it('maps listed groups explicitly and prefixes the rest', () => {
    const user = mapped({ email: 'a@example.com', groups: ['Data Platform Admins', 'team-a'] });
    assert.deepEqual(user.groups, ['oidc:team-a', 'platform-admins']);
  });

  it('never turns a provider group into a Kubernetes system group, even without a prefix', () => {
    const user = mapped(
      { email: 'm@example.com', groups: ['system:masters', 'SYSTEM:nodes', 'team-b'] },
      { groupPrefix: '' },
    );
    assert.deepEqual(user.groups, ['team-b']);
  });

  it('ignores an explicit map entry that targets a system group', () => {
    const user = mapped({ email: 'o@example.com', groups: ['Ops Masters'] });
    assert.deepEqual(user.groups, []);
  });

  it('refuses a user name that would be a system name', () => {
    const result = mapIdentity({ email: 'system:admin' }, { ...mapping, usernamePrefix: '' });
    assert.equal(result.ok, false);
  });

  it('refuses a login without the user name claim', () => {
    const result = mapIdentity({ sub: '123', groups: [] }, mapping);
    assert.ok(!result.ok);
    assert.match(result.reason, /"email"/);
  });

  it('refuses a groups claim that is not a list of strings', () => {
    assert.equal(mapIdentity({ email: 'a@example.com', groups: 'team-a' }, mapping).ok, false);
    assert.equal(mapIdentity({ email: 'a@example.com', groups: [1, 2] }, mapping).ok, false);
  });

  it('accepts a user with no groups', () => {
    assert.deepEqual(mapped({ email: 'erin@example.com' }).groups, []);
  });

  it('keeps 300 groups', () => {
    const groups = Array.from({ length: 300 }, (_, i) => `guild-${String(i).padStart(4, '0')}`);
    assert.equal(mapped({ email: 'g@example.com', groups }).groups.length, 300);
  });

  it('drops a provider group such as kubeadm:cluster-admins when the group prefix is empty', () => {
    const user = mapped(
      { email: 'k@example.com', groups: ['kubeadm:cluster-admins', 'KubeAdm:x', 'team-a'] },
      { groupPrefix: '' },
    );
    assert.deepEqual(user.groups, ['team-a']);
  });

  it('refuses the reserved prefixes it is configured with, and system: always', () => {
    const user = mapped(
      { email: 'c@example.com', groups: ['corp-admins:all', 'system:masters', 'kubeadm:x', 'team-a'] },
      { groupPrefix: '', reservedPrefixes: ['corp-admins:'] },
    );
    assert.deepEqual(user.groups, ['kubeadm:x', 'team-a']);
    assert.equal(isReservedKubernetesName('System:Masters', []), true);
  });

  it('refuses an email the provider says it has not verified', () => {
    for (const unverified of [false, 'false']) {
      const result = mapIdentity({ email: 'ceo@example.com', email_verified: unverified }, mapping);
      assert.ok(!result.ok);
      assert.match(result.reason, /not verified your email/);
    }
    assert.equal(mapped({ email: 'a@example.com', email_verified: true }).username, 'oidc:a@example.com');
    assert.equal(mapped({ email: 'a@example.com', email_verified: 'true' }).username, 'oidc:a@example.com');
  });

  it('does not look at email_verified when the user name comes from another claim', () => {
    const user = mapped(
      { sub: 'u-1', email: 'x@example.com', email_verified: false },
      { usernameClaim: 'sub' },
    );
    assert.equal(user.username, 'oidc:u-1');
  });
});
