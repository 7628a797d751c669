import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { nearEnd, visibleWindow } from './virtual-window.ts';

describe('visibleWindow', () => {
  it('renders the first screen plus overscan at the top', () => {
    const w = visibleWindow({
      scrollTop: 0,
      viewportHeight: 400,
      rowHeight: 40,
      rowCount: 10_000,
      overscan: 5,
    });
    assert.deepEqual(w, { first: 0, end: 15, padTop: 0, padBottom: (10_000 - 15) * 40 });
  });

  it('renders the rows in view with overscan either side in the middle', () => {
    const w = visibleWindow({
      scrollTop: 4_020,
      viewportHeight: 400,
      rowHeight: 40,
      rowCount: 10_000,
      overscan: 5,
    });
    assert.equal(w.first, 95);
    assert.equal(w.end, 116);
    assert.equal(w.padTop, 95 * 40);
    assert.equal(w.padTop + (w.end - w.first) * 40 + w.padBottom, 10_000 * 40);
  });

  it('stops at the last row when scrolled past the end', () => {
    const w = visibleWindow({
      scrollTop: 1_000_000,
      viewportHeight: 400,
      rowHeight: 40,
      rowCount: 100,
      overscan: 3,
    });
    assert.equal(w.end, 100);
    assert.equal(w.padBottom, 0);
    assert.ok(w.first < 100);
  });

  it('renders nothing for an empty list', () => {
    assert.deepEqual(
      visibleWindow({ scrollTop: 0, viewportHeight: 400, rowHeight: 40, rowCount: 0, overscan: 3 }),
      {
        first: 0,
        end: 0,
        padTop: 0,
        padBottom: 0,
      },
    );
  });
});

describe('nearEnd', () => {
  it('says when the bottom of the viewport is close to the last row', () => {
    assert.equal(nearEnd({ scrollTop: 0, viewportHeight: 400, rowHeight: 40, rowCount: 1000 }, 50), false);
    assert.equal(
      nearEnd({ scrollTop: 38_000, viewportHeight: 400, rowHeight: 40, rowCount: 1000 }, 50),
      true,
    );
  });
});
