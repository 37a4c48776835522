package io.mip.node.internal.http;

import java.net.URI;

/**
 * The node's own stable problem types (RFC 9457 section 3.1.1). Each type URI is {@code
 * https://mip.io/problems/<code>}; clients switch on the code, never on the title or detail.
 *
 * <p>Ledger rejections carry their own codes (the {@link io.mip.ledger.Rejection} code, such as
 * {@code did-deactivated}); they use the same URI prefix and are built by {@link
 * Problem#ofRejection}.
 */
public enum ProblemType {
  /** The request body is not valid JSON. */
  INVALID_JSON("invalid-json", 400, "Request body is not valid JSON"),
  /** The body is JSON but not a well-formed operation. */
  MALFORMED_OPERATION("malformed-operation", 400, "Malformed operation"),
  /** A path or query parameter is malformed. */
  INVALID_PARAMETER("invalid-parameter", 400, "Invalid parameter"),
  /** The request body exceeds the route's limit. */
  BODY_TOO_LARGE("body-too-large", 413, "Request body too large"),
  /** The request's Content-Type is not one the route accepts. */
  UNSUPPORTED_MEDIA_TYPE("unsupported-media-type", 415, "Unsupported media type"),
  /** No representation matching the Accept header. */
  NOT_ACCEPTABLE("not-acceptable", 406, "Not acceptable"),
  /** No route matches the path. */
  NOT_FOUND("not-found", 404, "Not found"),
  /** The route exists but not for this method. */
  METHOD_NOT_ALLOWED("method-not-allowed", 405, "Method not allowed"),
  /** No operation with that id. */
  OPERATION_NOT_FOUND("operation-not-found", 404, "Operation not found"),
  /** No stream with that id. */
  STREAM_NOT_FOUND("stream-not-found", 404, "Stream not found"),
  /** No block at that height. */
  BLOCK_NOT_FOUND("block-not-found", 404, "Block not found"),
  /** The operation was already admitted; the original receipt is attached as {@code receipt}. */
  DUPLICATE_OPERATION("duplicate-operation", 409, "Operation already on the ledger"),
  /** Any other client error the HTTP layer detected. */
  BAD_REQUEST("bad-request", 400, "Bad request"),
  /** The ledger backend failed (storage error, backend unreachable). */
  LEDGER_UNAVAILABLE("ledger-unavailable", 503, "Ledger unavailable"),
  /** A bug or unexpected failure; details are logged on the node, never sent. */
  INTERNAL_ERROR("internal-error", 500, "Internal server error");

  /** Prefix of every MIP problem type URI. */
  public static final String URI_PREFIX = "https://mip.io/problems/";

  private final String code;
  private final int status;
  private final String title;

  ProblemType(String code, int status, String title) {
    this.code = code;
    this.status = status;
    this.title = title;
  }

  /** Returns the stable kebab-case code, the last segment of {@link #uri()}. */
  public String code() {
    return code;
  }

  /** Returns the HTTP status this type is sent with. */
  public int status() {
    return status;
  }

  /** Returns the short, fixed, human-readable summary. */
  public String title() {
    return title;
  }

  /** Returns the type URI. */
  public URI uri() {
    return URI.create(URI_PREFIX + code);
  }
}
