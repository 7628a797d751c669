import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { LINE_TRUNCATED_MARKER, shownLine, splitLogChunk } from './log-lines.ts';

describe('splitLogChunk', () => {
  it('returns whole lines and keeps the unfinished one', () => {
    assert.deepEqual(splitLogChunk('', 'one\ntwo\nthr'), { lines: ['one', 'two'], rest: 'thr' });
  });

  it('continues a line across chunks', () => {
    const first = splitLogChunk('', 'star');
    assert.deepEqual(first, { lines: [], rest: 'star' });
    assert.deepEqual(splitLogChunk(first.rest, 'ting\nnext\n'), { lines: ['starting', 'next'], rest: '' });
  });

  it('treats \\r\\n as one line end, even split between chunks', () => {
    const first = splitLogChunk('', 'a\r');
    assert.deepEqual(splitLogChunk(first.rest, '\nb\r\n'), { lines: ['a', 'b'], rest: '' });
  });

  it('keeps empty lines', () => {
    assert.deepEqual(splitLogChunk('', '\n\nx\n'), { lines: ['', '', 'x'], rest: '' });
  });

  it('keeps only the start of a line that does not end, which still shows as truncated', () => {
    let rest = '';
    for (let i = 0; i < 100; i++) rest = splitLogChunk(rest, 'y'.repeat(1000), 50).rest;
    assert.equal(rest.length, 50);
    const { lines } = splitLogChunk(rest, 'yyy\nnext', 50);
    assert.equal(shownLine(lines[0] ?? '', 40), `${'y'.repeat(40)}${LINE_TRUNCATED_MARKER}`);
  });

  it('splits 100,000 lines in one chunk', () => {
    const text = Array.from({ length: 100_000 }, (_, i) => `line ${i}`).join('\n') + '\n';
    const { lines, rest } = splitLogChunk('', text);
    assert.equal(lines.length, 100_000);
    assert.equal(lines[99_999], 'line 99999');
    assert.equal(rest, '');
  });
});

describe('shownLine', () => {
  it('keeps a short line as it is', () => {
    assert.equal(shownLine('hello', 10), 'hello');
    assert.equal(shownLine('0123456789', 10), '0123456789');
  });

  it('cuts a long line and says so', () => {
    assert.equal(shownLine('0123456789abc', 10), `0123456789${LINE_TRUNCATED_MARKER}`);
    assert.equal(shownLine('x'.repeat(50_000)).length, 10_000 + LINE_TRUNCATED_MARKER.length);
  });
});
