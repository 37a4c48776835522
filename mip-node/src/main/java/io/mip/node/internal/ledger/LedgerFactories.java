package io.mip.node.internal.ledger;

import io.mip.ledger.embedded.EmbeddedLedger;
import io.mip.ledger.evm.EvmLedger;
import io.mip.node.LedgerBackend;
import io.mip.node.LedgerFactory;

/** The factory for each {@link LedgerBackend}. */
public final class LedgerFactories {
  private LedgerFactories() {}

  /** Returns the factory that opens {@code backend}. */
  public static LedgerFactory forBackend(LedgerBackend backend) {
    return switch (backend) {
      case EMBEDDED -> (config, policies) -> EmbeddedLedger.open(config.ledgerDir(), policies);
      case EVM -> (config, policies) -> EvmLedger.open(config.evm().orElseThrow(), policies);
    };
  }
}
