package io.mip.sdk.credential;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Objects;
import java.util.Optional;

/**
 * The outcome of {@link CredentialVerifier#verify}: the disclosed claims (visible ones plus the
 * Disclosures the holder chose) or a {@link Reason} from a fixed list with a detail that never
 * contains claim values.
 *
 * @param claims the Processed SD-JWT Payload (RFC 9901 section 7.1), or null on failure
 * @param reason the failure reason, or null on success
 * @param detail what failed, or "ok"
 */
public record VerificationResult(ObjectNode claims, Reason reason, String detail) {
  /** Every reason a presentation is refused; each check has its own. */
  public enum Reason {
    /** Not an SD-JWT+KB, bad JSON, bad JWS, unknown typ, missing vct or iss. */
    MALFORMED,
    /** Over the size limit or the Disclosure limit. */
    TOO_LARGE,
    /** {@code alg} none, an HMAC, or any algorithm off the allow-list. */
    UNSUPPORTED_ALGORITHM,
    /** The issuer signature does not verify with the key in the issuer's DID document. */
    BAD_ISSUER_SIGNATURE,
    /** The {@code kid} does not resolve to an assertion key of the {@code iss} DID. */
    UNKNOWN_ISSUER_KEY,
    /** The issuer was not accredited for the credential type when it issued. */
    ISSUER_NOT_ACCREDITED,
    /** The issuer's accreditation was withdrawn since. */
    ISSUER_WITHDRAWN,
    /** A Disclosure is not part of the credential (tampered or extra). */
    DISCLOSURE_NOT_IN_CREDENTIAL,
    /** The same Disclosure or digest twice. */
    DUPLICATE_DISCLOSURE,
    /** No Key Binding JWT. */
    KEY_BINDING_MISSING,
    /** The KB-JWT is malformed, stale, or not signed by the credential's holder key. */
    KEY_BINDING_INVALID,
    /** The KB-JWT's nonce is not the verifier's. */
    NONCE_MISMATCH,
    /** The KB-JWT's audience is not the verifier. */
    AUDIENCE_MISMATCH,
    /** The KB-JWT's sd_hash does not cover what was presented. */
    SD_HASH_MISMATCH,
    /** The credential expired. */
    EXPIRED,
    /** The credential is not valid yet. */
    NOT_YET_VALID,
    /** The status list says revoked. */
    REVOKED,
    /** The status list says suspended. */
    SUSPENDED,
    /** The status list could not be fetched or does not cover the index. */
    STATUS_UNAVAILABLE
  }

  /** Validates that exactly one of claims and reason is present. */
  public VerificationResult {
    Objects.requireNonNull(detail, "detail");
    if ((claims == null) == (reason == null)) {
      throw new IllegalArgumentException("exactly one of claims and reason");
    }
    claims = claims == null ? null : claims.deepCopy();
  }

  static VerificationResult valid(ObjectNode claims) {
    return new VerificationResult(claims, null, "ok");
  }

  static VerificationResult invalid(Reason reason, String detail) {
    return new VerificationResult(null, reason, detail);
  }

  /** Returns whether the presentation passed every check. */
  public boolean isValid() {
    return claims != null;
  }

  /** Returns the failure reason, empty on success. */
  public Optional<Reason> failure() {
    return Optional.ofNullable(reason);
  }

  /** Returns a copy of the claims. */
  @Override
  public ObjectNode claims() {
    return claims == null ? null : claims.deepCopy();
  }
}
