package io.mip.node.internal.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mip.ledger.Rejection;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * An RFC 9457 problem details object: {@code type}, {@code title}, {@code status}, {@code detail}
 * and extension members. {@code instance} is the request path, added when rendered.
 *
 * @param type the problem type URI (section 3.1.1)
 * @param title a short summary that does not change between occurrences (section 3.1.3)
 * @param status the HTTP status code (section 3.1.2)
 * @param detail an explanation of this occurrence (section 3.1.4); never a stack trace
 * @param extensions extension members (section 3.2), such as the original receipt of a duplicate
 */
public record Problem(
    URI type, String title, int status, String detail, Map<String, JsonNode> extensions) {
  private static final Set<String> RESERVED =
      Set.of("type", "title", "status", "detail", "instance");
  private static final Pattern CODE = Pattern.compile("[a-z][a-z0-9]*(-[a-z0-9]+)*");
  private static final int MAX_DETAIL = 1000;

  /** Validates and copies. */
  public Problem {
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(title, "title");
    Objects.requireNonNull(detail, "detail");
    if (status < 400 || status > 599) {
      throw new IllegalArgumentException("problem status must be 4xx or 5xx");
    }
    for (String name : extensions.keySet()) {
      if (RESERVED.contains(name)) {
        throw new IllegalArgumentException("extension member '" + name + "' is reserved");
      }
    }
    if (detail.length() > MAX_DETAIL) {
      detail = detail.substring(0, MAX_DETAIL) + "...";
    }
    extensions = Map.copyOf(extensions);
  }

  /** A problem of one of the node's own types. */
  public static Problem of(ProblemType type, String detail) {
    return new Problem(type.uri(), type.title(), type.status(), detail, Map.of());
  }

  /**
   * A problem for an HTTP-level failure with only a status: {@code bad-request} for 4xx (with that
   * status), {@code internal-error} for 5xx.
   */
  public static Problem ofStatus(int status, String detail) {
    if (status >= 500 && status <= 599) {
      return of(ProblemType.INTERNAL_ERROR, "unexpected error; see node logs");
    }
    int s = status >= 400 && status <= 499 ? status : 400;
    return new Problem(
        ProblemType.BAD_REQUEST.uri(), ProblemType.BAD_REQUEST.title(), s, detail, Map.of());
  }

  /**
   * A problem for a ledger rejection: type {@code https://mip.io/problems/<rejection code>}, sent
   * with {@code status}.
   */
  public static Problem ofRejection(Rejection rejection, int status) {
    String code = CODE.matcher(rejection.code()).matches() ? rejection.code() : "rejected";
    return new Problem(
        URI.create(ProblemType.URI_PREFIX + code),
        "Operation rejected: " + code,
        status,
        rejection.detail(),
        Map.of());
  }

  /** Returns a copy with one more extension member. */
  public Problem with(String name, JsonNode value) {
    Map<String, JsonNode> more = new LinkedHashMap<>(extensions);
    more.put(name, value);
    return new Problem(type, title, status, detail, more);
  }

  /** Renders the JSON object, with {@code instance} when given. */
  public ObjectNode toJson(String instance) {
    ObjectNode json = JsonNodeFactory.instance.objectNode();
    json.put("type", type.toString());
    json.put("title", title);
    json.put("status", status);
    json.put("detail", detail);
    if (instance != null) {
      json.put("instance", instance);
    }
    extensions.forEach(json::set);
    return json;
  }
}
