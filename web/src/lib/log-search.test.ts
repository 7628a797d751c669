import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { firstMatchFrom, highlightSegments, matchCountLabel, searchLog, stepMatch } from './log-search.ts';

const lower = [
  'starting step: loading input partitions',
  'read partition 1',
  'nothing here',
  'partition partition',
];

describe('searchLog', () => {
  it('finds every occurrence in order, whatever the case typed', () => {
    assert.deepEqual(searchLog(lower, null, 'PARTITION').matches, [
      { line: 0, start: 29 },
      { line: 1, start: 5 },
      { line: 3, start: 0 },
      { line: 3, start: 10 },
    ]);
  });

  it('finds nothing for an empty search or a missing word', () => {
    assert.deepEqual(searchLog(lower, null, '').matches, []);
    assert.deepEqual(searchLog(lower, null, 'absent').matches, []);
  });

  it('searches only the rows shown, numbering matches by their place among them', () => {
    assert.deepEqual(searchLog(lower, [3, 1], 'partition').matches, [
      { line: 0, start: 0 },
      { line: 0, start: 10 },
      { line: 1, start: 5 },
    ]);
  });

  it('stops at the limit and says there are more', () => {
    const found = searchLog(['aaaa'], null, 'a', undefined, 3);
    assert.equal(found.matches.length, 3);
    assert.equal(found.capped, true);
    assert.equal(searchLog(['aaa'], null, 'a', undefined, 3).capped, false);
  });

  it('extends a search over appended lines without searching the old ones again', () => {
    const lines = ['a hit', 'none'];
    const first = searchLog(lines, null, 'hit');
    lines.push('another hit');
    // An old line changed behind its back would show up if it were searched again: it is not.
    lines[0] = 'hit hit';
    const next = searchLog(lines, null, 'hit', first);
    assert.deepEqual(next.matches, [
      { line: 0, start: 2 },
      { line: 2, start: 8 },
    ]);
    assert.equal(next.scanned, 3);
    // Another needle starts over.
    assert.equal(searchLog(lines, null, 'i', next).matches.length, 3);
  });

  it('searches 100,000 lines', () => {
    const many = Array.from({ length: 100_000 }, (_, i) => (i % 10 === 0 ? `hit ${i}` : `line ${i}`));
    const found = searchLog(many, null, 'hit');
    assert.equal(found.matches.length, 10_000);
    assert.deepEqual(found.matches.at(-1), { line: 99_990, start: 0 });
  });
});

describe('firstMatchFrom', () => {
  const matches = [
    { line: 2, start: 0 },
    { line: 5, start: 0 },
    { line: 5, start: 4 },
    { line: 9, start: 1 },
  ];
  it('picks the first match on or after a row, wrapping to the first', () => {
    assert.equal(firstMatchFrom(matches, 0), 0);
    assert.equal(firstMatchFrom(matches, 3), 1);
    assert.equal(firstMatchFrom(matches, 5), 1);
    assert.equal(firstMatchFrom(matches, 9), 3);
    assert.equal(firstMatchFrom(matches, 10), 0);
    assert.equal(firstMatchFrom([], 4), -1);
  });
});

describe('highlightSegments', () => {
  it('cuts a line into plain and matching pieces, keeping the original case', () => {
    assert.deepEqual(highlightSegments('read Partition 1', 'read partition 1', 'PARTITION'), [
      { text: 'read ', match: false, start: 0 },
      { text: 'Partition', match: true, start: 5 },
      { text: ' 1', match: false, start: 14 },
    ]);
  });

  it('handles a match at each end and none at all', () => {
    assert.deepEqual(highlightSegments('abab', 'abab', 'ab'), [
      { text: 'ab', match: true, start: 0 },
      { text: 'ab', match: true, start: 2 },
    ]);
    assert.deepEqual(highlightSegments('xyz', 'xyz', 'q'), [{ text: 'xyz', match: false, start: 0 }]);
    assert.deepEqual(highlightSegments('', '', 'q'), [{ text: '', match: false, start: 0 }]);
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

describe('matchCountLabel', () => {
  it('says n of m, none, or more than the limit', () => {
    const found = (n: number, capped = false) => ({
      needle: 'x',
      matches: Array.from({ length: n }, (_, i) => ({ line: i, start: 0 })),
      scanned: n,
      capped,
    });
    assert.equal(matchCountLabel(0, found(3)), '1 of 3');
    assert.equal(matchCountLabel(-1, found(3)), '0 of 3');
    assert.equal(matchCountLabel(-1, found(0)), 'No matches');
    assert.equal(matchCountLabel(4, found(12_000, true)), '5 of 12,000+');
  });
});
