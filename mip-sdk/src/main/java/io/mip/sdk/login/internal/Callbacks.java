package io.mip.sdk.login.internal;

import com.nimbusds.oauth2.sdk.util.URLUtils;
import io.mip.sdk.login.LoginResult;
import io.mip.sdk.login.LoginResult.Reason;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads an authorization response (RFC 6749 sections 4.1.2 and 4.1.2.1) from the callback URL:
 * {@code code} or {@code error}, {@code state}, and {@code iss}, which when present must be the
 * provider (RFC 9207 section 2.4). A repeated parameter or a response with both or neither of code
 * and error is malformed.
 */
public final class Callbacks {
  private Callbacks() {}

  /**
   * The parsed callback.
   *
   * @param code the code, on success
   * @param error the error code and description, on an error response
   * @param state the state, if any
   * @param refusal a refusal, when the callback is malformed or from another issuer
   */
  public record Parsed(
      Optional<String> code,
      Optional<String> error,
      Optional<String> state,
      Optional<LoginResult> refusal) {}

  /** Parses {@code callback} expecting responses from {@code issuer}. */
  public static Parsed parse(URI callback, String issuer) {
    String query = callback.getRawQuery();
    if (query == null || query.length() > 8192) {
      return bad("callback has no query or a too long one");
    }
    Map<String, List<String>> p = URLUtils.parseParameters(query);
    for (List<String> v : p.values()) {
      if (v.size() != 1) {
        return bad("callback repeats a parameter");
      }
    }
    Optional<String> iss = one(p, "iss");
    if (iss.isPresent() && !iss.get().equals(issuer)) {
      return bad("callback is from another issuer");
    }
    Optional<String> code = one(p, "code");
    Optional<String> error = one(p, "error");
    if (code.isPresent() == error.isPresent()) {
      return bad("callback must carry exactly one of code and error");
    }
    Optional<String> described =
        error.map(e -> e + one(p, "error_description").map(d -> ": " + d).orElse(""));
    return new Parsed(code, described, one(p, "state"), Optional.empty());
  }

  private static Optional<String> one(Map<String, List<String>> p, String name) {
    List<String> v = p.get(name);
    return v == null || v.get(0).isEmpty() ? Optional.empty() : Optional.of(v.get(0));
  }

  private static Parsed bad(String why) {
    return new Parsed(
        Optional.empty(),
        Optional.empty(),
        Optional.empty(),
        Optional.of(LoginResult.refused(Reason.BAD_CALLBACK, why)));
  }
}
