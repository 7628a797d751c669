import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { NamespaceMember } from '@argovue/api-types';
import { countMembers, sortMembers } from './namespace-members.ts';

const members: NamespaceMember[] = [
  { kind: 'ServiceAccount', name: 'argo-workflow', role: 'argo-executor' },
  { kind: 'User', name: 'ada', role: 'argovue-user' },
  { kind: 'Group', name: 'oidc:team-a-developers', role: 'argovue-developer' },
  { kind: 'Group', name: 'oidc:team-a', role: 'argovue-user' },
  { kind: 'User', name: 'ada', role: 'argovue-developer' },
];

describe('countMembers', () => {
  it('counts a subject bound to two roles once', () => {
    assert.equal(countMembers(members), 4);
  });

  it('counts a user and a group of the same name apart', () => {
    assert.equal(
      countMembers([
        { kind: 'User', name: 'data', role: 'r' },
        { kind: 'Group', name: 'data', role: 'r' },
      ]),
      2,
    );
  });
});

describe('sortMembers', () => {
  it('puts groups first, then users, then service accounts, each by name and role', () => {
    assert.deepEqual(
      sortMembers(members).map((m) => `${m.kind}/${m.name}/${m.role}`),
      [
        'Group/oidc:team-a/argovue-user',
        'Group/oidc:team-a-developers/argovue-developer',
        'User/ada/argovue-developer',
        'User/ada/argovue-user',
        'ServiceAccount/argo-workflow/argo-executor',
      ],
    );
  });
});
