package io.mip.node.kyc;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.http.Context;
import io.mip.crypto.StrictJson;
import io.mip.ledger.Operation;
import io.mip.node.internal.http.Problem;
import io.mip.node.internal.http.ProblemException;
import io.mip.node.internal.http.ProblemType;
import io.mip.node.internal.http.RequestBodies;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.util.Map;

/** Request parsing and problem helpers shared by the credential routes. */
final class KycJson {
  /**
   * Strict parsing (StrictJson) for request bodies, whose strings may be as long as the body's own
   * limit: a /kyc/issue body carries two base64 images of up to 8 MiB each, far beyond the 64 KiB
   * strings of {@link Operation#json()}.
   */
  private static final ObjectMapper BODIES = StrictJson.mapper(32, IssueRoutes.MAX_ISSUE_BODY, 32);

  private KycJson() {}

  /** Reads a JSON object body of at most {@code limit} bytes (own limit, not the node default). */
  static JsonNode object(Context ctx, int limit) {
    RequestBodies.requireJson(ctx);
    byte[] body = RequestBodies.read(ctx, limit);
    JsonNode json;
    try {
      json = BODIES.readTree(body);
    } catch (JsonProcessingException e) {
      throw new ProblemException(ProblemType.INVALID_JSON, "body is not valid JSON");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    if (json == null || !json.isObject()) {
      throw new ProblemException(ProblemType.INVALID_JSON, "body must be a JSON object");
    }
    return json;
  }

  /** Returns a required string member or fails with bad-request. */
  static String text(JsonNode body, String name) {
    JsonNode v = body.get(name);
    if (v == null || !v.isTextual() || v.textValue().isEmpty()) {
      throw new ProblemException(ProblemType.BAD_REQUEST, "'" + name + "' must be a string");
    }
    return v.textValue();
  }

  /** A problem of a credential-specific type {@code https://mip.io/problems/<code>}. */
  static ProblemException problem(String code, int status, String title, String detail) {
    return new ProblemException(
        new Problem(URI.create(ProblemType.URI_PREFIX + code), title, status, detail, Map.of()));
  }
}
