package io.mip.node.oidc;

import io.mip.profile.auth.PartyKeys;
import io.mip.sdk.credential.CredentialVerifier;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * What the OpenID Provider needs.
 *
 * @param dir where its keys and remembered approvals live ({@code <data>/oidc})
 * @param issuer the issuer identifier clients see; when empty, {@code http://127.0.0.1:<port>} once
 *     the node listens (fine on one machine; set it to the public https URL otherwise)
 * @param clients the relying parties (apps registered on the ledger)
 * @param passports the passports kept on this node
 * @param kyc the verifier of KYC presentations; when empty, no KYC claim is ever released
 * @param personKeys DID keys of persons, for the signed requests that list and revoke approvals
 * @param clock the clock codes, tokens and assertions are judged by
 * @param codeLifetime how long an authorization code is redeemable (60 s)
 * @param idTokenLifetime ID token lifetime (5 min)
 * @param accessTokenLifetime access token lifetime (5 min)
 */
public record OidcConfig(
    Path dir,
    Optional<URI> issuer,
    ClientDirectory clients,
    PassportGate passports,
    Optional<CredentialVerifier> kyc,
    PartyKeys personKeys,
    Clock clock,
    Duration codeLifetime,
    Duration idTokenLifetime,
    Duration accessTokenLifetime) {
  /** Default code lifetime. */
  public static final Duration CODE_LIFETIME = Duration.ofSeconds(60);

  /** Default ID token and access token lifetime. */
  public static final Duration TOKEN_LIFETIME = Duration.ofMinutes(5);

  /** Checks the fields; an issuer must be an absolute http(s) URI without query or fragment. */
  public OidcConfig {
    Objects.requireNonNull(dir, "dir");
    Objects.requireNonNull(issuer, "issuer");
    Objects.requireNonNull(clients, "clients");
    Objects.requireNonNull(passports, "passports");
    Objects.requireNonNull(kyc, "kyc");
    Objects.requireNonNull(personKeys, "personKeys");
    Objects.requireNonNull(clock, "clock");
    issuer.ifPresent(
        i -> {
          String s = i.getScheme();
          if (!("https".equals(s) || "http".equals(s))
              || i.getRawQuery() != null
              || i.getRawFragment() != null
              || i.toString().endsWith("/")) {
            throw new IllegalArgumentException(
                "issuer must be an http(s) URL without query, fragment or trailing slash");
          }
        });
    for (Duration d : new Duration[] {codeLifetime, idTokenLifetime, accessTokenLifetime}) {
      if (d == null || d.isNegative() || d.isZero() || d.compareTo(Duration.ofHours(1)) > 0) {
        throw new IllegalArgumentException("lifetimes must be between 0 and 1 hour");
      }
    }
  }

  /** The defaults: derived issuer, system clock, 60 s codes, 5 min tokens. */
  public static OidcConfig of(
      Path dir,
      ClientDirectory clients,
      PassportGate passports,
      Optional<CredentialVerifier> kyc,
      PartyKeys personKeys) {
    return new OidcConfig(
        dir,
        Optional.empty(),
        clients,
        passports,
        kyc,
        personKeys,
        Clock.systemUTC(),
        CODE_LIFETIME,
        TOKEN_LIFETIME,
        TOKEN_LIFETIME);
  }

  /** Returns a copy with another clock (tests). */
  public OidcConfig withClock(Clock value) {
    return new OidcConfig(
        dir,
        issuer,
        clients,
        passports,
        kyc,
        personKeys,
        value,
        codeLifetime,
        idTokenLifetime,
        accessTokenLifetime);
  }

  /** Returns a copy with a fixed issuer. */
  public OidcConfig withIssuer(URI value) {
    return new OidcConfig(
        dir,
        Optional.of(value),
        clients,
        passports,
        kyc,
        personKeys,
        clock,
        codeLifetime,
        idTokenLifetime,
        accessTokenLifetime);
  }
}
