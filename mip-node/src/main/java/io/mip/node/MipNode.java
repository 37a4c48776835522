package io.mip.node;

import io.javalin.Javalin;
import io.mip.did.DidResolver;
import io.mip.ledger.Ledger;
import io.mip.node.internal.http.ErrorHandling;
import io.mip.node.internal.http.JettyErrors;
import io.mip.node.internal.ledger.LedgerFactories;
import io.mip.node.internal.ledger.LedgerRoutes;
import io.mip.node.internal.ops.HealthRoutes;
import io.mip.node.internal.ops.NodeMetrics;
import io.mip.node.internal.resolver.ResolverRoutes;
import java.net.URI;
import java.util.Objects;

/**
 * A MIP node: the composition root that wires the ledger, the DID resolver and the HTTP API
 * together with plain constructors.
 *
 * <p>Routes (see docs/http-api.md): the DIF Universal Resolver driver interface at {@code GET
 * /1.0/identifiers/{did}}, the ledger under {@code /ledger}, {@code GET /health} and {@code GET
 * /metrics}. Every error is an RFC 9457 {@code application/problem+json} body with a stable type.
 *
 * <p>The node owns the ledger it is given and closes it in {@link #close()}.
 */
public final class MipNode implements AutoCloseable {
  /** Interface the node binds to unless told otherwise. */
  public static final String DEFAULT_HOST = "127.0.0.1";

  private final Ledger ledger;
  private final NodeMetrics metrics;
  private final Javalin app;
  private boolean started;

  /**
   * Builds a node over an open ledger.
   *
   * @param ledger the ledger to serve; the node takes ownership
   * @param resolver the DID resolver behind {@code /1.0/identifiers}
   * @param backend the backend's name, reported by {@code /health}
   */
  public MipNode(Ledger ledger, DidResolver resolver, String backend) {
    this.ledger = Objects.requireNonNull(ledger, "ledger");
    this.metrics = new NodeMetrics(ledger);
    this.app =
        Javalin.create(
            cfg -> {
              cfg.showJavalinBanner = false;
              cfg.startupWatcherEnabled = false;
              cfg.http.maxRequestSize = LedgerRoutes.MAX_OPERATION_BODY;
              cfg.http.prefer405over404 = true;
              cfg.router.ignoreTrailingSlashes = true;
              cfg.requestLogger.http(metrics::record);
              cfg.jetty.modifyServer(server -> server.setErrorHandler(new JettyErrors()));
              cfg.jetty.modifyServletContextHandler(h -> h.setErrorHandler(new JettyErrors()));
            });
    ErrorHandling.install(app);
    new ResolverRoutes(resolver).register(app);
    new LedgerRoutes(ledger).register(app);
    new HealthRoutes(ledger, backend).register(app);
    metrics.register(app);
  }

  /**
   * Opens the stores {@code config} names and builds a node over them (not yet started).
   *
   * @throws io.mip.ledger.LedgerException if the ledger cannot be opened; for the embedded backend
   *     a {@code LedgerCorruptedException} names the first bad block
   */
  public static MipNode open(NodeConfig config) {
    return open(config, LedgerFactories.forBackend(config.backend()));
  }

  /** Like {@link #open(NodeConfig)} with an explicit ledger factory (another backend, tests). */
  public static MipNode open(NodeConfig config, LedgerFactory factory) {
    Ledger ledger = factory.open(config, DidMethods.policies());
    try {
      return new MipNode(ledger, DidMethods.resolver(ledger), config.backend().id());
    } catch (RuntimeException e) {
      ledger.close();
      throw e;
    }
  }

  /** Starts serving on {@link #DEFAULT_HOST}; {@code port} 0 picks a free port. */
  public synchronized MipNode start(int port) {
    return start(DEFAULT_HOST, port);
  }

  /** Starts serving on {@code host}:{@code port}; {@code port} 0 picks a free port. */
  public synchronized MipNode start(String host, int port) {
    if (started) {
      throw new IllegalStateException("node already started");
    }
    app.start(host, port);
    started = true;
    return this;
  }

  /** Returns the port the node listens on (after {@link #start}). */
  public int port() {
    return app.port();
  }

  /** Returns {@code http://127.0.0.1:<port>}, the base URI for local clients. */
  public URI localUri() {
    return URI.create("http://127.0.0.1:" + port());
  }

  /** Returns the ledger the node serves. */
  public Ledger ledger() {
    return ledger;
  }

  /** Stops the HTTP server and closes the ledger. */
  @Override
  public synchronized void close() {
    try {
      app.stop();
    } finally {
      try {
        metrics.close();
      } finally {
        ledger.close();
      }
    }
  }
}
