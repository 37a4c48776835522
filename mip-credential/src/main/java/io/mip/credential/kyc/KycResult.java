package io.mip.credential.kyc;

import io.mip.credential.sdjwt.SdJwt;
import java.util.Objects;
import java.util.Optional;

/**
 * The outcome of a KYC issuance: the credential (SD-JWT VC with all Disclosures, for the holder)
 * and its status index, or a {@link Reason}.
 *
 * @param credential the issued credential, or null on failure
 * @param statusIndex the allocated status list index, or -1
 * @param reason the failure reason, or null
 * @param detail what failed (no personal data), or "ok"
 */
public record KycResult(SdJwt credential, int statusIndex, Reason reason, String detail) {
  /** Why KYC was refused. */
  public enum Reason {
    /** The proof JWT is malformed, not signed by the holder's DID key, or for another issuer. */
    BAD_PROOF,
    /** The challenge nonce expired, was already used, or was never issued. */
    CHALLENGE_EXPIRED,
    /** The MRZ failed parsing or a check digit, or the document expired. */
    BAD_MRZ,
    /** An image could not be decoded or was too large. */
    BAD_IMAGE,
    /** No single usable face in the selfie or the document photo. */
    NO_FACE,
    /** The selfie did not pass the liveness check. */
    LIVENESS_FAILED,
    /** The selfie does not match the document photo. */
    FACE_MISMATCH,
    /** The issuer could not publish the status entry or allocate an index. */
    ISSUER_UNAVAILABLE
  }

  /** Validates that exactly one of credential and reason is present. */
  public KycResult {
    Objects.requireNonNull(detail, "detail");
    if ((credential == null) == (reason == null)) {
      throw new IllegalArgumentException("exactly one of credential and reason");
    }
  }

  static KycResult issued(SdJwt credential, int statusIndex) {
    return new KycResult(credential, statusIndex, null, "ok");
  }

  static KycResult refused(Reason reason, String detail) {
    return new KycResult(null, -1, reason, detail);
  }

  /** Returns the failure reason, empty when issued. */
  public Optional<Reason> failure() {
    return Optional.ofNullable(reason);
  }

  /** Returns whether a credential was issued. */
  public boolean isIssued() {
    return credential != null;
  }
}
