package io.mip.ledger;

/** Thrown when bytes offered as an operation are not a well-formed operation. */
public final class MalformedOperationException extends Exception {
  private static final long serialVersionUID = 1L;

  /** Creates the exception with a message that names the problem. */
  public MalformedOperationException(String message) {
    super(message);
  }
}
