// A state-changing request needs the session's CSRF token and, when it says where it came from,
// ArgoVue's own origin. Without them nothing changes.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { ApiError, Me } from '@argovue/api-types';
import { loginAs, type ApiClient } from '../support/api-client.ts';
import { startServer, type RunningServer } from '../support/server.ts';

describe('CSRF defences', () => {
  let server: RunningServer;
  let alice: ApiClient;
  before(async () => {
    server = await startServer();
    alice = await loginAs(server.url, 'alice');
  });
  after(async () => {
    await server.stop();
  });

  it('refuses a logout without the CSRF token, and the session lives on', async () => {
    const { status, body } = await alice.json<ApiError>('/auth/logout', { method: 'POST' });
    assert.equal(status, 403);
    assert.equal(body.code, 'CSRF_FAILED');
    assert.equal((await alice.json<Me>('/api/v1/me')).status, 200);
  });

  it('refuses a wrong CSRF token', async () => {
    const { status, body } = await alice.json<ApiError>('/auth/logout', {
      method: 'POST',
      headers: { 'x-csrf-token': 'not-the-token' },
    });
    assert.equal(status, 403);
    assert.equal(body.code, 'CSRF_FAILED');
  });

  it('refuses the right token sent from another origin', async () => {
    const { status, body } = await alice.json<ApiError>('/auth/logout', {
      method: 'POST',
      headers: { 'x-csrf-token': alice.csrfToken ?? '', origin: 'https://evil.example' },
    });
    assert.equal(status, 403);
    assert.equal(body.code, 'CSRF_FAILED');
    assert.equal((await alice.json<Me>('/api/v1/me')).status, 200);
  });

  it('sets the session cookies HttpOnly and SameSite', async () => {
    const res = await alice.fetch('/auth/login?returnTo=/');
    const loginCookie = res.headers.getSetCookie().find((c) => c.startsWith('argovue_login='));
    assert.match(loginCookie ?? '', /HttpOnly/i);
    assert.match(loginCookie ?? '', /SameSite=Lax/i);
  });
});
