import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { browserResponseHeaders, serviceCookies, upstreamRequestHeaders } from './forward-headers.ts';

const context = {
  user: { username: 'oidc:alice@example.com', email: 'alice@example.com', groups: ['oidc:team-a', 'a,b'] },
  clientAddress: '127.0.0.1',
  proto: 'http',
};

function asMap(raw: string[]): Map<string, string[]> {
  const map = new Map<string, string[]>();
  for (let i = 0; i < raw.length; i += 2) {
    const name = (raw[i] ?? '').toLowerCase();
    map.set(name, [...(map.get(name) ?? []), raw[i + 1] ?? '']);
  }
  return map;
}

describe('headers to the service', () => {
  it("names each request's own user, though identity headers are made once per user object", () => {
    const bob = { username: 'oidc:bob@example.com', groups: ['oidc:team-b'] };
    for (let round = 0; round < 2; round++) {
      const alice = asMap(upstreamRequestHeaders(['Host', 'h'], context));
      const other = asMap(upstreamRequestHeaders(['Host', 'h'], { ...context, user: bob }));
      assert.deepEqual(alice.get('x-argovue-user'), ['oidc:alice@example.com']);
      assert.deepEqual(alice.get('x-argovue-email'), ['alice@example.com']);
      assert.deepEqual(other.get('x-argovue-user'), ['oidc:bob@example.com']);
      assert.deepEqual(other.get('x-argovue-groups'), ['oidc:team-b']);
      assert.equal(other.get('x-argovue-email'), undefined, 'no email of another user');
    }
  });

  it('drops credentials, identity claims and hop-by-hop headers, and sets ours once', () => {
    const out = asMap(
      upstreamRequestHeaders(
        [
          'Host',
          'lab--team-a.localhost:8081',
          'Authorization',
          'Bearer stolen',
          'X-Forwarded-For',
          '6.6.6.6',
          'x-forwarded-user',
          'admin',
          'X-ArgoVue-User',
          'admin',
          'X-ArgoVue-Groups',
          'system:masters',
          'Forwarded',
          'for=6.6.6.6',
          'Connection',
          'keep-alive, X-Secret',
          'X-Secret',
          'hop',
          'Keep-Alive',
          'timeout=5',
          'Accept',
          'text/html',
          'Cookie',
          'argovue_session.0=abc; _xsrf=1',
          'Cookie',
          '__Host-argovue_proxy.0=def; username-x=2',
        ],
        context,
      ),
    );
    assert.deepEqual(out.get('host'), ['lab--team-a.localhost:8081']);
    assert.deepEqual(out.get('x-forwarded-for'), ['127.0.0.1']);
    assert.deepEqual(out.get('x-forwarded-host'), ['lab--team-a.localhost:8081']);
    assert.deepEqual(out.get('x-forwarded-proto'), ['http']);
    assert.deepEqual(out.get('x-argovue-user'), ['oidc:alice@example.com']);
    assert.deepEqual(out.get('x-argovue-email'), ['alice@example.com']);
    assert.deepEqual(out.get('x-argovue-groups'), ['oidc:team-a,a%2Cb']);
    assert.deepEqual(out.get('cookie'), ['_xsrf=1; username-x=2']);
    assert.deepEqual(out.get('accept'), ['text/html']);
    for (const gone of [
      'authorization',
      'x-forwarded-user',
      'forwarded',
      'connection',
      'x-secret',
      'keep-alive',
    ])
      assert.equal(out.has(gone), false, gone);
  });

  it('re-frames a chunked body and keeps a length', () => {
    const chunked = asMap(upstreamRequestHeaders(['Host', 'h', 'Transfer-Encoding', 'chunked'], context));
    assert.deepEqual(chunked.get('transfer-encoding'), ['chunked']);
    const sized = asMap(upstreamRequestHeaders(['Host', 'h', 'Content-Length', '5'], context));
    assert.deepEqual(sized.get('content-length'), ['5']);
    assert.equal(sized.has('transfer-encoding'), false);
  });

  it('keeps an upgrade, and sends no Cookie when only ArgoVue’s were there', () => {
    const out = asMap(
      upstreamRequestHeaders(['Host', 'h', 'Upgrade', 'websocket', 'Cookie', 'argovue_proxy.0=x'], {
        ...context,
        upgrade: 'websocket',
      }),
    );
    assert.deepEqual(out.get('connection'), ['Upgrade']);
    assert.deepEqual(out.get('upgrade'), ['websocket']);
    assert.equal(out.has('cookie'), false);
  });

  it('percent-encodes what a header cannot carry', () => {
    const out = asMap(
      upstreamRequestHeaders(['Host', 'h'], { ...context, user: { username: 'zoë\r\nX: y', groups: [] } }),
    );
    assert.deepEqual(out.get('x-argovue-user'), ['zo%C3%AB%0D%0AX: y']);
    assert.equal(out.has('x-argovue-email'), false);
  });

  it('keeps the service’s own cookies only', () => {
    assert.equal(serviceCookies(['argovue_session.0=a; ARGOVUE_x=b']), undefined);
    assert.equal(serviceCookies(['a=1;b=2', 'c']), 'a=1; b=2; c');
  });
});

describe('headers to the browser', () => {
  it('drops hop-by-hop headers and makes Set-Cookie host-only, never one of ArgoVue’s', () => {
    const out = asMap(
      browserResponseHeaders([
        'Content-Type',
        'text/html',
        'Transfer-Encoding',
        'chunked',
        'Connection',
        'close',
        'Set-Cookie',
        '_xsrf=1; Domain=localhost; Path=/',
        'Set-Cookie',
        'argovue_proxy.0=; Max-Age=0',
        'Set-Cookie',
        '__Host-argovue_session.0=x',
      ]),
    );
    assert.deepEqual(out.get('content-type'), ['text/html']);
    assert.deepEqual(out.get('set-cookie'), ['_xsrf=1; Path=/']);
    assert.equal(out.has('transfer-encoding'), false);
    assert.equal(out.has('connection'), false);
  });

  it('keeps Connection and Upgrade on a switching answer', () => {
    const out = asMap(
      browserResponseHeaders(['Connection', 'Upgrade', 'Upgrade', 'websocket'], { upgrade: true }),
    );
    assert.deepEqual(out.get('upgrade'), ['websocket']);
  });
});
