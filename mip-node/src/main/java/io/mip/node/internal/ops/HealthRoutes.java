package io.mip.node.internal.ops;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.mip.ledger.Ledger;
import io.mip.ledger.LedgerException;
import io.mip.node.internal.http.JsonResponses;
import java.util.Objects;

/**
 * {@code GET /health}: 200 {@code {"status":"UP","ledger":{"backend","height","size"}}} when the
 * ledger answers, 503 {@code {"status":"DOWN",...}} when it does not.
 */
public final class HealthRoutes {
  private final Ledger ledger;
  private final String backend;

  /** Reports on {@code ledger}, naming its {@code backend}. */
  public HealthRoutes(Ledger ledger, String backend) {
    this.ledger = Objects.requireNonNull(ledger, "ledger");
    this.backend = Objects.requireNonNull(backend, "backend");
  }

  /** Registers the route. */
  public void register(Javalin app) {
    app.get("/health", this::health);
  }

  private void health(Context ctx) {
    ObjectNode body = JsonNodeFactory.instance.objectNode();
    ObjectNode led = JsonNodeFactory.instance.objectNode();
    led.put("backend", backend);
    int status;
    try {
      led.put("height", ledger.height());
      led.put("size", ledger.size());
      body.put("status", "UP");
      status = 200;
    } catch (LedgerException e) {
      led.put("error", "ledger does not answer");
      body.put("status", "DOWN");
      status = 503;
    }
    body.set("ledger", led);
    JsonResponses.json(ctx, status, body);
  }
}
