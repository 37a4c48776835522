package io.mip.credential.sdjwt;

import com.nimbusds.jose.JWSAlgorithm;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.Set;

/**
 * What an {@link SdJwtVerifier} accepts. Defaults: {@code typ} {@code dc+sd-jwt} or {@code
 * vc+sd-jwt}; algorithms EdDSA, Ed25519 and ES256 only; 64 KiB; 128 Disclosures; Key Binding
 * required; 60 s clock skew; KB-JWT at most 5 minutes old; the system UTC clock.
 *
 * @param acceptedTypes accepted {@code typ} values of the Issuer-signed JWT
 * @param algorithms the JWS algorithm allow-list, for the issuer JWT and the KB-JWT
 * @param maxBytes largest accepted serialisation
 * @param maxDisclosures most accepted Disclosures
 * @param requireKeyBinding whether a KB-JWT must be present
 * @param expectedNonce the nonce the KB-JWT must carry, or null to not check it
 * @param expectedAudience the aud the KB-JWT must carry, or null to not check it
 * @param clock the clock for exp, nbf, iat
 * @param clockSkew tolerance applied to every time comparison
 * @param maxKeyBindingAge how old a KB-JWT's iat may be
 */
public record SdJwtVerifierOptions(
    Set<String> acceptedTypes,
    Set<JWSAlgorithm> algorithms,
    int maxBytes,
    int maxDisclosures,
    boolean requireKeyBinding,
    String expectedNonce,
    String expectedAudience,
    Clock clock,
    Duration clockSkew,
    Duration maxKeyBindingAge) {

  /** Algorithms that are never accepted whatever the allow-list says. */
  static final Set<String> FORBIDDEN = Set.of("none", "HS256", "HS384", "HS512");

  /** Validates the fields. */
  public SdJwtVerifierOptions {
    acceptedTypes = Set.copyOf(acceptedTypes);
    algorithms = Set.copyOf(algorithms);
    Objects.requireNonNull(clock, "clock");
    Objects.requireNonNull(clockSkew, "clockSkew");
    Objects.requireNonNull(maxKeyBindingAge, "maxKeyBindingAge");
    if (maxBytes < 1 || maxDisclosures < 0 || clockSkew.isNegative()) {
      throw new IllegalArgumentException("limits must be positive");
    }
    for (JWSAlgorithm alg : algorithms) {
      if (FORBIDDEN.contains(alg.getName()) || JWSAlgorithm.Family.HMAC_SHA.contains(alg)) {
        throw new IllegalArgumentException(alg + " may not be allowed");
      }
    }
  }

  /** The defaults described above, without nonce and audience. */
  public static SdJwtVerifierOptions defaults() {
    return new SdJwtVerifierOptions(
        Set.of(SdJwtIssuer.SD_JWT_VC_TYPE, SdJwtIssuer.LEGACY_SD_JWT_VC_TYPE),
        Set.of(JWSAlgorithm.EdDSA, JWSAlgorithm.Ed25519, JWSAlgorithm.ES256),
        SdJwt.MAX_BYTES,
        SdJwt.MAX_DISCLOSURES,
        true,
        null,
        null,
        Clock.systemUTC(),
        Duration.ofSeconds(60),
        Duration.ofMinutes(5));
  }

  /** Returns a copy expecting this nonce and audience in the KB-JWT. */
  public SdJwtVerifierOptions withKeyBinding(String nonce, String audience) {
    return new SdJwtVerifierOptions(
        acceptedTypes,
        algorithms,
        maxBytes,
        maxDisclosures,
        true,
        nonce,
        audience,
        clock,
        clockSkew,
        maxKeyBindingAge);
  }

  /** Returns a copy that does not require Key Binding (it is still checked when present). */
  public SdJwtVerifierOptions withoutRequiredKeyBinding() {
    return new SdJwtVerifierOptions(
        acceptedTypes,
        algorithms,
        maxBytes,
        maxDisclosures,
        false,
        expectedNonce,
        expectedAudience,
        clock,
        clockSkew,
        maxKeyBindingAge);
  }

  /** Returns a copy with another clock and skew. */
  public SdJwtVerifierOptions withClock(Clock newClock, Duration skew) {
    return new SdJwtVerifierOptions(
        acceptedTypes,
        algorithms,
        maxBytes,
        maxDisclosures,
        requireKeyBinding,
        expectedNonce,
        expectedAudience,
        newClock,
        skew,
        maxKeyBindingAge);
  }

  /** Returns a copy accepting these {@code typ} values. */
  public SdJwtVerifierOptions withAcceptedTypes(Set<String> types) {
    return new SdJwtVerifierOptions(
        types,
        algorithms,
        maxBytes,
        maxDisclosures,
        requireKeyBinding,
        expectedNonce,
        expectedAudience,
        clock,
        clockSkew,
        maxKeyBindingAge);
  }

  /** Returns a copy with other size limits. */
  public SdJwtVerifierOptions withLimits(int bytes, int disclosures) {
    return new SdJwtVerifierOptions(
        acceptedTypes,
        algorithms,
        bytes,
        disclosures,
        requireKeyBinding,
        expectedNonce,
        expectedAudience,
        clock,
        clockSkew,
        maxKeyBindingAge);
  }

  /** Returns a copy with another KB-JWT age limit. */
  public SdJwtVerifierOptions withMaxKeyBindingAge(Duration age) {
    return new SdJwtVerifierOptions(
        acceptedTypes,
        algorithms,
        maxBytes,
        maxDisclosures,
        requireKeyBinding,
        expectedNonce,
        expectedAudience,
        clock,
        clockSkew,
        age);
  }
}
