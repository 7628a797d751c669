import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { SharedWatches } from './shared-watches.ts';

function registry(lingerMs: number) {
  const running = new Map<string, number>();
  const watches = new SharedWatches((key) => {
    running.set(key, (running.get(key) ?? 0) + 1);
    return { key, stop: () => running.set(key, (running.get(key) ?? 1) - 1) };
  }, lingerMs);
  return { watches, running };
}

describe('SharedWatches', () => {
  it('starts one watch per key however many hold it, and stops it when the last leaves', () => {
    const { watches, running } = registry(0);
    const handles = Array.from({ length: 20 }, () => watches.acquire('team-a/wf'));
    const other = watches.acquire('team-a/other');
    assert.equal(running.get('team-a/wf'), 1);
    assert.equal(watches.size, 2);
    assert.equal(handles[0]?.value, handles[19]?.value, 'every holder gets the same watch');
    for (const handle of handles.slice(1)) handle.release();
    handles[1]?.release();
    assert.equal(running.get('team-a/wf'), 1, 'a second release of one handle counts once');
    handles[0]?.release();
    assert.equal(running.get('team-a/wf'), 0);
    assert.equal(watches.size, 1);
    other.release();
    assert.equal(watches.size, 0);
    assert.equal(watches.started, 2);
  });

  it('keeps a released watch for the linger time, for a tab that comes back', async () => {
    const { watches, running } = registry(30);
    const first = watches.acquire('k');
    first.release();
    const again = watches.acquire('k');
    assert.equal(watches.started, 1, 'taken again while it lingered');
    again.release();
    assert.equal(running.get('k'), 1);
    await new Promise((resolve) => setTimeout(resolve, 60));
    assert.equal(running.get('k'), 0);
    assert.equal(watches.size, 0);
  });

  it('stops everything at once when the server stops', () => {
    const { watches, running } = registry(60_000);
    watches.acquire('a').release();
    watches.acquire('b');
    watches.stop();
    assert.equal(running.get('a'), 0);
    assert.equal(running.get('b'), 0);
    assert.equal(watches.size, 0);
  });
});
