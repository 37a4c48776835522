package io.mip.node;

import io.javalin.Javalin;
import io.mip.did.DidResolver;
import io.mip.ledger.Ledger;
import io.mip.ledger.OperationPolicy;
import io.mip.node.internal.http.ErrorHandling;
import io.mip.node.internal.http.JettyErrors;
import io.mip.node.internal.ledger.LedgerFactories;
import io.mip.node.internal.ledger.LedgerRoutes;
import io.mip.node.internal.ops.HealthRoutes;
import io.mip.node.internal.ops.NodeMetrics;
import io.mip.node.internal.resolver.ResolverRoutes;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A MIP node: the composition root that wires the ledger, the DID resolver, the optional {@link
 * NodeFeature}s and the HTTP API together with plain constructors.
 *
 * <p>Routes (see docs/http-api.md): the DIF Universal Resolver driver interface at {@code GET
 * /1.0/identifiers/{did}}, the ledger under {@code /ledger}, {@code GET /health}, {@code GET
 * /metrics}, and each feature's own. Every error is an RFC 9457 {@code application/problem+json}
 * body with a stable type; request bodies are limited to 64 KiB.
 *
 * <p>The node owns the ledger and features it is given and closes them in {@link #close()}.
 */
public final class MipNode implements AutoCloseable {
  /** Interface the node binds to unless told otherwise. */
  public static final String DEFAULT_HOST = "127.0.0.1";

  private final Ledger ledger;
  private final List<NodeFeature.Started> features;
  private final NodeMetrics metrics;
  private final Javalin app;
  private boolean started;
  private boolean closed;

  /**
   * Builds a node over an open ledger, without optional features.
   *
   * @param ledger the ledger to serve; the node takes ownership
   * @param resolver the DID resolver behind {@code /1.0/identifiers}
   * @param backend the backend's name, reported by {@code /health}
   */
  public MipNode(Ledger ledger, DidResolver resolver, String backend) {
    this(ledger, resolver, backend, List.of());
  }

  /** Builds a node over an open ledger serving started {@code features}; takes ownership of all. */
  public MipNode(
      Ledger ledger, DidResolver resolver, String backend, List<NodeFeature.Started> features) {
    this.ledger = Objects.requireNonNull(ledger, "ledger");
    this.features = List.copyOf(features);
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
    this.features.forEach(f -> f.register(app));
  }

  /**
   * The optional features every node opened with {@link #open} runs, in start order: one line per
   * feature (a class implementing {@link NodeFeature} in the feature's own package).
   */
  static List<NodeFeature> features() {
    return List.of(
        new io.mip.node.kyc.KycFeature(),
        new io.mip.node.profile.ProfileFeature(),
        new io.mip.node.oidc.OidcFeature(),
        new io.mip.node.ai.AiFeature(),
        new io.mip.node.backup.BackupFeature(),
        new io.mip.node.openapi.OpenApiFeature());
  }

  /**
   * Opens the stores {@code config} names, starts the features and builds a node (not yet
   * listening).
   *
   * @throws io.mip.ledger.LedgerException if the ledger cannot be opened; for the embedded backend
   *     a {@code LedgerCorruptedException} names the first bad block
   */
  public static MipNode open(NodeConfig config) {
    return open(config, LedgerFactories.forBackend(config.backend()));
  }

  /** Like {@link #open(NodeConfig)} with an explicit ledger factory (another backend, tests). */
  public static MipNode open(NodeConfig config, LedgerFactory factory) {
    return open(config, factory, features());
  }

  /** Like {@link #open(NodeConfig, LedgerFactory)} with an explicit list of features. */
  public static MipNode open(NodeConfig config, LedgerFactory factory, List<NodeFeature> wanted) {
    List<OperationPolicy> policies = new ArrayList<>(DidMethods.policies());
    wanted.forEach(f -> policies.addAll(f.policies()));
    Ledger ledger = factory.open(config, policies);
    List<NodeFeature.Started> running = new ArrayList<>();
    try {
      DidResolver resolver = DidMethods.resolver(ledger);
      NodeContext context = new NodeContext(config, ledger, resolver);
      for (NodeFeature f : wanted) {
        running.add(f.start(context));
      }
      return new MipNode(ledger, resolver, config.backend().id(), running);
    } catch (RuntimeException e) {
      closeAll(running);
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
    if (started || closed) {
      throw new IllegalStateException("node already started or closed");
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

  /**
   * Returns the registered HTTP routes as {@code "METHOD /path"} (Javalin path syntax), for route
   * listings and the OpenAPI drift test.
   */
  public List<String> routes() {
    return app.unsafeConfig().pvt.internalRouter.allHttpHandlers().stream()
        .map(e -> e.getEndpoint().getMethod() + " " + e.getEndpoint().getPath())
        .toList();
  }

  /** Returns the ledger the node serves. */
  public Ledger ledger() {
    return ledger;
  }

  /** Stops the HTTP server, then closes the features and the ledger. Idempotent. */
  @Override
  public synchronized void close() {
    if (closed) {
      return;
    }
    closed = true;
    try {
      app.stop();
    } finally {
      try {
        closeAll(features);
        metrics.close();
      } finally {
        ledger.close();
      }
    }
  }

  private static void closeAll(List<NodeFeature.Started> started) {
    RuntimeException first = null;
    for (int i = started.size() - 1; i >= 0; i--) {
      try {
        started.get(i).close();
      } catch (RuntimeException e) {
        if (first == null) {
          first = e;
        } else {
          first.addSuppressed(e);
        }
      }
    }
    if (first != null) {
      throw first;
    }
  }
}
