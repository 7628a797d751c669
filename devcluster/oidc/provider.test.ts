// The demo provider, driven over real HTTP by openid-client as ArgoVue will drive it.
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import * as client from 'openid-client';
import { startOidcProvider, type RunningOidcProvider } from './provider.ts';
import { formFields, scriptedBrowser, signIn, type ScriptedBrowser } from './scripted-browser.ts';
import { demoPassword, findDemoUser } from './users.ts';

const idTokenTtlSeconds = 120;
const clientSecret = randomBytes(24).toString('hex');
// ArgoVue's pretend address: nothing listens there, the tests only read the redirects to it.
const argovue = 'http://127.0.0.1:41234';
const callback = `${argovue}/auth/callback`;
const scope = 'openid profile email groups offline_access';

// openid-client marks this deprecated to make it stand out: the provider is plain http on loopback.
// eslint-disable-next-line @typescript-eslint/no-deprecated
const httpIssuer = { execute: [client.allowInsecureRequests] };

let provider: RunningOidcProvider;
let config: client.Configuration;

before(async () => {
  provider = await startOidcProvider({ port: 0, clientSecret, idTokenTtlSeconds, log: () => {} });
  config = await client.discovery(new URL(provider.issuer), 'argovue', clientSecret, undefined, httpIssuer);
});
after(() => provider.close());

async function authorizationRequest(params: Record<string, string> = {}) {
  const pkceCodeVerifier = client.randomPKCECodeVerifier();
  const expectedState = client.randomState();
  const expectedNonce = client.randomNonce();
  const url = client.buildAuthorizationUrl(config, {
    redirect_uri: callback,
    scope,
    code_challenge: await client.calculatePKCECodeChallenge(pkceCodeVerifier),
    code_challenge_method: 'S256',
    state: expectedState,
    nonce: expectedNonce,
    ...params,
  });
  return { url, checks: { pkceCodeVerifier, expectedState, expectedNonce } };
}

async function logIn(username: string, rp = config, params: Record<string, string> = {}) {
  const browser = scriptedBrowser(provider.issuer);
  const { url, checks } = await authorizationRequest(params);
  const back = await signIn(browser, url, username, demoPassword);
  assert.ok(back.location, `no redirect back to ArgoVue (status ${back.status}): ${back.body}`);
  const tokens = await client.authorizationCodeGrant(rp, new URL(back.location), checks);
  return { browser, tokens };
}

function groupsOf(claims: Record<string, unknown> | undefined): unknown {
  return claims?.['groups'];
}

describe('demo OpenID provider', () => {
  it('alice-logs-in-with-code-and-pkce-and-her-id-token-has-group-team-a', async () => {
    const { tokens } = await logIn('alice');
    const claims = tokens.claims();
    assert.ok(claims);
    assert.equal(claims.iss, provider.issuer);
    assert.equal(claims.sub, 'alice');
    assert.equal(claims['name'], 'Alice Analyst');
    assert.equal(claims['preferred_username'], 'alice');
    assert.equal(claims['email'], 'alice@example.com');
    assert.equal(claims['email_verified'], true);
    assert.deepEqual(groupsOf(claims), ['team-a']);
    assert.ok(tokens.refresh_token, 'a refresh token without prompt=consent');
    const userinfo = await client.fetchUserInfo(config, tokens.access_token, 'alice');
    assert.deepEqual(userinfo['groups'], ['team-a']);
  });

  it('id-tokens-live-as-long-as-configured', async () => {
    const claims = (await logIn('bob')).tokens.claims();
    assert.equal(Number(claims?.exp) - Number(claims?.iat), idTokenTtlSeconds);
  });

  it('rejects-a-wrong-password-and-says-so', async () => {
    const browser = scriptedBrowser(provider.issuer);
    const { url } = await authorizationRequest();
    const refused = await signIn(browser, url, 'alice', 'not-the-password');
    assert.equal(refused.status, 200);
    assert.equal(refused.location, undefined);
    assert.match(refused.body, /role="alert"[^>]*>Invalid username or password</);
  });

  it('rejects-an-unknown-user-like-a-wrong-password', async () => {
    const { url } = await authorizationRequest();
    const refused = await signIn(scriptedBrowser(provider.issuer), url, 'zed', demoPassword);
    assert.equal(refused.status, 200);
    assert.match(refused.body, /Invalid username or password/);
  });

  it('escapes-the-typed-username-on-the-login-page', async () => {
    const { url } = await authorizationRequest();
    const page = await signIn(scriptedBrowser(provider.issuer), url, '"><script>x()</script>', 'x');
    assert.doesNotMatch(page.body, /<script>x\(\)/);
    assert.match(page.body, /value="&quot;&gt;&lt;script&gt;x\(\)&lt;\/script&gt;"/);
  });

  it('rejects-a-redirect-uri-on-a-non-loopback-host', async () => {
    const { url } = await authorizationRequest({ redirect_uri: 'http://evil.example/auth/callback' });
    const page = await scriptedBrowser(provider.issuer).open(url);
    assert.equal(page.status, 400);
    assert.equal(page.location, undefined);
    assert.match(page.body, /invalid_redirect_uri/);
  });

  it('rejects-a-loopback-redirect-uri-with-another-path', async () => {
    const { url } = await authorizationRequest({ redirect_uri: `${argovue}/auth/callback/x` });
    const page = await scriptedBrowser(provider.issuer).open(url);
    assert.equal(page.status, 400);
    assert.match(page.body, /invalid_redirect_uri/);
  });

  it('accepts-localhost-on-any-port-as-redirect-host', async () => {
    const { tokens } = await logIn('carol', config, {
      redirect_uri: 'http://localhost:5173/auth/callback',
    });
    assert.deepEqual(groupsOf(tokens.claims()), ['team-a', 'team-b']);
  });

  it('rejects-an-authorization-request-without-pkce', async () => {
    const url = client.buildAuthorizationUrl(config, { redirect_uri: callback, scope, state: 's' });
    const page = await scriptedBrowser(provider.issuer).open(url);
    const back = new URL(page.location ?? 'http://missing.invalid');
    assert.equal(`${back.origin}${back.pathname}`, callback);
    assert.equal(back.searchParams.get('error'), 'invalid_request');
  });

  it('prompt-consent-is-granted-without-a-consent-page-and-keeps-offline-access', async () => {
    const { tokens } = await logIn('bob', config, { prompt: 'consent' });
    assert.ok(tokens.refresh_token);
    assert.match(tokens.scope ?? '', /\boffline_access\b/);
    assert.deepEqual(groupsOf(tokens.claims()), ['team-b']);
  });

  it('refresh-returns-an-id-token-with-the-same-claims', async () => {
    const { tokens } = await logIn('dave');
    assert.ok(tokens.refresh_token);
    const refreshed = await client.refreshTokenGrant(config, tokens.refresh_token);
    assert.ok(refreshed.id_token);
    const { iat, exp, ...claims } = refreshed.claims() ?? {};
    const { iat: firstIat, exp: firstExp, ...firstClaims } = tokens.claims() ?? {};
    assert.ok(Number(iat) >= Number(firstIat) && Number(exp) >= Number(firstExp));
    assert.deepEqual(claims, firstClaims);
    assert.deepEqual(groupsOf(claims), ['team-a', 'team-a-developers']);
  });

  it('gina-in-300-groups-gets-all-300-in-her-id-token-with-client-secret-basic', async () => {
    const basic = await client.discovery(
      new URL(provider.issuer),
      'argovue',
      {},
      client.ClientSecretBasic(clientSecret),
      httpIssuer,
    );
    const groups = groupsOf((await logIn('gina', basic)).tokens.claims());
    assert.ok(Array.isArray(groups));
    assert.equal(groups.length, 300);
    assert.deepEqual(groups, findDemoUser('gina')?.groups);
  });

  it('passes-a-system-group-name-through-unchanged-for-argovue-to-refuse', async () => {
    const { tokens } = await logIn('mallory');
    assert.deepEqual(groupsOf(tokens.claims()), ['system:masters', 'team-b']);
  });

  it('erin-in-no-team-gets-an-empty-groups-claim', async () => {
    const { tokens } = await logIn('erin');
    assert.deepEqual(groupsOf(tokens.claims()), []);
  });
});

describe('demo OpenID provider sessions and logout', () => {
  async function logOut(browser: ScriptedBrowser, idToken: string, postLogout: string) {
    const url = client.buildEndSessionUrl(config, {
      id_token_hint: idToken,
      post_logout_redirect_uri: postLogout,
      state: 'bye',
    });
    return browser.open(url);
  }

  it('a-second-login-in-the-same-browser-skips-the-login-page', async () => {
    const { browser } = await logIn('alice');
    const { url } = await authorizationRequest();
    const again = await browser.open(url);
    assert.ok(again.location?.startsWith(`${callback}?code=`), again.body);
  });

  it('logout-ends-the-provider-session-and-returns-to-argovue', async () => {
    const { browser, tokens } = await logIn('alice');
    assert.ok(tokens.id_token && tokens.refresh_token);
    const page = await logOut(browser, tokens.id_token, `${argovue}/`);
    assert.equal(page.status, 200);
    // What the page's script does in a browser: submit the provider's form (xsrf, logout=yes).
    const { action, fields } = formFields(page.body);
    assert.equal(fields['logout'], 'yes');
    const done = await browser.open(new URL(action, page.url), fields);
    assert.equal(done.location, `${argovue}/?state=bye`);

    await assert.rejects(client.refreshTokenGrant(config, tokens.refresh_token), {
      error: 'invalid_grant',
    });
    const { url } = await authorizationRequest();
    const loginAgain = await browser.open(url);
    assert.equal(loginAgain.location, undefined, 'the provider session is gone');
    assert.match(loginAgain.body, /<label for="password">Password<\/label>/);
  });

  it('rejects-a-post-logout-redirect-uri-on-another-host', async () => {
    const { browser, tokens } = await logIn('bob');
    assert.ok(tokens.id_token);
    const page = await logOut(browser, tokens.id_token, 'http://evil.example/');
    assert.equal(page.status, 400);
    assert.equal(page.location, undefined);
  });
});

describe('demo OpenID provider with one-second ID tokens', () => {
  let shortLived: RunningOidcProvider;
  let rp: client.Configuration;
  before(async () => {
    shortLived = await startOidcProvider({ port: 0, clientSecret, idTokenTtlSeconds: 1, log: () => {} });
    rp = await client.discovery(new URL(shortLived.issuer), 'argovue', clientSecret, undefined, httpIssuer);
  });
  after(() => shortLived.close());

  it('refresh-after-the-id-token-expired-returns-a-new-unexpired-one', async () => {
    const browser = scriptedBrowser(shortLived.issuer);
    const pkceCodeVerifier = client.randomPKCECodeVerifier();
    const url = client.buildAuthorizationUrl(rp, {
      redirect_uri: callback,
      scope,
      code_challenge: await client.calculatePKCECodeChallenge(pkceCodeVerifier),
      code_challenge_method: 'S256',
    });
    const back = await signIn(browser, url, 'alice', demoPassword);
    const tokens = await client.authorizationCodeGrant(rp, new URL(back.location ?? ''), {
      pkceCodeVerifier,
    });
    assert.ok(tokens.refresh_token);
    const expiredAt = Number(tokens.claims()?.exp);
    await new Promise((resolve) => setTimeout(resolve, (expiredAt + 1) * 1000 - Date.now()));

    const refreshed = await client.refreshTokenGrant(rp, tokens.refresh_token);
    assert.ok(refreshed.id_token);
    assert.notEqual(refreshed.id_token, tokens.id_token);
    assert.ok(Number(refreshed.claims()?.exp) > expiredAt);
    assert.deepEqual(groupsOf(refreshed.claims()), ['team-a']);
  });
});
