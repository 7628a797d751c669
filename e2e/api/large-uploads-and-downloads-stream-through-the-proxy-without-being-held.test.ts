// Large bodies through the proxy are piped, never held: a 256 MiB upload arrives whole at the service,
// and a 1 GiB download whose reader stops reading makes the proxy stop reading the service (back-
// pressure) — ArgoVue's memory does not grow by the download while the reader is stopped. A proxy
// that buffered would hold hundreds of MB within the watch below (the echo app sends far faster).
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { request, type IncomingMessage } from 'node:http';
import { Readable } from 'node:stream';
import { before, describe, it } from 'node:test';
import { serviceProxyFixture, type ServiceBrowser } from '../support/service-proxy.ts';

const MiB = 1024 * 1024;

/** The resident memory of a process, in bytes (VmRSS). */
function rssOf(pid: number): number {
  const kb = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1];
  return Number(kb ?? 'NaN') * 1024;
}

describe('large bodies through the proxy', () => {
  const fixture = serviceProxyFixture('proxy-large');
  let alice: ServiceBrowser;
  before(async () => {
    await fixture.startInstance('echo');
    alice = await fixture.browserAs('alice', 'echo');
  });

  it('carries a 256 MiB chunked upload whole to the service', { timeout: 120_000 }, async () => {
    const chunk = Buffer.alloc(MiB, 'u');
    let sent = 0;
    const body = new Readable({
      read() {
        if (sent >= 256) this.push(null);
        else {
          sent++;
          this.push(chunk);
        }
      },
    });
    const answer = await new Promise<string>((resolve, reject) => {
      const req = request({
        host: '127.0.0.1',
        port: fixture.server().proxyPort,
        path: '/upload',
        method: 'POST',
        headers: { Host: alice.host, Cookie: alice.cookieHeader, 'Transfer-Encoding': 'chunked' },
      });
      req.once('response', (res) => {
        let text = '';
        res.on('data', (c: Buffer) => (text += c.toString()));
        res.on('end', () => resolve(text));
      });
      req.once('error', reject);
      body.pipe(req);
    });
    assert.deepEqual(JSON.parse(answer), { bytes: 256 * MiB });
  });

  it(
    'stops reading a download from the service while its reader does not read',
    { timeout: 120_000 },
    async () => {
      const pid = fixture.server().pid;
      const before = rssOf(pid);
      let received = 0;
      const res = await new Promise<IncomingMessage>((resolve, reject) => {
        const req = request({
          host: '127.0.0.1',
          port: fixture.server().proxyPort,
          path: `/bytes?n=${1024 * MiB}`,
          headers: { Host: alice.host, Cookie: alice.cookieHeader },
        });
        req.once('response', resolve);
        req.once('error', reject);
        req.end();
      });
      assert.equal(res.statusCode, 200);
      // Read the first 8 MiB, then stop reading.
      await new Promise<void>((resolve) => {
        const onData = (chunk: Buffer): void => {
          received += chunk.length;
          if (received >= 8 * MiB) {
            res.off('data', onData);
            res.pause();
            resolve();
          }
        };
        res.on('data', onData);
      });
      // Watch the server's memory for 3 s while nothing is read: bounded, and long enough for the echo
      // app to send several hundred MB into a proxy that did not wait for its reader.
      let peak = before;
      for (let i = 0; i < 15; i++) {
        await new Promise((resolve) => setTimeout(resolve, 200));
        peak = Math.max(peak, rssOf(pid));
      }
      res.destroy();
      assert.ok(peak - before < 96 * MiB, `the server grew by ${Math.round((peak - before) / MiB)} MiB`);
    },
  );
});
