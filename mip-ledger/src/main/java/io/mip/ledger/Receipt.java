package io.mip.ledger;

import java.time.Instant;
import java.util.Objects;

/**
 * Proof of admission: where the ledger placed an operation.
 *
 * @param id the operation's id
 * @param sequence the operation's position in the ledger's total order, starting at 1
 * @param blockHeight the block that holds it
 * @param time the block's time, which the ledger assigns
 */
public record Receipt(OperationId id, long sequence, long blockHeight, Instant time) {
  /** Validates the fields. */
  public Receipt {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(time, "time");
    if (sequence < 1 || blockHeight < 0) {
      throw new IllegalArgumentException("sequence must be >= 1 and block height >= 0");
    }
  }
}
