package io.mip.credential.sdjwt;

/**
 * Why an SD-JWT failed verification (RFC 9901 sections 7.1 and 7.3). Each check of the verifier has
 * its own reason so a test (and an operator) can tell them apart.
 */
public enum SdJwtReason {
  /** Not an SD-JWT, a bad JWS, bad JSON, a Disclosure of the wrong shape, an unknown typ. */
  MALFORMED,
  /** The token or its number of Disclosures exceeds the configured limits. */
  TOO_LARGE,
  /** {@code alg} is none, an HMAC, or not on the allow-list; or {@code _sd_alg} is not sha-256. */
  UNSUPPORTED_ALGORITHM,
  /** The Issuer-signed JWT's signature does not verify with the issuer's key. */
  BAD_ISSUER_SIGNATURE,
  /** No key could be found for the issuer's {@code kid}. */
  UNKNOWN_ISSUER_KEY,
  /** A Disclosure's digest is not in the Issuer-signed JWT (tampered or extra). */
  DISCLOSURE_NOT_IN_CREDENTIAL,
  /** The same Disclosure, or the same digest, appears twice. */
  DUPLICATE_DISCLOSURE,
  /** Key Binding is required and the presentation has no KB-JWT. */
  KEY_BINDING_MISSING,
  /** The KB-JWT is malformed, has the wrong typ, or is not signed by the {@code cnf} key. */
  KEY_BINDING_INVALID,
  /** The KB-JWT's nonce is not the expected one. */
  NONCE_MISMATCH,
  /** The KB-JWT's aud is not the expected one. */
  AUDIENCE_MISMATCH,
  /** The KB-JWT's sd_hash does not match the presented SD-JWT. */
  SD_HASH_MISMATCH,
  /** {@code exp} has passed (beyond the allowed clock skew). */
  EXPIRED,
  /** {@code nbf} or {@code iat} lies in the future (beyond the allowed clock skew). */
  NOT_YET_VALID
}
