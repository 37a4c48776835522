package io.mip.sdk.login.internal;

import com.nimbusds.oauth2.sdk.ParseException;
import com.nimbusds.oauth2.sdk.TokenErrorResponse;
import com.nimbusds.oauth2.sdk.TokenResponse;
import com.nimbusds.oauth2.sdk.http.HTTPResponse;
import com.nimbusds.openid.connect.sdk.OIDCTokenResponse;
import com.nimbusds.openid.connect.sdk.OIDCTokenResponseParser;
import io.mip.sdk.login.LoginResult.Reason;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * Sends a token request (RFC 6749 section 4.1.3) as a form and reads the OpenID Connect token
 * response with Nimbus.
 */
public final class TokenExchange {
  private TokenExchange() {}

  /**
   * The tokens.
   *
   * @param idToken the ID token
   * @param accessToken the access token
   */
  public record Tokens(String idToken, String accessToken) {}

  /** The exchange failed. */
  public static final class Refused extends Exception {
    private static final long serialVersionUID = 1L;
    private final Reason reason;

    Refused(Reason reason, String message) {
      super(message, null, false, false);
      this.reason = reason;
    }

    /** Returns the reason. */
    public Reason reason() {
      return reason;
    }
  }

  /** Sends {@code request} over {@code http}. */
  public static Tokens send(HttpClient http, URI endpoint, String form) throws Refused {
    HttpResponse<String> r;
    try {
      r =
          http.send(
              HttpRequest.newBuilder(endpoint)
                  .timeout(Duration.ofSeconds(15))
                  .header("Content-Type", "application/x-www-form-urlencoded")
                  .POST(HttpRequest.BodyPublishers.ofString(form))
                  .build(),
              HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new Refused(
          Reason.PROVIDER_UNAVAILABLE, "token endpoint unreachable: " + e.getMessage());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new Refused(Reason.PROVIDER_UNAVAILABLE, "interrupted");
    }
    HTTPResponse response = new HTTPResponse(r.statusCode());
    r.headers()
        .firstValue("Content-Type")
        .ifPresent(
            ct -> {
              try {
                response.setContentType(ct);
              } catch (ParseException e) {
                // leave unset; parsing below then fails cleanly
              }
            });
    response.setBody(r.body());
    TokenResponse parsed;
    try {
      parsed = OIDCTokenResponseParser.parse(response);
    } catch (ParseException e) {
      throw new Refused(
          Reason.PROVIDER_UNAVAILABLE, "token response unreadable: " + e.getMessage());
    }
    if (!parsed.indicatesSuccess()) {
      TokenErrorResponse err = (TokenErrorResponse) parsed;
      String code = err.getErrorObject() == null ? "error" : err.getErrorObject().getCode();
      String desc = err.getErrorObject() == null ? null : err.getErrorObject().getDescription();
      throw new Refused(Reason.TOKEN_ERROR, code + (desc == null ? "" : ": " + desc));
    }
    OIDCTokenResponse ok = (OIDCTokenResponse) parsed;
    if (ok.getOIDCTokens().getIDTokenString() == null) {
      throw new Refused(Reason.PROVIDER_UNAVAILABLE, "token response has no id_token");
    }
    return new Tokens(
        ok.getOIDCTokens().getIDTokenString(), ok.getOIDCTokens().getAccessToken().getValue());
  }
}
