import '../../testing/dom.ts';
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { EMPTY_WORKFLOW_QUERY, type WorkflowQuery } from '../../lib/workflow-query.ts';
import { button, interact, one, press, render, typeInto } from '../../testing/dom.ts';
import { WorkflowFilters } from './workflow-filters.tsx';

function filters(query: WorkflowQuery, onChange: (next: WorkflowQuery) => void) {
  return <WorkflowFilters query={query} namespaces={[]} onChange={onChange} />;
}

describe('WorkflowFilters', () => {
  it('toggles a phase into the query', async () => {
    const changes: WorkflowQuery[] = [];
    const view = await render(filters(EMPTY_WORKFLOW_QUERY, (q) => changes.push(q)));
    await interact(() => button(view.container, 'Failed').click());
    assert.deepEqual(
      changes.map((q) => q.phases),
      [['Failed']],
    );
    await view.unmount();
  });

  it('applies typed text at once on Enter, without waiting for the debounce', async () => {
    const changes: WorkflowQuery[] = [];
    const view = await render(filters(EMPTY_WORKFLOW_QUERY, (q) => changes.push(q)));
    const name = one<HTMLInputElement>(view.container, 'input[type="search"]');
    await interact(() => typeInto(name, 'etl'));
    assert.equal(changes.length, 0, 'nothing sent while typing');
    await interact(() => press(name, 'Enter'));
    assert.deepEqual(
      changes.map((q) => q.q),
      ['etl'],
    );
    await view.unmount();
  });

  it('follows the URL when it changes from outside (back button, reset)', async () => {
    const view = await render(filters({ ...EMPTY_WORKFLOW_QUERY, q: 'etl' }, () => undefined));
    const name = one<HTMLInputElement>(view.container, 'input[type="search"]');
    assert.equal(name.value, 'etl');
    await view.rerender(filters(EMPTY_WORKFLOW_QUERY, () => undefined));
    assert.equal(name.value, '');
    await view.unmount();
  });
});
