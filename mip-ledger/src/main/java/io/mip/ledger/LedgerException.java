package io.mip.ledger;

/**
 * An internal ledger failure: storage unavailable, a corrupted store, a backend that does not
 * answer. Never used for an operation the ledger refuses; that is an {@link Admission}.
 */
public class LedgerException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** Creates the exception. */
  public LedgerException(String message) {
    super(message);
  }

  /** Creates the exception with its cause. */
  public LedgerException(String message, Throwable cause) {
    super(message, cause);
  }
}
