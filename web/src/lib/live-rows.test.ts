import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { WorkflowRow } from '@argovue/api-types';
import { applyWorkflowChange, type LiveRows } from './live-rows.ts';
import { EMPTY_WORKFLOW_QUERY, type WorkflowQuery } from './workflow-query.ts';

function row(name: string, createdAt: string, extra: Partial<WorkflowRow> = {}): WorkflowRow {
  return { namespace: 'team-a', name, phase: 'Running', createdAt, labels: {}, ...extra };
}

const now = Date.parse('2026-11-25T12:00:00Z');
const newestFirst: WorkflowQuery = { ...EMPTY_WORKFLOW_QUERY };
const list: LiveRows = {
  rows: [
    row('c', '2026-11-25T03:00:00Z'),
    row('b', '2026-11-25T02:00:00Z'),
    row('a', '2026-11-25T01:00:00Z'),
  ],
  total: 3,
};
const names = (live: LiveRows) => live.rows.map((r) => r.name);
const complete = { now, complete: true };

describe('applyWorkflowChange', () => {
  it('inserts a new matching row in sort order and counts it', () => {
    const next = applyWorkflowChange(
      list,
      { type: 'upsert', row: row('new', '2026-11-25T02:30:00Z') },
      newestFirst,
      complete,
    );
    assert.deepEqual(names(next), ['c', 'new', 'b', 'a']);
    assert.equal(next.total, 4);
  });

  it('replaces an existing row in place and keeps the total', () => {
    const next = applyWorkflowChange(
      list,
      { type: 'upsert', row: row('b', '2026-11-25T02:00:00Z', { phase: 'Succeeded' }) },
      newestFirst,
      complete,
    );
    assert.deepEqual(names(next), ['c', 'b', 'a']);
    assert.equal(next.rows[1]?.phase, 'Succeeded');
    assert.equal(next.total, 3);
  });

  it('moves a row whose sort key changed', () => {
    const next = applyWorkflowChange(
      list,
      { type: 'upsert', row: row('a', '2026-11-25T04:00:00Z') },
      newestFirst,
      complete,
    );
    assert.deepEqual(names(next), ['a', 'c', 'b']);
  });

  it('removes a row that no longer matches the filters', () => {
    const running: WorkflowQuery = { ...newestFirst, phases: ['Running'] };
    const next = applyWorkflowChange(
      list,
      { type: 'upsert', row: row('b', '2026-11-25T02:00:00Z', { phase: 'Failed' }) },
      running,
      complete,
    );
    assert.deepEqual(names(next), ['c', 'a']);
    assert.equal(next.total, 2);
  });

  it('ignores a new row that does not match, returning the same object', () => {
    const next = applyWorkflowChange(
      list,
      { type: 'upsert', row: row('other', '2026-11-25T05:00:00Z', { namespace: 'team-b' }) },
      { ...newestFirst, namespace: 'team-a' },
      complete,
    );
    assert.equal(next, list);
  });

  it('matches the name filter case-insensitively', () => {
    const next = applyWorkflowChange(
      list,
      { type: 'upsert', row: row('ETL-x', '2026-11-25T05:00:00Z') },
      { ...newestFirst, q: 'etl' },
      complete,
    );
    assert.deepEqual(names(next).slice(0, 1), ['ETL-x']);
  });

  it('never changes a row from the archive: a live change of the same name is another row', () => {
    const withArchived: LiveRows = {
      rows: [...list.rows, row('old', '2026-11-24T01:00:00Z', { archivedUid: 'u1', phase: 'Succeeded' })],
      total: 4,
    };
    const deleted = applyWorkflowChange(
      withArchived,
      { type: 'delete', ref: { namespace: 'team-a', name: 'old' } },
      newestFirst,
      complete,
    );
    assert.equal(deleted, withArchived);
    const upserted = applyWorkflowChange(
      withArchived,
      { type: 'upsert', row: row('old', '2026-11-25T04:00:00Z') },
      newestFirst,
      complete,
    );
    assert.deepEqual(names(upserted), ['old', 'c', 'b', 'a', 'old']);
    assert.equal(upserted.rows.at(-1)?.archivedUid, 'u1');
  });

  it('deletes a row, and ignores the delete of a row it does not show', () => {
    const next = applyWorkflowChange(
      list,
      { type: 'delete', ref: { namespace: 'team-a', name: 'c' } },
      newestFirst,
      complete,
    );
    assert.deepEqual(names(next), ['b', 'a']);
    assert.equal(next.total, 2);
    const same = applyWorkflowChange(
      list,
      { type: 'delete', ref: { namespace: 'team-b', name: 'c' } },
      newestFirst,
      complete,
    );
    assert.equal(same, list);
  });

  it('sorts by name with namespace first, as the server does', () => {
    const byName: WorkflowQuery = { ...newestFirst, sort: 'name' };
    const sorted: LiveRows = { rows: [row('a', 'x'), row('b', 'x'), row('c', 'x')], total: 3 };
    const next = applyWorkflowChange(sorted, { type: 'upsert', row: row('bb', 'x') }, byName, complete);
    assert.deepEqual(names(next), ['a', 'b', 'bb', 'c']);
  });

  it('leaves a row past the loaded page for a later page, but counts it', () => {
    const next = applyWorkflowChange(
      list,
      { type: 'upsert', row: row('old', '2026-11-24T00:00:00Z') },
      newestFirst,
      { now, complete: false },
    );
    assert.deepEqual(names(next), ['c', 'b', 'a']);
    assert.equal(next.total, 4);
  });
});
