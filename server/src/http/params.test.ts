import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { z } from 'zod';
import { HttpError } from './errors.ts';
import { containerNameQuery, parseInput, queryFlag } from './params.ts';

const Query = z.object({ follow: queryFlag.default(false), container: containerNameQuery.default('main') });

function parse(query: Record<string, string>): z.infer<typeof Query> {
  return parseInput(Query, query, 'log request', 'Name a container.');
}

describe('query parameters shared by the routes', () => {
  it('reads a flag as true or false and a container name, with their defaults', () => {
    assert.deepEqual(parse({}), { follow: false, container: 'main' });
    assert.deepEqual(parse({ follow: 'true', container: 'notebook-1' }), {
      follow: true,
      container: 'notebook-1',
    });
  });

  it('refuses a flag that is not true or false, and a container that is not a DNS label, naming each', () => {
    for (const query of [
      { follow: 'maybe' },
      { follow: '1' },
      { container: 'Main' },
      { container: '../x' },
    ]) {
      assert.throws(
        () => parse(query),
        (error: unknown) => {
          assert.ok(error instanceof HttpError);
          assert.equal(error.status, 400);
          assert.equal(error.code, 'INPUT_INVALID');
          assert.match(error.message, new RegExp(`^Invalid log request: ${Object.keys(query)[0]}: `));
          assert.equal(error.hint, 'Name a container.');
          return true;
        },
      );
    }
  });
});
