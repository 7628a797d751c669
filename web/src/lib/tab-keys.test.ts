import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { tabFromQuery, tabIndexAfterKey } from './tab-keys.ts';

describe('tabIndexAfterKey', () => {
  it('moves right and left with wrap-around, Home and End to the ends', () => {
    assert.equal(tabIndexAfterKey('ArrowRight', 0, 3), 1);
    assert.equal(tabIndexAfterKey('ArrowRight', 2, 3), 0);
    assert.equal(tabIndexAfterKey('ArrowLeft', 0, 3), 2);
    assert.equal(tabIndexAfterKey('ArrowLeft', 2, 3), 1);
    assert.equal(tabIndexAfterKey('Home', 2, 3), 0);
    assert.equal(tabIndexAfterKey('End', 0, 3), 2);
  });

  it('ignores other keys and an empty tab list', () => {
    assert.equal(tabIndexAfterKey('ArrowDown', 0, 3), null);
    assert.equal(tabIndexAfterKey('Enter', 0, 3), null);
    assert.equal(tabIndexAfterKey('ArrowRight', 0, 0), null);
  });
});

describe('tabFromQuery', () => {
  const ids = ['graph', 'events', 'yaml'] as const;
  it('takes a known tab from the URL, and falls back for a missing or unknown one', () => {
    assert.equal(tabFromQuery('yaml', ids, 'graph'), 'yaml');
    assert.equal(tabFromQuery(null, ids, 'graph'), 'graph');
    assert.equal(tabFromQuery('json', ids, 'graph'), 'graph');
  });
});
