import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { SseParser } from './sse-parser.ts';

describe('SseParser', () => {
  it('gives each event once, however the text is split', () => {
    const text =
      'retry: 2000\n\nid: 7\nevent: snapshot\ndata: {"a":1}\n\n: heartbeat\n\nevent: delta\nid: 8\ndata: {"b":2}\n\n';
    for (let cut = 0; cut <= text.length; cut++) {
      const parser = new SseParser();
      const events = [...parser.push(text.slice(0, cut)), ...parser.push(text.slice(cut))];
      assert.deepEqual(
        events,
        [
          { event: 'snapshot', data: '{"a":1}', id: '7' },
          { event: 'delta', data: '{"b":2}', id: '8' },
        ],
        `cut at ${cut}`,
      );
    }
  });

  it('joins data lines and keeps an event without an id', () => {
    const parser = new SseParser();
    assert.deepEqual(parser.push('event: end\ndata: a\ndata:b\n\n'), [
      { event: 'end', data: 'a\nb', id: undefined },
    ]);
  });
});
