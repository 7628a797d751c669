// Request smuggling through the proxy: a request whose body length the proxy and the service could
// read differently (Content-Length and Transfer-Encoding together, two lengths, a transfer coding
// other than chunked, a malformed header name or chunk) is refused with 400 and the connection closed,
// so the request hidden in its body never reaches the service as a request of its own. Node's parser
// (llhttp, strict) refused every one of these before the proxy saw it (checked with the proxy's own
// check turned off); it accepts a coding before `chunked` (`gzip, chunked`), which the proxy refuses
// itself: it forwards bodies re-framed as plain chunks, and the service would read gzip it was not told of. Each attack hides `GET /echo?smuggled` in the body: the
// echo app would answer it with a second response on the same connection.
import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import { rawExchange } from '../support/raw-http.ts';
import { serviceProxyFixture, type ServiceBrowser } from '../support/service-proxy.ts';

describe('request smuggling through the proxy', () => {
  const fixture = serviceProxyFixture('proxy-smuggle');
  let alice: ServiceBrowser;
  before(async () => {
    await fixture.startInstance('echo');
    alice = await fixture.browserAs('alice', 'echo');
  });

  const head = (): string => `Host: ${alice.host}\r\nCookie: ${alice.cookieHeader}\r\n`;
  const smuggled = (): string =>
    `GET /echo?smuggled HTTP/1.1\r\nHost: ${alice.host}\r\nCookie: ${alice.cookieHeader}\r\n\r\n`;
  const send = (bytes: string) => rawExchange(fixture.server().proxyPort, bytes);

  it('answers well-framed requests on one connection, each in turn (the check below can see a second answer)', async () => {
    const body = 'hello';
    const exchange = await send(
      `POST /upload HTTP/1.1\r\n${head()}Content-Length: ${body.length}\r\n\r\n${body}` +
        `POST /upload HTTP/1.1\r\n${head()}Transfer-Encoding: chunked\r\n\r\n5\r\nhello\r\n0\r\n\r\n` +
        smuggled(),
    );
    assert.deepEqual(exchange.statuses, [200, 200, 200]);
    assert.match(exchange.text, /"bytes":5[^]*"bytes":5[^]*smuggled/);
  });

  const attacks: [string, () => string][] = [
    [
      'Content-Length with Transfer-Encoding: chunked (CL.TE)',
      () => {
        const inner = `0\r\n\r\n${smuggled()}`;
        return `POST /upload HTTP/1.1\r\n${head()}Content-Length: ${inner.length}\r\nTransfer-Encoding: chunked\r\n\r\n${inner}`;
      },
    ],
    [
      'Transfer-Encoding: chunked before Content-Length (TE.CL)',
      () =>
        `POST /upload HTTP/1.1\r\n${head()}Transfer-Encoding: chunked\r\nContent-Length: 4\r\n\r\n5c\r\n${smuggled()}\r\n0\r\n\r\n`,
    ],
    [
      'two different Content-Length headers',
      () =>
        `POST /upload HTTP/1.1\r\n${head()}Content-Length: 0\r\nContent-Length: ${smuggled().length}\r\n\r\n${smuggled()}`,
    ],
    [
      'Content-Length of two values in one header',
      () => `POST /upload HTTP/1.1\r\n${head()}Content-Length: 0, 5\r\n\r\n${smuggled()}`,
    ],
    [
      'a transfer coding other than chunked',
      () => `POST /upload HTTP/1.1\r\n${head()}Transfer-Encoding: gzip\r\n\r\n${smuggled()}`,
    ],
    [
      'a coding before chunked',
      () =>
        `POST /upload HTTP/1.1\r\n${head()}Transfer-Encoding: gzip, chunked\r\n\r\n0\r\n\r\n${smuggled()}`,
    ],
    [
      'chunked, then another coding',
      () =>
        `POST /upload HTTP/1.1\r\n${head()}Transfer-Encoding: chunked, identity\r\n\r\n0\r\n\r\n${smuggled()}`,
    ],
    [
      'a space before the colon of Transfer-Encoding',
      () =>
        `POST /upload HTTP/1.1\r\n${head()}Transfer-Encoding : chunked\r\nContent-Length: 0\r\n\r\n0\r\n\r\n${smuggled()}`,
    ],
    [
      'Transfer-Encoding folded onto a second line',
      () => `POST /upload HTTP/1.1\r\n${head()}Transfer-Encoding:\r\n chunked\r\n\r\n0\r\n\r\n${smuggled()}`,
    ],
    [
      'a malformed chunk size',
      () =>
        `POST /upload HTTP/1.1\r\n${head()}Transfer-Encoding: chunked\r\n\r\n5;\r\nhello\r\n0x0\r\n\r\n${smuggled()}`,
    ],
    [
      'a bare LF ending a header line',
      () =>
        `POST /upload HTTP/1.1\r\n${head()}Transfer-Encoding: chunked\nContent-Length: 3\r\n\r\n0\r\n\r\n${smuggled()}`,
    ],
  ];

  for (const [name, request] of attacks)
    it(`refuses ${name}, and the hidden request never reaches the service`, async () => {
      const exchange = await send(request());
      assert.deepEqual(exchange.statuses, [400], exchange.text);
      assert.ok(exchange.closedByServer, 'the connection is closed after the refusal');
      assert.doesNotMatch(exchange.text, /smuggled/);
    });
});
