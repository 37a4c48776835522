package io.mip.ledger;

import java.util.Objects;
import java.util.Optional;

/**
 * The outcome of submitting an operation: accepted (new), duplicate (the same operation was already
 * admitted; the original receipt is returned and nothing is stored again), or rejected.
 */
public record Admission(Status status, Receipt receipt, Rejection rejection) {
  /** The three outcomes. */
  public enum Status {
    ACCEPTED,
    DUPLICATE,
    REJECTED
  }

  /** Validates that exactly one of receipt and rejection is present, matching the status. */
  public Admission {
    Objects.requireNonNull(status, "status");
    if ((status == Status.REJECTED) != (rejection != null)
        || (status == Status.REJECTED) == (receipt != null)) {
      throw new IllegalArgumentException("admission status does not match its contents");
    }
  }

  /** A newly admitted operation. */
  public static Admission accepted(Receipt receipt) {
    return new Admission(Status.ACCEPTED, receipt, null);
  }

  /** An operation that was already admitted. */
  public static Admission duplicate(Receipt receipt) {
    return new Admission(Status.DUPLICATE, receipt, null);
  }

  /** A refused operation. */
  public static Admission rejected(Rejection rejection) {
    return new Admission(Status.REJECTED, null, rejection);
  }

  /** Returns whether the operation is on the ledger (accepted now or before). */
  public boolean admitted() {
    return status != Status.REJECTED;
  }

  /** Returns the receipt when admitted. */
  public Optional<Receipt> receiptIfAdmitted() {
    return Optional.ofNullable(receipt);
  }
}
