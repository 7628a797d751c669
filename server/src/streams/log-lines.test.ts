import assert from 'node:assert/strict';
import { Readable } from 'node:stream';
import { describe, it } from 'node:test';
import { cutMarker, limitedLines, LineLimit } from './log-lines.ts';

async function through(chunks: (string | Buffer)[], limit: number): Promise<string> {
  const out: Buffer[] = [];
  for await (const chunk of Readable.from(chunks.map((c) => Buffer.from(c))).pipe(new LineLimit(limit)))
    out.push(chunk as Buffer);
  return Buffer.concat(out).toString('utf8');
}

describe('LineLimit', () => {
  it('passes short lines as they are, across chunk boundaries', async () => {
    assert.equal(await through(['ab', 'c\nde', 'f\n', 'tail'], 8), 'abc\ndef\ntail');
  });

  it('cuts a long line at the limit, marks it once, and goes on with the next line', async () => {
    const text = await through(['0123456789', 'abcdef\nnext\n'], 8);
    assert.equal(text, `01234567${cutMarker(8)}\nnext\n`);
  });

  it('never splits a UTF-8 character at the cut', async () => {
    // "é" is two bytes; a limit of 3 falls inside the first one.
    assert.equal(await through(['aaéé\n'], 3), `aa${cutMarker(3)}\n`);
    assert.equal(await through(['aaéé\n'], 4), `aaé${cutMarker(4)}\n`);
  });

  it('holds nothing of a 50 MB line but the limit: its output is the limit and the marker', async () => {
    const mb = Buffer.alloc(1024 * 1024, 'x');
    const chunks = [
      Buffer.from('2026-11-25T10:00:00Z stdout F '),
      ...Array.from({ length: 50 }, () => mb),
      Buffer.from('\nafter\n'),
    ];
    const lines: string[] = [];
    for await (const line of limitedLines(Readable.from(chunks), 64 * 1024)) lines.push(line);
    assert.equal(lines.length, 2);
    assert.equal(Buffer.byteLength(lines[0] ?? ''), 64 * 1024 + Buffer.byteLength(cutMarker(64 * 1024)));
    assert.ok(lines[0]?.endsWith(cutMarker(64 * 1024)));
    assert.equal(lines[1], 'after');
  });
});

describe('limitedLines', () => {
  it('yields each line without its line break, the last one even without a newline', async () => {
    const lines: string[] = [];
    for await (const line of limitedLines(
      Readable.from([Buffer.from('one\r\ntw'), Buffer.from('o\nthree')]),
      100,
    ))
      lines.push(line);
    assert.deepEqual(lines, ['one', 'two', 'three']);
  });

  it('ends when its input fails, rather than waiting for ever', async () => {
    const input = new Readable({ read() {} });
    input.push('partial line');
    setTimeout(() => input.destroy(new Error('connection reset')), 10);
    await assert.rejects(async () => {
      for await (const line of limitedLines(input, 100)) assert.equal(line, 'never a whole line');
    });
  });
});
