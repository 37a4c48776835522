package io.mip.sdk.credential;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.nimbusds.jose.JWSVerifier;
import io.mip.credential.registry.AccreditationCheck;
import io.mip.credential.sdjwt.Ed25519JwsVerifier;
import io.mip.credential.sdjwt.SdJwtResult;
import io.mip.credential.sdjwt.SdJwtVerifier;
import io.mip.credential.sdjwt.SdJwtVerifierOptions;
import io.mip.credential.status.StatusList;
import io.mip.credential.status.StatusListId;
import io.mip.credential.status.TokenStatus;
import io.mip.crypto.Ed25519PublicKey;
import io.mip.sdk.credential.VerificationResult.Reason;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * Verifies an SD-JWT VC presentation (SD-JWT+KB) the way any MIP app should, in this order:
 *
 * <ol>
 *   <li>the SD-JWT itself, strictly ({@link SdJwtVerifier}: size, algorithm allow-list, issuer
 *       signature with the key the issuer's DID document lists under {@code assertionMethod} for
 *       the header's {@code kid}, which must be a DID URL of {@code iss}; Disclosures; times with
 *       the configured clock skew; Key Binding by the {@code cnf} key with nonce, audience,
 *       sd_hash);
 *   <li>accreditation of {@code iss} for {@code vct} in the trusted-issuer registry, at {@code iat}
 *       and now;
 *   <li>status: the list named by {@code status.status_list.uri} (of the same issuer) at {@code
 *       idx}.
 * </ol>
 *
 * Issuer keys, registry answers and status lists are cached for {@link Settings#cacheTtl()}.
 * Thread-safe; never throws for bad input.
 */
public final class CredentialVerifier {
  /**
   * Settings.
   *
   * @param clock the clock (injectable for tests)
   * @param clockSkew tolerance for every time comparison
   * @param cacheTtl how long keys, registry answers and status lists are reused (zero: never)
   * @param requireStatus whether a credential without {@code status} is refused
   */
  public record Settings(
      Clock clock, Duration clockSkew, Duration cacheTtl, boolean requireStatus) {
    /** Validates the fields. */
    public Settings {
      Objects.requireNonNull(clock, "clock");
      Objects.requireNonNull(clockSkew, "clockSkew");
      Objects.requireNonNull(cacheTtl, "cacheTtl");
    }

    /** System clock, 60 s skew, 30 s cache, status required. */
    public static Settings defaults() {
      return new Settings(Clock.systemUTC(), Duration.ofSeconds(60), Duration.ofSeconds(30), true);
    }

    /** Returns a copy with another clock and skew. */
    public Settings withClock(Clock newClock, Duration skew) {
      return new Settings(newClock, skew, cacheTtl, requireStatus);
    }

    /** Returns a copy with another cache lifetime. */
    public Settings withCacheTtl(Duration ttl) {
      return new Settings(clock, clockSkew, ttl, requireStatus);
    }
  }

  private final CredentialSources.Accreditations accreditations;
  private final Settings settings;
  private final SdJwtVerifier sdJwtVerifier;
  private final TtlCache<String, Ed25519PublicKey> keyCache;
  private final TtlCache<String, AccreditationCheck> accreditationCache;
  private final TtlCache<StatusListId, StatusList> statusCache;
  private final CredentialSources.StatusLists statusLists;

  /** Creates a verifier over the three sources. */
  public CredentialVerifier(
      CredentialSources.IssuerKeys issuerKeys,
      CredentialSources.Accreditations accreditations,
      CredentialSources.StatusLists statusLists,
      Settings settings) {
    Objects.requireNonNull(issuerKeys, "issuerKeys");
    this.accreditations = Objects.requireNonNull(accreditations, "accreditations");
    this.statusLists = Objects.requireNonNull(statusLists, "statusLists");
    this.settings = Objects.requireNonNull(settings, "settings");
    this.keyCache = new TtlCache<>(settings.cacheTtl(), settings.clock(), 10_000);
    this.accreditationCache = new TtlCache<>(settings.cacheTtl(), settings.clock(), 10_000);
    this.statusCache = new TtlCache<>(settings.cacheTtl(), settings.clock(), 1_000);
    this.sdJwtVerifier =
        new SdJwtVerifier(
            (header, payload) -> {
              String kid = header.getKeyID();
              String iss = payload.path("iss").asText("");
              if (kid == null || !kid.startsWith(iss + "#") || iss.isEmpty()) {
                return Optional.empty();
              }
              return keyCache
                  .get(kid, issuerKeys::assertionKey)
                  .map(k -> (JWSVerifier) new Ed25519JwsVerifier(k));
            });
  }

  /**
   * Verifies {@code presentation} (SD-JWT+KB compact form) for a verifier that sent {@code nonce}
   * and identifies itself as {@code audience}.
   */
  public VerificationResult verify(String presentation, String nonce, String audience) {
    Objects.requireNonNull(nonce, "nonce");
    Objects.requireNonNull(audience, "audience");
    SdJwtVerifierOptions options =
        SdJwtVerifierOptions.defaults()
            .withKeyBinding(nonce, audience)
            .withClock(settings.clock(), settings.clockSkew());
    SdJwtResult r = sdJwtVerifier.verify(presentation, options);
    if (!r.isValid()) {
      return VerificationResult.invalid(Reason.valueOf(r.reason().name()), r.detail());
    }
    ObjectNode claims = r.verified().claims();
    String iss = claims.path("iss").asText("");
    JsonNode vct = claims.get("vct");
    JsonNode iat = claims.get("iat");
    if (vct == null || !vct.isTextual() || iat == null || !iat.isNumber()) {
      return VerificationResult.invalid(Reason.MALFORMED, "credential needs vct and iat");
    }
    Instant issuedAt = Instant.ofEpochSecond(iat.asLong());
    AccreditationCheck acc =
        accreditationCache
            .get(
                iss + "\n" + vct.textValue() + "\n" + issuedAt.getEpochSecond(),
                k -> Optional.of(accreditations.check(iss, vct.textValue(), issuedAt)))
            .orElseThrow();
    if (acc.status() == AccreditationCheck.Status.NOT_ACCREDITED) {
      return VerificationResult.invalid(Reason.ISSUER_NOT_ACCREDITED, acc.detail());
    }
    if (acc.status() == AccreditationCheck.Status.WITHDRAWN) {
      return VerificationResult.invalid(Reason.ISSUER_WITHDRAWN, acc.detail());
    }
    Optional<VerificationResult> status = checkStatus(claims, iss);
    return status.orElseGet(() -> VerificationResult.valid(claims));
  }

  private Optional<VerificationResult> checkStatus(ObjectNode claims, String iss) {
    JsonNode ref = claims.path("status").path("status_list");
    if (ref.isMissingNode()) {
      return settings.requireStatus()
          ? Optional.of(VerificationResult.invalid(Reason.STATUS_UNAVAILABLE, "no status claim"))
          : Optional.empty();
    }
    if (!ref.path("idx").canConvertToInt() || !ref.path("idx").isIntegralNumber()) {
      return Optional.of(VerificationResult.invalid(Reason.MALFORMED, "status idx not an integer"));
    }
    StatusListId id;
    try {
      id = StatusListId.fromUri(ref.path("uri").asText(""));
    } catch (IllegalArgumentException e) {
      return Optional.of(VerificationResult.invalid(Reason.STATUS_UNAVAILABLE, e.getMessage()));
    }
    if (!id.issuerDid().equals(iss)) {
      return Optional.of(
          VerificationResult.invalid(Reason.STATUS_UNAVAILABLE, "status list of another issuer"));
    }
    Optional<StatusList> list;
    try {
      list = statusCache.get(id, statusLists::fetch);
    } catch (RuntimeException e) {
      list = Optional.empty();
    }
    int idx = ref.get("idx").intValue();
    if (list.isEmpty() || idx < 0 || idx >= list.get().size()) {
      return Optional.of(
          VerificationResult.invalid(Reason.STATUS_UNAVAILABLE, "status list unavailable"));
    }
    TokenStatus s = list.get().status(idx);
    if (s == TokenStatus.INVALID) {
      return Optional.of(VerificationResult.invalid(Reason.REVOKED, "credential revoked"));
    }
    if (s == TokenStatus.SUSPENDED) {
      return Optional.of(VerificationResult.invalid(Reason.SUSPENDED, "credential suspended"));
    }
    return Optional.empty();
  }
}
