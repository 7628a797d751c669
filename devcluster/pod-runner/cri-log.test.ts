import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { CriLogWriter, criTimestamp, maxEntryBytes } from './cri-log.ts';

const at = new Date('2026-12-05T03:20:01.234Z');

function collect(): { writer: CriLogWriter; lines: () => string[] } {
  const written: Buffer[] = [];
  const writer = new CriLogWriter(
    (entry) => written.push(entry),
    () => at,
  );
  return { writer, lines: () => Buffer.concat(written).toString().split('\n').slice(0, -1) };
}

describe('a process output as a CRI log', () => {
  it('writes times with nanoseconds, as runtimes do', () => {
    assert.equal(criTimestamp(at), '2026-12-05T03:20:01.234000000Z');
  });

  it('writes one full entry a line, stdout and stderr apart', () => {
    const { writer, lines } = collect();
    writer.push('stdout', Buffer.from('listening on 10.0.0.3:8080\nGET /echo 200\n'));
    writer.push('stderr', Buffer.from('a warning\n'));
    assert.deepEqual(lines(), [
      '2026-12-05T03:20:01.234000000Z stdout F listening on 10.0.0.3:8080',
      '2026-12-05T03:20:01.234000000Z stdout F GET /echo 200',
      '2026-12-05T03:20:01.234000000Z stderr F a warning',
    ]);
  });

  it('keeps a line that comes in pieces until its newline, per stream', () => {
    const { writer, lines } = collect();
    writer.push('stdout', Buffer.from('GET /ec'));
    writer.push('stderr', Buffer.from('warn'));
    assert.deepEqual(lines(), []);
    writer.push('stdout', Buffer.from('ho 200\n'));
    writer.push('stderr', Buffer.from('ing\n'));
    assert.deepEqual(lines(), [
      '2026-12-05T03:20:01.234000000Z stdout F GET /echo 200',
      '2026-12-05T03:20:01.234000000Z stderr F warning',
    ]);
  });

  it('writes what is left without a newline when the process ends', () => {
    const { writer, lines } = collect();
    writer.push('stdout', Buffer.from('bye'));
    writer.end();
    assert.deepEqual(lines(), ['2026-12-05T03:20:01.234000000Z stdout F bye']);
  });

  it('splits a long line into partial entries and holds no more than one entry of it', () => {
    const { writer, lines } = collect();
    writer.push('stdout', Buffer.alloc(maxEntryBytes + 10, 'x'));
    assert.deepEqual(
      lines().map((l) => l.slice(31, 40)),
      ['stdout P '],
      'the first piece is written before the line ends',
    );
    writer.push('stdout', Buffer.from('yy\n'));
    const written = lines();
    assert.equal(written.length, 2);
    assert.equal(written[1], `2026-12-05T03:20:01.234000000Z stdout F ${'x'.repeat(10)}yy`);
  });

  it('keeps bytes as they came, not decoded', () => {
    const written: Buffer[] = [];
    const writer = new CriLogWriter(
      (entry) => written.push(entry),
      () => at,
    );
    writer.push('stdout', Buffer.from([0xff, 0xfe, 0x0a]));
    assert.deepEqual([...Buffer.concat(written).subarray(-3)], [0xff, 0xfe, 0x0a]);
  });
});
