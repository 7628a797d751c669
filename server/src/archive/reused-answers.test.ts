import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { archiveListSql, type ArchiveListQuery } from './archive-sql.ts';
import { queryKey, ReusedAnswers } from './reused-answers.ts';

const scope = { clusterName: 'default', instanceId: '' };
const noLive = { namespaces: [], names: [], createdAts: [] };

function pageKey(query: Partial<ArchiveListQuery>, offset = 0): string {
  const sql = archiveListSql(
    scope,
    { namespaces: ['team-a'], filter: {}, sort: '-createdAt', live: noLive, ...query },
    offset,
    51,
  );
  assert.ok(sql !== undefined);
  return queryKey(sql);
}

/** A clock the test moves, and a counter of how often an answer was made. */
function fixture(ms: number, limits = { maxEntries: 10 }) {
  let now = 0;
  let made = 0;
  const answers = new ReusedAnswers<string>(ms, limits, () => now);
  const make = (value: string) => () => {
    made++;
    return Promise.resolve(value);
  };
  return {
    answers,
    make,
    made: () => made,
    advance: (by: number) => (now += by),
  };
}

describe('answers of the archive reused for a few seconds', () => {
  it('gives a page read for one set of namespaces to no other set: the namespaces are in the key', () => {
    const alice = pageKey({ namespaces: ['team-a'] });
    assert.notEqual(pageKey({ namespaces: ['team-b'] }), alice);
    assert.notEqual(pageKey({ namespaces: ['team-a', 'team-b'] }), alice);
    assert.equal(pageKey({ namespaces: ['team-a'] }), alice);
    // Another filter, order, page or scope is another key too.
    assert.notEqual(pageKey({ filter: { phases: ['Failed'] } }), alice);
    assert.notEqual(pageKey({ sort: 'name' }), alice);
    assert.notEqual(pageKey({}, 50), alice);
  });

  it('reads again once the live runs it leaves out change (a run deleted from the cluster shows at once)', () => {
    const before = pageKey({
      live: { namespaces: ['team-a'], names: ['w'], createdAts: ['2026-12-05T00:00:00Z'] },
    });
    assert.notEqual(pageKey({ live: noLive }), before);
  });

  it('reuses an answer within its time and makes it again after', async () => {
    const { answers, make, made, advance } = fixture(10_000);
    assert.equal(await answers.get('k', make('first')), 'first');
    advance(9_999);
    assert.equal(await answers.get('k', make('second')), 'first');
    assert.equal(made(), 1);
    // A run archived meanwhile is in the answer made after the reuse time.
    advance(1);
    assert.equal(await answers.get('k', make('with the new run')), 'with the new run');
    assert.equal(made(), 2);
  });

  it('never gives one key the answer of another', async () => {
    const { answers, make } = fixture(10_000);
    assert.equal(await answers.get('alice', make('team-a rows')), 'team-a rows');
    assert.equal(await answers.get('bob', make('team-b rows')), 'team-b rows');
    assert.equal(await answers.get('alice', make('x')), 'team-a rows');
  });

  it('reuses nothing when its time is 0', async () => {
    const { answers, make, made } = fixture(0);
    await answers.get('k', make('a'));
    assert.equal(await answers.get('k', make('b')), 'b');
    assert.equal(made(), 2);
    assert.equal(answers.size, 0);
  });

  it('shares an answer being made even when nothing is reused, and forgets it once made', async () => {
    const { answers, made, make } = fixture(0);
    let finish: (value: string) => void = () => undefined;
    const first = answers.get('k', () => new Promise<string>((resolve) => (finish = resolve)));
    // Two tabs asking for the same total at once: one count.
    const second = answers.get('k', make('another count'));
    assert.equal(made(), 0);
    finish('counted');
    assert.deepEqual([await first, await second], ['counted', 'counted']);
    assert.equal(answers.size, 0);
    assert.equal(await answers.get('k', make('again')), 'again');
  });

  it('knows an answer only once it is made, and only within its time', async () => {
    const { answers, make, advance } = fixture(10_000);
    let finish: (value: string) => void = () => undefined;
    const pending = answers.get('k', () => new Promise<string>((resolve) => (finish = resolve)));
    assert.equal(answers.known('k'), undefined);
    finish('counted');
    await pending;
    assert.equal(answers.known('k'), 'counted');
    assert.equal(answers.known('other'), undefined);
    advance(10_000);
    assert.equal(answers.known('k'), undefined);
    await answers.get('k', make('again'));
    assert.equal(fixture(0).answers.known('k'), undefined);
  });

  it('does not keep a failed answer: the next ask makes it again', async () => {
    const { answers, make } = fixture(10_000);
    await assert.rejects(answers.get('k', () => Promise.reject(new Error('database down'))));
    assert.equal(await answers.get('k', make('back')), 'back');
  });

  it('shares an answer still being made with those who ask meanwhile', async () => {
    const { answers, made, make } = fixture(10_000);
    const [a, b] = await Promise.all([answers.get('k', make('one')), answers.get('k', make('two'))]);
    assert.deepEqual([a, b, made()], ['one', 'one', 1]);
  });

  it('keeps at most its bound of entries and of weight, the oldest let go first', async () => {
    const { answers, make, made } = fixture(10_000, { maxEntries: 2 });
    for (const key of ['a', 'b', 'c']) await answers.get(key, make(key));
    assert.equal(answers.size, 2);
    await answers.get('a', make('a again'));
    assert.equal(made(), 4);

    const weighed = new ReusedAnswers<number[]>(10_000, { maxEntries: 100, maxWeight: 5 }, () => 0);
    for (const key of ['x', 'y', 'z'])
      await weighed.get(
        key,
        () => Promise.resolve([1, 2]),
        (r) => r.length,
      );
    // Three pages of 2 rows weigh 6: the oldest went.
    assert.equal(weighed.size, 2);
  });

  it('keeps an answer given to it for the reuse time, and none when nothing is reused', () => {
    let now = 0;
    const answers = new ReusedAnswers<string>(1000, { maxEntries: 10 }, () => now);
    answers.keep('k', 'rows');
    assert.equal(answers.known('k'), 'rows');
    now = 1000;
    assert.equal(answers.known('k'), undefined);
    const none = new ReusedAnswers<string>(0, { maxEntries: 10 });
    none.keep('k', 'rows');
    assert.equal(none.known('k'), undefined);
    assert.equal(none.size, 0);
  });
});
