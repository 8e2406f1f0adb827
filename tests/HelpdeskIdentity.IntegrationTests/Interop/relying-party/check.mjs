// An independent relying party: npm's openid-client against the running service. Exits non-zero,
// with the reason on stderr, on the first thing it rejects. Driven by OpenIdClientInteropTests.
// Environment: ISSUER, PORTAL_CLIENT_ID, PORTAL_REDIRECT_URI, BACKEND_CLIENT_ID, BACKEND_CLIENT_SECRET, EMAIL, PASSWORD.
import * as oidc from 'openid-client';
import assert from 'node:assert/strict';

const env = (name) => process.env[name] ?? assert.fail(`${name} is not set`);
const issuer = new URL(env('ISSUER'));
const insecure = { execute: [oidc.allowInsecureRequests] }; // the test service listens on http://127.0.0.1

// A browser without JavaScript: keeps cookies, follows nothing by itself.
const cookies = new Map();
async function browse(url, init = {}) {
  const headers = new Headers(init.headers);
  headers.set('cookie', [...cookies].map(([k, v]) => `${k}=${v}`).join('; '));
  const response = await fetch(url, { ...init, headers, redirect: 'manual' });
  for (const line of response.headers.getSetCookie()) {
    const [pair] = line.split(';');
    const at = pair.indexOf('=');
    cookies.set(pair.slice(0, at).trim(), pair.slice(at + 1));
  }
  return response;
}
const locationOf = (response, base) => {
  assert.equal(response.status, 302, `expected a redirect from ${response.url}, got ${response.status}`);
  return new URL(response.headers.get('location'), base);
};

// 1. Discovery, as the portal (public client, PKCE).
const portal = await oidc.discovery(issuer, env('PORTAL_CLIENT_ID'), undefined, oidc.None(), insecure);
assert.equal(portal.serverMetadata().issuer, issuer.href.replace(/\/$/, ''));

// 2. Authorization code + PKCE through the real sign-in form.
const verifier = oidc.randomPKCECodeVerifier();
const state = oidc.randomState();
const nonce = oidc.randomNonce();
const authorizeUrl = oidc.buildAuthorizationUrl(portal, {
  redirect_uri: env('PORTAL_REDIRECT_URI'),
  scope: 'openid profile email offline_access',
  code_challenge: await oidc.calculatePKCECodeChallenge(verifier),
  code_challenge_method: 'S256',
  state,
  nonce,
});
const loginUrl = locationOf(await browse(authorizeUrl), issuer);
const loginPage = await (await browse(loginUrl)).text();
const form = new URLSearchParams();
for (const [input] of loginPage.matchAll(/<input[^>]*type="hidden"[^>]*>/g)) {
  const attribute = (name) => input.match(new RegExp(`\\s${name}="([^"]*)"`))?.[1]?.replaceAll('&amp;', '&') ?? '';
  form.set(attribute('name'), attribute('value'));
}
form.set('Input.Email', env('EMAIL'));
form.set('Input.Password', env('PASSWORD'));
const afterLogin = await browse(loginUrl, { method: 'POST', body: form, headers: { 'content-type': 'application/x-www-form-urlencoded' } });
const callback = locationOf(await browse(locationOf(afterLogin, issuer)), issuer);
assert.ok(callback.href.startsWith(env('PORTAL_REDIRECT_URI')), `landed on ${callback.href}`);

// 3. Code → tokens: openid-client checks state, iss (RFC 9207), the ID token's signature (JWKS), nonce, at_hash.
const tokens = await oidc.authorizationCodeGrant(portal, callback, { pkceCodeVerifier: verifier, expectedState: state, expectedNonce: nonce, idTokenExpected: true });
const claims = tokens.claims();
assert.equal(claims.email, env('EMAIL'));
assert.ok(tokens.refresh_token, 'a refresh token for offline_access');

// 4. UserInfo, refresh (rotation), revocation.
const userInfo = await oidc.fetchUserInfo(portal, tokens.access_token, claims.sub);
assert.equal(userInfo.email, env('EMAIL'));
const refreshed = await oidc.refreshTokenGrant(portal, tokens.refresh_token);
assert.notEqual(refreshed.refresh_token, tokens.refresh_token, 'refresh tokens rotate');
assert.equal(refreshed.claims().sub, claims.sub);
await oidc.tokenRevocation(portal, refreshed.refresh_token);
await assert.rejects(oidc.refreshTokenGrant(portal, refreshed.refresh_token), (error) => error.error === 'invalid_grant');

// 5. The helpdesk back-end: client credentials and introspection (confidential, client_secret_basic).
const backend = await oidc.discovery(issuer, env('BACKEND_CLIENT_ID'), undefined, oidc.ClientSecretBasic(env('BACKEND_CLIENT_SECRET')), insecure);
const service = await oidc.clientCredentialsGrant(backend, { scope: 'identity.admin' });
const introspected = await oidc.tokenIntrospection(backend, service.access_token);
assert.equal(introspected.active, true);
assert.equal(introspected.client_id, env('BACKEND_CLIENT_ID'));

// 6. RP-initiated logout URL is built from discovery.
const endSession = oidc.buildEndSessionUrl(portal, { id_token_hint: tokens.id_token, post_logout_redirect_uri: new URL('/', env('PORTAL_REDIRECT_URI')).href });
const loggedOut = await browse(endSession);
assert.equal(loggedOut.status, 302);

console.log(JSON.stringify({ ok: true, sub: claims.sub, email: claims.email, scope: tokens.scope, introspected: introspected.active, logout: loggedOut.headers.get('location') }));
