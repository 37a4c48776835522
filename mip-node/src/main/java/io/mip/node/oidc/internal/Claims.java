package io.mip.node.oidc.internal;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiConsumer;

/** Writes released claims into a token or a userinfo response. */
final class Claims {
  /** Claim naming the credential issuer that verified the KYC claims. */
  static final String KYC_ISSUER = "mip_kyc_issuer";

  private Claims() {}

  /** Passes each released claim as a plain Java value (String, Boolean, Long, Double). */
  static void each(
      Map<String, JsonNode> claims, Optional<String> kycIssuer, BiConsumer<String, Object> out) {
    claims.forEach(
        (name, v) -> {
          Object value = plain(v);
          if (value != null) {
            out.accept(name, value);
          }
        });
    kycIssuer.ifPresent(i -> out.accept(KYC_ISSUER, i));
  }

  private static Object plain(JsonNode v) {
    if (v.isTextual()) {
      return v.textValue();
    } else if (v.isBoolean()) {
      return v.booleanValue();
    } else if (v.isIntegralNumber() && v.canConvertToLong()) {
      return v.longValue();
    } else if (v.isNumber()) {
      return v.doubleValue();
    }
    return null;
  }
}
