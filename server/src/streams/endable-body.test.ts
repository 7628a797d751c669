import assert from 'node:assert/strict';
import { PassThrough } from 'node:stream';
import { text } from 'node:stream/consumers';
import { describe, it } from 'node:test';
import { endableBody } from './endable-body.ts';

describe('endableBody', () => {
  it('passes the source through, then ends with the line on a line of its own', async () => {
    const source = new PassThrough();
    const { body, endWith } = endableBody(source);
    const read = text(body);
    source.write('one\ntwo, half a line');
    await new Promise((resolve) => setImmediate(resolve));
    endWith('… [ended]');
    source.write('never seen\n');
    assert.equal(await read, 'one\ntwo, half a line\n… [ended]\n');
    assert.ok(source.destroyed, 'the source is let go');
  });

  it('ends as the source ends when nothing ends it early', async () => {
    const source = new PassThrough();
    const { body } = endableBody(source);
    const read = text(body);
    source.end('all\n');
    assert.equal(await read, 'all\n');
  });
});
