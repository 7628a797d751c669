import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { CacheEvent } from '../kube/watch-cache.ts';
import { EventLog } from './event-log.ts';

interface Row {
  namespace: string;
  name: string;
}

function logWithSource(capacity?: number) {
  let emit: (event: CacheEvent<Row>) => void = () => undefined;
  const log = new EventLog<Row>(
    { subscribe: (listener) => ((emit = listener), () => undefined) },
    (row) => row.namespace,
    capacity,
  );
  const upsert = (name: string) =>
    emit({ type: 'upsert', key: `a/${name}`, value: { namespace: 'a', name } });
  return { log, upsert };
}

describe('EventLog', () => {
  it('replays exactly the events after an id', () => {
    const { log, upsert } = logWithSource();
    upsert('one');
    const mark = log.idOf({ seq: log.head });
    upsert('two');
    upsert('three');
    assert.deepEqual(
      log.since(mark)?.map((e) => e.value.name),
      ['two', 'three'],
    );
    assert.deepEqual(log.since(log.idOf({ seq: log.head })), []);
  });

  it('cannot resume an id of another process, from the future, or older than it keeps', () => {
    const { log, upsert } = logWithSource(2);
    const start = log.idOf({ seq: log.head });
    upsert('one');
    upsert('two');
    upsert('three');
    assert.equal(log.since(start), undefined, 'older than kept');
    const otherEpoch = log.epoch === 'aaaaaaaa' ? 'bbbbbbbb' : 'aaaaaaaa';
    assert.equal(log.since(`${otherEpoch}-1`), undefined, 'another process');
    assert.equal(log.since(log.idOf({ seq: 99 })), undefined, 'from the future');
    assert.equal(log.since('garbage'), undefined);
  });

  it('tells subscribers of each new event', () => {
    const { log, upsert } = logWithSource();
    const seen: string[] = [];
    log.subscribe((event) => seen.push(event.value.name));
    upsert('x');
    assert.deepEqual(seen, ['x']);
  });
});
