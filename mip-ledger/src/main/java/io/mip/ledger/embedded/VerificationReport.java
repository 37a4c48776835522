package io.mip.ledger.embedded;

import java.util.Objects;
import java.util.OptionalLong;

/**
 * The outcome of verifying an embedded ledger's whole chain.
 *
 * @param ok whether every block and operation checked out
 * @param blocks blocks that verified (all blocks when {@code ok})
 * @param operations operations that verified (all operations when {@code ok})
 * @param firstBadBlock the height of the first block found bad; empty when {@code ok}
 * @param problem what is wrong with that block; empty when {@code ok}
 */
public record VerificationReport(
    boolean ok, long blocks, long operations, OptionalLong firstBadBlock, String problem) {
  /** Validates that a failure names its block and problem, and a success names none. */
  public VerificationReport {
    Objects.requireNonNull(firstBadBlock, "firstBadBlock");
    Objects.requireNonNull(problem, "problem");
    if (ok == firstBadBlock.isPresent() || ok != problem.isEmpty()) {
      throw new IllegalArgumentException("a failed report names its block and problem, only then");
    }
  }

  /** A chain that verified. */
  public static VerificationReport passed(long blocks, long operations) {
    return new VerificationReport(true, blocks, operations, OptionalLong.empty(), "");
  }

  /** A chain with a bad block. */
  public static VerificationReport failed(
      long blocks, long operations, long firstBadBlock, String problem) {
    return new VerificationReport(
        false, blocks, operations, OptionalLong.of(firstBadBlock), problem);
  }

  /** Returns one line for humans, such as the CLI's output. */
  public String toText() {
    if (ok) {
      return "ledger OK: " + blocks + " blocks, " + operations + " operations verified";
    }
    return "ledger CORRUPTED at block "
        + firstBadBlock.getAsLong()
        + ": "
        + problem
        + " ("
        + blocks
        + " blocks, "
        + operations
        + " operations verified before it)";
  }
}
