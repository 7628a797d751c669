import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { findLogMatches, highlightSegments, stepMatch } from './log-search.ts';

const lines = [
  'starting step: loading input partitions',
  'read Partition 1',
  'nothing here',
  'partition partition',
];

describe('findLogMatches', () => {
  it('finds every occurrence, case-insensitively, in order', () => {
    assert.deepEqual(findLogMatches(lines, 'partition'), [
      { line: 0, start: 29 },
      { line: 1, start: 5 },
      { line: 3, start: 0 },
      { line: 3, start: 10 },
    ]);
  });

  it('finds nothing for an empty search or a missing word', () => {
    assert.deepEqual(findLogMatches(lines, ''), []);
    assert.deepEqual(findLogMatches(lines, 'absent'), []);
  });

  it('stops at the limit', () => {
    assert.equal(findLogMatches(['aaaa'], 'a', 3).length, 3);
  });

  it('searches 100,000 lines', () => {
    const many = Array.from({ length: 100_000 }, (_, i) => (i % 10 === 0 ? `hit ${i}` : `line ${i}`));
    const found = findLogMatches(many, 'hit');
    assert.equal(found.length, 10_000);
    assert.deepEqual(found.at(-1), { line: 99_990, start: 0 });
  });
});

describe('highlightSegments', () => {
  it('cuts a line into plain and matching pieces, keeping the original case', () => {
    assert.deepEqual(highlightSegments('read Partition 1', 'partition'), [
      { text: 'read ', match: false },
      { text: 'Partition', match: true },
      { text: ' 1', match: false },
    ]);
  });

  it('handles a match at each end and none at all', () => {
    assert.deepEqual(highlightSegments('abab', 'ab'), [
      { text: 'ab', match: true },
      { text: 'ab', match: true },
    ]);
    assert.deepEqual(highlightSegments('xyz', 'q'), [{ text: 'xyz', match: false }]);
    assert.deepEqual(highlightSegments('', 'q'), [{ text: '', match: false }]);
  });
});

describe('stepMatch', () => {
  it('moves forward and back, wrapping round', () => {
    assert.equal(stepMatch(-1, 3, false), 0);
    assert.equal(stepMatch(-1, 3, true), 2);
    assert.equal(stepMatch(2, 3, false), 0);
    assert.equal(stepMatch(0, 3, true), 2);
    assert.equal(stepMatch(0, 0, false), -1);
  });
});
