// Pods whose log cannot be read are named in the interleaved logs, with why, instead of being left
// out as if they had written nothing. erin (in no team) is given a Role in team-a that may read the
// workflows and list their pods but not get pods/log: every pod's log is refused (403), and the
// interleaved log of the demo ETL names each of its three pods, with and without follow.
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { before, describe, it } from 'node:test';
import { eventually, rbac } from '../../devcluster/test/cluster.ts';
import { apiSuite } from '../support/suites.ts';

const logs = '/api/v1/namespaces/team-a/workflows/etl-2026-11-24-broken/logs/all';
const suffix = randomBytes(3).toString('hex');
const role = `workflows-but-no-logs-${suffix}`;
// extract, transform-a and transform-b ran (load was omitted): three pods.
const nodes = ['extract', 'transform-a', 'transform-b'];
const refused = (node: string) =>
  new RegExp(`^${node}: … \\[the log of pod \\S+ could not be read: you may not read pod logs here\\]$`, 'm');

describe('pods whose log cannot be read, in the interleaved logs', () => {
  const suite = apiSuite('erin');
  before(async () => {
    suite.afterwards(() => rbac.deleteNamespacedRole({ namespace: 'team-a', name: role }));
    suite.afterwards(() => rbac.deleteNamespacedRoleBinding({ namespace: 'team-a', name: role }));
    await rbac.createNamespacedRole({
      namespace: 'team-a',
      body: {
        metadata: { name: role },
        rules: [
          { apiGroups: ['argoproj.io'], resources: ['workflows'], verbs: ['get', 'list', 'watch'] },
          { apiGroups: [''], resources: ['pods'], verbs: ['get', 'list'] },
        ],
      },
    });
    await rbac.createNamespacedRoleBinding({
      namespace: 'team-a',
      body: {
        metadata: { name: role },
        roleRef: { apiGroup: 'rbac.authorization.k8s.io', kind: 'Role', name: role },
        subjects: [{ apiGroup: 'rbac.authorization.k8s.io', kind: 'User', name: 'oidc:erin@example.com' }],
      },
    });
    // The binding takes effect once the apiserver's RBAC informer has seen it: until then erin may
    // not list the pods, and the workflow answers as missing.
    await eventually(
      'erin’s access to team-a’s pods',
      async () => {
        const res = await suite.erin.fetch(logs);
        await res.arrayBuffer();
        return res.status === 200 ? true : undefined;
      },
      20_000,
    );
  });

  it('names every pod whose log was refused, and why', async () => {
    const res = await suite.erin.fetch(logs, { signal: AbortSignal.timeout(30_000) });
    assert.equal(res.status, 200);
    const text = await res.text();
    for (const node of nodes) assert.match(text, refused(node), text);
    // The apiserver's own words stay out.
    assert.doesNotMatch(text, /forbidden|cannot get resource/i);
  });

  it('says so while following, too', async () => {
    const res = await suite.erin.fetch(`${logs}?follow=true`, { signal: AbortSignal.timeout(30_000) });
    assert.equal(res.status, 200);
    const text = await res.text();
    for (const node of nodes) assert.match(text, refused(node), text);
  });
});
