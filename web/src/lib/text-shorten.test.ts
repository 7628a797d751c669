import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { lineNumbers, shortenText } from './text-shorten.ts';

describe('shortenText', () => {
  it('keeps short text and cuts long text with an ellipsis, within the limit', () => {
    assert.deepEqual(shortenText('team-a', 10), { shown: 'team-a', cut: false });
    assert.deepEqual(shortenText('abcdefghijkl', 10), { shown: 'abcdefghi…', cut: true });
    assert.equal(Array.from(shortenText('x'.repeat(500), 60).shown).length, 60);
  });

  it('never splits a character made of two UTF-16 units', () => {
    const { shown } = shortenText('😀'.repeat(20), 5);
    assert.equal(shown, '😀😀😀😀…');
  });
});

describe('lineNumbers', () => {
  it('numbers each line; a trailing newline adds none', () => {
    assert.equal(lineNumbers('a: 1\nb: 2\n'), '1\n2');
    assert.equal(lineNumbers('a: 1\nb: 2'), '1\n2');
    assert.equal(lineNumbers('only'), '1');
    assert.equal(lineNumbers(''), '');
  });

  it('counts 100,000 lines', () => {
    const numbers = lineNumbers('x\n'.repeat(100_000));
    assert.ok(numbers.endsWith('\n100000'));
  });
});
