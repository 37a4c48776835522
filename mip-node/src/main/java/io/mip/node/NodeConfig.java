package io.mip.node;

import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;

/**
 * What a node needs to open its stores.
 *
 * @param dataDir the node's data directory; the embedded ledger lives in {@code <dataDir>/ledger}
 * @param backend which ledger backend to open
 * @param backendOptions backend-specific settings (for {@code evm}: RPC URL, contract address, ...)
 */
public record NodeConfig(Path dataDir, LedgerBackend backend, Map<String, String> backendOptions) {
  /** Validates and copies. */
  public NodeConfig {
    Objects.requireNonNull(dataDir, "dataDir");
    Objects.requireNonNull(backend, "backend");
    backendOptions = Map.copyOf(backendOptions);
  }

  /** An embedded-ledger node in {@code dataDir}. */
  public static NodeConfig embedded(Path dataDir) {
    return new NodeConfig(dataDir, LedgerBackend.EMBEDDED, Map.of());
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
