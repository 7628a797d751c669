import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { lineAtRow, lineOffsets, logWindow, wrappedRows } from './log-layout.ts';

const lengths = [10, 0, 25, 80, 5];
const lengthOf = (i: number) => lengths[i] ?? 0;

describe('wrappedRows', () => {
  it('is one row up to the width, then one more per width', () => {
    assert.equal(wrappedRows(0, 20), 1);
    assert.equal(wrappedRows(20, 20), 1);
    assert.equal(wrappedRows(21, 20), 2);
    assert.equal(wrappedRows(500, 0), 1);
  });
});

describe('lineOffsets', () => {
  it('gives one row per line unwrapped and ceil(length / columns) wrapped', () => {
    assert.deepEqual(lineOffsets(5, lengthOf, 0).rowsBefore, [0, 1, 2, 3, 4, 5]);
    assert.deepEqual(lineOffsets(5, lengthOf, 20).rowsBefore, [0, 1, 2, 4, 8, 9]);
  });

  it('extends the same offsets as lines arrive and starts over for another width', () => {
    const first = lineOffsets(3, lengthOf, 20);
    const more = lineOffsets(5, lengthOf, 20, first);
    assert.equal(more.rowsBefore, first.rowsBefore);
    assert.deepEqual(more.rowsBefore, [0, 1, 2, 4, 8, 9]);
    const wider = lineOffsets(5, lengthOf, 40, more);
    assert.notEqual(wider.rowsBefore, more.rowsBefore);
    assert.deepEqual(wider.rowsBefore, [0, 1, 2, 3, 5, 6]);
  });
});

describe('lineAtRow', () => {
  it('finds the line holding a row', () => {
    const offsets = lineOffsets(5, lengthOf, 20);
    assert.deepEqual(
      [0, 1, 2, 3, 4, 7, 8, 100].map((row) => lineAtRow(offsets, row)),
      [0, 1, 2, 2, 3, 3, 4, 4],
    );
  });
});

describe('logWindow', () => {
  it('renders the lines in view plus the overscan, spacers standing for the rest', () => {
    const offsets = lineOffsets(100_000, () => 10, 0);
    const window = logWindow(offsets, 18 * 1000, 18 * 20, 18, 5);
    assert.deepEqual(window, {
      first: 995,
      end: 1025,
      padTop: 995 * 18,
      padBottom: (100_000 - 1025) * 18,
      total: 100_000 * 18,
    });
  });

  it('accounts for wrapped lines above the view', () => {
    const offsets = lineOffsets(5, lengthOf, 20);
    // Rows 4..7 are line 3 (80 characters in 20 columns).
    const window = logWindow(offsets, 5 * 10, 2 * 10, 10, 0);
    assert.deepEqual(window, { first: 3, end: 4, padTop: 40, padBottom: 10, total: 90 });
  });

  it('is empty for no lines', () => {
    assert.deepEqual(logWindow(lineOffsets(0, lengthOf, 0), 0, 400, 18, 20), {
      first: 0,
      end: 0,
      padTop: 0,
      padBottom: 0,
      total: 0,
    });
  });
});
