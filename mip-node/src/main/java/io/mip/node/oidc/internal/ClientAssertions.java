package io.mip.node.oidc.internal;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import io.mip.credential.sdjwt.Ed25519JwsVerifier;
import io.mip.node.oidc.ClientDirectory;
import io.mip.node.oidc.RegisteredClient;
import java.net.URI;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Authenticates clients at the token endpoint with {@code private_key_jwt} (OpenID Connect Core 1.0
 * section 9, RFC 7523 sections 2.2 and 3) and nothing else: {@code none} and the {@code
 * client_secret_*} methods are refused.
 *
 * <p>Accepts an assertion only if: it is signed with EdDSA (Ed25519) by a key of the client's DID
 * document ({@code kid}, when present, must name that key); {@code iss} and {@code sub} are the
 * {@code client_id} of a registered client; {@code aud} contains this provider's issuer or token
 * endpoint; {@code exp} is present and not past (with {@link #SKEW}); it lives at most {@link
 * #MAX_LIFETIME}; {@code nbf} and {@code iat} are not in the future; {@code jti} is present and was
 * not used before. The replay check comes last, so forged assertions cannot fill the cache.
 */
public final class ClientAssertions {
  /** Clock skew tolerated. */
  public static final Duration SKEW = Duration.ofSeconds(30);

  /** Longest accepted assertion lifetime. */
  public static final Duration MAX_LIFETIME = Duration.ofMinutes(5);

  private static final Set<JWSAlgorithm> ALGS = Set.of(JWSAlgorithm.EdDSA, JWSAlgorithm.Ed25519);

  /**
   * The outcome: the authenticated client, or the reason (an {@code invalid_client} description).
   *
   * @param client the client, when authenticated
   * @param refusal why not, otherwise
   */
  public record Outcome(Optional<RegisteredClient> client, String refusal) {
    static Outcome ok(RegisteredClient c) {
      return new Outcome(Optional.of(c), "");
    }

    static Outcome refused(String why) {
      return new Outcome(Optional.empty(), why);
    }
  }

  private final ClientDirectory clients;
  private final Supplier<URI> issuer;
  private final Clock clock;
  private final JtiCache jtis = new JtiCache(1_000_000);

  /**
   * Creates the authenticator.
   *
   * @param clients the client directory
   * @param issuer this provider's issuer; {@code aud} may name it or its token endpoint
   */
  public ClientAssertions(ClientDirectory clients, Supplier<URI> issuer, Clock clock) {
    this.clients = Objects.requireNonNull(clients, "clients");
    this.issuer = Objects.requireNonNull(issuer, "issuer");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  /** The assertion type of RFC 7523 section 2.2. */
  public static final String JWT_BEARER = "urn:ietf:params:oauth:client-assertion-type:jwt-bearer";

  /**
   * Authenticates a token request from its form parameters and {@code Authorization} header.
   * (Nimbus' {@code PrivateKeyJWT} accepts only RSA and EC assertions, so the EdDSA assertion is
   * read here; everything else about the request is parsed by Nimbus.)
   */
  public Outcome authenticate(Map<String, List<String>> params, String authorization) {
    if (authorization != null && authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
      return Outcome.refused("client_secret_basic is not accepted; use private_key_jwt");
    }
    if (params.containsKey("client_secret")) {
      return Outcome.refused("client_secret_post is not accepted; use private_key_jwt");
    }
    String type = single(params, "client_assertion_type");
    String assertion = single(params, "client_assertion");
    if (type == null && assertion == null) {
      return Outcome.refused("client authentication required: private_key_jwt (RFC 7523)");
    }
    if (!JWT_BEARER.equals(type) || assertion == null || assertion.length() > 8192) {
      return Outcome.refused("client_assertion_type must be jwt-bearer with one client_assertion");
    }
    SignedJWT jwt;
    JWTClaimsSet claims;
    try {
      jwt = SignedJWT.parse(assertion);
      claims = jwt.getJWTClaimsSet();
    } catch (ParseException e) {
      return Outcome.refused("client_assertion is not a signed JWT");
    }
    JWSHeader header = jwt.getHeader();
    if (JWSAlgorithm.Family.HMAC_SHA.contains(header.getAlgorithm())) {
      return Outcome.refused("client_secret_jwt is not accepted; use private_key_jwt");
    }
    if (!ALGS.contains(header.getAlgorithm())) {
      return Outcome.refused("client assertion must be signed with EdDSA (Ed25519)");
    }
    String clientId = claims.getIssuer();
    if (clientId == null || !clientId.equals(claims.getSubject())) {
      return Outcome.refused("client assertion iss and sub must both be the client_id");
    }
    String named = single(params, "client_id");
    if (named != null && !named.equals(clientId)) {
      return Outcome.refused("client_id does not match the client assertion");
    }
    Optional<RegisteredClient> client = clients.find(clientId);
    if (client.isEmpty()) {
      return Outcome.refused("client " + shorten(clientId) + " is not registered");
    }
    Optional<String> timing = checkClaims(claims);
    if (timing.isPresent()) {
      return Outcome.refused(timing.get());
    }
    if (!signedByClient(jwt, header, client.get())) {
      return Outcome.refused("client assertion signature does not verify with the app's DID keys");
    }
    Instant now = clock.instant();
    switch (jtis.admit(clientId, claims.getJWTID(), claims.getExpirationTime().toInstant(), now)) {
      case REPLAYED:
        return Outcome.refused("client assertion was already used (jti)");
      case FULL:
        return Outcome.refused("too many client assertions in flight; retry shortly");
      default:
        return Outcome.ok(client.get());
    }
  }

  private static String single(Map<String, List<String>> params, String name) {
    List<String> v = params.get(name);
    return v == null || v.size() != 1 ? null : v.get(0);
  }

  private Optional<String> checkClaims(JWTClaimsSet claims) {
    List<String> aud = claims.getAudience();
    List<String> audiences = TokenEndpoint.audiences(issuer.get());
    if (aud == null || aud.stream().noneMatch(audiences::contains)) {
      return Optional.of("client assertion aud must name this provider's issuer or token endpoint");
    }
    Date exp = claims.getExpirationTime();
    if (exp == null) {
      return Optional.of("client assertion has no exp");
    }
    String jti = claims.getJWTID();
    if (jti == null || jti.isEmpty() || jti.length() > 256) {
      return Optional.of("client assertion needs a jti of at most 256 characters");
    }
    Instant now = clock.instant();
    if (now.minus(SKEW).isAfter(exp.toInstant())) {
      return Optional.of("client assertion has expired");
    }
    Date iat = claims.getIssueTime();
    Instant start = iat != null ? iat.toInstant() : now;
    if (Duration.between(start, exp.toInstant()).compareTo(MAX_LIFETIME) > 0) {
      return Optional.of(
          "client assertion lives longer than " + MAX_LIFETIME.toMinutes() + " minutes");
    }
    if (iat != null && iat.toInstant().isAfter(now.plus(SKEW))) {
      return Optional.of("client assertion is issued in the future");
    }
    Date nbf = claims.getNotBeforeTime();
    if (nbf != null && nbf.toInstant().isAfter(now.plus(SKEW))) {
      return Optional.of("client assertion is not valid yet");
    }
    return Optional.empty();
  }

  private static boolean signedByClient(SignedJWT jwt, JWSHeader header, RegisteredClient client) {
    String kid = header.getKeyID();
    for (RegisteredClient.ClientKey k : client.keys()) {
      if (kid != null
          && !kid.equals(k.id())
          && !k.id().endsWith(kid.startsWith("#") ? kid : "#" + kid)) {
        continue;
      }
      try {
        if (jwt.verify(new Ed25519JwsVerifier(k.key()))) {
          return true;
        }
      } catch (JOSEException | IllegalStateException e) {
        return false;
      }
    }
    return false;
  }

  private static String shorten(String s) {
    String t = s.length() > 80 ? s.substring(0, 80) + "..." : s;
    return t.replaceAll("[^\\x20-\\x7e]", "?");
  }
}
