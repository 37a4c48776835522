package io.mip.node.profile;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.http.Context;
import io.mip.node.internal.http.JsonResponses;
import io.mip.node.internal.http.Problem;
import io.mip.node.internal.http.ProblemException;
import io.mip.node.internal.http.ProblemType;
import io.mip.node.internal.http.RequestBodies;
import io.mip.node.internal.http.SignedRequests;
import io.mip.profile.auth.RequestAuthenticator;
import io.mip.profile.client.ProfileJson;
import io.mip.profile.service.ProfileRefusal;
import io.mip.profile.service.ProfileResult;
import java.io.IOException;
import java.net.URI;
import java.util.Map;
import java.util.function.Function;

/**
 * What every profile handler does: read the body within a limit, authenticate the signed request
 * against exactly the bytes received, parse, and turn results into responses or RFC 9457 problems
 * with the profile's stable codes.
 */
final class ProfileHttp {
  private final RequestAuthenticator auth;

  ProfileHttp(RequestAuthenticator auth) {
    this.auth = auth;
  }

  /** Reads a JSON body of at most {@code limit} bytes. */
  static byte[] jsonBody(Context ctx, int limit) {
    RequestBodies.requireJson(ctx);
    return RequestBodies.read(ctx, limit);
  }

  /** Authenticates the request with its body; returns the caller's DID or ends with 401. */
  String caller(Context ctx, byte[] body) {
    return SignedRequests.caller(ctx, auth, body);
  }

  /** Authenticates a request without a body. */
  String caller(Context ctx) {
    return caller(ctx, new byte[0]);
  }

  /** Parses {@code body} as JSON and maps it; malformed input ends with 400. */
  static <T> T parse(byte[] body, Function<JsonNode, T> parser) {
    JsonNode node;
    try {
      node = ProfileJson.mapper().readTree(body);
    } catch (IOException e) {
      throw new ProblemException(ProblemType.INVALID_JSON, "request body is not valid JSON");
    }
    if (node == null || !node.isObject()) {
      throw new ProblemException(ProblemType.INVALID_JSON, "request body must be a JSON object");
    }
    try {
      return parser.apply(node);
    } catch (IllegalArgumentException e) {
      throw problem(
          ProfileRefusal.Reason.INVALID_REQUEST.code(),
          400,
          "Invalid profile request",
          e.getMessage());
    }
  }

  /** Parses a path or query parameter; a malformed one ends with 400. */
  static <T> T param(String value, String name, Function<String, T> parser) {
    try {
      if (value == null) {
        throw new IllegalArgumentException("missing");
      }
      return parser.apply(value);
    } catch (IllegalArgumentException e) {
      throw new ProblemException(
          ProblemType.INVALID_PARAMETER, "parameter '" + name + "' is invalid: " + e.getMessage());
    }
  }

  /** Writes the value as JSON with {@code status}, or ends with the refusal's problem. */
  static <T> void respond(
      Context ctx, int status, ProfileResult<T> result, Function<T, JsonNode> f) {
    if (!result.isOk()) {
      ProfileRefusal r = result.refusal();
      throw problem(r.code(), r.status(), title(r.reason()), r.detail());
    }
    JsonResponses.json(ctx, status, f.apply(result.value()));
  }

  private static String title(ProfileRefusal.Reason reason) {
    String s = reason.code().replace('-', ' ');
    return Character.toUpperCase(s.charAt(0)) + s.substring(1);
  }

  static ProblemException problem(String code, int status, String title, String detail) {
    return new ProblemException(
        new Problem(URI.create(ProblemType.URI_PREFIX + code), title, status, detail, Map.of()));
  }
}
