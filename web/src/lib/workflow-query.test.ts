import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  EMPTY_WORKFLOW_QUERY,
  isFiltered,
  nextSort,
  paramsFromWorkflowQuery,
  togglePhase,
  workflowListPath,
  workflowQueryFromParams,
} from './workflow-query.ts';

describe('workflow query ⇄ URL', () => {
  it('reads an empty URL as the default query and writes it back as an empty URL', () => {
    const query = workflowQueryFromParams(new URLSearchParams(''));
    assert.deepEqual(query, EMPTY_WORKFLOW_QUERY);
    assert.equal(paramsFromWorkflowQuery(query).toString(), '');
  });

  it('round-trips every filter', () => {
    const params = new URLSearchParams(
      'phase=Running,Failed&namespace=team-a&q=etl&template=etl-pipeline&sort=name',
    );
    const query = workflowQueryFromParams(params);
    assert.deepEqual(query.phases, ['Running', 'Failed']);
    assert.equal(query.namespace, 'team-a');
    assert.equal(
      paramsFromWorkflowQuery(query).toString(),
      'phase=Running%2CFailed&namespace=team-a&q=etl&template=etl-pipeline&sort=name',
    );
    assert.deepEqual(workflowQueryFromParams(paramsFromWorkflowQuery(query)), query);
  });

  it('drops unknown phases and sorts instead of failing on an old link', () => {
    const query = workflowQueryFromParams(new URLSearchParams('phase=Failed,Exploded,Failed&sort=size'));
    assert.deepEqual(query.phases, ['Failed']);
    assert.equal(query.sort, '-createdAt');
  });

  it('toggles a phase on and off, keeping display order', () => {
    const on = togglePhase(togglePhase(EMPTY_WORKFLOW_QUERY, 'Failed'), 'Running');
    assert.deepEqual(on.phases, ['Running', 'Failed']);
    assert.deepEqual(togglePhase(on, 'Running').phases, ['Failed']);
    assert.equal(isFiltered(on), true);
    assert.equal(isFiltered({ ...EMPTY_WORKFLOW_QUERY, sort: 'name' }), false);
  });
});

describe('sorting by column', () => {
  it('flips the direction of the same column and starts a new column at its natural order', () => {
    assert.equal(nextSort('-createdAt', 'createdAt'), 'createdAt');
    assert.equal(nextSort('createdAt', 'createdAt'), '-createdAt');
    assert.equal(nextSort('-createdAt', 'name'), 'name');
    assert.equal(nextSort('name', 'name'), '-name');
    assert.equal(nextSort('name', 'duration'), '-duration');
  });
});

describe('workflowListPath', () => {
  it('asks all namespaces with the filters, the sort and the page size', () => {
    const path = workflowListPath({ ...EMPTY_WORKFLOW_QUERY, phases: ['Failed'], q: ' etl ' });
    assert.equal(path, '/api/v1/workflows?phase=Failed&q=etl&sort=-createdAt&limit=1000');
  });

  it('asks one namespace and passes the continue token, in the larger later pages', () => {
    const path = workflowListPath({ ...EMPTY_WORKFLOW_QUERY, namespace: 'team-a' }, 'abc=');
    assert.equal(path, '/api/v1/namespaces/team-a/workflows?sort=-createdAt&limit=5000&continue=abc%3D');
  });
});
