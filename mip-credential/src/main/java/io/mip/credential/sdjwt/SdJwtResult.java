package io.mip.credential.sdjwt;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.nimbusds.jose.JWSHeader;
import java.util.Objects;
import java.util.Optional;

/**
 * The outcome of verifying an SD-JWT: either the verified content or a {@link SdJwtReason} with a
 * human-readable detail (never containing claim values).
 *
 * @param verified the verified SD-JWT, or null on failure
 * @param reason the failure reason, or null on success
 * @param detail what failed, or "ok"
 */
public record SdJwtResult(VerifiedSdJwt verified, SdJwtReason reason, String detail) {
  /** Validates that exactly one of verified and reason is present. */
  public SdJwtResult {
    Objects.requireNonNull(detail, "detail");
    if ((verified == null) == (reason == null)) {
      throw new IllegalArgumentException("exactly one of verified and reason");
    }
  }

  /** A success. */
  public static SdJwtResult valid(VerifiedSdJwt verified) {
    return new SdJwtResult(Objects.requireNonNull(verified), null, "ok");
  }

  /** A failure. */
  public static SdJwtResult invalid(SdJwtReason reason, String detail) {
    return new SdJwtResult(null, Objects.requireNonNull(reason), detail);
  }

  /** Returns whether verification passed. */
  public boolean isValid() {
    return verified != null;
  }

  /** Returns the failure reason, empty on success. */
  public Optional<SdJwtReason> failure() {
    return Optional.ofNullable(reason);
  }

  /**
   * A verified SD-JWT.
   *
   * @param header the Issuer-signed JWT's header
   * @param claims the Processed SD-JWT Payload (RFC 9901 section 7.1 step 5): visible claims plus
   *     the disclosed ones, without {@code _sd} and {@code _sd_alg}
   * @param keyBinding the verified KB-JWT payload, or null if none was presented
   */
  public record VerifiedSdJwt(JWSHeader header, ObjectNode claims, ObjectNode keyBinding) {
    /** Copies the JSON. */
    public VerifiedSdJwt {
      Objects.requireNonNull(header, "header");
      claims = claims.deepCopy();
      keyBinding = keyBinding == null ? null : keyBinding.deepCopy();
    }

    /** Returns a copy of the processed claims. */
    @Override
    public ObjectNode claims() {
      return claims.deepCopy();
    }

    /** Returns the KB-JWT payload, if one was verified. */
    public Optional<ObjectNode> keyBindingPayload() {
      return Optional.ofNullable(keyBinding).map(ObjectNode::deepCopy);
    }
  }
}
