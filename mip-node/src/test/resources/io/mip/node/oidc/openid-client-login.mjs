// An independent relying party: npm openid-client (panva) signs in to a MIP node the way any
// certified OIDC client would, and drives the authorization page in headless Chromium with
// playwright-core, unlocking the passport with real face photos and the PIN.
// Input: environment variables set by OpenIdClientInteropTest. Output: one JSON line on stdout.
import * as client from 'openid-client';
import { chromium } from 'playwright-core';
import { readFileSync } from 'node:fs';

const env = (name) => {
  const v = process.env[name];
  if (!v) throw new Error(`missing ${name}`);
  return v;
};
const issuer = new URL(env('MIP_ISSUER'));
const redirectUri = env('MIP_REDIRECT_URI');
const jwk = JSON.parse(readFileSync(env('MIP_APP_JWK'), 'utf8'));
const appKey = await crypto.subtle.importKey('jwk', jwk, { name: 'Ed25519' }, false, ['sign']);

// Discovery, with the client's metadata: ES256 ID tokens, private_key_jwt (EdDSA by the app's DID key).
const config = await client.discovery(
  issuer,
  env('MIP_CLIENT_ID'),
  { id_token_signed_response_alg: 'ES256', token_endpoint_auth_method: 'private_key_jwt' },
  client.PrivateKeyJwt({ key: appKey, kid: jwk.kid }),
  { execute: [client.allowInsecureRequests] },
);

// The authorization request with PKCE S256, state and nonce.
const verifier = client.randomPKCECodeVerifier();
const state = client.randomState();
const nonce = client.randomNonce();
const url = client.buildAuthorizationUrl(config, {
  redirect_uri: redirectUri,
  scope: env('MIP_SCOPE'),
  code_challenge: await client.calculatePKCECodeChallenge(verifier),
  code_challenge_method: 'S256',
  state,
  nonce,
});

// The person: pick the passport, add two face photos, type the PIN, approve.
const browser = await chromium.launch({ executablePath: env('MIP_CHROMIUM'), args: ['--no-sandbox'] });
try {
  const page = await browser.newPage();
  await page.goto(url.href);
  await page.selectOption('#passport', env('MIP_PASSPORT'));
  await page.setInputFiles('#face1', env('MIP_FACE1'));
  await page.setInputFiles('#face2', env('MIP_FACE2'));
  await page.fill('#pin', env('MIP_PIN'));
  await Promise.all([page.waitForURL('**/oidc/login/unlock', { timeout: 120000 }), page.click('button.primary')]);
  const consent = await page.textContent('main');
  await Promise.all([
    page.waitForURL((u) => u.href.startsWith(redirectUri), { timeout: 60000 }),
    page.click('button[value=approve]'),
  ]);
  const callback = page.url();

  // The code exchange (private_key_jwt) and ID token validation (signature via JWKS, iss, aud, exp, nonce).
  const tokens = await client.authorizationCodeGrant(config, new URL(callback), {
    pkceCodeVerifier: verifier,
    expectedState: state,
    expectedNonce: nonce,
  });
  const userinfo = await client.fetchUserInfo(config, tokens.access_token, tokens.claims().sub);
  console.log(JSON.stringify({ claims: tokens.claims(), userinfo, consent }));
} finally {
  await browser.close();
}
