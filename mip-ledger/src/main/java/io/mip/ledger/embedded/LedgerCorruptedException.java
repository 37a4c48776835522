package io.mip.ledger.embedded;

import io.mip.ledger.LedgerException;

/**
 * The stored chain fails verification: a hash link, Merkle root, operation id, operation or block
 * signature, or the numbering of blocks and operations does not check out. {@link #height()} names
 * the first block found bad.
 */
public final class LedgerCorruptedException extends LedgerException {
  private static final long serialVersionUID = 1L;

  private final long height;
  private final String problem;

  /** Creates the exception for the first bad block and what is wrong with it. */
  public LedgerCorruptedException(long height, String problem) {
    super("ledger corrupted at block " + height + ": " + problem);
    this.height = height;
    this.problem = problem;
  }

  /** Returns the height of the first bad block. */
  public long height() {
    return height;
  }

  /** Returns what is wrong with that block. */
  public String problem() {
    return problem;
  }
}
