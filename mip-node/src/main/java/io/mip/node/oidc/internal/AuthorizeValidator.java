package io.mip.node.oidc.internal;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.oauth2.sdk.ErrorObject;
import com.nimbusds.oauth2.sdk.OAuth2Error;
import com.nimbusds.oauth2.sdk.ParseException;
import com.nimbusds.oauth2.sdk.ResponseMode;
import com.nimbusds.oauth2.sdk.ResponseType;
import com.nimbusds.oauth2.sdk.pkce.CodeChallengeMethod;
import com.nimbusds.openid.connect.sdk.AuthenticationRequest;
import com.nimbusds.openid.connect.sdk.OIDCError;
import com.nimbusds.openid.connect.sdk.Prompt;
import io.mip.node.oidc.ClientDirectory;
import io.mip.node.oidc.RegisteredClient;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Checks an authorization request in the order RFC 6749 section 4.1.2.1 requires: first the client
 * and the redirect URI, whose failures are shown to the person and never redirected (the redirect
 * target cannot be trusted); then everything else, whose failures are sent back to the client's
 * redirect URI with {@code error}, {@code state} and {@code iss}.
 *
 * <p>Refuses: an unknown client; a redirect URI that is not character for character a registered
 * one; any {@code response_type} but {@code code}; {@code response_mode} other than {@code query};
 * a missing {@code code_challenge} or a method other than {@code S256} (RFC 9700 section 2.1.1); a
 * missing {@code nonce}; {@code prompt=none} (a sign-in always needs face and PIN); request objects
 * ({@code request}, {@code request_uri}); unknown scopes; a repeated parameter; an ID token
 * algorithm other than ES256 or EdDSA.
 */
public final class AuthorizeValidator {
  /** Longest accepted {@code state} and {@code nonce}. */
  public static final int MAX_VALUE = 512;

  /** The parameter a client may send to get an EdDSA ID token. */
  public static final String ALG_PARAM = "id_token_signed_response_alg";

  private final ClientDirectory clients;

  /** Creates a validator over the client directory. */
  public AuthorizeValidator(ClientDirectory clients) {
    this.clients = Objects.requireNonNull(clients, "clients");
  }

  /**
   * The outcome: a valid request, an error to show the person (no redirect), or an error to send
   * back to the client's redirect URI.
   *
   * @param request the request, when valid
   * @param pageError the error to show, when the client or redirect URI is bad
   * @param redirectError the error to redirect with, otherwise
   * @param client the client, for a redirected error
   * @param redirectUri the redirect URI, for a redirected error
   * @param state the state, for a redirected error
   */
  public record Outcome(
      Optional<AuthRequest> request,
      Optional<String> pageError,
      Optional<ErrorObject> redirectError,
      Optional<RegisteredClient> client,
      Optional<String> redirectUri,
      Optional<String> state) {
    static Outcome valid(AuthRequest r) {
      return new Outcome(
          Optional.of(r),
          Optional.empty(),
          Optional.empty(),
          Optional.of(r.client()),
          Optional.of(r.redirectUri()),
          r.state());
    }

    static Outcome page(String message) {
      return new Outcome(
          Optional.empty(),
          Optional.of(message),
          Optional.empty(),
          Optional.empty(),
          Optional.empty(),
          Optional.empty());
    }

    static Outcome redirect(
        ErrorObject error, RegisteredClient client, String redirectUri, Optional<String> state) {
      return new Outcome(
          Optional.empty(),
          Optional.empty(),
          Optional.of(error),
          Optional.of(client),
          Optional.of(redirectUri),
          state);
    }
  }

  /** Validates the request parameters (query for GET, form body for POST). */
  public Outcome validate(Map<String, List<String>> params) {
    for (Map.Entry<String, List<String>> e : params.entrySet()) {
      if (e.getValue().size() > 1
          && (e.getKey().equals("client_id") || e.getKey().equals("redirect_uri"))) {
        return Outcome.page("the request repeats " + e.getKey());
      }
    }
    String clientId = single(params, "client_id");
    if (clientId == null || clientId.isEmpty() || clientId.length() > 512) {
      return Outcome.page("the request has no client_id");
    }
    Optional<RegisteredClient> found = clients.find(clientId);
    if (found.isEmpty()) {
      return Outcome.page("the app " + shorten(clientId) + " is not registered on this network");
    }
    RegisteredClient client = found.get();
    String redirectUri = single(params, "redirect_uri");
    if (redirectUri == null || !client.redirectUris().contains(redirectUri)) {
      return Outcome.page(
          "the redirect URI is not one the app "
              + client.name()
              + " registered (it must match exactly)");
    }
    String stateValue = single(params, "state");
    Optional<String> state = Optional.ofNullable(stateValue).filter(s -> !s.isEmpty());
    if (state.isPresent() && state.get().length() > MAX_VALUE) {
      return Outcome.redirect(
          OAuth2Error.INVALID_REQUEST.setDescription("state longer than " + MAX_VALUE),
          client,
          redirectUri,
          Optional.empty());
    }
    for (Map.Entry<String, List<String>> e : params.entrySet()) {
      if (e.getValue().size() > 1) {
        return redirect(
            OAuth2Error.INVALID_REQUEST,
            "repeated parameter " + e.getKey(),
            client,
            redirectUri,
            state);
      }
    }
    if (params.containsKey("request")) {
      return Outcome.redirect(OAuth2Error.REQUEST_NOT_SUPPORTED, client, redirectUri, state);
    }
    if (params.containsKey("request_uri")) {
      return Outcome.redirect(OAuth2Error.REQUEST_URI_NOT_SUPPORTED, client, redirectUri, state);
    }
    AuthenticationRequest parsed;
    try {
      parsed = AuthenticationRequest.parse(params);
    } catch (ParseException e) {
      ErrorObject err =
          e.getErrorObject() != null ? e.getErrorObject() : OAuth2Error.INVALID_REQUEST;
      return Outcome.redirect(err.setDescription(e.getMessage()), client, redirectUri, state);
    }
    return check(parsed, params, client, redirectUri, state);
  }

  private Outcome check(
      AuthenticationRequest req,
      Map<String, List<String>> params,
      RegisteredClient client,
      String redirectUri,
      Optional<String> state) {
    if (!ResponseType.CODE.equals(req.getResponseType())) {
      return Outcome.redirect(
          OAuth2Error.UNSUPPORTED_RESPONSE_TYPE.setDescription("only response_type=code"),
          client,
          redirectUri,
          state);
    }
    if (req.getResponseMode() != null && !ResponseMode.QUERY.equals(req.getResponseMode())) {
      return redirect(
          OAuth2Error.INVALID_REQUEST, "only response_mode=query", client, redirectUri, state);
    }
    if (req.getCodeChallenge() == null) {
      return redirect(
          OAuth2Error.INVALID_REQUEST,
          "PKCE required: send code_challenge with code_challenge_method=S256",
          client,
          redirectUri,
          state);
    }
    if (!CodeChallengeMethod.S256.equals(req.getCodeChallengeMethod())) {
      return redirect(
          OAuth2Error.INVALID_REQUEST,
          "code_challenge_method must be S256",
          client,
          redirectUri,
          state);
    }
    String challenge = req.getCodeChallenge().getValue();
    if (!challenge.matches("[A-Za-z0-9_-]{43}")) {
      return redirect(
          OAuth2Error.INVALID_REQUEST,
          "code_challenge must be a base64url SHA-256",
          client,
          redirectUri,
          state);
    }
    if (req.getNonce() == null || req.getNonce().getValue().isEmpty()) {
      return redirect(OAuth2Error.INVALID_REQUEST, "nonce required", client, redirectUri, state);
    }
    String nonce = req.getNonce().getValue();
    if (nonce.length() > MAX_VALUE) {
      return redirect(
          OAuth2Error.INVALID_REQUEST,
          "nonce longer than " + MAX_VALUE,
          client,
          redirectUri,
          state);
    }
    Prompt prompt = req.getPrompt();
    if (prompt != null && prompt.contains(Prompt.Type.NONE)) {
      return redirect(
          OIDCError.LOGIN_REQUIRED,
          "signing in with MIP always needs face and PIN",
          client,
          redirectUri,
          state);
    }
    ScopeRequest scopes;
    try {
      scopes = ScopeRequest.parse(req.getScope().toStringList());
    } catch (IllegalArgumentException e) {
      return redirect(OAuth2Error.INVALID_SCOPE, e.getMessage(), client, redirectUri, state);
    }
    JWSAlgorithm alg = JWSAlgorithm.ES256;
    String askedAlg = single(params, ALG_PARAM);
    if (askedAlg != null) {
      if (!ProviderKeys.algorithmNames().contains(askedAlg)) {
        return redirect(
            OAuth2Error.INVALID_REQUEST,
            ALG_PARAM + " must be ES256 or EdDSA",
            client,
            redirectUri,
            state);
      }
      alg = JWSAlgorithm.parse(askedAlg);
    }
    boolean forceConsent = prompt != null && prompt.contains(Prompt.Type.CONSENT);
    return Outcome.valid(
        new AuthRequest(client, redirectUri, state, nonce, challenge, scopes, alg, forceConsent));
  }

  private static Outcome redirect(
      ErrorObject error,
      String description,
      RegisteredClient client,
      String redirectUri,
      Optional<String> state) {
    return Outcome.redirect(error.setDescription(description), client, redirectUri, state);
  }

  private static String single(Map<String, List<String>> params, String name) {
    List<String> v = params.get(name);
    return v == null || v.isEmpty() ? null : v.get(0);
  }

  private static String shorten(String s) {
    String t = s.length() > 80 ? s.substring(0, 80) + "..." : s;
    return t.replaceAll("[^\\x20-\\x7e]", "?");
  }
}
