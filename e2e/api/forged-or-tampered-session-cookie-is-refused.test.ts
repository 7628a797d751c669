// A session cookie that ArgoVue did not seal, or that was changed, is refused with no data.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { ApiError } from '@argovue/api-types';
import { Sealer } from '../../server/src/auth/sealed.ts';
import { sessionCookies } from '../../server/src/auth/session-cookie.ts';
import { ApiClient, loginAs } from '../support/api-client.ts';
import { apiSuite } from '../support/suites.ts';

describe('forged and tampered session cookies', () => {
  const suite = apiSuite();

  it('refuses a tampered cookie', async () => {
    const alice = await loginAs(suite.server.url, 'alice');
    const value = alice.cookies.get('argovue_session.0') ?? '';
    const i = Math.floor(value.length / 2);
    alice.cookies.set(
      'argovue_session.0',
      value.slice(0, i) + (value[i] === 'A' ? 'B' : 'A') + value.slice(i + 1),
    );
    const { status, body } = await alice.json<ApiError>('/api/v1/namespaces');
    assert.equal(status, 401);
    assert.equal(body.code, 'UNAUTHENTICATED');
  });

  it('refuses a well-formed session sealed with another key', async () => {
    const forger = new Sealer(['a-key-the-attacker-made-up-0123456789abcdef'], 'session');
    const now = Math.floor(Date.now() / 1000);
    const cookies = await sessionCookies(
      forger,
      {
        sid: 'forged-session-id-000',
        claims: { email: 'admin@example.com', groups: ['team-a', 'team-b'] },
        issuedAt: now,
        expiresAt: now + 3600,
        idTokenExpiresAt: now + 3600,
      },
      3600,
    );
    assert.ok(cookies);
    const client = new ApiClient(suite.server.url);
    for (const cookie of cookies) if (cookie.value !== '') client.cookies.set(cookie.name, cookie.value);
    const { status, body } = await client.json<ApiError>('/api/v1/namespaces/team-a');
    assert.equal(status, 401);
    assert.equal(body.code, 'UNAUTHENTICATED');
  });

  it('refuses a request with no session', async () => {
    const { status, body } = await new ApiClient(suite.server.url).json<ApiError>('/api/v1/me');
    assert.equal(status, 401);
    assert.equal(body.code, 'UNAUTHENTICATED');
  });
});
