package io.mip.node.internal.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.http.Context;
import io.mip.ledger.Operation;

/** Writes JSON bodies with an explicit media type, using the ledger's strict mapper. */
public final class JsonResponses {
  /** Plain JSON. */
  public static final String JSON = "application/json";

  private JsonResponses() {}

  /** Writes {@code body} with {@code contentType}; the status is left as set. */
  public static void write(Context ctx, String contentType, JsonNode body) {
    try {
      ctx.contentType(contentType).result(Operation.json().writeValueAsBytes(body));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("JSON tree could not be written", e);
    }
  }

  /** Writes {@code body} as {@code application/json} with {@code status}. */
  public static void json(Context ctx, int status, JsonNode body) {
    ctx.status(status);
    write(ctx, JSON, body);
  }
}
