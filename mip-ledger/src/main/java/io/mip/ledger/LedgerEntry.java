package io.mip.ledger;

import java.util.Objects;

/** An operation the ledger holds, with the receipt that places it. */
public record LedgerEntry(Operation operation, Receipt receipt) {
  /** Validates that the receipt names the operation. */
  public LedgerEntry {
    Objects.requireNonNull(operation, "operation");
    Objects.requireNonNull(receipt, "receipt");
    if (!operation.id().equals(receipt.id())) {
      throw new IllegalArgumentException("receipt is for another operation");
    }
  }
}
