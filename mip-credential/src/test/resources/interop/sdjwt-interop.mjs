// Interop check between MIP and the OpenWallet Foundation SD-JWT library (@sd-jwt/sd-jwt-vc).
// Reads a JSON file (argv[2]) written by SdJwtInteropTest, prints one JSON object on stdout.
import { readFileSync } from 'node:fs';
import crypto from 'node:crypto';
import { createRequire } from 'node:module';

const require = createRequire(process.env.SDJWT_MODULES + '/');
const { SDJwtVcInstance } = require('@sd-jwt/sd-jwt-vc');
const { digest, generateSalt } = require('@sd-jwt/crypto-nodejs');
const { getListFromStatusListJWT } = require('@sd-jwt/jwt-status-list');

const input = JSON.parse(readFileSync(process.argv[2], 'utf8'));
const b64u = (buf) => Buffer.from(buf).toString('base64url');

function ed25519Verifier(jwk) {
  const key = crypto.createPublicKey({ key: jwk, format: 'jwk' });
  return (data, sig) => crypto.verify(null, Buffer.from(data), key, Buffer.from(sig, 'base64url'));
}
function ed25519Signer(privateKey) {
  return (data) => b64u(crypto.sign(null, Buffer.from(data), privateKey));
}
const kbVerifier = (data, sig, payload) => ed25519Verifier(payload.cnf.jwk)(data, sig);

// A status list token carrying MIP's list JSON ({bits, lst}) unchanged, signed by a throwaway key,
// so the library's own status code decodes MIP's zlib/bit packing.
const slKeys = crypto.generateKeyPairSync('ed25519');
function statusListJwt(uri) {
  const header = b64u(JSON.stringify({ alg: 'EdDSA', typ: 'statuslist+jwt' }));
  const payload = b64u(JSON.stringify({ sub: uri, iat: input.now, status_list: input.statusList }));
  const sig = ed25519Signer(slKeys.privateKey)(header + '.' + payload);
  return header + '.' + payload + '.' + sig;
}

const out = {};
const verifier = new SDJwtVcInstance({
  hasher: digest,
  hashAlg: 'sha-256',
  verifier: ed25519Verifier(input.issuerJwk),
  kbVerifier,
  statusListFetcher: async (uri) => statusListJwt(uri),
  statusVerifier: ed25519Verifier(slKeys.publicKey.export({ format: 'jwk' })),
});

try {
  const r = await verifier.verify(input.credential, { currentDate: input.now });
  out.mipCredential = { ok: true, claims: r.payload, typ: r.header.typ };
} catch (e) {
  out.mipCredential = { ok: false, error: String(e.message || e) };
}
try {
  const r = await verifier.verify(input.presentation, {
    currentDate: input.now,
    keyBindingNonce: input.nonce,
  });
  out.mipPresentation = {
    ok: !!r.kb && r.kb.payload.aud === input.aud,
    claims: r.payload,
    kb: r.kb ? r.kb.payload : null,
  };
} catch (e) {
  out.mipPresentation = { ok: false, error: String(e.message || e) };
}
try {
  await verifier.verify(input.presentation, { currentDate: input.now, keyBindingNonce: 'wrong' });
  out.wrongNonceRefused = false;
} catch (e) {
  out.wrongNonceRefused = true;
}
out.statusAtRevokedIndex = getListFromStatusListJWT(statusListJwt('x')).getStatus(input.revokedIndex);

// The library issues and presents; MIP verifies.
const issuer = crypto.generateKeyPairSync('ed25519');
const holder = crypto.generateKeyPairSync('ed25519');
const holderJwk = holder.publicKey.export({ format: 'jwk' });
const lib = new SDJwtVcInstance({
  hasher: digest,
  hashAlg: 'sha-256',
  saltGenerator: generateSalt,
  signer: ed25519Signer(issuer.privateKey),
  signAlg: 'EdDSA',
  kbSigner: ed25519Signer(holder.privateKey),
  kbSignAlg: 'EdDSA',
});
const issued = await lib.issue(
  {
    iss: 'did:example:lib-issuer',
    iat: input.now,
    exp: input.now + 3600,
    vct: 'urn:mip:kyc:v1',
    cnf: { jwk: holderJwk },
    given_name: 'Erika',
    family_name: 'Mustermann',
    age_over_18: true,
  },
  { _sd: ['given_name', 'family_name', 'age_over_18'] },
  { header: { kid: 'did:example:lib-issuer#key-1' } },
);
out.libraryCredential = issued;
out.libraryPresentation = await lib.present(
  issued,
  { given_name: true, age_over_18: true },
  { kb: { payload: { iat: input.now, aud: input.aud, nonce: input.nonce } } },
);
out.libraryIssuerJwk = issuer.publicKey.export({ format: 'jwk' });
process.stdout.write(JSON.stringify(out));
