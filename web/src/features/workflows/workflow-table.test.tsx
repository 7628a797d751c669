import '../../testing/dom.ts';
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { WorkflowRow } from '@argovue/api-types';
import { MemoryRouter } from 'react-router';
import type { SortColumn, WorkflowSort } from '../../lib/workflow-query.ts';
import { button, interact, one, render } from '../../testing/dom.ts';
import { WorkflowTable } from './workflow-table.tsx';

function row(name: string, phase: WorkflowRow['phase']): WorkflowRow {
  return { namespace: 'team-a', name, phase, createdAt: '2026-11-24T10:00:00Z', labels: {} };
}

function table(rows: WorkflowRow[], sort: WorkflowSort, onSort: (column: SortColumn) => void) {
  return (
    <MemoryRouter>
      <WorkflowTable rows={rows} sort={sort} onSort={onSort} onNearEnd={() => undefined} />
    </MemoryRouter>
  );
}

describe('WorkflowTable', () => {
  it('links each row to its workflow page, with its phase', async () => {
    const view = await render(
      table([row('etl-1', 'Running'), row('etl 2', 'Failed')], '-createdAt', () => undefined),
    );
    const links = [...view.container.querySelectorAll('td a')].map((a) => [
      a.textContent,
      a.getAttribute('href'),
    ]);
    assert.deepEqual(links, [
      ['etl-1', '/workflows/team-a/etl-1'],
      ['etl 2', '/workflows/team-a/etl%202'],
    ]);
    assert.match(one(view.container, 'tbody').textContent, /Running[\s\S]*Failed/);
    await view.unmount();
  });

  it('marks the sorted column and asks for another sort when a header is clicked', async () => {
    const asked: SortColumn[] = [];
    const view = await render(table([row('etl-1', 'Running')], '-createdAt', (column) => asked.push(column)));
    const sorted = [...view.container.querySelectorAll('th[aria-sort]')]
      .filter((th) => th.getAttribute('aria-sort') !== 'none')
      .map((th) => [th.textContent, th.getAttribute('aria-sort')]);
    assert.equal(sorted.length, 1);
    assert.equal(sorted[0]?.[1], 'descending');
    await interact(() => button(view.container, 'Name').click());
    assert.deepEqual(asked, ['name']);
    await view.unmount();
  });
});
