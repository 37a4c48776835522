package io.mip.node;

import io.javalin.Javalin;
import io.mip.ledger.OperationPolicy;
import java.util.List;

/**
 * An optional part of a node beside the resolver and the ledger API (the Smart Profile, the OIDC
 * provider, ...). {@link MipNode#open} asks every feature for its ledger policies before the ledger
 * opens, then starts it over the open ledger and resolver, registers its routes, and closes it on
 * shutdown before the ledger.
 *
 * <p>Routes throw {@code io.mip.node.internal.http.ProblemException} for errors, so they leave as
 * RFC 9457 problems like every other route.
 */
public interface NodeFeature {
  /** Returns the ledger admission policies the feature's operations need. */
  default List<OperationPolicy> policies() {
    return List.of();
  }

  /**
   * Opens the feature's own stores and services over the node's ledger and resolver.
   *
   * @throws RuntimeException if it cannot start; the node then refuses to start
   */
  Started start(NodeContext context);

  /** A started feature: routes to serve and resources to release. */
  interface Started extends AutoCloseable {
    /** Registers the feature's routes. */
    void register(Javalin app);

    /** Releases the feature's resources; called once, before the ledger closes. */
    @Override
    default void close() {}
  }
}
