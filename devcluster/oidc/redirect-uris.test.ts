// Which redirect URIs the argovue client may use: loopback, http(s), any port, one path.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { isLoopbackCallbackUri, isLoopbackPostLogoutUri } from './redirect-uris.ts';

describe('login redirect URIs', () => {
  for (const uri of [
    'http://127.0.0.1:8080/auth/callback',
    'http://127.0.0.1:41234/auth/callback',
    'http://localhost:5173/auth/callback',
    'http://localhost/auth/callback',
    'https://127.0.0.1:8443/auth/callback',
  ]) {
    it(`accepts ${uri}`, () => assert.equal(isLoopbackCallbackUri(uri), true));
  }

  for (const [why, uri] of [
    ['another host', 'http://evil.example/auth/callback'],
    ['a host that starts like loopback', 'http://127.0.0.1.evil.example/auth/callback'],
    ['user info that hides the host', 'http://127.0.0.1:8080@evil.example/auth/callback'],
    ['user info before loopback', 'http://evil.example@127.0.0.1:8080/auth/callback'],
    ['another scheme', 'ftp://127.0.0.1:8080/auth/callback'],
    ['https to another host', 'https://evil.example/auth/callback'],
    ['another path', 'http://127.0.0.1:8080/auth/callback/x'],
    ['a path prefix', 'http://127.0.0.1:8080/auth/callbackx'],
    ['the root path', 'http://127.0.0.1:8080/'],
    ['a query', 'http://127.0.0.1:8080/auth/callback?next=http://evil.example'],
    ['an empty query', 'http://127.0.0.1:8080/auth/callback?'],
    ['a fragment', 'http://127.0.0.1:8080/auth/callback#x'],
    ['a backslash', 'http://127.0.0.1:8080\\@evil.example/auth/callback'],
    ['a dot segment', 'http://127.0.0.1:8080/x/../auth/callback'],
    ['an encoded path', 'http://127.0.0.1:8080/auth/%63allback'],
    ['an upper-case host', 'http://LOCALHOST:8080/auth/callback'],
    ['IPv6 loopback', 'http://[::1]:8080/auth/callback'],
    ['another 127/8 address', 'http://127.0.0.2:8080/auth/callback'],
    ['a non-URL', 'not a url'],
  ] as const) {
    it(`rejects ${why}: ${uri}`, () => assert.equal(isLoopbackCallbackUri(uri), false));
  }
});

describe('post-logout redirect URIs', () => {
  for (const uri of [
    'http://127.0.0.1:8080/',
    'http://localhost:5173/signed-out?from=argovue',
    'https://127.0.0.1:8443/login?signedOut=1',
  ]) {
    it(`accepts ${uri}`, () => assert.equal(isLoopbackPostLogoutUri(uri), true));
  }
  for (const uri of [
    'http://evil.example/',
    'https://evil.example/',
    'http://127.0.0.1:8080@evil.example/',
    'http://127.0.0.1:8080/#x',
  ]) {
    it(`rejects ${uri}`, () => assert.equal(isLoopbackPostLogoutUri(uri), false));
  }
});
