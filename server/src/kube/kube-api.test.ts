import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { impersonationHeaders } from './kube-api.ts';

describe('impersonationHeaders', () => {
  it('sends one Impersonate-Group line per group', () => {
    assert.deepEqual(impersonationHeaders({ username: 'oidc:a@example.com', groups: ['oidc:a', 'oidc:b'] }), [
      'Impersonate-User',
      'oidc:a@example.com',
      'Impersonate-Group',
      'oidc:a',
      'Impersonate-Group',
      'oidc:b',
    ]);
  });

  it('never sends a reserved group, system: or kubeadm: by default, or one configured', () => {
    const headers = impersonationHeaders(
      { username: 'u', groups: ['system:masters', 'kubeadm:cluster-admins', 'corp:root', 'team'] },
      ['kubeadm:', 'corp:'],
    );
    assert.deepEqual(headers, ['Impersonate-User', 'u', 'Impersonate-Group', 'team']);
    assert.deepEqual(impersonationHeaders({ username: 'u', groups: ['kubeadm:cluster-admins'] }), [
      'Impersonate-User',
      'u',
    ]);
  });

  it('refuses to impersonate a reserved or empty user name', () => {
    for (const username of ['', 'system:admin', 'kubeadm:x', 'System:Kube-Controller-Manager'])
      assert.throws(() => impersonationHeaders({ username, groups: [] }), username);
  });
});
