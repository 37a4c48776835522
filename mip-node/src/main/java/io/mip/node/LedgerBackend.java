package io.mip.node;

import java.util.Locale;

/**
 * The ledger backends a node can run on, chosen with {@code --ledger embedded|evm}. Each names the
 * {@link LedgerFactory} that opens it.
 */
public enum LedgerBackend {
  /** Hash-linked blocks signed by the node key, in SQLite under {@code <data>/ledger}. */
  EMBEDDED("embedded"),
  /** The MIP ledger contract on an EVM chain. */
  EVM("evm");

  private final String id;

  LedgerBackend(String id) {
    this.id = id;
  }

  /** Returns the name used on the command line and in {@code /health}. */
  public String id() {
    return id;
  }

  /**
   * Parses a backend name.
   *
   * @throws IllegalArgumentException naming the accepted values when {@code name} is unknown
   */
  public static LedgerBackend fromId(String name) {
    for (LedgerBackend b : values()) {
      if (b.id.equals(name.toLowerCase(Locale.ROOT))) {
        return b;
      }
    }
    throw new IllegalArgumentException("unknown ledger backend '" + name + "' (embedded, evm)");
  }

  @Override
  public String toString() {
    return id;
  }
}
