package io.mip.node;

import io.mip.ledger.evm.EvmConfig;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/**
 * What a node needs to open its stores.
 *
 * @param dataDir the node's data directory; the embedded ledger lives in {@code <dataDir>/ledger}
 * @param backend which ledger backend to open
 * @param evm the chain and contract to use; present exactly when {@code backend} is {@link
 *     LedgerBackend#EVM}
 */
public record NodeConfig(Path dataDir, LedgerBackend backend, Optional<EvmConfig> evm) {
  /** Validates that the EVM settings are given exactly for the EVM backend. */
  public NodeConfig {
    Objects.requireNonNull(dataDir, "dataDir");
    Objects.requireNonNull(backend, "backend");
    Objects.requireNonNull(evm, "evm");
    if ((backend == LedgerBackend.EVM) != evm.isPresent()) {
      throw new IllegalArgumentException(
          "EVM settings are required for, and only for, --ledger evm");
    }
  }

  /** An embedded-ledger node in {@code dataDir}. */
  public static NodeConfig embedded(Path dataDir) {
    return new NodeConfig(dataDir, LedgerBackend.EMBEDDED, Optional.empty());
  }

  /** A node on the EVM ledger {@code evm}, keeping its other data in {@code dataDir}. */
  public static NodeConfig evm(Path dataDir, EvmConfig evm) {
    return new NodeConfig(dataDir, LedgerBackend.EVM, Optional.of(evm));
  }

  /** Returns the embedded ledger's directory, {@code <dataDir>/ledger}. */
  public Path ledgerDir() {
    return ledgerDir(dataDir);
  }

  /** Returns the embedded ledger's directory inside a node data directory. */
  public static Path ledgerDir(Path dataDir) {
    return dataDir.resolve("ledger");
  }
}
