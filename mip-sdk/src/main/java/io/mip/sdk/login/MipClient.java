package io.mip.sdk.login;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.oauth2.sdk.AuthorizationCode;
import com.nimbusds.oauth2.sdk.AuthorizationCodeGrant;
import com.nimbusds.oauth2.sdk.ResponseType;
import com.nimbusds.oauth2.sdk.Scope;
import com.nimbusds.oauth2.sdk.id.ClientID;
import com.nimbusds.oauth2.sdk.id.State;
import com.nimbusds.oauth2.sdk.pkce.CodeChallengeMethod;
import com.nimbusds.oauth2.sdk.pkce.CodeVerifier;
import com.nimbusds.oauth2.sdk.util.URLUtils;
import com.nimbusds.openid.connect.sdk.AuthenticationRequest;
import com.nimbusds.openid.connect.sdk.Nonce;
import io.mip.crypto.Ed25519PrivateKey;
import io.mip.sdk.login.LoginResult.Reason;
import io.mip.sdk.login.internal.Callbacks;
import io.mip.sdk.login.internal.ClientAssertion;
import io.mip.sdk.login.internal.IdTokenChecks;
import io.mip.sdk.login.internal.ProviderInfo;
import io.mip.sdk.login.internal.TokenExchange;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * "Sign in with MIP" for a Java app: an OpenID Connect relying party (OpenID Connect Core 1.0,
 * authorization code flow) built on the Nimbus OAuth 2.0 / OIDC SDK.
 *
 * <ol>
 *   <li>{@link #startLogin} builds the authorization URL with fresh {@code state}, {@code nonce}
 *       and PKCE S256 verifier; keep the returned {@link LoginRequest} in the person's session.
 *   <li>{@link #handleCallback} checks the callback's {@code state} (constant time) and {@code iss}
 *       (RFC 9207), exchanges the code authenticating with {@code private_key_jwt} signed by the
 *       app's Ed25519 DID key (RFC 7523), and validates the ID token ({@link #validateIdToken}).
 * </ol>
 *
 * <p>Refuses, as {@link LoginResult} values: a missing or wrong {@code state}, a provider error, a
 * callback from another issuer, a refused code exchange, and an ID token with a bad signature,
 * another issuer, another audience (a token replayed from another app), expired, or a wrong nonce.
 * Thread-safe; the app key never leaves its {@link Ed25519PrivateKey}.
 */
public final class MipClient {
  private static final String JWT_BEARER = "urn:ietf:params:oauth:client-assertion-type:jwt-bearer";

  /**
   * Settings.
   *
   * @param clock the clock ID token times are judged by
   * @param skew the clock skew tolerated
   * @param idTokenAlg the one ID token algorithm accepted (ES256 by default; EdDSA is asked for
   *     with {@code id_token_signed_response_alg})
   */
  public record Settings(Clock clock, Duration skew, JWSAlgorithm idTokenAlg) {
    /** Checks the fields. */
    public Settings {
      Objects.requireNonNull(clock, "clock");
      Objects.requireNonNull(skew, "skew");
      if (!JWSAlgorithm.ES256.equals(idTokenAlg) && !JWSAlgorithm.EdDSA.equals(idTokenAlg)) {
        throw new IllegalArgumentException("ID token algorithm must be ES256 or EdDSA");
      }
    }

    /** System clock, 60 s skew, ES256. */
    public static Settings defaults() {
      return new Settings(Clock.systemUTC(), Duration.ofSeconds(60), JWSAlgorithm.ES256);
    }

    /** Returns a copy with another clock. */
    public Settings withClock(Clock value) {
      return new Settings(value, skew, idTokenAlg);
    }

    /** Returns a copy accepting only {@code alg} ID tokens. */
    public Settings withIdTokenAlg(JWSAlgorithm alg) {
      return new Settings(clock, skew, alg);
    }
  }

  private final ProviderInfo provider;
  private final String clientId;
  private final Ed25519PrivateKey appKey;
  private final Optional<String> keyId;
  private final URI redirectUri;
  private final Settings settings;
  private final HttpClient http;

  private MipClient(
      ProviderInfo provider,
      String clientId,
      Ed25519PrivateKey appKey,
      Optional<String> keyId,
      URI redirectUri,
      Settings settings,
      HttpClient http) {
    this.provider = provider;
    this.clientId = clientId;
    this.appKey = appKey;
    this.keyId = keyId;
    this.redirectUri = redirectUri;
    this.settings = settings;
    this.http = http;
  }

  /**
   * Creates a client for the app {@code appDid} at the provider {@code issuer}, fetching its
   * metadata and keys.
   *
   * @param issuer the node's issuer URL (such as {@code http://127.0.0.1:8080})
   * @param appDid the app's DID, its {@code client_id}
   * @param appKey the app's current Ed25519 DID authentication key
   * @param keyId the key's DID URL ({@code did:mip:...#key-1}), sent as {@code kid}; empty lets the
   *     provider try each of the app's keys
   * @param redirectUri a redirect URI the app registered, exactly
   * @throws java.io.UncheckedIOException if the provider cannot be reached
   */
  public static MipClient discover(
      URI issuer,
      String appDid,
      Ed25519PrivateKey appKey,
      Optional<String> keyId,
      URI redirectUri,
      Settings settings) {
    HttpClient http =
        HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10))
            .build();
    ProviderInfo info = ProviderInfo.fetch(issuer, http, settings.clock());
    return new MipClient(
        info,
        Objects.requireNonNull(appDid, "appDid"),
        Objects.requireNonNull(appKey, "appKey"),
        Objects.requireNonNull(keyId, "keyId"),
        Objects.requireNonNull(redirectUri, "redirectUri"),
        settings,
        http);
  }

  /**
   * Starts a login asking for {@code scopes} besides {@code openid} (such as {@code kyc}, {@code
   * age_over_18}, {@code profile:health.*}).
   */
  public LoginRequest startLogin(Set<String> scopes) {
    Scope scope = new Scope("openid");
    scopes.forEach(scope::add);
    State state = new State();
    Nonce nonce = new Nonce();
    CodeVerifier verifier = new CodeVerifier();
    AuthenticationRequest.Builder b =
        new AuthenticationRequest.Builder(
                ResponseType.CODE, scope, new ClientID(clientId), redirectUri)
            .endpointURI(provider.metadata().getAuthorizationEndpointURI())
            .state(state)
            .nonce(nonce)
            .codeChallenge(verifier, CodeChallengeMethod.S256);
    if (JWSAlgorithm.EdDSA.equals(settings.idTokenAlg())) {
      b.customParameter("id_token_signed_response_alg", "EdDSA");
    }
    return new LoginRequest(
        b.build().toURI(), state.getValue(), nonce.getValue(), verifier.getValue());
  }

  /**
   * Finishes a login from the callback URL the browser arrived with.
   *
   * @param callback the full callback URL (with its query)
   * @param pending the {@link LoginRequest} kept in the session for this login
   */
  public LoginResult handleCallback(URI callback, LoginRequest pending) {
    Callbacks.Parsed p = Callbacks.parse(callback, provider.metadata().getIssuer().getValue());
    if (p.refusal().isPresent()) {
      return p.refusal().get();
    }
    if (p.state().isEmpty()) {
      return LoginResult.refused(Reason.MISSING_STATE, "callback carries no state");
    }
    if (!IdTokenChecks.same(p.state().get(), pending.state())) {
      return LoginResult.refused(Reason.STATE_MISMATCH, "callback state is not this login's");
    }
    if (p.error().isPresent()) {
      return LoginResult.refused(Reason.AUTHORIZATION_ERROR, p.error().get());
    }
    return exchange(
        p.code().orElseThrow(),
        Optional.of(new CodeVerifier(pending.codeVerifier())),
        pending.nonce());
  }

  /**
   * Exchanges {@code code}; {@code verifier} empty sends no PKCE verifier (for tests of the
   * provider's refusal).
   */
  LoginResult exchange(String code, Optional<CodeVerifier> verifier, String nonce) {
    URI tokenEndpoint = provider.metadata().getTokenEndpointURI();
    Map<String, List<String>> form =
        new LinkedHashMap<>(
            new AuthorizationCodeGrant(
                    new AuthorizationCode(code), redirectUri, verifier.orElse(null))
                .toParameters());
    form.put("client_id", List.of(clientId));
    form.put("client_assertion_type", List.of(JWT_BEARER));
    form.put(
        "client_assertion",
        List.of(
            ClientAssertion.sign(
                clientId, appKey, keyId, tokenEndpoint, settings.clock().instant())));
    TokenExchange.Tokens tokens;
    try {
      tokens = TokenExchange.send(http, tokenEndpoint, URLUtils.serializeParameters(form));
    } catch (TokenExchange.Refused e) {
      return LoginResult.refused(e.reason(), e.getMessage());
    }
    LoginResult r = validateIdToken(tokens.idToken(), nonce);
    if (!r.isOk()) {
      return r;
    }
    MipLogin l = r.login().get();
    return LoginResult.ok(
        new MipLogin(
            l.subject(),
            l.claims(),
            l.kycIssuer(),
            l.authTime(),
            l.idToken(),
            tokens.accessToken()));
  }

  /**
   * Validates an ID token for this app and this login's nonce (OpenID Connect Core 1.0 section
   * 3.1.3.7). The returned login has an empty access token.
   */
  public LoginResult validateIdToken(String idToken, String expectedNonce) {
    IdTokenChecks.Checked c =
        IdTokenChecks.check(
            idToken,
            provider,
            settings.idTokenAlg(),
            clientId,
            expectedNonce,
            settings.clock(),
            settings.skew());
    if (c.refusal().isPresent()) {
      return c.refusal().get();
    }
    JWTClaimsSet claims = c.claims().get();
    Map<String, Object> released = new LinkedHashMap<>();
    Set<String> standard =
        Set.of(
            "iss",
            "sub",
            "aud",
            "exp",
            "iat",
            "auth_time",
            "nonce",
            "amr",
            "azp",
            "at_hash",
            "mip_kyc_issuer");
    claims
        .getClaims()
        .forEach(
            (k, v) -> {
              if (!standard.contains(k)
                  && (v instanceof String || v instanceof Boolean || v instanceof Number)) {
                released.put(k, v);
              }
            });
    Object authTime = claims.getClaim("auth_time");
    Instant at =
        authTime instanceof Number n
            ? Instant.ofEpochSecond(n.longValue())
            : claims.getIssueTime().toInstant();
    Object kycIssuer = claims.getClaim("mip_kyc_issuer");
    return LoginResult.ok(
        new MipLogin(
            claims.getSubject(),
            released,
            kycIssuer instanceof String s ? Optional.of(s) : Optional.empty(),
            at,
            idToken,
            ""));
  }

  /** Returns the app's {@code client_id}. */
  public String clientId() {
    return clientId;
  }

  /** Returns the provider's issuer identifier. */
  public String issuer() {
    return provider.metadata().getIssuer().getValue();
  }
}
