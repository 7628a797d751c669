import '../testing/dom.ts';
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { interact, one, press, render } from '../testing/dom.ts';
import { Tabs } from './tabs.tsx';

type Tab = 'graph' | 'logs' | 'yaml';
const tabs = [
  { id: 'graph' as const, label: 'Graph' },
  { id: 'logs' as const, label: 'Logs' },
  { id: 'yaml' as const, label: 'YAML' },
];

function view(selected: Tab, onSelect: (tab: Tab) => void) {
  return (
    <Tabs label="Workflow" idPrefix="t" tabs={tabs} selected={selected} onSelect={onSelect}>
      <p>panel of {selected}</p>
    </Tabs>
  );
}

describe('Tabs', () => {
  it('has one tab stop, the selected tab, and its panel labelled by it', async () => {
    const rendered = await render(view('logs', () => undefined));
    const stops = [...rendered.container.querySelectorAll('[role="tab"]')].map((t) =>
      t.getAttribute('tabindex'),
    );
    assert.deepEqual(stops, ['-1', '0', '-1']);
    assert.equal(one(rendered.container, '[role="tabpanel"]').getAttribute('aria-labelledby'), 't-tab-logs');
    await rendered.unmount();
  });

  it('moves with the arrow keys, Home and End, and wraps around', async () => {
    const chosen: Tab[] = [];
    const rendered = await render(view('graph', (tab) => chosen.push(tab)));
    const graph = one(rendered.container, '#t-tab-graph');
    await interact(() => press(graph, 'ArrowRight'));
    await interact(() => press(graph, 'ArrowLeft'));
    await interact(() => press(graph, 'End'));
    await interact(() => press(graph, 'Home'));
    assert.deepEqual(chosen, ['logs', 'yaml', 'yaml', 'graph']);
    await rendered.unmount();
  });
});
