package io.mip.credential.kyc;

import java.time.Instant;
import java.util.Objects;

/**
 * A KYC challenge: the holder signs a proof JWT over {@code nonce} for audience {@code issuer}
 * before {@code expiresAt}.
 *
 * @param nonce single-use random nonce (base64url, 128 bits)
 * @param issuer the issuer's DID (the proof's {@code aud})
 * @param expiresAt when the nonce stops being accepted
 */
public record Challenge(String nonce, String issuer, Instant expiresAt) {
  /** Validates the fields. */
  public Challenge {
    Objects.requireNonNull(nonce, "nonce");
    Objects.requireNonNull(issuer, "issuer");
    Objects.requireNonNull(expiresAt, "expiresAt");
  }
}
