import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { encodeFrame, parseFrame } from './websocket-echo.ts';

/** A client frame: masked, as browsers send them. */
function clientFrame(opcode: number, payload: Buffer): Buffer {
  const mask = Buffer.from([1, 2, 3, 4]);
  const masked = Buffer.from(payload.map((byte, i) => byte ^ (mask[i % 4] ?? 0)));
  const server = encodeFrame({ fin: true, opcode, payload: masked });
  const headerLength = server.length - payload.length;
  const header = Buffer.from(server.subarray(0, headerLength));
  header[1] = (header[1] ?? 0) | 0x80;
  return Buffer.concat([header, mask, masked]);
}

describe('WebSocket frames', () => {
  for (const size of [0, 125, 126, 65535, 65536, 200_000]) {
    it(`round-trips a masked ${size}-byte frame`, () => {
      const payload = Buffer.alloc(size, 'a');
      const parsed = parseFrame(clientFrame(0x2, payload));
      assert.ok(parsed);
      assert.equal(parsed.frame.opcode, 0x2);
      assert.deepEqual(parsed.frame.payload, payload);
      assert.deepEqual(parseFrame(encodeFrame(parsed.frame))?.frame.payload, payload);
    });
  }

  it('waits for the rest of a frame cut anywhere', () => {
    const whole = clientFrame(0x1, Buffer.from('hello'));
    for (let cut = 0; cut < whole.length; cut++) assert.equal(parseFrame(whole.subarray(0, cut)), undefined);
    assert.equal(parseFrame(whole)?.length, whole.length);
  });

  it('refuses a frame announcing more than 64 MiB', () => {
    const header = Buffer.alloc(10);
    header[0] = 0x82;
    header[1] = 127;
    header.writeBigUInt64BE(2n ** 40n, 2);
    assert.throws(() => parseFrame(header), RangeError);
  });
});
