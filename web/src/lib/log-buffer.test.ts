import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { filterRowsBySource, LogBuffer, lowerKeepingOffsets, parseLogLine } from './log-buffer.ts';
import { LINE_TRUNCATED_MARKER, MAX_SHOWN_LINE } from './log-lines.ts';

const time = '2026-11-24T10:00:03.000000137Z';

describe('parseLogLine', () => {
  it('keeps a plain line whole, even when it starts like a time', () => {
    assert.deepEqual(parseLogLine(`${time} hello`, 'plain'), { time: '', source: '', text: `${time} hello` });
  });

  it('splits the time off a timestamped line', () => {
    assert.deepEqual(parseLogLine(`${time} found 12 partitions`, 'timestamped'), {
      time,
      source: '',
      text: 'found 12 partitions',
    });
    assert.deepEqual(parseLogLine(`${time} `, 'timestamped'), { time, source: '', text: '' });
  });

  it('splits time and node off an interleaved line; the text may hold ": " itself', () => {
    assert.deepEqual(parseLogLine(`${time} transform-b: WARN: 37 rows skipped`, 'interleaved'), {
      time,
      source: 'transform-b',
      text: 'WARN: 37 rows skipped',
    });
    assert.deepEqual(parseLogLine(`${time} [0].fetch(1:a):`, 'interleaved').source, '');
    assert.deepEqual(parseLogLine(`${time} [0].fetch(1:a): `, 'interleaved').source, '[0].fetch(1:a)');
  });

  it('leaves a line without a time as text', () => {
    assert.deepEqual(parseLogLine('no time here', 'timestamped'), {
      time: '',
      source: '',
      text: 'no time here',
    });
    assert.deepEqual(parseLogLine('extract: hello', 'interleaved'), {
      time: '',
      source: 'extract',
      text: 'hello',
    });
  });
});

describe('lowerKeepingOffsets', () => {
  it('lower-cases without moving any character', () => {
    assert.equal(lowerKeepingOffsets('Read PARTITION'), 'read partition');
    // 'İ' lower-cases to two characters; kept as is so the match after it stays in place.
    const text = 'İstanbul ERROR';
    const lower = lowerKeepingOffsets(text);
    assert.equal(lower.length, text.length);
    assert.equal(lower.indexOf('error'), text.indexOf('ERROR'));
  });
});

describe('LogBuffer', () => {
  it('labels a steps node by its place in the workflow, as the server names it', () => {
    const buffer = new LogBuffer('interleaved');
    buffer.append([`${time} [0].gather: hi`, `${time} extract: hi`]);
    assert.deepEqual(buffer.sources, ['[0].gather', 'extract']);
  });

  it('holds each line split, lower-cased and cut, and numbers sources by first appearance', () => {
    const buffer = new LogBuffer('interleaved');
    buffer.append([
      `${time} extract: Starting`,
      `${time} load: READY`,
      `${time} extract: ${'x'.repeat(MAX_SHOWN_LINE + 5)}`,
    ]);
    assert.equal(buffer.length, 3);
    assert.deepEqual(buffer.text.slice(0, 2), ['Starting', 'READY']);
    assert.deepEqual(buffer.lower.slice(0, 2), ['starting', 'ready']);
    assert.deepEqual(buffer.sources, ['extract', 'load']);
    assert.deepEqual(buffer.sourceOf, [0, 1, 0]);
    assert.equal(buffer.sourceName(1), 'load');
    assert.ok(buffer.text[2]?.endsWith(LINE_TRUNCATED_MARKER));
    assert.equal(buffer.longest, MAX_SHOWN_LINE + LINE_TRUNCATED_MARKER.length);
  });
});

describe('filterRowsBySource', () => {
  it('keeps the chosen sources’ lines and extends the answer as lines arrive', () => {
    const sourceOf = [0, 1, 0, 2];
    const first = filterRowsBySource(sourceOf, new Set([0, 2]));
    assert.deepEqual(first, { rows: [0, 2, 3], scanned: 4 });
    sourceOf.push(1, 2);
    assert.deepEqual(filterRowsBySource(sourceOf, new Set([0, 2]), first), {
      rows: [0, 2, 3, 5],
      scanned: 6,
    });
  });
});
