import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { NamespaceSummary } from '@argovue/api-types';
import { groupNamespacesByProject } from './namespace-groups.ts';

function ns(name: string, project?: string): NamespaceSummary {
  return { name, ...(project === undefined ? {} : { project }), quota: [], workflows: null, members: null };
}

function shape(items: NamespaceSummary[]) {
  return groupNamespacesByProject(items).map((g) => [g.project, g.namespaces.map((n) => n.name)]);
}

describe('groupNamespacesByProject', () => {
  it('groups namespaces by project and sorts projects and namespaces by name', () => {
    assert.deepEqual(shape([ns('etl', 'p-b'), ns('ml', 'p-a'), ns('bi', 'p-b'), ns('ai', 'p-a')]), [
      ['p-a', ['ai', 'ml']],
      ['p-b', ['bi', 'etl']],
    ]);
  });

  it('puts namespaces in no project in their own group, last', () => {
    assert.deepEqual(shape([ns('sandbox'), ns('etl', 'p-b'), ns('scratch', '')]), [
      ['p-b', ['etl']],
      [null, ['sandbox', 'scratch']],
    ]);
  });

  it('sorts numbers in names by value', () => {
    assert.deepEqual(shape([ns('team-10'), ns('team-2'), ns('team-1')]), [
      [null, ['team-1', 'team-2', 'team-10']],
    ]);
  });

  it('returns no groups for no namespaces', () => {
    assert.deepEqual(groupNamespacesByProject([]), []);
  });

  it('does not reorder the list it was given', () => {
    const items = [ns('b'), ns('a')];
    groupNamespacesByProject(items);
    assert.deepEqual(
      items.map((n) => n.name),
      ['b', 'a'],
    );
  });
});
