package io.mip.ledger.evm;

import io.mip.ledger.LedgerException;

/**
 * The contract or the node refused an administrative transaction of {@link EvmAdmin}: the gas
 * estimate showed that the contract would revert (for example with {@code NotAdmin} when the key is
 * not the admin's), the node refused the signed transaction, or it was mined and reverted. Nothing
 * was changed on chain. A node that cannot be reached is a plain {@link LedgerException} instead.
 */
public final class EvmRefusedException extends LedgerException {
  private static final long serialVersionUID = 1L;

  private final String errorName;

  /** Creates the exception; {@code errorName} is the contract's custom error, or "". */
  public EvmRefusedException(String message, String errorName, Throwable cause) {
    super(message, cause);
    this.errorName = errorName == null ? "" : errorName;
  }

  /** The name of the contract's custom error ({@code NotAdmin}, ...), or "" when not known. */
  public String errorName() {
    return errorName;
  }
}
