package io.mip.node.internal.ops;

import io.javalin.Javalin;
import io.javalin.http.Context;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.jvm.ClassLoaderMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.mip.ledger.Ledger;
import java.util.concurrent.TimeUnit;

/**
 * The node's metrics, exposed at {@code GET /metrics} in the Prometheus text format: a timer per
 * route, method and status ({@code http_server_requests_seconds}), ledger height and size gauges,
 * and JVM metrics. The route tag is the route template (such as {@code /ledger/blocks/{height}}),
 * never the raw path, so the number of series stays bounded.
 */
public final class NodeMetrics implements AutoCloseable {
  /** Prometheus text exposition format 0.0.4. */
  public static final String CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8";

  private final PrometheusMeterRegistry registry;
  private final JvmGcMetrics gc;

  /** Creates the registry and binds the ledger gauges and JVM metrics. */
  public NodeMetrics(Ledger ledger) {
    registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    Gauge.builder("mip.ledger.height", ledger, Ledger::height)
        .description("height of the newest block")
        .register(registry);
    Gauge.builder("mip.ledger.size", ledger, Ledger::size)
        .description("number of admitted operations")
        .register(registry);
    new JvmMemoryMetrics().bindTo(registry);
    new JvmThreadMetrics().bindTo(registry);
    new ClassLoaderMetrics().bindTo(registry);
    new ProcessorMetrics().bindTo(registry);
    new UptimeMetrics().bindTo(registry);
    gc = new JvmGcMetrics();
    gc.bindTo(registry);
  }

  /** Registers {@code GET /metrics}. */
  public void register(Javalin app) {
    app.get("/metrics", ctx -> ctx.contentType(CONTENT_TYPE).result(registry.scrape()));
  }

  /** Records one finished request; called from Javalin's request logger. */
  public void record(Context ctx, float executionMillis) {
    Timer.builder("http.server.requests")
        .description("HTTP requests by route, method and status")
        .tag("method", ctx.method().name())
        .tag("route", route(ctx))
        .tag("status", Integer.toString(ctx.statusCode()))
        .register(registry)
        .record((long) (executionMillis * 1_000_000L), TimeUnit.NANOSECONDS);
  }

  private static String route(Context ctx) {
    try {
      String path = ctx.endpointHandlerPath();
      return path == null || path.isEmpty() ? "unmatched" : path;
    } catch (RuntimeException e) {
      return "unmatched";
    }
  }

  @Override
  public void close() {
    gc.close();
    registry.close();
  }
}
