package io.mip.node.oidc.internal;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What a sign-in would give the app once the person approves: KYC claims from a presentation the
 * provider verified, the credential issuer that vouches for them, and the KYC claims asked for but
 * not available (with the reason shown to the person).
 *
 * @param claims verified KYC claims by name, only those the app asked for
 * @param kycIssuer the DID of the credential issuer, when any claim is released
 * @param unavailable KYC claims asked for that will not be released
 * @param unavailableReason why, for the consent page (empty when nothing is unavailable)
 */
public record Release(
    Map<String, JsonNode> claims,
    Optional<String> kycIssuer,
    List<String> unavailable,
    String unavailableReason) {
  /** Copies (claims keep their order). */
  public Release {
    claims = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(claims));
    Objects.requireNonNull(kycIssuer, "kycIssuer");
    unavailable = List.copyOf(unavailable);
    Objects.requireNonNull(unavailableReason, "unavailableReason");
  }

  /** Nothing to release (no KYC claims asked for). */
  public static Release none() {
    return new Release(Map.of(), Optional.empty(), List.of(), "");
  }
}
