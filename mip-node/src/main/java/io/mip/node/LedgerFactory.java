package io.mip.node;

import io.mip.ledger.Ledger;
import io.mip.ledger.OperationPolicy;
import java.util.List;

/**
 * Opens the ledger backend a {@link NodeConfig} names. The node calls it once at start and owns the
 * returned ledger (closes it on shutdown).
 */
@FunctionalInterface
public interface LedgerFactory {
  /**
   * Opens (creating if needed) the ledger.
   *
   * @param config the node's configuration
   * @param policies the admission policies the backend applies before admitting an operation
   * @throws io.mip.ledger.LedgerException when the store cannot be opened or is corrupted
   */
  Ledger open(NodeConfig config, List<OperationPolicy> policies);
}
