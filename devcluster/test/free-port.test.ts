import assert from 'node:assert/strict';
import { createServer } from 'node:net';
import { describe, it } from 'node:test';
import { candidateRange, ephemeralRange, freePort } from './free-port.ts';

describe('freePort', () => {
  it('reads the ephemeral range, and falls back to Linux’s default on nonsense', () => {
    assert.deepEqual(ephemeralRange('32768\t60999\n'), [32768, 60999]);
    assert.deepEqual(ephemeralRange('garbage'), [32768, 60999]);
  });

  it('picks below the ephemeral range, else above it, else says what to change', () => {
    assert.deepEqual(candidateRange([32768, 60999]), [20000, 32767]);
    assert.deepEqual(candidateRange([10000, 50000]), [50001, 65535]);
    assert.throws(() => candidateRange([1024, 65000]), /ip_local_port_range/);
  });

  it('returns a port outside the ephemeral range that a server can listen on', async () => {
    const [first, last] = ephemeralRange();
    const port = await freePort();
    assert.ok(port < first || port > last, `${port} is outside ${first}-${last}`);
    const server = createServer();
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(port, '127.0.0.1', resolve);
    });
    await new Promise((resolve) => server.close(resolve));
  });
});
