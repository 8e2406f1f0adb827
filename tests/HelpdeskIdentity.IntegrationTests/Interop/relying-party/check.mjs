// An independent relying party: npm's openid-client against the running service. Exits non-zero,
// with the reason on stderr, on the first thing it rejects. Driven by OpenIdClientInteropTests.
// Environment: ISSUER, PORTAL_CLIENT_ID, PORTAL_REDIRECT_URI, BACKEND_CLIENT_ID, BACKEND_CLIENT_SECRET, EMAIL, PASSWORD,
// KEY_CLIENT_ID and KEY_CLIENT_JWK (a private RSA key as JWK, for private_key_jwt).
// Talks to the test on standard input and output: a line {"step":"rotate","kid":…} asks it to rotate the signing key;
// it answers with a line {"kid":…} once the service publishes the new key. The last line printed is the result.
import * as oidc from 'openid-client';
import assert from 'node:assert/strict';
import { createInterface } from 'node:readline';

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
assert.equal(portal.serverMetadata().issuer, issuer.href);
assert.ok(portal.serverMetadata().pushed_authorization_request_endpoint, 'discovery advertises PAR (RFC 9126)');
// Without this, openid-client trusts an ID token from the token endpoint on TLS alone (OIDC Core §3.1.3.7): check every
// ID token's signature against JWKS, as a relying party that keeps them as evidence does.
oidc.enableNonRepudiationChecks(portal);
const kidOf = (jwt) => JSON.parse(Buffer.from(jwt.split('.')[0], 'base64url')).kid;

// Asks the test driving this script to do something the service's operator does, and waits for its answer.
const input = createInterface({ input: process.stdin });
const answers = input[Symbol.asyncIterator]();
async function ask(request) {
  console.log(JSON.stringify(request));
  const { value, done } = await answers.next();
  assert.ok(!done, `no answer to ${JSON.stringify(request)}`);
  return JSON.parse(value);
}

// The sign-in form, filled in as a person would.
async function signIn(loginUrl) {
  const loginPage = await (await browse(loginUrl)).text();
  const form = new URLSearchParams();
  for (const [input] of loginPage.matchAll(/<input[^>]*type="hidden"[^>]*>/g)) {
    const attribute = (name) => input.match(new RegExp(`\\s${name}="([^"]*)"`))?.[1]?.replaceAll('&amp;', '&') ?? '';
    form.set(attribute('name'), attribute('value'));
  }
  form.set('Input.Email', env('EMAIL'));
  form.set('Input.Password', env('PASSWORD'));
  const afterLogin = await browse(loginUrl, { method: 'POST', body: form, headers: { 'content-type': 'application/x-www-form-urlencoded' } });
  return locationOf(await browse(locationOf(afterLogin, issuer)), issuer);
}

// Authorization code + PKCE: to the callback (signing in when the provider asks), then code → tokens. openid-client
// checks state, iss (RFC 9207), the ID token's signature (JWKS), nonce, at_hash, and auth_time against max_age.
async function codeFlow(extra = {}, { push = false } = {}) {
  const verifier = oidc.randomPKCECodeVerifier();
  const state = oidc.randomState();
  const nonce = oidc.randomNonce();
  const parameters = {
    redirect_uri: env('PORTAL_REDIRECT_URI'),
    scope: 'openid profile email offline_access',
    code_challenge: await oidc.calculatePKCECodeChallenge(verifier),
    code_challenge_method: 'S256',
    state,
    nonce,
    ...extra,
  };
  const authorizeUrl = push ? await oidc.buildAuthorizationUrlWithPAR(portal, parameters) : oidc.buildAuthorizationUrl(portal, parameters);
  if (push) {
    assert.ok(authorizeUrl.searchParams.get('request_uri'), 'the browser carries only a request_uri');
    assert.equal(authorizeUrl.searchParams.get('scope'), null);
  }
  let next = locationOf(await browse(authorizeUrl), issuer);
  const first = next.href;
  const signedIn = !next.href.startsWith(env('PORTAL_REDIRECT_URI'));
  if (signedIn) {
    next = await signIn(next);
  }
  assert.ok(next.href.startsWith(env('PORTAL_REDIRECT_URI')), `landed on ${next.href}`);
  const maxAge = extra.max_age === undefined ? undefined : Number(extra.max_age);
  const tokens = await oidc.authorizationCodeGrant(portal, next, { pkceCodeVerifier: verifier, expectedState: state, expectedNonce: nonce, idTokenExpected: true, maxAge });
  return { tokens, signedIn, first };
}

// 2-3. The first sign-in, through the form.
const { tokens, signedIn: askedToSignIn } = await codeFlow();
assert.ok(askedToSignIn, 'a new browser signs in');
const claims = tokens.claims();
assert.equal(claims.email, env('EMAIL'));
assert.ok(tokens.refresh_token, 'a refresh token for offline_access');
assert.deepEqual(claims.amr, ['pwd'], 'RFC 8176: signed in with a password');
assert.ok(claims.acr, 'the ID token says which acr the sign-in earned');

// 4. UserInfo, refresh (rotation), revocation.
const userInfo = await oidc.fetchUserInfo(portal, tokens.access_token, claims.sub);
assert.equal(userInfo.email, env('EMAIL'));
const refreshed = await oidc.refreshTokenGrant(portal, tokens.refresh_token);
assert.notEqual(refreshed.refresh_token, tokens.refresh_token, 'refresh tokens rotate');
assert.equal(refreshed.claims().sub, claims.sub);
await oidc.tokenRevocation(portal, refreshed.refresh_token);
await assert.rejects(oidc.refreshTokenGrant(portal, refreshed.refresh_token), (error) => error.error === 'invalid_grant');

// 4b. (After the first session's tokens were used: signing in again ends that session and its grants.)
// Pushed authorization request (RFC 9126): the parameters go to /connect/par, the browser carries a request_uri.
const pushed = await codeFlow({}, { push: true });
assert.equal(pushed.signedIn, false, 'the session signs the pushed request in silently');
assert.equal(pushed.tokens.claims().sub, claims.sub);

// 4c. max_age=0: the provider asks again even with a session, and the ID token's auth_time is fresh (no loop).
const fresh = await codeFlow({ max_age: '0' });
assert.ok(fresh.signedIn, 'max_age=0 asks the person to sign in again');
assert.ok(fresh.tokens.claims().auth_time >= claims.auth_time);
const freshPushed = await codeFlow({ max_age: '0' }, { push: true });
assert.ok(freshPushed.signedIn, `a pushed max_age=0 asks too, and signing in satisfies it (went to ${freshPushed.first})`);

// 4d. acr (OIDC Core §3.1.2.1, decision 0038): discovery names the values; asking for the multi-factor one with an
// account that has no second factor is let through, and the ID token says what the sign-in earned.
const [singleFactor, multiFactor] = portal.serverMetadata().acr_values_supported;
assert.ok(singleFactor && multiFactor, 'discovery lists acr_values_supported');
const stepUp = await codeFlow({ acr_values: multiFactor });
assert.equal(stepUp.tokens.claims().acr, singleFactor, 'the ID token tells the client the acr it got');

// 4e. Resource indicators (RFC 8707, decision 0063): a pushed request naming the admin API is granted that API alone;
// without one, a refresh naming it gets an access token for it alone, and the next refresh every audience again.
const adminApi = 'urn:helpdesk-identity:admin';
const audienceOf = (jwt) => [JSON.parse(Buffer.from(jwt.split('.')[1], 'base64url')).aud].flat();
const narrowed = await codeFlow({ scope: 'openid offline_access identity.admin', resource: adminApi }, { push: true });
assert.deepEqual(audienceOf(narrowed.tokens.access_token), [adminApi], 'the grant is for the named API alone');
const wide = await codeFlow({ scope: 'openid offline_access identity.admin' });
const forAdmin = await oidc.refreshTokenGrant(portal, wide.tokens.refresh_token, { resource: adminApi });
assert.deepEqual(audienceOf(forAdmin.access_token), [adminApi], 'a refresh naming the API gets a token for it alone');
assert.equal(forAdmin.scope, 'identity.admin', 'and its scope is that API\'s alone');
const forAll = audienceOf((await oidc.refreshTokenGrant(portal, forAdmin.refresh_token)).access_token);
assert.ok(forAll.includes(adminApi) && forAll.length === 2, `the refresh token kept the whole grant (${forAll})`);

// 5. The helpdesk back-end: client credentials and introspection (confidential, client_secret_basic).
const backend = await oidc.discovery(issuer, env('BACKEND_CLIENT_ID'), undefined, oidc.ClientSecretBasic(env('BACKEND_CLIENT_SECRET')), insecure);
const service = await oidc.clientCredentialsGrant(backend, { scope: 'identity.admin' });
const introspected = await oidc.tokenIntrospection(backend, service.access_token);
assert.equal(introspected.active, true);
assert.equal(introspected.client_id, env('BACKEND_CLIENT_ID'));

// 5b. private_key_jwt (RFC 7523): a client that registered a public key instead of a secret.
const keyClientJwk = JSON.parse(env('KEY_CLIENT_JWK'));
const privateKey = await crypto.subtle.importKey('jwk', keyClientJwk, { name: 'RSASSA-PKCS1-v1_5', hash: 'SHA-256' }, false, ['sign']);
const keyClient = await oidc.discovery(issuer, env('KEY_CLIENT_ID'), undefined, oidc.PrivateKeyJwt({ key: privateKey, kid: keyClientJwk.kid }), insecure);
const signedAssertion = await oidc.clientCredentialsGrant(keyClient, { scope: 'helpdesk.api' });
assert.ok(signedAssertion.access_token, 'a token for a signed client assertion');
const wrongKey = (await crypto.subtle.generateKey({ name: 'RSASSA-PKCS1-v1_5', modulusLength: 2048, publicExponent: new Uint8Array([1, 0, 1]), hash: 'SHA-256' }, false, ['sign'])).privateKey;
const impostor = await oidc.discovery(issuer, env('KEY_CLIENT_ID'), undefined, oidc.PrivateKeyJwt({ key: wrongKey, kid: keyClientJwk.kid }), insecure);
await assert.rejects(oidc.clientCredentialsGrant(impostor, { scope: 'helpdesk.api' }), (error) => error.response?.status === 401, 'an assertion signed by another key is refused');

// 6. The signing key rotates in the running service, between a sign-in and its refresh (`keys rotate --now`, decision
// 0048): the key that signed the session's ID token stops signing, and stays in JWKS for the longest token lifetime.
const beforeRotation = stepUp.tokens;
const oldKid = kidOf(beforeRotation.id_token);
const { kid: newKid } = await ask({ step: 'rotate', kid: oldKid });
assert.notEqual(newKid, oldKid, 'a new key');
// openid-client keeps its copy of JWKS for five minutes and fetches it again for an unknown kid only once that copy is
// a minute old (oauth4webapi); sooner, it refuses the token. Rather than wait that minute, the refresh runs on the
// portal's configuration as a restarted relying party would rebuild it: the same metadata and client, and the JWKS copy
// from the first sign-in (step 2) carried over with openid-client's own cache API (setJwksCache), a minute older.
const cached = oidc.getJwksCache(portal);
assert.ok(!cached.jwks.keys.some((key) => key.kid === newKid), 'the copy predates the new key');
const portalLater = new oidc.Configuration(portal.serverMetadata(), env('PORTAL_CLIENT_ID'), undefined, oidc.None());
oidc.allowInsecureRequests(portalLater);
oidc.enableNonRepudiationChecks(portalLater);
oidc.setJwksCache(portalLater, { ...cached, uat: cached.uat - 61 });
// 6a. Refresh: the new ID token is signed by the new key, which openid-client finds by fetching JWKS again.
const rotated = await oidc.refreshTokenGrant(portalLater, beforeRotation.refresh_token);
assert.equal(kidOf(rotated.id_token), newKid, 'the refreshed ID token is signed by the new key');
assert.ok(oidc.getJwksCache(portalLater).jwks.keys.some((key) => key.kid === newKid), 'openid-client fetched JWKS again and verified it');
assert.equal(rotated.claims().sub, claims.sub);
assert.equal((await oidc.fetchUserInfo(portalLater, rotated.access_token, claims.sub)).email, env('EMAIL'), 'the refreshed access token works');

// 7. RP-initiated logout (URL built from discovery), after the rotation, with the ID token the replaced key signed.
const endSession = oidc.buildEndSessionUrl(portal, { id_token_hint: beforeRotation.id_token, post_logout_redirect_uri: new URL('/', env('PORTAL_REDIRECT_URI')).href });
const loggedOut = await browse(endSession);
assert.equal(loggedOut.status, 302);
// The provider ended the session: its refresh token is refused, and the browser is no longer signed in silently.
await assert.rejects(oidc.refreshTokenGrant(portalLater, rotated.refresh_token), (error) => error.error === 'invalid_grant', 'the session\'s refresh token ends with it');
const silently = oidc.buildAuthorizationUrl(portal, {
  redirect_uri: env('PORTAL_REDIRECT_URI'),
  scope: 'openid',
  code_challenge: await oidc.calculatePKCECodeChallenge(oidc.randomPKCECodeVerifier()),
  code_challenge_method: 'S256',
  prompt: 'none',
});
const silentAnswer = locationOf(await browse(silently), issuer);
assert.ok(silentAnswer.href.startsWith(env('PORTAL_REDIRECT_URI')), `prompt=none answered at ${silentAnswer.href}`);
assert.equal(silentAnswer.searchParams.get('error'), 'login_required', 'signed out: prompt=none cannot sign in');
input.close();

console.log(JSON.stringify({ ok: true, sub: claims.sub, email: claims.email, amr: claims.amr, introspected: introspected.active, privateKeyJwt: true, rotated: { from: oldKid, to: newKid }, logout: loggedOut.headers.get('location') }));
