// A state-changing request needs the session's CSRF token and, when it says where it came from,
// ArgoVue's own origin. Without them nothing changes.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { ApiError, Me } from '@argovue/api-types';
import { apiSuite } from '../support/suites.ts';

describe('CSRF defences', () => {
  const suite = apiSuite('alice');

  it('refuses a logout without the CSRF token, and the session lives on', async () => {
    const { status, body } = await suite.alice.json<ApiError>('/auth/logout', { method: 'POST' });
    assert.equal(status, 403);
    assert.equal(body.code, 'CSRF_FAILED');
    assert.equal((await suite.alice.json<Me>('/api/v1/me')).status, 200);
  });

  it('refuses a wrong CSRF token', async () => {
    const { status, body } = await suite.alice.json<ApiError>('/auth/logout', {
      method: 'POST',
      headers: { 'x-csrf-token': 'not-the-token' },
    });
    assert.equal(status, 403);
    assert.equal(body.code, 'CSRF_FAILED');
  });

  it('refuses the right token sent from another origin', async () => {
    const { status, body } = await suite.alice.json<ApiError>('/auth/logout', {
      method: 'POST',
      headers: { 'x-csrf-token': suite.alice.csrfToken ?? '', origin: 'https://evil.example' },
    });
    assert.equal(status, 403);
    assert.equal(body.code, 'CSRF_FAILED');
    assert.equal((await suite.alice.json<Me>('/api/v1/me')).status, 200);
  });

  it('sets the session cookies HttpOnly and SameSite', async () => {
    const res = await suite.alice.fetch('/auth/login?returnTo=/');
    const loginCookie = res.headers.getSetCookie().find((c) => c.startsWith('argovue_login='));
    assert.match(loginCookie ?? '', /HttpOnly/i);
    assert.match(loginCookie ?? '', /SameSite=Lax/i);
  });
});
