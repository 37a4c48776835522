package io.mip.node;

import io.mip.did.DidResolver;
import io.mip.ledger.Ledger;
import java.util.Objects;

/**
 * What a {@link NodeFeature} starts over.
 *
 * @param config the node's configuration (its data directory for the feature's own stores)
 * @param ledger the node's open ledger, with every feature's policies applied
 * @param resolver the node's DID resolver
 */
public record NodeContext(NodeConfig config, Ledger ledger, DidResolver resolver) {
  /** Checks nulls. */
  public NodeContext {
    Objects.requireNonNull(config, "config");
    Objects.requireNonNull(ledger, "ledger");
    Objects.requireNonNull(resolver, "resolver");
  }
}
